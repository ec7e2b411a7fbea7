import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, Options } from 'ajv';
import { PACKAGE_ROOT } from './constants';
import { UNIX_TIME } from '../catalogue/unixTimes';
import { FORMATS, FORMAT_WORDING } from './formats';
import { UNIX_TIME_EXAMPLE, unixSecondsOfIso } from './unixTime';

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
 * How the input validators are compiled (by npm run generate, into lib/generated/validators: scripts/generate/validators.ts).
 * No coerceTypes: ajv's coercion turned null into false/0/"" and "0x10" or "1e400" into numbers; the few lossless
 * conversions left are made by coerceToSchema (coerce.ts) before validation.
 * validateSchema: false — the shipped schemas are checked against the JSON Schema meta-schema by the contract tests.
 * verbose: a oneOf/anyOf error carries its schema, so the error can name the variants.
 */
export const VALIDATOR_OPTIONS: Readonly<Options> = { allErrors: true, strict: false, validateFormats: true, validateSchema: false, verbose: true };

/** A precompiled input validator: ajv's standalone code of one action's validation schema. */
export interface InputValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What a module of lib/generated/validators exports: the validator, given the format checks it uses. */
export type ValidatorModule = (formats: typeof FORMATS) => InputValidator;

/** The folder of the precompiled validators, one `<key>.js` per action with an in-schema. */
export const VALIDATORS_DIR = join(PACKAGE_ROOT, 'lib', 'generated', 'validators');

const compiled = new Map<string, InputValidator>();
const inputSchemas = new Map<string, JsonSchema>();
const validationSchemas = new Map<string, JsonSchema>();

/** The action's in-schema as shipped (platform dialect, what the mapper shows), read once per action and process. */
export function inputSchema(key: string): JsonSchema {
  let schema = inputSchemas.get(key);
  if (!schema) {
    schema = readSchema(key, 'in');
    inputSchemas.set(key, schema);
  }
  return schema;
}

/**
 * The rules the input is validated against (standard JSON Schema): a generated action's
 * `schemas/<key>.in.strict.json` (every rule of Intercom's description), else the shipped in-schema converted.
 */
export function validationSchema(key: string): JsonSchema {
  let schema = validationSchemas.get(key);
  if (!schema) {
    const strictPath = join(PACKAGE_ROOT, 'schemas', `${key}.in.strict.json`);
    schema = existsSync(strictPath)
      ? (JSON.parse(readFileSync(strictPath, 'utf8')) as JsonSchema)
      : (toStandardSchema(inputSchema(key)) as JsonSchema);
    validationSchemas.set(key, schema);
  }
  return schema;
}

/**
 * The action's validator, loaded once per action and process on first use. The generator compiled it ahead from
 * validationSchema(key), so a cold start loads neither ajv (about a third of it, npm run bench) nor compiles a schema.
 */
export function inputValidator(key: string): InputValidator {
  let validate = compiled.get(key);
  if (!validate) {
    const path = join(VALIDATORS_DIR, `${key}.js`);
    if (!existsSync(path)) throw new Error(`${key} has no input validator (lib/generated/validators/${key}.js); run npm run generate`);
    validate = (require(path) as ValidatorModule)(FORMATS);
    compiled.set(key, validate);
  }
  return validate;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/** "field contact_id: is required" — the field path a flow user can find in the mapper. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  const all = errors ?? [];
  // A value that fits no variant: when its fixed values (message_type "close" …) pick one variant, that variant's
  // problems are the answer; otherwise it is one problem naming the variants, and what each one missed is noise.
  const hidden: string[] = [];
  const shown: string[] = [];
  const generic = new Set<ErrorObject>();
  for (const error of all.filter((e) => COMBINATORS.has(e.keyword))) {
    hidden.push(`${error.schemaPath}/`);
    const picked = pickedVariant(error);
    if (picked === undefined) generic.add(error);
    else shown.push(`${error.schemaPath}/${picked}/`);
  }
  const problems = new Set<string>();
  for (const error of all) {
    if (COMBINATORS.has(error.keyword) && !generic.has(error)) continue;
    const inside = (roots: string[]): boolean => roots.some((root) => error.schemaPath.startsWith(root));
    if (inside(hidden) && !inside(shown)) continue;
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
    } else if (error.keyword === 'type' && error.parentSchema?.[UNIX_TIME] === true) {
      const reading = typeof error.data === 'string' ? unixSecondsOfIso(error.data) : undefined;
      text = `must be Unix seconds or an ISO 8601 date and time with a zone (e.g. ${UNIX_TIME_EXAMPLE})${reading && 'problem' in reading ? `: ${reading.problem}` : ''}`;
    } else if (error.keyword === 'type') {
      text = `must be ${String(params['type']).replace(',', ' or ')}`.replace('integer', 'integer (a whole number)');
    } else if (error.keyword === 'format') {
      text = FORMAT_WORDING[String(params['format'])] ?? text;
    } else if (COMBINATORS.has(error.keyword)) {
      text = variantProblem(error);
    }
    problems.add(`field ${field || '(message body)'}: ${text}`);
  }
  return [...problems];
}

function variantProblem(error: ErrorObject): string {
  const variants = (((error.parentSchema ?? {}) as JsonSchema)[error.keyword] ?? []) as JsonSchema[];
  return `must fit one of its forms: ${describeVariants(variants)}`;
}

/** The variant whose fixed values the data has, when exactly one has them. */
function pickedVariant(error: ErrorObject): number | undefined {
  const variants = (((error.parentSchema ?? {}) as JsonSchema)[error.keyword] ?? []) as JsonSchema[];
  const data = error.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const picked = variants
    .map((variant, index) => ({ index, fixed: fixedValues(variant) }))
    .filter(({ fixed }) => fixed.length > 0 && fixed.every(([name, values]) => values.includes(data[name])));
  return picked.length === 1 ? picked[0]?.index : undefined;
}

/** Properties a variant (with its allOf parts) allows only a few values of: what tells it apart. */
function fixedValues(variant: JsonSchema): Array<[string, unknown[]]> {
  const parts = [variant, ...((variant['allOf'] as JsonSchema[] | undefined) ?? [])];
  return parts.flatMap((part) =>
    Object.entries((part['properties'] ?? {}) as Record<string, JsonSchema>)
      .filter(([, property]) => Array.isArray(property['enum']) && (property['enum'] as unknown[]).length <= MAX_LISTED_VALUES)
      .map(([name, property]): [string, unknown[]] => [name, property['enum'] as unknown[]]),
  );
}

const MAX_LISTED_VALUES = 8;

const KIND_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'a yes/no',
};

/** Each variant by what sets it apart: its kind of value, its fixed values and the fields only it requires. */
export function describeVariants(variants: JsonSchema[]): string {
  const requiredOf = variants.map((v) => new Set(Array.isArray(v['required']) ? (v['required'] as string[]) : []));
  const common = [...(requiredOf[0] ?? [])].filter((name) => requiredOf.every((names) => names.has(name)));
  const kinds = new Set(variants.map((v) => JSON.stringify(v['type'] ?? null)));
  return variants
    .map((variant, index) => {
      const parts: string[] = [];
      const kind = typeof variant['type'] === 'string' ? KIND_WORDS[variant['type']] : undefined;
      if (kinds.size > 1 && kind) parts.push(kind);
      for (const [name, values] of fixedValues(variant)) parts.push(`${name} ${values.map((v) => JSON.stringify(v)).join(' or ')}`);
      const own = [...(requiredOf[index] ?? [])].filter((name) => !common.includes(name));
      if (own.length > 0) parts.push(`with ${own.join(', ')}`);
      return `(${index + 1}) ${parts.join(', ') || 'any other value'}`;
    })
    .join('; ') + (common.length > 0 ? ` (all need ${common.join(', ')})` : '');
}
