import { resource } from './types';

export default resource({
  createContact: {
    op: 'POST /contacts',
    title: 'Contacts: Create',
    description: 'Creates a user or lead; needs at least an email, an external_id or a role.',
  },
  getContact: {
    op: 'GET /contacts/{contact_id}',
    title: 'Contacts: Get',
    description: 'Fetches one contact by its Intercom id.',
  },
  updateContact: {
    op: 'PUT /contacts/{contact_id}',
    title: 'Contacts: Update',
    description: 'Changes the given attributes of a contact and leaves the others as they are.',
  },
  deleteContact: {
    op: 'DELETE /contacts/{contact_id}',
    title: 'Contacts: Delete (permanent)',
    description: 'Permanently deletes a contact and its data; this cannot be undone.',
  },
  listContacts: {
    op: 'GET /contacts',
    title: 'Contacts: List',
    description: 'Lists all contacts of the workspace, newest first, page by page.',
    paginate: 'cursor',
    itemsPath: 'data',
    addPagingParams: true,
  },
  searchContacts: {
    op: 'POST /contacts/search',
    title: 'Contacts: Search',
    description: 'Finds contacts matching a query of field filters combined with AND/OR.',
    risk: 'read',
    idempotent: true,
    paginate: 'searchBody',
    itemsPath: 'data',
    freeform: ['query'],
  },
  getContactByExternalId: {
    op: 'GET /contacts/find_by_external_id/{external_id}',
    title: 'Contacts: Get by external id',
    description: 'Fetches the contact that carries the given external_id.',
  },
  mergeContacts: {
    op: 'POST /contacts/merge',
    title: 'Contacts: Merge lead into user (irreversible)',
    description: 'Merges a lead into a user; the lead disappears and this cannot be undone.',
  },
  archiveContact: {
    op: 'POST /contacts/{contact_id}/archive',
    title: 'Contacts: Archive',
    description: 'Archives a contact; it can be unarchived later.',
    idempotent: true,
  },
  unarchiveContact: {
    op: 'POST /contacts/{contact_id}/unarchive',
    title: 'Contacts: Unarchive',
    description: 'Brings an archived contact back.',
    idempotent: true,
  },
  blockContact: {
    op: 'POST /contacts/{contact_id}/block',
    title: 'Contacts: Block',
    description: 'Blocks a contact from starting new conversations.',
    idempotent: true,
  },
  listContactMergeHistory: {
    op: 'GET /contacts/{id}/merge_history',
    title: 'Contacts: List merge history',
    description: 'Lists the contacts that were merged into this one.',
    paginate: 'nextCursor',
  },
  listContactSegments: {
    op: 'GET /contacts/{contact_id}/segments',
    title: 'Contacts: List segments',
    description: 'Lists the segments a contact belongs to.',
  },
  listContactSubscriptions: {
    op: 'GET /contacts/{contact_id}/subscriptions',
    title: 'Contacts: List subscriptions',
    description: 'Lists the subscription types a contact opted in to or out of.',
  },
  listContactTags: {
    op: 'GET /contacts/{contact_id}/tags',
    title: 'Contacts: List tags',
    description: 'Lists the tags attached to a contact.',
  },
  listContactCompanies: {
    op: 'GET /contacts/{contact_id}/companies',
    title: 'Contacts: List companies',
    description: 'Lists the companies a contact is attached to.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
});
