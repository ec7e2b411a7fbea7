/**
 * Inputs made from an action's own metadata (its validation schema, schemas/<key>.in.strict.json, else its
 * in-schema): the values a flow designer following the metadata would map. Written independently of the runtime
 * (no import from lib/), for the wire test and the measurement against Intercom's description (spec/mock); a
 * schema's type is read as the generator writes it (typeOf).
 */
import { typeOf } from '../../scripts/generate/schemaWalk';

export type Schema = Record<string, unknown>;

/** Which optional fields are filled: none (required only), those of the top level, or all of them. */
export type OptionalFields = 'none' | 'top' | 'all';

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-05-31T14:30:00Z',
  date: '2024-05-31',
  email: 'ada@example.com',
  uri: 'https://example.com/page',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
};

const MAX_DEPTH = 4;

export function sampleInput(schema: Schema, optional: OptionalFields): Record<string, unknown> {
  const value = sample(schema, 'input', 0, optional);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One schema for a node: its allOf parts merged in, and the first variant of a oneOf/anyOf chosen. */
export function effective(schema: Schema): Schema {
  const base: Schema = { ...schema };
  delete base['allOf'];
  delete base['oneOf'];
  delete base['anyOf'];
  const parts = [...((schema['allOf'] as Schema[] | undefined) ?? [])];
  const variant = simplest((schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined);
  if (variant) parts.push(variant);
  let out = base;
  for (const part of parts) out = merge(out, effective(part));
  // A variant is picked by its fixed values: they are filled even when optional (PICKED).
  if (variant) {
    const fixed = Object.entries((effective(variant)['properties'] ?? {}) as Record<string, Schema>)
      .filter(([, prop]) => Array.isArray(prop['enum']))
      .map(([name]) => name);
    if (fixed.length > 0) out[PICKED] = [...new Set([...((out[PICKED] as string[] | undefined) ?? []), ...fixed])];
  }
  return out;
}

const PICKED = 'x-sample-picked';

/** The variant asking for the fewest fields (the first of those): what a person filling only what is needed picks. */
function simplest(variants: Schema[] | undefined): Schema | undefined {
  let best: Schema | undefined;
  let fewest = Infinity;
  for (const variant of variants ?? []) {
    const count = ((effective(variant)['required'] as string[] | undefined) ?? []).length;
    if (count < fewest) {
      best = variant;
      fewest = count;
    }
  }
  return best;
}

function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties') {
      const left = (a['properties'] ?? {}) as Record<string, Schema>;
      const right = value as Record<string, Schema>;
      const merged: Record<string, Schema> = { ...left };
      for (const [name, prop] of Object.entries(right)) merged[name] = left[name] ? merge(left[name], prop) : prop;
      out['properties'] = merged;
    } else if (key === 'required') {
      out['required'] = [...new Set([...((a['required'] as string[] | undefined) ?? []), ...(value as string[])])];
    } else if (key === 'type' && a['type'] !== undefined) {
      continue;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function sample(raw: Schema, name: string, depth: number, optional: OptionalFields): unknown {
  const schema = effective(raw);
  const values = ((schema['enum'] as unknown[] | undefined) ?? []).filter((v) => v !== null);
  if (values.length > 0) return values[0];
  const type = typeOf(schema);
  switch (type) {
    case 'string': {
      const format = schema['format'];
      if (typeof format === 'string' && FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format];
      // A top-level id typed as text gets a number: every case also proves a mapped number travels as text.
      if (depth === 1 && /(^id$|_id$)/.test(name) && schema['maxLength'] === undefined) return 4242;
      let text = `${name}-text`;
      const min = schema['minLength'];
      const max = schema['maxLength'];
      if (typeof min === 'number') text = text.padEnd(min, 'x');
      if (typeof max === 'number') text = text.slice(0, max);
      return text;
    }
    case 'integer':
    case 'number': {
      const min = schema['minimum'] ?? (typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + 1 : undefined);
      const max = schema['maximum'] ?? (typeof schema['exclusiveMaximum'] === 'number' ? schema['exclusiveMaximum'] - 1 : undefined);
      let number = 7;
      if (typeof min === 'number' && number < min) number = min;
      if (typeof max === 'number' && number > max) number = max;
      return number;
    }
    case 'boolean':
      return true;
    case 'array': {
      const items = schema['items'] as Schema | undefined;
      const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const count = depth > MAX_DEPTH ? minItems : Math.max(1, minItems);
      return Array.from({ length: count }, () => (items ? sample(items, name, depth + 1, optional) : `${name}-item`));
    }
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
      const required = new Set([...((schema['required'] as string[] | undefined) ?? []), ...((schema[PICKED] as string[] | undefined) ?? [])]);
      for (const [child, prop] of Object.entries(properties)) if (prop['required'] === true) required.add(child);
      if (Object.keys(properties).length === 0) {
        const extra = schema['additionalProperties'];
        if (extra === false) return {};
        return { [`${name}_key`]: typeof extra === 'object' && extra !== null ? sample(extra as Schema, `${name}_key`, depth + 1, optional) : `${name}-value` };
      }
      const fillOptional = optional === 'all' ? depth <= MAX_DEPTH : optional === 'top' && depth === 0;
      const out: Record<string, unknown> = {};
      for (const [child, prop] of Object.entries(properties)) {
        // A name only another variant declares (an empty schema here) is that variant's, not an optional field.
        const declared = Object.keys(prop).length > 0;
        if (required.has(child) || (fillOptional && declared)) out[child] = sample(prop, child, depth + 1, optional);
      }
      for (const child of required) if (!(child in out)) out[child] = `${child}-any`;
      return out;
    }
    default:
      return `${name}-any`;
  }
}
