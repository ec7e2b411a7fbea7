import type { ApiRequest } from './client';
import { InputValidationError } from './errors';
import { type Input, validateInput } from './input';
import { type Call, operation, type OperationEntry } from './operations';

/**
 * Validates the flat input against the action's in-schema and splits it into path, query and body.
 * Every problem is reported at once and nothing is sent when there is one.
 */
export function buildRequest(key: string, entry: OperationEntry, rawInput: unknown): ApiRequest {
  const oneOf = entry.requireOneOf;
  const input = validateInput(key, rawInput, {
    check: (given) =>
      oneOf && !oneOf.some((name) => given[name] !== undefined && given[name] !== null && given[name] !== '')
        ? [`fields ${oneOf.join(', ')}: at least one of them is required`]
        : [],
  });
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

/**
 * The call of a catalogue operation for a flat input: validated and built exactly as the operation's own
 * action does. `label` names the caller in logs and errors (a trigger, or "convenience action (operation)").
 */
export function operationCall(key: string, input: unknown, label = key): Call {
  const entry = operation(key);
  const call: Call = { ...buildRequest(key, entry, input), response: entry.response };
  call.operation = label;
  if (entry.pagination) call.paging = entry.pagination;
  return call;
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

/**
 * How a value travels in the query: lists comma-separated, objects declared `style: form, explode: true` one
 * query parameter per key, other objects as JSON text; null is left out.
 */
export function addQuery(query: Record<string, string>, name: string, value: unknown, style?: 'csv' | 'explode'): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    query[name] = value.map(scalarText).join(',');
  } else if (typeof value === 'object') {
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
