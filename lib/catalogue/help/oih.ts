import { contactShapeTexts } from './contacts';
import type { FieldTexts, ResourceHelp } from './types';

/**
 * Fields of the OIH Person and Organization models (Open Integration Hub data models personV2 / organizationV2), as
 * the default mappings (lib/oih/mappings) read and write them: a person's email and phone entries, an
 * organization's url entry.
 */
const person: FieldTexts = {
  firstName: 'First name of the person, e.g. Ada; with lastName it becomes the contact’s name (“Ada Lovelace”).',
  lastName: 'Last name of the person, e.g. Lovelace; with firstName it becomes the contact’s name (“Ada Lovelace”).',
  photo: 'Web address of a picture of the person, e.g. https://example.com/ada.png; it becomes the contact’s avatar.',
  contactData:
    'Ways to reach the person, each { "type", "value" }: the first email entry becomes the contact’s email, the first phone entry its phone; other types are not used. The contact is found by that email (or by the linked Intercom record under OIH); with neither, the step fails.',
  'contactData.type': 'Kind of contact detail: email and phone are used; url and other types are left unused by the default mapping.',
  'contactData.value': 'The contact detail itself: an email address such as ada@example.com for an email entry, a phone number such as +353 1 234 5678 for a phone entry.',
};

/** A person as the trigger emits it, mapped from an Intercom contact. */
const personOut: FieldTexts = {
  firstName: 'First name of the person: the contact’s name up to its last space (the whole name when it is one word).',
  lastName: 'Last name of the person: the last word of the contact’s name; empty when the name is one word.',
  photo: 'Web address of the contact’s picture (its avatar), when it has one.',
  contactData: 'Ways to reach the person: an email entry with the contact’s email and a phone entry with its phone, each when the contact has one.',
  'contactData.type': 'Kind of contact detail: email or phone.',
  'contactData.value': 'The contact’s email address (email entry) or phone number (phone entry).',
};

const unmapped = (what: string): string => `${what}; the default mapping leaves it unused (a custom mapping may read it).`;

const organization: FieldTexts = {
  organizationName: 'Name of the organization, e.g. Acme Ltd.; it becomes the company’s name.',
  contactData: 'Ways to reach the organization, each { "type", "value" }: the first url entry becomes the company’s website; email, phone and other types are not used.',
  'contactData.type': 'Kind of contact detail: url is used (the company’s website); email, phone and other types are left unused by the default mapping.',
  'contactData.value': 'The contact detail itself; for the url entry the organization’s web address, e.g. https://acme.example, which becomes the company’s website.',
  categories: 'Classifications of the organization, each { name, label }: label industry or plan maps to the company’s industry or plan.',
  'categories.name': 'The value of the classification, e.g. Software or Premium.',
  'categories.label': 'Which classification it is: industry or plan are mapped; other labels are kept unused.',
};

/** An organization as the trigger emits it, mapped from an Intercom company. */
const organizationOut: FieldTexts = {
  organizationName: 'Name of the company, e.g. Acme Ltd.',
  contactData: 'Ways to reach the organization: a url entry with the company’s website, when it has one.',
  'contactData.type': 'Kind of contact detail: url (the company’s website).',
  'contactData.value': 'The company’s website address, e.g. https://acme.example.',
  categories: 'The company’s industry and plan, as { name, label } entries labelled industry and plan, each when the company has it.',
  'categories.name': 'The value: the company’s industry (e.g. Software) or the name of its plan (e.g. Premium).',
  'categories.label': 'Which value it is: industry or plan.',
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
        title: unmapped('Title written before the name, e.g. Dr. or Prof. (the job title is jobTitle).'),
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
        ...contactShapeTexts('contact'),
      },
    },
    upsertOrganization: {
      in: {
        ...organization,
        company_id:
          'Your own ID of the company (its company_id): when the record has no linked Intercom company (metadata.recordUid), the company with this company_id is updated, or created. Empty: the record’s OIH id (metadata.oihUid) is used; with neither, the step fails.',
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
    getPersonsPolling: { out: personOut },
    getOrganizationsPolling: { out: organizationOut },
  },
};

export default help;
