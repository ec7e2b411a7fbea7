import { oihDelete } from './deleteRecord';

/** OIH deletePerson: deletes the Intercom contact of an OIH Person. */
export const process = oihDelete('deletePerson', 'deleteContact', 'contact_id');
