import { contactIdTo } from './contacts';
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
    note_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The notes about the record, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
      total_count: 'How many notes the record has in all, over every page.',
    },
  },
  actions: {
    listContactNotes: { in: { contact_id: contactIdTo('whose notes to list') } },
    createContactNote: {
      in: {
        contact_id:
          'Intercom’s ID of the contact the note is about: the id field of a contact, as Contacts: List or Contacts: Search give it, e.g. 5ba682d23d7cf92bef87bfd4 (text, not a whole number); not your own external_id.',
        body: 'Text of the note; simple HTML such as <p> and <a> is kept. Only teammates see notes.',
        admin_id: 'Intercom’s ID of the admin (teammate) shown as the note’s author: the id field of an admin, as Admins: List gives it. Intercom answers 404 when no admin of the workspace has it.',
      },
    },
    createCompanyNote: {
      in: {
        body: 'Text of the note; simple HTML such as <p> and <a> is kept. Only teammates see notes.',
        admin_id: 'Intercom’s ID of the admin (teammate) shown as the note’s author: the id field of an admin, as Admins: List gives it. Intercom answers 404 when no admin of the workspace has it.',
      },
    },
  },
};

export default help;
