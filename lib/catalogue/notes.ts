import { resource } from './types';

export default resource({
  listContactNotes: {
    op: 'GET /contacts/{contact_id}/notes',
    title: 'Notes: List for contact',
    description: 'Lists the notes written about a contact.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createContactNote: {
    op: 'POST /contacts/{contact_id}/notes',
    title: 'Notes: Add to contact',
    description: 'Writes a note about a contact, optionally on behalf of an admin.',
    // Contact ids are hex text (GET of the same path types contact_id as a string); this route says integer.
    textIds: ['contact_id'],
  },
  listCompanyNotes: {
    op: 'GET /companies/{company_id}/notes',
    title: 'Notes: List for company',
    description: 'Lists the notes written about a company.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createCompanyNote: {
    op: 'POST /companies/{company_id}/notes',
    title: 'Notes: Add to company',
    description: 'Writes a note about a company, optionally on behalf of an admin.',
  },
  getNote: {
    op: 'GET /notes/{note_id}',
    title: 'Notes: Get',
    description: 'Fetches one note by id.',
  },
});
