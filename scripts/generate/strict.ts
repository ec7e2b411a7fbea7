import { takesUnixTime, UNIX_TIME } from '../../lib/catalogue/unixTimes';
import { SchemaWalk, typeOf } from './schemaWalk';
import type { Json, LoadedDescription } from './description';

/**
 * Turns an OpenAPI 3.0 schema into a standard JSON Schema that keeps every rule the run-time validation enforces
 * (schemas/<key>.in.strict.json): integer vs number, the formats below, limits, enums, nullable, `required` lists
 * and allOf/oneOf/anyOf as the description has them. References are resolved, cycles broken, depth capped, and
 * none of Intercom's prose (descriptions, examples) is kept. The mapper's view is derived from this one
 * (pruneSchema in prune.ts), so both come from a single reading of the description.
 */
export function strictSchema(spec: LoadedDescription, schema: unknown, maxDepth: number): Json {
  return new StrictReader(spec, maxDepth).readNode(schema, 0, new Set());
}

/** Formats the runtime checks (lib/runtime/formats.ts); others of the description (timestamp, byte, float) are hints. */
export const CHECKED_FORMATS = new Set(['date-time', 'date', 'email', 'uri', 'uuid', 'int64']);

/** Limits carried over as they are (OpenAPI 3.0's boolean exclusiveMinimum/Maximum are rewritten below). */
const LIMITS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems'];

const COMBINATORS = ['allOf', 'oneOf', 'anyOf'] as const;

class StrictReader extends SchemaWalk {
  readNode(node: unknown, depth: number, stack: Set<string>): Json {
    return this.walk(node, depth, stack);
  }

  /**
   * A recursive structure is followed down to the depth cap, where its content becomes free; a reference back to
   * itself without going one level deeper stops at once.
   */
  protected visitKey(ref: string, depth: number): string {
    return `${ref}@${depth}`;
  }

  protected recursion(ref: { $ref: string }): Json {
    return shallow(this.spec.resolve(ref));
  }

  protected read(schema: Json, depth: number, stack: Set<string>): Json {
    const out: Json = {};
    const type = typeOf(schema);
    const nullable = schema['nullable'] === true;
    if (type) out['type'] = nullable ? [type, 'null'] : type;
    if (Array.isArray(schema['enum'])) {
      const values = [...new Set(schema['enum'] as unknown[])];
      out['enum'] = nullable && !values.includes(null) ? [...values, null] : values;
    }
    const format = schema['format'];
    if (typeof format === 'string' && CHECKED_FORMATS.has(format) && !contradicted(format, schema)) out['format'] = format;
    for (const limit of LIMITS) if (schema[limit] !== undefined) out[limit] = schema[limit];
    for (const [bound, exclusiveBound] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
      const exclusive = schema[exclusiveBound];
      const value = schema[bound];
      if (exclusive === true && typeof value === 'number') {
        Reflect.deleteProperty(out, bound);
        out[exclusiveBound] = value;
      } else if (typeof exclusive === 'number') out[exclusiveBound] = exclusive;
    }
    if (depth >= this.maxDepth && (type === 'object' || type === 'array')) return out;

    if (type === 'object' || schema['properties']) {
      const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
      if (Object.keys(properties).length > 0) {
        out['properties'] = Object.fromEntries(
          Object.entries(properties).map(([name, child]) => [name, markUnixTime(name, this.spec.resolve(child), this.readNode(child, depth + 1, stack))]),
        );
      }
      const extra = schema['additionalProperties'];
      if (extra === false) out['additionalProperties'] = false;
      else if (typeof extra === 'object' && extra !== null) out['additionalProperties'] = this.readNode(extra, depth + 1, stack);
    }
    // A variant may be only a `required` list over its parent's properties (sendMessage's message types).
    const required = (schema['required'] as string[] | undefined) ?? [];
    if (required.length > 0) out['required'] = [...new Set(required)];
    if (type === 'array' && schema['items'] !== undefined) {
      const items = this.readNode(schema['items'], depth + 1, stack);
      if (Object.keys(items).length > 0) out['items'] = items;
    }
    for (const combinator of COMBINATORS) {
      const parts = schema[combinator];
      if (!Array.isArray(parts) || parts.length === 0) continue;
      const read = parts.map((part) => this.readNode(part, depth, stack));
      // One variant is simply a rule that applies. Several: a value must fit at least one of them. The
      // description's oneOf variants overlap (manageTag's "create" and "tag companies", a search query's nested
      // filters, updateDataAttribute's "other type" that accepts anything), and Intercom tells them apart by the
      // fields given, so "exactly one" would refuse valid requests: every oneOf is read as anyOf.
      const key = read.length === 1 || combinator === 'allOf' ? 'allOf' : combinator === 'oneOf' ? 'anyOf' : combinator;
      if (key !== 'allOf') {
        out[key] = read;
        // What every variant requires, the node requires: a missing field is then named as such, not as a
        // value that fits none of the variants.
        const shared = read.map(requiredNames).reduce((common, names) => common.filter((name) => names.includes(name)));
        if (shared.length > 0) out['required'] = [...new Set([...((out['required'] as string[] | undefined) ?? []), ...shared])];
        continue;
      }
      // Parts that always apply are merged into the node where they can be (their fields then sit beside the
      // node's own, where the input's empty-value rule and error messages find them).
      for (const part of read) {
        if (!mergeInto(out, part)) out['allOf'] = [...((out['allOf'] as Json[] | undefined) ?? []), part];
      }
    }
    return out;
  }
}

/**
 * A number that is a moment (lib/catalogue/unixTimes.ts: its name, its description's words, its format) is marked,
 * so the run time also takes ISO 8601 for it. The description's prose itself is not kept.
 */
export function markUnixTime(name: string, described: unknown, read: Json): Json {
  const source = (typeof described === 'object' && described !== null ? described : {}) as Json;
  return takesUnixTime(name, read['type'], source['description'], source['format']) ? { ...read, [UNIX_TIME]: true } : read;
}

/** The fields a schema requires: its own list, every allOf part's, and what all its variants share. */
function requiredNames(schema: Json): string[] {
  const own = [...((schema['required'] as string[] | undefined) ?? []), ...((schema['allOf'] as Json[] | undefined) ?? []).flatMap(requiredNames)];
  const variants = (schema['anyOf'] ?? schema['oneOf']) as Json[] | undefined;
  const shared = variants?.map(requiredNames).reduce((common, names) => common.filter((name) => names.includes(name))) ?? [];
  return [...new Set([...own, ...shared])];
}

/**
 * Merges a part that always applies into a node, when that keeps the meaning: the same type (or none), no
 * closed list of properties on either side, no variants of the part's own that would then mix with the node's.
 */
function mergeInto(node: Json, part: Json): boolean {
  const types = [node['type'], part['type']].filter((t) => t !== undefined).map((t) => JSON.stringify(t));
  if (new Set(types).size > 1) return false;
  if (node['additionalProperties'] !== undefined || part['additionalProperties'] !== undefined) return false;
  const simple = Object.keys(part).every((k) => ['type', 'properties', 'required', 'allOf'].includes(k) || !(k in node));
  if (!simple) return false;
  for (const [key, value] of Object.entries(part)) {
    if (key === 'properties') {
      const properties = { ...((node['properties'] ?? {}) as Record<string, Json>) };
      for (const [name, prop] of Object.entries(value as Record<string, Json>)) {
        const existing = properties[name];
        properties[name] = existing ? mergeProperty(existing, prop) : prop;
      }
      node['properties'] = properties;
    } else if (key === 'required') {
      node['required'] = [...new Set([...((node['required'] as string[] | undefined) ?? []), ...(value as string[])])];
    } else if (key === 'allOf') {
      node['allOf'] = [...((node['allOf'] as Json[] | undefined) ?? []), ...(value as Json[])];
    } else {
      node[key] = value;
    }
  }
  return true;
}

/** A property declared twice: one schema when both are plain values of one type (values in both lists), else both. */
function mergeProperty(a: Json, b: Json): Json {
  const plain = (schema: Json): boolean => Object.keys(schema).every((k) => k === 'type' || k === 'enum' || k === 'format' || k === UNIX_TIME || LIMITS.includes(k));
  if (!plain(a) || !plain(b) || JSON.stringify(a['type']) !== JSON.stringify(b['type'])) return { allOf: [a, b] };
  const merged: Json = { ...a, ...b };
  if (Array.isArray(a['enum']) && Array.isArray(b['enum'])) merged['enum'] = (a['enum'] as unknown[]).filter((v) => (b['enum'] as unknown[]).includes(v));
  return merged;
}

/**
 * A format its own limits rule out is a mistake of the description, not a rule: createConversation's `from.id`
 * says uuid (36 characters) and exactly 24 characters (what Intercom's contact ids are).
 */
function contradicted(format: string, schema: Json): boolean {
  const maxLength = schema['maxLength'];
  // A text format on a number (`signed_up_at`: an integer "date-time") says what the number means, no more.
  const type = typeOf(schema);
  if (format !== 'int64' && type !== undefined && type !== 'string') return true;
  return format === 'uuid' && typeof maxLength === 'number' && maxLength < 36;
}

function shallow(target: unknown): Json {
  const type = typeof target === 'object' && target !== null ? typeOf(target as Json) : undefined;
  return type ? { type } : {};
}

/**
 * The top level of a body becomes part of the flat input, beside path and query inputs: its own
 * `additionalProperties: false` (and that of its variants) would refuse those, so the flat input's list of known
 * names takes its place.
 */
export function withoutTopLevelClosure(schema: Json): Json {
  const { additionalProperties: _closed, ...rest } = schema;
  for (const combinator of COMBINATORS) {
    const parts = rest[combinator];
    if (Array.isArray(parts)) rest[combinator] = parts.map((part) => withoutTopLevelClosure(part as Json));
  }
  return rest;
}
