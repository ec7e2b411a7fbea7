/**
 * Typed readers for request bodies and query strings. A wrong type answers 400 `parameter_invalid`
 * naming the field, which is what the bad-input suite expects from a well-behaved API.
 */
import { badRequest, missingParameter } from './errors';
import type { SandboxRequest } from './http';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object; `{}` when absent. A non-object body is a 400. */
export function bodyObject(req: SandboxRequest): JsonObject {
  if (req.body === undefined) return {};
  if (!isObject(req.body)) throw badRequest('Request body must be a JSON object');
  return req.body;
}

export function optString(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`, 'parameter_invalid', key);
  return v;
}

/** A string that may also be sent as null (nullable fields clear the value). */
export function optNullableString(obj: JsonObject, key: string): string | null | undefined {
  if (obj[key] === null) return null;
  return optString(obj, key);
}

export function reqString(obj: JsonObject, key: string): string {
  const v = optString(obj, key);
  if (v === undefined || v === '') throw missingParameter(key);
  return v;
}

/** Ids are strings in the description, but numbers are accepted as Intercom itself seems to. */
export function optId(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`, 'parameter_invalid', key);
  return v;
}

export function reqId(obj: JsonObject, key: string): string {
  const v = optId(obj, key);
  if (v === undefined || v === '') throw missingParameter(key);
  return v;
}

export function optInteger(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw badRequest(`${key} must be an integer`, 'parameter_invalid', key);
  return v;
}

export function optNullableInteger(obj: JsonObject, key: string): number | null | undefined {
  if (obj[key] === null) return null;
  return optInteger(obj, key);
}

export function optBoolean(obj: JsonObject, key: string): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${key} must be a boolean`, 'parameter_invalid', key);
  return v;
}

export function optObject(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw badRequest(`${key} must be an object`, 'parameter_invalid', key);
  return v;
}

export function optArray(obj: JsonObject, key: string): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badRequest(`${key} must be an array`, 'parameter_invalid', key);
  return v as unknown[];
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An object of attributes whose keys cannot reach a prototype; values are kept as sent. */
export function optAttributes(obj: JsonObject, key: string): JsonObject | undefined {
  const v = optObject(obj, key);
  if (v === undefined) return undefined;
  const out: JsonObject = {};
  for (const [k, value] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(k)) throw badRequest(`${key}.${k} is not an allowed attribute name`, 'parameter_invalid', `${key}.${k}`);
    out[k] = value;
  }
  return out;
}

/** Custom attributes: a flat object of scalars. Prototype-polluting keys are refused. */
export function optCustomAttributes(obj: JsonObject, key = 'custom_attributes'): JsonObject | undefined {
  const v = optObject(obj, key);
  if (v === undefined) return undefined;
  const out: JsonObject = {};
  for (const [k, value] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(k)) {
      throw badRequest(`${key}.${k} is not an allowed attribute name`, 'parameter_invalid', `${key}.${k}`);
    }
    if (value !== null && typeof value === 'object') {
      throw badRequest(`${key}.${k} must be a string, number, boolean or null`, 'parameter_invalid', `${key}.${k}`);
    }
    out[k] = value;
  }
  return out;
}

export function queryInteger(req: SandboxRequest, key: string): number | undefined {
  const raw = req.query.get(key);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${key} must be an integer`, 'parameter_invalid', key);
  return Number(raw);
}

export function queryBoolean(req: SandboxRequest, key: string): boolean {
  const raw = req.query.get(key);
  return raw === 'true' || raw === '1';
}
