import { UNIX_TIME } from '../../lib/catalogue/unixTimes';
import { SchemaWalk, typeOf } from './schemaWalk';
import type { Json, LoadedDescription } from './description';
import { humanTitle } from './titles';

/**
 * Turns an OpenAPI schema into a small platform-dialect JSON schema: references resolved, cycles broken,
 * depth capped, and none of Intercom's prose (descriptions, examples) kept. Fields get titles made from
 * their names; required fields carry `required: true` on the property, as the elastic.io mapper expects.
 */
export function pruneSchema(spec: LoadedDescription, schema: unknown, maxDepth: number): Json {
  return new Pruner(spec, maxDepth).prune(schema, 0, new Set());
}

class Pruner extends SchemaWalk {
  prune(node: unknown, depth: number, stack: Set<string>): Json {
    return this.walk(node, depth, stack);
  }

  protected visitKey(ref: string): string {
    return ref;
  }

  /** A recursive structure stops at its first repetition, as an object. */
  protected recursion(): Json {
    return { type: 'object' };
  }

  protected read(schema: Json, depth: number, stack: Set<string>): Json {
    const variants = [
      ...((schema['allOf'] as unknown[]) ?? []),
      ...((schema['oneOf'] as unknown[]) ?? []),
      ...((schema['anyOf'] as unknown[]) ?? []),
    ];
    if (variants.length > 0) return this.combine(schema, depth, stack);

    const type = typeOf(schema);
    if (type === 'object') return this.object(schema, depth, stack);
    if (type === 'array') {
      if (depth >= this.maxDepth) return { type: 'array', ...keptFacts(schema, type) };
      const items = schema['items'] === undefined ? {} : this.prune(schema['items'], depth + 1, stack);
      return Object.keys(items).length > 0 ? { type: 'array', items, ...keptFacts(schema, type) } : { type: 'array', ...keptFacts(schema, type) };
    }
    const out: Json = {};
    if (type) out['type'] = type === 'integer' ? 'number' : type;
    // An input that takes Unix seconds or ISO 8601 (strict.ts marks it): the help says so (help.ts).
    if (schema[UNIX_TIME] === true) out[UNIX_TIME] = true;
    if (Array.isArray(schema['enum'])) {
      const values = (schema['enum'] as unknown[]).filter((v) => v !== null);
      if (values.length > 0) out['enum'] = [...new Set(values)];
    }
    return { ...out, ...keptFacts(schema, type) };
  }

  private object(schema: Json, depth: number, stack: Set<string>): Json {
    const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
    if (depth >= this.maxDepth || Object.keys(properties).length === 0) return { type: 'object' };
    const required = new Set((schema['required'] as string[] | undefined) ?? []);
    const out: Record<string, Json> = {};
    for (const [name, child] of Object.entries(properties)) {
      const pruned = this.prune(child, depth + 1, stack);
      out[name] = withTitle(pruned, name, required.has(name));
    }
    return { type: 'object', properties: out };
  }

  /**
   * allOf merges; oneOf/anyOf become one flat object offering every variant's fields (a mapper cannot show
   * alternatives), where a field is required only if every variant requires it.
   */
  private combine(schema: Json, depth: number, stack: Set<string>): Json {
    const base: Json = { ...schema };
    delete base['allOf'];
    delete base['oneOf'];
    delete base['anyOf'];
    const all = ((schema['allOf'] as unknown[]) ?? []).map((v) => this.prune(v, depth, stack));
    const alternatives = [...((schema['oneOf'] as unknown[]) ?? []), ...((schema['anyOf'] as unknown[]) ?? [])].map((v) =>
      this.prune(v, depth, stack),
    );
    const hasBase = Object.keys(base).some((k) => ['type', 'properties', 'items', 'enum'].includes(k));
    const baseParts = hasBase ? [this.prune(base, depth, stack)] : [];
    const merged = mergeAll([...baseParts, ...all], 'all');
    const rawAlternatives = [...((schema['oneOf'] as unknown[]) ?? []), ...((schema['anyOf'] as unknown[]) ?? [])];
    // A `required` list may name properties that only the variants declare: the schema's own list and every
    // allOf part's list apply, and a field is required when every alternative's list names it.
    const listed = (parts: unknown[]): Set<string>[] => parts.map((part) => new Set(requiredList(this.spec.resolve(part))));
    const required = new Set([...listed([schema, ...((schema['allOf'] as unknown[]) ?? [])])].flatMap((names) => [...names]));
    const alternativeLists = listed(rawAlternatives);
    for (const name of alternativeLists[0] ?? []) if (alternativeLists.every((names) => names.has(name))) required.add(name);
    if (alternatives.length === 0) return markRequired(merged, required);
    const alt = mergeAll(alternatives, 'any');
    return markRequired(mergeAll([merged, alt].filter((s) => Object.keys(s).length > 0), 'all'), required);
  }
}

/** Text formats the mapper keeps (and the run-time validation checks): a format on a number only says what it means. */
const FACT_KEYS = ['format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'];

const TEXT_FORMATS = new Set(['date-time', 'date', 'email', 'uri', 'uuid']);
const LIMITS: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum'],
  integer: ['minimum', 'maximum'],
  array: ['minItems', 'maxItems'],
};

/**
 * The facts of a value the mapper shows beside its type: its format and its limits (integers stay `number` in the
 * platform's dialect; the help says "a whole number"). OpenAPI 3.0's boolean exclusive bounds become numbers.
 */
function keptFacts(schema: Json, type: string | undefined): Json {
  const out: Json = {};
  const format = schema['format'];
  if (type === 'string' && typeof format === 'string' && TEXT_FORMATS.has(format)) out['format'] = format;
  for (const key of LIMITS[type ?? ''] ?? []) if (schema[key] !== undefined) out[key] = schema[key];
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (typeof schema[exclusive] === 'number' && (type === 'number' || type === 'integer')) out[exclusive] = schema[exclusive];
    if (schema[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      Reflect.deleteProperty(out, bound);
    }
  }
  return out;
}

function requiredList(schema: unknown): string[] {
  const list = typeof schema === 'object' && schema !== null ? (schema as Json)['required'] : undefined;
  return Array.isArray(list) ? (list as string[]) : [];
}

function markRequired(schema: Json, names: Set<string>): Json {
  const properties = schema['properties'] as Record<string, Json> | undefined;
  if (!properties || names.size === 0) return schema;
  const marked = Object.fromEntries(
    Object.entries(properties).map(([name, prop]) => [name, names.has(name) ? { ...prop, required: true } : prop]),
  );
  return { ...schema, properties: marked };
}

function withTitle(schema: Json, name: string, required: boolean): Json {
  const out: Json = { ...schema, title: humanTitle(name) };
  if (required) out['required'] = true;
  else delete out['required'];
  return out;
}

/** 'all': every part applies (required = union). 'any': one of them applies (required = intersection). */
function mergeAll(parts: Json[], mode: 'all' | 'any'): Json {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0] ?? {};
  const types = new Set(parts.map((p) => p['type']).filter((t) => t !== undefined));
  if (types.size > 1) return mode === 'all' ? (parts[0] ?? {}) : {};
  const type = [...types][0] as string | undefined;
  if (type !== 'object') {
    const enums = parts.map((p) => p['enum']);
    const out: Json = type ? { type } : {};
    if (enums.every(Array.isArray)) out['enum'] = [...new Set(enums.flat() as unknown[])];
    // A format or limit applies when every part that applies says so: all of them ('any'), any of them ('all').
    for (const key of FACT_KEYS) {
      const values = parts.map((p) => p[key]);
      const given = values.filter((v) => v !== undefined);
      if (given.length === 0) continue;
      if (mode === 'all' || (given.length === parts.length && given.every((v) => JSON.stringify(v) === JSON.stringify(given[0])))) out[key] = given[0];
    }
    if (type === 'array' && parts.some((p) => p['items'])) out['items'] = parts.find((p) => p['items'])?.['items'];
    return out;
  }
  const properties: Record<string, Json> = {};
  const requiredCounts = new Map<string, number>();
  for (const part of parts) {
    for (const [name, prop] of Object.entries((part['properties'] ?? {}) as Record<string, Json>)) {
      const existing = properties[name];
      const { required, ...rest } = prop;
      properties[name] = existing ? { ...mergeProp(existing, rest), title: existing['title'] } : rest;
      if (required === true) requiredCounts.set(name, (requiredCounts.get(name) ?? 0) + 1);
    }
  }
  for (const [name, prop] of Object.entries(properties)) {
    const count = requiredCounts.get(name) ?? 0;
    const isRequired = mode === 'all' ? count > 0 : count === parts.length;
    properties[name] = isRequired ? { ...prop, required: true } : prop;
  }
  return Object.keys(properties).length > 0 ? { type: 'object', properties } : { type: 'object' };
}

function mergeProp(a: Json, b: Json): Json {
  const { required: _a, title: _t1, ...left } = a;
  const { required: _b, title: _t2, ...right } = b;
  return mergeAll([left, right], 'any');
}
