import { convenienceActions } from './convenience';
import { recordDeleteFields } from './deleteFields';
import { OIH_FIELDS } from './fields';
import type { HandWrittenDecl, FieldDecl, JsonSchema } from './types';

/**
 * The Open Integration Hub's standard functions: Intercom contacts as OIH Persons and companies as OIH
 * Organizations (OIH Data-and-Domain-Models personV2 / organizationV2), under the keys OIH adapters use. The
 * default mappings are lib/oih/mappings/*.ts; the triggers are declared in triggers.ts beside the others.
 */

const p = (type: string, title: string, extra: JsonSchema = {}): JsonSchema => ({ type, title, ...extra });

/** ferryman's transformation contract, offered on every OIH function. */
export const oihTransformFields: Record<string, FieldDecl> = {
  [OIH_FIELDS.skipTransformation]: {
    label: 'Skip transformation',
    viewClass: 'CheckBoxView',
    required: false,
    note: 'Pass records through unmapped: triggers emit Intercom records, actions take Intercom inputs (those of Contacts or Companies: Create or update).',
    order: 20,
  },
  [OIH_FIELDS.customMapping]: {
    label: 'Custom mapping (JSONata)',
    viewClass: 'TextAreaView',
    required: false,
    placeholder: '{ "data": { "firstName": $substringBefore(data.name, " ") } }',
    note: 'A JSONata expression used instead of the default mapping, over OIH\'s message {metadata, data}; it gives {data, metadata} back, as in other OIH connectors (see the README); without data in its result the step fails, without metadata the incoming one is kept. Triggers: data is the Intercom record; actions: the mapped data are the Intercom inputs. Not used when Skip transformation is ticked.',
    order: 19,
  },
};

const contactData = p('array', 'Contact data', {
  items: { type: 'object', properties: { type: p('string', 'Type'), value: p('string', 'Value') } },
});
const categories = p('array', 'Categories', {
  items: { type: 'object', properties: { name: p('string', 'Name'), label: p('string', 'Label (industry, plan)') } },
});

/** The OIH Person fields the default mapping reads and writes. */
export const personSchema: JsonSchema = {
  type: 'object',
  title: 'OIH Person',
  properties: { firstName: p('string', 'First name'), lastName: p('string', 'Last name'), photo: p('string', 'Photo URL'), contactData },
};

/** The OIH Organization fields the default mapping reads and writes. */
export const organizationSchema: JsonSchema = {
  type: 'object',
  title: 'OIH Organization',
  properties: { organizationName: p('string', 'Organization name'), contactData, categories },
};

const list = (title: string): JsonSchema => p('array', title, { items: { type: 'object' } });
const unmapped = (title: string): string => `${title} (not mapped by default)`;

/**
 * What the OIH actions take: every field of the OIH model (records from the hub carry them), closed to
 * anything else. The default mapping uses the fields of the schemas above; the others are accepted and left
 * unused unless a custom mapping reads them. With a custom mapping or skipTransformation any object is taken.
 */
const personIn: JsonSchema = {
  type: 'object',
  title: 'OIH Person',
  properties: {
    ...(personSchema['properties'] as Record<string, JsonSchema>),
    title: p('string', unmapped('Title')),
    salutation: p('string', unmapped('Salutation')),
    middleName: p('string', unmapped('Middle name')),
    gender: p('string', unmapped('Gender'), { enum: ['male', 'female', 'intersexual'] }),
    birthday: p('string', unmapped('Birthday')),
    notes: p('string', unmapped('Notes')),
    displayName: p('string', unmapped('Display name')),
    language: p('string', unmapped('Language')),
    nickname: p('string', unmapped('Nickname')),
    jobTitle: p('string', unmapped('Job title')),
    anniversary: p('string', unmapped('Anniversary')),
    address: list(unmapped('Addresses')),
    calendars: list(unmapped('Calendars')),
    categories: list(unmapped('Categories')),
  },
  additionalProperties: false,
};

const organizationIn: JsonSchema = {
  type: 'object',
  title: 'OIH Organization',
  properties: {
    ...(organizationSchema['properties'] as Record<string, JsonSchema>),
    company_id: p('string', 'Company ID (your id; used when there is no linked company)'),
    logo: p('string', unmapped('Logo URL')),
    addresses: list(unmapped('Addresses')),
    calendars: list(unmapped('Calendars')),
    personToOrganizationRelationship: list(unmapped('Relations to persons')),
    OrganizationToOrganizationRelationship: list(unmapped('Relations to organizations')),
  },
  additionalProperties: false,
};

const deleteIn: JsonSchema = {
  type: 'object',
  properties: {
    id: p('string', 'Intercom id (under OIH: metadata.recordUid when empty)', { required: true }),
    // Taken out before the id is validated (runtime/deletes.ts); declared so the mapper shows it.
    deleteRequested: p('string', 'Delete requested (OIH)'),
  },
  additionalProperties: false,
};
const deleteOut: JsonSchema = {
  type: 'object',
  title: 'Delete answer',
  properties: {
    id: p('string', 'Intercom id'),
    requestedId: p('string', 'Requested ID (not known to be Intercom’s)'),
    delete: p('string', 'OIH outcome (under OIH)', { enum: ['confirmed', 'failed', 'denied'] }),
    timestamp: p('string', 'When (under OIH)'),
    reason: p('string', 'Why nothing was deleted (under OIH)'),
    error: p('string', 'Intercom\'s error (under OIH)'),
    deleted: p('boolean', 'Deleted (elastic.io)'),
  },
};

export const oihActions: Readonly<Record<string, HandWrittenDecl>> = {
  upsertPerson: {
    kind: 'action',
    title: 'OIH Persons: Create or update',
    description: 'Takes an OIH Person, maps it to a contact and creates or updates it (by the linked Intercom id, else by email).',
    risk: 'write',
    module: 'oih/upsertPerson',
    in: personIn,
    // The same answer as Contacts: Create or update, whose find-update-or-create it runs.
    out: (convenienceActions['upsertContact'] as HandWrittenDecl).out,
    fields: oihTransformFields,
  },
  upsertOrganization: {
    kind: 'action',
    title: 'OIH Organizations: Create or update',
    description: 'Takes an OIH Organization, maps it to a company and updates it (by the linked Intercom id) or creates or updates it by company_id.',
    risk: 'write',
    module: 'oih/upsertOrganization',
    in: organizationIn,
    out: {
      type: 'object',
      properties: {
        result: p('string', 'Result', { enum: ['updated', 'createdOrUpdated'] }),
        matched_by: p('string', 'Matched by', { enum: ['recordUid', 'company_id'] }),
        company: p('object', 'Company'),
      },
    },
    fields: oihTransformFields,
  },
  deletePerson: {
    kind: 'action',
    title: 'OIH Persons: Delete',
    description: "Permanently deletes the contact of an OIH Person; under OIH answers with the delete protocol ({delete, timestamp}).",
    risk: 'destructive',
    module: 'oih/deletePerson',
    in: deleteIn,
    out: deleteOut,
    fields: recordDeleteFields,
  },
  deleteOrganization: {
    kind: 'action',
    title: 'OIH Organizations: Delete',
    description: "Permanently deletes the company of an OIH Organization; under OIH answers with the delete protocol ({delete, timestamp}).",
    risk: 'destructive',
    module: 'oih/deleteOrganization',
    in: deleteIn,
    out: deleteOut,
    fields: recordDeleteFields,
  },
};
