import { oihDelete } from './deleteRecord';

/** OIH deleteOrganization: deletes the Intercom company of an OIH Organization. */
export const action = oihDelete('deleteCompany', 'company_id');
