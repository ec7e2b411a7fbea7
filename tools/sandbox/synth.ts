/**
 * The smallest response a JSON schema accepts: required properties only (standard `required: [...]`
 * or the platform dialect's property-level `required: true`), type-correct placeholder values, and
 * `type` markers kept even when optional because clients dispatch on them. Used for the operations
 * the sandbox does not model statefully.
 */

type Schema = Record<string, unknown>;

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MAX_DEPTH = 12;

export function synthesize(schema: unknown): unknown {
  return synth(schema, schema, 0, new Set());
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function firstType(s: Schema): string | undefined {
  const t = s['type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if (isSchema(s['properties']) || Array.isArray(s['required'])) return 'object';
  if (s['items'] !== undefined) return 'array';
  return undefined;
}

function synth(s: unknown, root: unknown, depth: number, refs: ReadonlySet<string>): unknown {
  if (!isSchema(s)) return {};
  if (depth > MAX_DEPTH) return firstType(s) === 'array' ? [] : {};
  const ref = s['$ref'];
  if (typeof ref === 'string') {
    if (refs.has(ref)) return firstType(s) === 'array' ? [] : {};
    return synth(resolveRef(root, ref), root, depth + 1, new Set([...refs, ref]));
  }
  if ('const' in s) return s['const'];
  const enumValues = s['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues.find((v) => v !== null) ?? enumValues[0];

  const allOf = s['allOf'];
  if (Array.isArray(allOf)) {
    const { allOf: _all, ...rest } = s;
    const parts = [...(allOf as unknown[]), rest].map((p) => synth(p, root, depth + 1, refs));
    if (parts.every((p) => isSchema(p))) return Object.assign({}, ...parts);
    return parts[0];
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) {
      const pick: unknown = (options as unknown[]).find((o) => !(isSchema(o) && o['type'] === 'null')) ?? options[0];
      const { [key]: _options, ...rest } = s;
      const base = Object.keys(rest).length > 0 && firstType(rest) === 'object' ? synth(rest, root, depth + 1, refs) : undefined;
      const chosen = synth(pick, root, depth + 1, refs);
      return isSchema(base) && isSchema(chosen) ? { ...base, ...chosen } : chosen;
    }
  }

  const type = firstType(s);
  switch (type) {
    case 'object':
      return synthObject(s, root, depth, refs);
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      return Array.from({ length: min }, () => synth(s['items'], root, depth + 1, refs));
    }
    case 'string':
      return synthString(s);
    case 'integer':
    case 'number': {
      const min = typeof s['minimum'] === 'number' ? s['minimum'] : typeof s['exclusiveMinimum'] === 'number' ? s['exclusiveMinimum'] + 1 : 0;
      const max = typeof s['maximum'] === 'number' ? s['maximum'] : undefined;
      const v = max !== undefined && max < min ? max : min;
      return type === 'integer' ? Math.ceil(v) : v;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return s['nullable'] === true ? null : {};
  }
}

function synthObject(s: Schema, root: unknown, depth: number, refs: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = isSchema(s['properties']) ? s['properties'] : {};
  const required = new Set(Array.isArray(s['required']) ? s['required'].filter((k): k is string => typeof k === 'string') : []);
  for (const [name, prop] of Object.entries(props)) {
    const platformRequired = isSchema(prop) && prop['required'] === true;
    const typeMarker = name === 'type' && isSchema(prop) && ('const' in prop || Array.isArray(prop['enum']));
    if (required.has(name) || platformRequired || typeMarker) out[name] = synth(prop, root, depth + 1, refs);
  }
  for (const name of required) if (!(name in out)) out[name] = '';
  return out;
}

function synthString(s: Schema): string {
  const format = s['format'];
  let v: string;
  switch (format) {
    case 'date-time':
      v = '2026-01-01T00:00:00Z';
      break;
    case 'date':
      v = '2026-01-01';
      break;
    case 'uri':
    case 'url':
      v = 'https://example.com/';
      break;
    case 'email':
      v = 'sandbox@example.com';
      break;
    case 'uuid':
      v = '00000000-0000-4000-8000-000000000000';
      break;
    default:
      v = '';
  }
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  return v.length >= min ? v : v + 'x'.repeat(min - v.length);
}
