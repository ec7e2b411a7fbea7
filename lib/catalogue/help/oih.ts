import type { FieldTexts, ResourceHelp } from './types';

/** Fields of the OIH Person and Organization models (Open Integration Hub data models personV2 / organizationV2). */
const contactData: FieldTexts = {
  contactData: 'Ways to reach the person or organization, each { type, value }: type email, phone or url (the default mapping reads and writes these three).',
  'contactData.type': 'Kind of contact detail: email, phone or url (others are kept but not mapped by default).',
  'contactData.value': 'The contact detail itself, e.g. ada@example.com or +353 1 234 5678.',
};

const person: FieldTexts = {
  firstName: 'First name of the person, e.g. Ada; with lastName it becomes the contact’s name.',
  lastName: 'Last name of the person, e.g. Lovelace; with firstName it becomes the contact’s name.',
  photo: 'Web address of a picture of the person; it becomes the contact’s avatar.',
  ...contactData,
};

const unmapped = (what: string): string => `${what}; the default mapping leaves it unused (a custom mapping may read it).`;

const organization: FieldTexts = {
  organizationName: 'Name of the organization, e.g. Acme Ltd.; it becomes the company’s name.',
  ...contactData,
  categories: 'Classifications of the organization, each { name, label }: label industry or plan maps to the company’s industry or plan.',
  'categories.name': 'The value of the classification, e.g. Software or Premium.',
  'categories.label': 'Which classification it is: industry or plan are mapped; other labels are kept unused.',
};

const deleteOut: FieldTexts = {
  id: 'Intercom’s ID of the record the step deleted (or, under OIH, found already gone by an ID known to be Intercom’s); empty when the ID was not known to be Intercom’s (see Requested ID).',
  requestedId: 'Under OIH: the ID the message asked to delete when it is not known to be Intercom’s (a metadata.recordUid without an ID link); it stands here instead of id, so the data hub never links it to Intercom.',
  delete: 'Under OIH: the delete protocol’s outcome: confirmed (deleted, or a known Intercom record already gone), failed (an answer that will not change, such as no record with that ID) or denied (not requested, deletes not allowed, or Intercom refused with 403).',
  timestamp: 'Under OIH: when the outcome was reached, as an ISO 8601 date and time, e.g. 2024-05-31T14:30:00Z.',
  reason: 'Under OIH: why nothing was deleted or confirmed, e.g. the message did not request the delete, or Intercom has no record with that ID.',
  error: 'Under OIH: Intercom’s error message when the delete failed or was refused (a 400, a 403).',
  deleted: 'On elastic.io: Intercom’s answer, true when it deleted the record; with Treat not found as deleted, a record already gone gives an empty result instead.',
};

const deleteRequested =
  'Under OIH: the delete request, true or a timestamp such as "1642683883"; without a truthy value, or with deletes not allowed in the node’s fields, nothing is deleted and the answer is denied. On elastic.io the step deletes without it, and a value that requests nothing (false, 0) is an error.';

const help: ResourceHelp = {
  actions: {
    upsertPerson: {
      in: {
        ...person,
        title: unmapped('Academic or job title before the name, e.g. Dr.'),
        salutation: unmapped('How to address the person, e.g. Ms.'),
        middleName: unmapped('Middle name of the person'),
        gender: unmapped('Gender of the person'),
        birthday: unmapped('Birthday of the person, as a date such as 1990-05-31'),
        notes: unmapped('Free notes about the person'),
        displayName: unmapped('Name to show for the person'),
        language: unmapped('Preferred language of the person, e.g. en'),
        nickname: unmapped('Nickname of the person'),
        jobTitle: unmapped('Job title of the person, e.g. Engineer'),
        anniversary: unmapped('An anniversary date of the person'),
        address: unmapped('Postal addresses of the person'),
        calendars: unmapped('Calendars of the person'),
        categories: unmapped('Classifications of the person'),
      },
      out: {
        result: 'created when the step made a new contact, updated when it changed an existing one.',
        matched_by: 'How the existing contact was found: recordUid (the OIH link), external_id or email; empty when one was created.',
        contact: 'The contact as Intercom stored it: Intercom ID, your external ID, email, name and more.',
      },
    },
    upsertOrganization: {
      in: {
        ...organization,
        company_id: 'Your own ID of the company (its company_id): used to create or update it when the record has no linked Intercom company yet.',
        logo: unmapped('Web address of the organization’s logo'),
        addresses: unmapped('Postal addresses of the organization'),
        calendars: unmapped('Calendars of the organization'),
        personToOrganizationRelationship: unmapped('Links from persons to this organization'),
        OrganizationToOrganizationRelationship: unmapped('Links to other organizations'),
      },
      out: {
        result: 'updated when the linked company was changed; createdOrUpdated when Intercom created or updated it by company_id.',
        matched_by: 'How the company was found: recordUid (the OIH link) or company_id.',
        company: 'The company as Intercom stored it: Intercom ID, your company_id, name, plan and more.',
      },
    },
    deletePerson: {
      in: { id: 'Intercom’s ID of the contact to delete (its id field); under OIH, empty takes the record’s metadata.recordUid.', deleteRequested },
      out: deleteOut,
    },
    deleteOrganization: {
      in: { id: 'Intercom’s ID of the company to delete (its id field); under OIH, empty takes the record’s metadata.recordUid.', deleteRequested },
      out: deleteOut,
    },
    getPersonsPolling: { out: person },
    getOrganizationsPolling: { out: organization },
  },
};

export default help;
