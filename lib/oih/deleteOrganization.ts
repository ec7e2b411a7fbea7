import { oihDelete } from './deleteRecord';

/** OIH deleteOrganization: deletes the Intercom company of an OIH Organization. */
export const process = oihDelete('deleteOrganization', 'deleteCompany', 'company_id');
