import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from './constants';

export type JsonSchema = Record<string, unknown>;

/**
 * Platform-dialect schemas mark required fields with `required: true` on the property (what the elastic.io
 * mapper reads); ajv wants standard `required: [...]` arrays. Converted on load, never on disk.
 */
export function toStandardSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toStandardSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'required' && typeof value === 'boolean') continue;
    out[key] = key === 'properties' || key === 'definitions' ? mapValues(value) : toStandardSchema(value);
  }
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties === 'object' && properties !== null) {
    const marked = Object.entries(properties as Record<string, unknown>)
      .filter(([, prop]) => typeof prop === 'object' && prop !== null && (prop as { required?: unknown }).required === true)
      .map(([name]) => name);
    const existing = Array.isArray(out['required']) ? (out['required'] as string[]) : [];
    const all = [...new Set([...existing, ...marked])];
    if (all.length > 0) out['required'] = all;
    out['properties'] = allowNullWhenOptional(out['properties'] as Record<string, unknown>, new Set(all));
  }
  return out;
}

/**
 * An optional field may be mapped to null (to clear it, or because the source had no value). Without this,
 * type coercion would silently turn that null into "", 0 or false and send a value the user never gave.
 */
function allowNullWhenOptional(properties: Record<string, unknown>, required: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(properties)) {
    const schema = prop as Record<string, unknown>;
    if (required.has(name) || typeof schema !== 'object' || schema === null || typeof schema['type'] !== 'string') {
      out[name] = prop;
      continue;
    }
    const nullable: Record<string, unknown> = { ...schema, type: [schema['type'], 'null'] };
    if (Array.isArray(schema['enum'])) nullable['enum'] = [...(schema['enum'] as unknown[]), null];
    out[name] = nullable;
  }
  return out;
}

function mapValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toStandardSchema(v)]));
}

export function readSchema(key: string, direction: 'in' | 'out'): JsonSchema {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', `${key}.${direction}.json`), 'utf8')) as JsonSchema;
}

/**
 * coerceTypes: mappers hand over strings ("42", "true") and numbers for string ids; Intercom wants the
 * declared type, so values are converted where that is lossless and rejected otherwise.
 */
// validateSchema: false — the shipped schemas are checked against the JSON Schema meta-schema by the contract
// tests; checking them again here compiled the meta-schema on the first call (about 20 ms of every cold start).
const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false, validateFormats: false, validateSchema: false });
const compiled = new Map<string, ValidateFunction>();
const inputSchemas = new Map<string, JsonSchema>();

/** The action's in-schema as shipped (platform dialect), read once per action and process. */
export function inputSchema(key: string): JsonSchema {
  let schema = inputSchemas.get(key);
  if (!schema) {
    schema = readSchema(key, 'in');
    inputSchemas.set(key, schema);
  }
  return schema;
}

/** Compiled once per action and process, on first use: startup pays for no schema it does not need. */
export function inputValidator(key: string): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(toStandardSchema(inputSchema(key)) as JsonSchema);
    compiled.set(key, validate);
  }
  return validate;
}

/** "field contact_id: is required" — the field path a flow user can find in the mapper. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  const problems = new Set<string>();
  for (const error of errors ?? []) {
    const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = error.params as Record<string, unknown>;
    let field = base;
    let text = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      field = [base, String(params['missingProperty'])].filter(Boolean).join('.');
      text = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      field = [base, String(params['additionalProperty'])].filter(Boolean).join('.');
      text = 'is not an input of this action';
    } else if (error.keyword === 'enum') {
      text = `must be one of: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'type') {
      text = `must be ${String(params['type']).replace(',', ' or ')}`;
    }
    problems.add(`field ${field || '(message body)'}: ${text}`);
  }
  return [...problems];
}
