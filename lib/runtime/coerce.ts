import { UNIX_TIME } from '../catalogue/unixTimes';
import type { JsonSchema } from './schemas';
import { unixSecondsOfIso } from './unixTime';

/**
 * The only conversions of mapped values, made before validation and only where they lose nothing:
 * - a number or id field accepts a decimal numeric string (`"42"`, `"-1.5"`, `"2e3"`); an integer field only one
 *   that is a whole number within JavaScript's exact range;
 * - a text field accepts a number (`42` → `"42"`);
 * - a yes/no field accepts `"true"` and `"false"`;
 * - a field that takes Unix seconds (marked UNIX_TIME by the generator) accepts an ISO 8601 date and time with a
 *   zone, converted exactly (a date without a zone stays as given, and the validation names the field).
 * Nothing else is converted: `null` stays null, `"Infinity"`, `"1e400"`, `"0x10"`, `""` or `true` for a number
 * stay as given, and the validation refuses them naming the field.
 */
export function coerceToSchema(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema || value === null) return value;
  const facts = factsOf(schema);
  if (Array.isArray(value)) {
    const items = facts.items;
    return items ? value.map((item) => coerceToSchema(item, items)) : value;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = childOf(facts, key);
      if (child) record[key] = coerceToSchema(record[key], child);
    }
    return record;
  }
  const types = facts.types;
  if (types.size === 0) return value;
  if (typeof value === 'string') {
    if (types.has('string')) return value;
    if (types.has('number') || types.has('integer')) {
      const number = decimalNumber(value);
      if (number !== undefined && (types.has('number') || Number.isSafeInteger(number))) return number;
      if (facts.members.some((member) => member[UNIX_TIME] === true)) {
        const reading = unixSecondsOfIso(value);
        if ('seconds' in reading) return reading.seconds;
      }
    }
    if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }
  if (typeof value === 'number' && !types.has('number') && !types.has('integer') && types.has('string')) return String(value);
  return value;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number, finite: no hex, no `Infinity`, no overflow to infinity, no blank. */
function decimalNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * What conversion needs of a schema, worked out once per schema object (schemas are loaded once and never changed):
 * every input of every message walked the allOf/oneOf/anyOf members and built a combined child schema per key
 * again, about 2 KB of garbage per createContact call.
 */
interface SchemaFacts {
  members: JsonSchema[];
  types: Set<string>;
  items: JsonSchema | undefined;
  children: Map<string, JsonSchema | undefined>;
}

const facts = new WeakMap<JsonSchema, SchemaFacts>();

function factsOf(schema: JsonSchema): SchemaFacts {
  let found = facts.get(schema);
  if (!found) {
    const members = membersOf(schema);
    found = { members, types: declaredTypes(members), items: childSchema(members.map((member) => member['items'])), children: new Map() };
    facts.set(schema, found);
  }
  return found;
}

function childOf(schemaFacts: SchemaFacts, key: string): JsonSchema | undefined {
  if (schemaFacts.children.has(key)) return schemaFacts.children.get(key);
  const child = childSchema(schemaFacts.members.map((member) => propertySchema(member, key)));
  // Keys are input names; a map per schema stays as small as the schema, except for free-form objects.
  if (schemaFacts.children.size < MAX_REMEMBERED_KEYS) schemaFacts.children.set(key, child);
  return child;
}

/** Free-form objects (custom attributes) can bring any key: only this many are remembered per schema. */
const MAX_REMEMBERED_KEYS = 256;

/** The schema with every allOf/oneOf/anyOf member under it: a value may be checked by any of them. */
function membersOf(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [];
  const pending: JsonSchema[] = [schema];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next || found.includes(next)) continue;
    found.push(next);
    for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
      const parts = next[combinator];
      if (Array.isArray(parts)) pending.push(...(parts as JsonSchema[]));
    }
  }
  return found;
}

function propertySchema(schema: JsonSchema, key: string): unknown {
  const properties = schema['properties'] as Record<string, unknown> | undefined;
  if (properties && Object.prototype.hasOwnProperty.call(properties, key)) return properties[key];
  const extra = schema['additionalProperties'];
  return typeof extra === 'object' && extra !== null ? extra : undefined;
}

/** One schema for a child that several members describe (their alternatives, for the purpose of conversion). */
function childSchema(candidates: unknown[]): JsonSchema | undefined {
  const schemas = candidates.filter((c): c is JsonSchema => typeof c === 'object' && c !== null);
  if (schemas.length <= 1) return schemas[0];
  return { anyOf: schemas };
}

function declaredTypes(members: JsonSchema[]): Set<string> {
  const types = new Set<string>();
  for (const member of members) {
    const type = member['type'];
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) types.add(String(t));
  }
  return types;
}
