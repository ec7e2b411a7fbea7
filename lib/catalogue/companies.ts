import { resource } from './types';

export default resource({
  upsertCompany: {
    op: 'POST /companies',
    title: 'Companies: Create or update',
    description: 'Creates a company, or updates the one with the same company_id.',
    idempotent: true,
    customAttributes: 'company',
  },
  findCompanies: {
    op: 'GET /companies',
    title: 'Companies: Find',
    description: 'Finds companies by company_id or name, or lists those with a tag or in a segment.',
    paginate: 'page',
    itemsPath: 'data',
  },
  getCompany: {
    op: 'GET /companies/{company_id}',
    title: 'Companies: Get',
    description: 'Fetches one company by its Intercom id.',
  },
  updateCompany: {
    op: 'PUT /companies/{company_id}',
    title: 'Companies: Update',
    description: 'Changes the given attributes of a company by its Intercom id.',
    customAttributes: 'company',
  },
  deleteCompany: {
    op: 'DELETE /companies/{company_id}',
    title: 'Companies: Delete (permanent)',
    description: 'Permanently deletes a company; this cannot be undone.',
  },
  listCompanyContacts: {
    op: 'GET /companies/{company_id}/contacts',
    title: 'Companies: List contacts',
    description: 'Lists the contacts attached to a company.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  listCompanySegments: {
    op: 'GET /companies/{company_id}/segments',
    title: 'Companies: List segments',
    description: 'Lists the segments a company belongs to.',
    paginate: 'page',
    itemsPath: 'data',
  },
  listCompanies: {
    op: 'POST /companies/list',
    title: 'Companies: List',
    description: 'Lists companies page by page (up to 10,000; use Scroll beyond that).',
    risk: 'read',
    idempotent: true,
    paginate: 'page',
    itemsPath: 'data',
  },
  scrollCompanies: {
    op: 'GET /companies/scroll',
    title: 'Companies: Scroll through all',
    description: 'Walks through every company with the scroll API (one scroll per workspace at a time).',
    paginate: 'scroll',
    itemsPath: 'data',
  },
  attachContactToCompany: {
    op: 'POST /contacts/{contact_id}/companies',
    title: 'Companies: Attach contact',
    description: 'Attaches a contact to a company.',
    idempotent: true,
  },
  detachContactFromCompany: {
    op: 'DELETE /contacts/{contact_id}/companies/{company_id}',
    title: 'Companies: Detach contact',
    description: 'Detaches a contact from a company; both records stay.',
    risk: 'write',
  },
});
