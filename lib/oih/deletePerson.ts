import { oihDelete } from './deleteRecord';

/** OIH deletePerson: deletes the Intercom contact of an OIH Person. */
export const action = oihDelete('deleteContact', 'contact_id');
