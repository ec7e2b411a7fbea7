import type { ResourceHelp } from './types';

/** Schemas many resources share: paging information and bare references to another record. */
const help: ResourceHelp = {
  records: {
    cursor_pages: {
      type: 'Always "pages": marks the paging information of a list answer.',
      page: 'Number of this page, counted from 1.',
      per_page: 'How many items one page holds (the page size asked for, or Intercom’s default).',
      total_pages: 'How many pages the whole list has at this page size.',
      next: 'Where the next page starts: { per_page, starting_after }; missing on the last page. The step follows it when Pages to fetch is All pages.',
      'next.starting_after': 'Cursor of the next page: give it as starting_after to continue the list; missing on the last page.',
      'next.per_page': 'Page size the next page keeps.',
    },
    pages_link: {
      type: 'Always "pages": marks the paging information of a list answer.',
      page: 'Number of this page, counted from 1.',
      per_page: 'How many items one page holds.',
      total_pages: 'How many pages the whole list has at this page size.',
      next: 'Address of the next page; missing on the last page. The step follows it when Pages to fetch is All pages.',
    },
    starting_after_paging: {
      per_page: 'How many results one page holds.',
      starting_after: 'Cursor of the page to read: pages.next.starting_after of the page before; empty for the first page.',
    },
    reference: {
      type: 'Kind of the record referred to, e.g. admin, contact or team.',
      id: 'Intercom’s ID of the record referred to (of the kind named in type).',
    },
    contact_reference: {
      type: 'Always "contact": the answer names a contact.',
      id: 'Intercom’s ID of the contact the action worked on.',
      external_id: 'Your own ID of that contact (its external_id), when it has one.',
    },
    addressable_list: {
      type: 'Kind of the listed record, e.g. tag, note or company.',
      id: 'Intercom’s ID of the listed record.',
      url: 'API path of the listed record, relative to the API host.',
    },
  },
};

export default help;
