/** Schema-driven inputs shared by the bad-input and secrecy suites. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleInput, type Schema } from '../helpers/sampleInput';
import { ROOT } from './helpers';

export interface PropertySchema {
  type?: string;
  enum?: unknown[];
  items?: { type?: string };
  required?: boolean;
}

export interface InSchema {
  properties?: Record<string, PropertySchema>;
}

export function inSchema(key: string): InSchema {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', `${key}.in.json`), 'utf8')) as InSchema;
}

/** Valid values for required fields, so each case breaks one thing only. Convenience actions need a few real ones. */
const BASE_OVERRIDES: Record<string, Record<string, unknown>> = {
  snoozeConversation: { until: '2099-01-01T00:00:00Z' },
  upsertContact: { email: 'ada@example.com' },
  upsertPerson: { contactData: [{ type: 'email', value: 'ada@example.com' }] },
  upsertOrganization: { company_id: 'acme-1' },
  tagCompanyByName: { company_id: 'acme-1' },
  rawRequest: { path: '/me' },
  replyToConversation: { reply_as: 'admin' },
  searchContacts: { query: { field: 'email', operator: '=', value: 'ada@example.com' } },
  searchConversations: { query: { field: 'id', operator: '=', value: 'abc123' } },
  searchTickets: { query: { field: 'id', operator: '=', value: 'abc123' } },
  // The standard object actions run with objectType contacts (OBJECT_ACTION_CONFIG in helpers.ts).
  lookupObject: { email: 'ada@example.com' },
  lookupObjects: { searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'ada@example.com' } },
  upsertObject: { email: 'ada@example.com' },
  deleteObject: { id: 'abc123' },
};

export function validValue(name: string, prop: PropertySchema): unknown {
  if (prop.enum && prop.enum.length > 0) return prop.enum[0];
  switch (prop.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return name.endsWith('email') ? 'ada@example.com' : 'abc123';
  }
}

/**
 * The required fields of the action filled with values its validation accepts (ids the sandbox may not know):
 * sampled from the strict schema of a generated action (formats, variants), else from its in-schema.
 */
export function baseInput(key: string, schema: InSchema = inSchema(key)): Record<string, unknown> {
  const strict = join(ROOT, 'schemas', `${key}.in.strict.json`);
  if (existsSync(strict)) return { ...sampleInput(JSON.parse(readFileSync(strict, 'utf8')) as Schema, 'none'), ...BASE_OVERRIDES[key] };
  const base: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) if (prop.required === true) base[name] = validValue(name, prop);
  return { ...base, ...BASE_OVERRIDES[key] };
}
