/**
 * The example of `describe`: an input (and step fields) that runs as shown against a fresh sandbox. Required
 * inputs get a value of the right shape from the validation schema; ids name records the sandbox seeds (or, when it
 * seeds none, the record an earlier step creates); a few actions need more than shapes and have their example
 * written out (examples.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { writtenExample, type Example, type ExampleStep } from './examples';
import { sampleIds } from './sampleIds';

type Schema = Record<string, unknown>;

/** A Unix time (seconds) in the future of any sandbox clock: 2030-01-01T00:00:00Z. */
const FUTURE_TIME = 1_893_456_000;
/** A past Unix time for ranges and imports: 2026-01-01T00:00:00Z. */
const PAST_TIME = 1_767_225_600;

const TIME_NAME = /(_at|_after|_before|_since|_until|^since|^until|timestamp)$/;

/** The sample record an id input names, by what its help says it is (Intercom's ID of the …, your own ID of the …). */
function idFromHelp(help: string): string | number | undefined {
  const ids = sampleIds();
  const own = /^Your own ID(?: \(external_id\))? of the (contact|company)/i.exec(help)?.[1];
  if (own === 'contact') return ids.contact.externalId;
  if (own === 'company') return ids.company.companyId;
  const noun = /^(?:For [^:]+: )?Intercom[’']s ID of (?:the |a |an )?([a-z ]+?)(?= to | \(|:|;|,|\.| who| that| whose| the| in|$)/i.exec(help)?.[1]?.toLowerCase();
  const byNoun: Record<string, string | number> = {
    contact: ids.contact.id,
    company: ids.company.id,
    conversation: ids.conversation,
    ticket: ids.ticket,
    tag: ids.tag.id,
    admin: ids.admin,
    'admin or team': ids.admin,
    team: ids.team,
    'ticket type': ids.ticketType,
    'ticket state': ids.ticketState,
    'state': ids.ticketState,
    'subscription type': ids.subscriptionType,
    'data attribute': ids.dataAttribute,
    note: ids.firstNote,
    'conversation part': ids.conversationPart,
    part: ids.conversationPart,
  };
  return noun ? byNoun[noun] : undefined;
}

/** Ids by input name, where the help does not say whose id it is in so many words. */
function idFromName(name: string): string | number | undefined {
  const ids = sampleIds();
  const byName: Record<string, string | number> = {
    contact_id: ids.contact.id,
    intercom_user_id: ids.contact.id,
    user_id: ids.contact.externalId,
    external_id: ids.contact.externalId,
    conversation_id: ids.conversation,
    ticket_id: ids.ticket,
    tag_id: ids.tag.id,
    admin_id: ids.admin,
    owner_id: ids.admin,
    assignee_id: ids.admin,
    team_id: ids.team,
    ticket_type_id: ids.ticketType,
    ticket_state_id: ids.ticketState,
    subscription_id: ids.subscriptionType,
    data_attribute_id: ids.dataAttribute,
    note_id: ids.firstNote,
  };
  return byName[name];
}

function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== 'null');
  if (schema['properties']) return 'object';
  return undefined;
}

function textFor(name: string, schema: Schema): string {
  const words: Record<string, string> = {
    body: 'Hello from the example',
    name: 'Example',
    title: 'Example title',
    subject: 'Example subject',
    description: 'An example description',
    label: 'Example',
    query: 'example',
    phrase: 'example',
    tag_name: 'Example tag',
    event_name: 'example-event',
    phone: '+14155550123',
    until: '2030-01-01T09:00:00Z',
    path: '/me',
  };
  let text = words[name] ?? 'example';
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  while (text.length < min) text += ' example';
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : undefined;
  return max === undefined ? text : text.slice(0, max);
}

/** A value of the right shape for one input; `mapper` is what the flow designer shows for it (its help names whose id it is). */
function valueFor(name: string, schema: Schema, mapper: Schema, depth: number): unknown {
  const help = typeof mapper['description'] === 'string' ? mapper['description'] : '';
  if ('const' in schema) return schema['const'];
  const values = (schema['enum'] as unknown[] | undefined)?.filter((v) => v !== null);
  if (values && values.length > 0) return values[0];
  const type = typeOf(schema);
  const isId = /(^|_)id$/.test(name) || name === 'id';
  const id = isId ? (idFromHelp(help) ?? idFromName(name)) : undefined;
  if (id !== undefined) return type === 'integer' || type === 'number' ? Number(id) : String(id);
  switch (type) {
    case 'integer':
    case 'number': {
      if (TIME_NAME.test(name)) return /until|snoozed|scheduled|future/.test(name) ? FUTURE_TIME : PAST_TIME;
      const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
      return Math.max(1, minimum);
    }
    case 'boolean':
      return true;
    case 'array': {
      const items = (schema['items'] ?? {}) as Schema;
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1;
      const mapperItems = (mapper['items'] ?? {}) as Schema;
      return Array.from({ length: Math.max(1, min) }, () => valueFor(name.replace(/_ids$/, '_id').replace(/s$/, ''), items, { ...mapperItems, description: help }, depth + 1));
    }
    case 'object':
      return objectFor(schema, mapper, depth + 1);
    default: {
      const format = schema['format'];
      if (format === 'email' || name === 'email') return sampleIds().contact.email;
      if (format === 'date-time') return '2026-01-01T00:00:00Z';
      if (format === 'date') return '2026-01-01';
      if (format === 'uri' || /url$/.test(name)) return 'https://example.com/page';
      if (format === 'uuid') return '123e4567-e89b-12d3-a456-426614174000';
      if (isId) return '1';
      return textFor(name, schema);
    }
  }
}

function requiredOf(schema: Schema, mapper: Record<string, Schema>): string[] {
  const listed = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const marked = Object.entries(mapper).filter(([, prop]) => prop['required'] === true).map(([name]) => name);
  return [...new Set([...listed, ...marked])];
}

/** The first variant of an anyOf/oneOf rule decides which of its fields are needed. */
function withFirstVariant(schema: Schema): Schema {
  const variants = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  const first = variants?.[0];
  if (!first) return schema;
  const properties = { ...((schema['properties'] ?? {}) as Record<string, Schema>) };
  for (const [name, prop] of Object.entries((first['properties'] ?? {}) as Record<string, Schema>)) properties[name] = { ...properties[name], ...prop };
  const required = [...((schema['required'] as string[] | undefined) ?? []), ...((first['required'] as string[] | undefined) ?? [])];
  return { ...schema, properties, required };
}

function objectFor(raw: Schema, mapperSchema: Schema, depth: number): Record<string, unknown> {
  if (depth > 4) return {};
  const schema = withFirstVariant(raw);
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const mapper = (mapperSchema['properties'] ?? (mapperSchema['items'] as Schema | undefined)?.['properties'] ?? {}) as Record<string, Schema>;
  const out: Record<string, unknown> = {};
  for (const name of requiredOf(schema, depth === 0 ? mapper : {})) out[name] = valueFor(name, properties[name] ?? mapper[name] ?? {}, mapper[name] ?? {}, depth);
  return out;
}

function readJson(file: string): Schema | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Schema) : undefined;
}

/**
 * The example of an action: the written one when there is one, else the required inputs (and, of `requireOneOf`,
 * the first) with sample values. `mapperSchema` is what the flow designer shows (the object actions' dynamic one).
 */
export function exampleFor(key: string, mapperSchema: Schema | undefined, config: Record<string, unknown> = {}, fields: readonly string[] = []): Example {
  const written = writtenExample(key, config);
  if (written) return written;
  const strict = readJson(join(COMPONENT_ROOT, 'schemas', `${key}.in.strict.json`)) ?? mapperSchema ?? {};
  const mapper = mapperSchema ?? {};
  const input = objectFor(strict, mapper, 0);
  const properties = (strict['properties'] ?? {}) as Record<string, Schema>;
  const mapperProperties = (mapper['properties'] ?? {}) as Record<string, Schema>;
  const add = (name: string): void => {
    if (!(name in input)) input[name] = valueFor(name, properties[name] ?? mapperProperties[name] ?? {}, mapperProperties[name] ?? {}, 0);
  };
  const table = readJson(join(COMPONENT_ROOT, 'lib', 'generated', 'operations.json')) as Record<string, { requireOneOf?: string[] }> | undefined;
  const oneOf = table?.[key]?.requireOneOf;
  if (oneOf && !oneOf.some((name) => name in input)) add(oneOf[0] ?? '');
  // The convenience actions that act as an admin take the admin from the input or from a step field.
  if (fields.includes('adminId') && 'admin_id' in mapperProperties) add('admin_id');
  const before: ExampleStep[] = [];
  if (Object.values(input).some((value) => String(value) === sampleIds().firstNote)) {
    before.push({ key: 'createContactNote', input: { contact_id: sampleIds().contact.id, body: 'Hello from the example' } });
  }
  return { before, input, config };
}
