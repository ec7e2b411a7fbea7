import type { FieldTexts, ResourceHelp } from './types';

const note: FieldTexts = {
  type: 'Always "note": names the kind of object.',
  id: 'Intercom’s ID of the note; Notes: Get takes it as note_id.',
  created_at: 'When the note was written.',
  contact: 'The contact the note is about: type and Intercom ID.',
  'contact.type': 'Always "contact": names the kind of object.',
  'contact.id': 'Intercom’s ID of the contact the note is about.',
  company: 'The company the note is about: type and Intercom ID.',
  'company.type': 'Always "company": names the kind of object.',
  'company.id': 'Intercom’s ID of the company the note is about.',
  author: 'The admin (teammate) who wrote the note, with ID, name and email.',
  body: 'Text of the note as HTML; only teammates see notes.',
};

const help: ResourceHelp = {
  records: {
    note,
    company_note: Object.fromEntries(Object.entries(note).filter(([name]) => !name.startsWith('contact'))),
    note_list: { type: 'Always "list": names the kind of object.', data: 'The notes of this page, newest first.', total_count: 'How many notes there are in all.' },
  },
  actions: {
    createContactNote: {
      in: {
        body: 'Text of the note; simple HTML such as <p> and <a> is kept. Only teammates see notes.',
        admin_id: 'Intercom’s ID of the admin shown as the note’s author; empty: the admin the token belongs to.',
      },
    },
    createCompanyNote: {
      in: {
        body: 'Text of the note; simple HTML such as <p> and <a> is kept. Only teammates see notes.',
        admin_id: 'Intercom’s ID of the admin shown as the note’s author; empty: the admin the token belongs to.',
      },
    },
  },
};

export default help;
