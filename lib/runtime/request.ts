import type { ApiRequest } from './client';
import { InputValidationError } from './errors';
import type { OperationEntry } from './operations';
import { describeAjvErrors, inputValidator } from './schemas';

export type Input = Record<string, unknown>;

/** Keys that would reach Object.prototype if some library merged the input naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates the flat input against the action's in-schema and splits it into path, query and body.
 * Every problem is reported at once and nothing is sent when there is one.
 */
export function buildRequest(key: string, entry: OperationEntry, rawInput: unknown): ApiRequest {
  const input = validateInput(key, rawInput);
  if (entry.requireOneOf && !entry.requireOneOf.some((name) => input[name] !== undefined && input[name] !== null && input[name] !== '')) {
    throw new InputValidationError(key, [`fields ${entry.requireOneOf.join(', ')}: at least one of them is required`]);
  }
  const query: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const location = entry.inputs[name];
    if (location === 'query') addQuery(query, name, value, entry.queryStyles?.[name]);
    else if (location === 'body') {
      body[name] = value;
      hasBody = true;
    }
  }
  const request: ApiRequest = {
    operation: key,
    method: entry.method,
    path: fillPath(key, entry.path, input),
    pathTemplate: entry.path,
    idempotent: entry.idempotent,
  };
  if (Object.keys(query).length > 0) request.query = query;
  if (hasBody || entry.bodyRequired) request.body = body;
  return request;
}

export function validateInput(key: string, rawInput: unknown): Input {
  if (typeof rawInput !== 'object' || rawInput === null || Array.isArray(rawInput)) {
    throw new InputValidationError(key, ['the message body must be a JSON object of the action inputs']);
  }
  const forbidden = findForbiddenKeys(rawInput);
  if (forbidden.length > 0) {
    throw new InputValidationError(key, forbidden.map((path) => `field ${path}: this key name is not allowed`));
  }
  // Validation coerces types in place, so it works on a copy: the caller's message stays as it was.
  const input = cloneInput(rawInput) as Input;
  const validate = inputValidator(key);
  if (!validate(input)) throw new InputValidationError(key, describeAjvErrors(validate.errors));
  return input;
}

/**
 * A deep copy of a JSON-like value (what a message body is); other objects (a Date, a Buffer) are copied by
 * structuredClone. Measured: structuredClone of every input cost about a tenth of an action's whole call.
 * Only called after findForbiddenKeys, so no `__proto__` key reaches the assignment below.
 */
export function cloneInput(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneInput);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = cloneInput((value as Record<string, unknown>)[key]);
  return copy;
}

/** Paths of keys that must not reach any object merge, however deep. */
export function findForbiddenKeys(value: unknown, path = '', found: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return found;
  for (const name of Object.keys(value)) {
    const childPath = path ? `${path}.${name}` : name;
    if (FORBIDDEN_KEYS.has(name)) found.push(childPath);
    else findForbiddenKeys((value as Record<string, unknown>)[name], childPath, found);
  }
  return found;
}

/** A path template cut once into literal text (even indexes) and parameter names (odd indexes). */
const templateParts = new Map<string, string[]>();

/** Each path parameter becomes exactly one encoded segment: `../x`, `a/b`, `?` or `#` cannot change the route. */
export function fillPath(key: string, template: string, input: Input): string {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{([^}]+)\}/);
    templateParts.set(template, parts);
  }
  if (parts.length === 1) return template;
  const problems: string[] = [];
  let path = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) {
      path += part;
      continue;
    }
    const value = input[part];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (text.trim() === '') problems.push(`field ${part}: is required`);
    else if (text === '.' || text === '..') problems.push(`field ${part}: "${text}" is not a valid id`);
    path += encodeURIComponent(text);
  }
  if (problems.length > 0) throw new InputValidationError(key, problems);
  return path;
}

function addQuery(query: Record<string, string>, name: string, value: unknown, style: 'csv' | 'explode' | undefined): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    query[name] = value.map(scalarText).join(',');
  } else if (typeof value === 'object') {
    // Object parameters declared `style: form, explode: true` put each of their keys in the query.
    if (style === 'explode') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && v !== null) query[k] = scalarText(v);
    } else {
      query[name] = JSON.stringify(value);
    }
  } else {
    query[name] = scalarText(value);
  }
}

function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
