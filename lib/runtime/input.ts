import { InputValidationError } from './errors';
import { describeAjvErrors, inputSchema, inputValidator, type JsonSchema } from './schemas';

export type Input = Record<string, unknown>;

export interface InputRules {
  /** Rewrites the raw input before validation (e.g. a comma-separated string into a list). */
  prepare?: (input: Input) => void;
  /** Checks the schema cannot express (one of two fields, a parsable date …); every problem at once. */
  check?: (input: Input) => string[];
}

/** Keys that would reach Object.prototype if some library merged the input naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The one validation of a step's input, for generated and convenience actions alike, against the action's
 * `schemas/<key>.in.json`. Every problem is reported at once and nothing is sent when there is one.
 *
 * Empty values (a mapped `null`, or `''`) follow one rule on every top-level field:
 * - a required field that is empty is an error naming it; nothing is coerced into a value (`null` never becomes
 *   `false`, `0` or `''`);
 * - an optional field keeps `null` (Intercom reads it as "clear this field"), and `''` stays `''` on a free-text
 *   field and becomes `null` on any other (an empty mapped number is no number, not 0; an empty choice is no
 *   choice).
 */
export function validateInput(key: string, rawInput: unknown, rules: InputRules = {}): Input {
  if (typeof rawInput !== 'object' || rawInput === null || Array.isArray(rawInput)) {
    throw new InputValidationError(key, ['the message body must be a JSON object of the action inputs']);
  }
  const forbidden = findForbiddenKeys(rawInput);
  if (forbidden.length > 0) {
    throw new InputValidationError(key, forbidden.map((path) => `field ${path}: this key name is not allowed`));
  }
  // Validation coerces types in place, so it works on a copy: the caller's message stays as it was.
  const input = cloneInput(rawInput) as Input;
  rules.prepare?.(input);
  const problems = emptyValueProblems(inputSchema(key), input);
  const validate = inputValidator(key);
  if (!validate(input)) problems.push(...describeAjvErrors(validate.errors));
  problems.push(...(rules.check?.(input) ?? []));
  if (problems.length > 0) throw new InputValidationError(key, [...new Set(problems)]);
  return input;
}

/** A CheckBoxView step field: the platform sends `true` or `"on"` when it is ticked (some forms `"true"`). */
export function isChecked(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on';
}

/** A mapped empty value: no value at all, `null` or `''`. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Applies the empty-value rule in place; returns the required fields found empty. */
function emptyValueProblems(schema: JsonSchema, input: Input): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const problems: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value !== null && value !== '') continue;
    const property = properties[name];
    if (!property) continue; // an unknown field: the schema validation names it
    if (property['required'] === true) {
      problems.push(`field ${name}: is required`);
      // Left out of the schema validation, which would otherwise also call it of the wrong type.
      Reflect.deleteProperty(input, name);
    } else if (value === '' && !isFreeText(property)) {
      input[name] = null;
    }
  }
  return problems;
}

function isFreeText(property: JsonSchema): boolean {
  const type = property['type'];
  const text = type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
  return text && !Array.isArray(property['enum']);
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
