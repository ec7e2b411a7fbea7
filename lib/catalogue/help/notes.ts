import type { HelpTexts } from './types';

export const notesHelp: HelpTexts = {
  id: "Intercom's ID of the note.",
  note_id: "Intercom's ID of the note to fetch.",
  body: 'Text of the note; simple HTML such as <p> and <a> is kept. Only teammates see notes.',
  contact: 'The contact the note is about: type and ID.',
  'contact.id': "Intercom's ID of the contact the note is about.",
  'contact.type': 'Always contact: marks the object as a contact.',
  company: 'The company the note is about: type and ID.',
  'company.id': "Intercom's ID of the company the note is about.",
  'company.type': 'Always company: marks the object as a company.',
  author: 'The admin who wrote the note, with name, email and team IDs.',
  admin_id: 'ID of the admin shown as the note’s author.',
};
