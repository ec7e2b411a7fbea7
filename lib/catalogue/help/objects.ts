import type { ResourceHelp } from './types';

/**
 * The standard object actions' static inputs: what the flow designer shows before an object type is chosen (the
 * union of every type's fields). Once a type is chosen, the dynamic metadata (lib/objects/metaModel.ts, help in
 * lib/objects/help.ts) shows that type's fields with texts naming its record.
 */
const help: ResourceHelp = {
  actions: {
    lookupObject: {
      in: {
        id: 'Intercom’s ID of the record to look up (its id field), of the type chosen in the step field Object type. Give this or one unique field, not several.',
        custom_object_type_identifier: 'For custom object instances: identifier of the custom object type, as set up in Intercom, e.g. Order.',
        external_id: 'For contacts: your own ID of the contact (its external_id), instead of the Intercom ID.',
        email: 'For contacts and admins: the email address to look the record up by; the step fails when several records match.',
        company_id: 'For companies: your own ID of the company (its company_id), instead of the Intercom ID.',
        name: 'For companies, teams and tags: the name to look the record up by, exactly as stored; the step fails when several match.',
      },
    },
    lookupObjects: {
      in: {
        id: 'Not a filter of this action: choose an object type and search terms; the record IDs come in the results.',
        custom_object_type_identifier: 'For custom object instances: identifier of the custom object type, as set up in Intercom, e.g. Order.',
      },
    },
    upsertObject: {
      in: {
        id: 'Intercom’s ID of the record to update (its id field); empty: the record your other fields identify is updated, or a new one is created.',
        custom_object_type_identifier: 'For custom object instances: identifier of the custom object type, as set up in Intercom, e.g. Order.',
      },
    },
    deleteObject: {
      in: {
        id: 'Intercom’s ID of the record to delete (its id field), of the type chosen in the step field Object type. A record that is not there gives an empty result.',
        custom_object_type_identifier: 'For custom object instances: identifier of the custom object type, as set up in Intercom, e.g. Order.',
      },
    },
  },
};

export default help;
