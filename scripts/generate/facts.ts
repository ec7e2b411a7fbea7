import type { Json, LoadedDescription, DescribedOperation } from './description';
import { isRef } from './description';

/**
 * What Intercom's description says about one field of one operation, found by walking the description along the
 * field's path (references, allOf/oneOf/anyOf variants and array items followed). The help pass writes its texts
 * from these facts (help.ts); the audit sample prints them beside our texts (scripts/auditSample.ts). The
 * description's own sentences are kept here only to classify a field (whose id it is, its unit); they never reach
 * a shipped file.
 */
export interface FieldFacts {
  /** Where an input travels: path, query or body; `response` for outputs. */
  location: 'path' | 'query' | 'body' | 'response';
  /** Every type a declaration gives (integer kept apart from number). */
  types: string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  deprecated?: boolean;
  nullable?: boolean;
  example?: unknown;
  /** The description's texts for the field (parameter and schema), for classification only. */
  texts: string[];
  /** The named schema (components/schemas) whose property this is, and the path inside it. */
  owner?: { schema: string; path: string };
  /** The named schema the field's own value is (`company` for a contact's company list item...). */
  schema?: string;
  /** For an array: the named schema of its items. */
  itemSchema?: string;
  /** The item type of an array (integer, string ...). */
  itemTypes?: string[];
  itemEnum?: unknown[];
  itemFormat?: string;
}

/** A node of the walk: a raw schema, the named schema around it and the path from there. */
interface Place {
  node: unknown;
  owner?: string;
  path: string[];
}

const SCHEMA_REF = '#/components/schemas/';

function refName(node: unknown): string | undefined {
  return isRef(node) && node.$ref.startsWith(SCHEMA_REF) ? node.$ref.slice(SCHEMA_REF.length) : undefined;
}

/**
 * The concrete schemas a node stands for: references resolved, allOf/oneOf/anyOf parts spread, each tagged with the
 * named schema it is (a reference resets the path inside it).
 */
function concrete(spec: LoadedDescription, place: Place, seen = new Set<unknown>()): Place[] {
  let { node, owner, path } = place;
  for (let hops = 0; isRef(node) && hops < 50; hops++) {
    const name = refName(node);
    if (name) {
      owner = name;
      path = [];
    }
    node = spec.resolve(node);
  }
  if (typeof node !== 'object' || node === null || seen.has(node)) return [];
  seen.add(node);
  const schema = node as Json;
  const out: Place[] = [{ node: schema, ...(owner ? { owner } : {}), path }];
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const part of (schema[key] as unknown[] | undefined) ?? []) out.push(...concrete(spec, { node: part, ...(owner ? { owner } : {}), path }, seen));
  }
  return out;
}

/** The declarations of property `name` inside the schemas a place stands for (array items are looked through). */
function childPlaces(spec: LoadedDescription, place: Place, name: string): Place[] {
  const found: Place[] = [];
  for (const part of concrete(spec, place)) {
    const schema = part.node as Json;
    const items = schema['items'];
    if (items !== undefined && !schema['properties']) {
      for (const item of concrete(spec, { node: items, ...(part.owner ? { owner: part.owner } : {}), path: part.path })) {
        const child = ((item.node as Json)['properties'] as Json | undefined)?.[name];
        if (child !== undefined) found.push({ node: child, ...(item.owner ? { owner: item.owner } : {}), path: [...item.path, name] });
      }
      continue;
    }
    const child = (schema['properties'] as Json | undefined)?.[name];
    if (child !== undefined) found.push({ node: child, ...(part.owner ? { owner: part.owner } : {}), path: [...part.path, name] });
  }
  return found;
}

function typesOf(schema: Json): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return (type as string[]).filter((t) => t !== 'null');
  if (schema['properties']) return ['object'];
  if (schema['items']) return ['array'];
  return [];
}

const LIMIT_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

/** The facts of the places a field is declared at (merged: types and values united, the first limit kept). */
function factsOf(spec: LoadedDescription, places: Place[], location: FieldFacts['location'], extraTexts: string[] = []): FieldFacts | undefined {
  if (places.length === 0) return undefined;
  const facts: FieldFacts = { location, types: [], texts: [...extraTexts] };
  const types = new Set<string>();
  const values: unknown[] = [];
  const itemTypes = new Set<string>();
  const itemValues: unknown[] = [];
  for (const place of places) {
    const own = refName(place.node);
    if (own && !facts.schema) facts.schema = own;
    if (!facts.owner && place.owner) facts.owner = { schema: place.owner, path: place.path.join('.') };
    // The field's own text comes before its referenced schema's (a reference's siblings are not allowed in 3.0).
    for (const part of concrete(spec, { node: place.node, path: [] })) {
      const schema = part.node as Json;
      for (const t of typesOf(schema)) types.add(t);
      if (Array.isArray(schema['enum'])) values.push(...(schema['enum'] as unknown[]));
      if (typeof schema['format'] === 'string') facts.format ??= schema['format'];
      for (const key of LIMIT_KEYS) if (typeof schema[key] === 'number') facts[key] ??= schema[key];
      if (typeof schema['pattern'] === 'string') facts.pattern ??= schema['pattern'];
      if (schema['default'] !== undefined) facts.default ??= schema['default'];
      if (schema['deprecated'] === true) facts.deprecated = true;
      if (schema['nullable'] === true) facts.nullable = true;
      if (schema['example'] !== undefined) facts.example ??= schema['example'];
      if (typeof schema['description'] === 'string' && !facts.texts.includes(schema['description'])) facts.texts.push(schema['description']);
      const items = schema['items'];
      if (items !== undefined) {
        facts.itemSchema ??= refName(items);
        for (const item of concrete(spec, { node: items, path: [] })) {
          const itemSchema = item.node as Json;
          for (const t of typesOf(itemSchema)) itemTypes.add(t);
          if (Array.isArray(itemSchema['enum'])) itemValues.push(...(itemSchema['enum'] as unknown[]));
          if (typeof itemSchema['format'] === 'string') facts.itemFormat ??= itemSchema['format'];
        }
      }
    }
  }
  facts.types = [...types];
  if (values.length > 0) facts.enum = [...new Set(values)].filter((v) => v !== null);
  if (itemTypes.size > 0) facts.itemTypes = [...itemTypes];
  if (itemValues.length > 0) facts.itemEnum = [...new Set(itemValues)].filter((v) => v !== null);
  return facts;
}

function requestBodySchema(spec: LoadedDescription, op: DescribedOperation): unknown {
  const body = spec.resolve(op.op['requestBody']) as Json | undefined;
  return ((body?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'];
}

export function responseSchema(spec: LoadedDescription, op: DescribedOperation): unknown {
  const responses = (op.op['responses'] ?? {}) as Record<string, unknown>;
  for (const status of Object.keys(responses).filter((s) => s.startsWith('2')).sort()) {
    const response = spec.resolve(responses[status]) as Json;
    const json = ((response['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'];
    if (json) return json;
  }
  return undefined;
}

/** Whether a named schema of the description declares a field at `path` (for checking the written help's keys). */
export function schemaHasField(spec: LoadedDescription, schema: string, path: readonly string[]): boolean {
  let places: Place[] = [{ node: { $ref: `#/components/schemas/${schema}` }, path: [] }];
  if (concrete(spec, places[0] as Place).length === 0) return false;
  for (const name of path) places = places.flatMap((place) => childPlaces(spec, place, name));
  return places.length > 0;
}

/**
 * The facts of the field at `path` (names from the top level down) of an operation's input or output, or undefined
 * when the description does not declare it there (a field of our own, such as the simple search terms).
 */
export function fieldFacts(spec: LoadedDescription, op: DescribedOperation, direction: 'in' | 'out', path: readonly string[]): FieldFacts | undefined {
  const [first, ...rest] = path;
  if (first === undefined) return undefined;
  let places: Place[];
  let location: FieldFacts['location'] = 'response';
  const texts: string[] = [];
  if (direction === 'in') {
    const param = op.parameters.find((p) => p['name'] === first && (p['in'] === 'path' || p['in'] === 'query'));
    if (param) {
      location = param['in'] as 'path' | 'query';
      if (typeof param['description'] === 'string') texts.push(param['description']);
      places = [{ node: param['schema'] ?? {}, path: [] }];
      if (param['deprecated'] === true) places = [{ node: { ...(spec.resolve(param['schema']) as Json), deprecated: true }, path: [] }];
    } else {
      location = 'body';
      const body = requestBodySchema(spec, op);
      places = body === undefined ? [] : childPlaces(spec, { node: body, path: [] }, first);
    }
  } else {
    const root = responseSchema(spec, op);
    if (root === undefined) return undefined;
    const rootPlace: Place = { node: root, path: [] };
    // A top-level array is emitted as { data: [...] } (lib/runtime/action.ts).
    const isArray = concrete(spec, rootPlace).some((p) => typesOf(p.node as Json).includes('array'));
    places = isArray && first === 'data' ? [rootPlace] : childPlaces(spec, rootPlace, first);
  }
  for (const name of rest) places = places.flatMap((place) => childPlaces(spec, place, name));
  return factsOf(spec, places, location, texts);
}
