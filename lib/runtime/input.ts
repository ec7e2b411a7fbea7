import { InputValidationError } from './errors';
import { coerceToSchema } from './coerce';
import { describeAjvErrors, inputValidator, type JsonSchema, validationSchema } from './schemas';

export type Input = Record<string, unknown>;

export interface InputRules {
  /** Rewrites the raw input before validation (e.g. a comma-separated string into a list). */
  prepare?: (input: Input) => void;
  /** Checks the schema cannot express (one of two fields, a parsable date …); every problem at once. */
  check?: (input: Input) => string[];
  /** Top-level inputs that moved elsewhere, with where they went: given, each is refused saying so. */
  moved?: Readonly<Record<string, string>>;
}

/** Keys that would reach Object.prototype if some library merged the input naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deep an input may nest. Intercom's deepest request bodies (search queries, article translations) stay well
 * under it; a deeper input is refused as an error of its field rather than overflowing the stack later on.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * The one validation of a step's input, for generated and convenience actions alike, against the action's
 * validation schema (`schemas/<key>.in.strict.json`, else `schemas/<key>.in.json`). Every problem is reported at
 * once and nothing is sent when there is one.
 *
 * Empty values (a mapped `null`, or `''`) follow one rule on every top-level field:
 * - a required field that is empty is an error naming it; nothing is coerced into a value (`null` never becomes
 *   `false`, `0` or `''`);
 * - an optional field keeps `null` (Intercom reads it as "clear this field"), and `''` stays `''` on a free-text
 *   field and becomes `null` on any other (an empty mapped number is no number, not 0; an empty choice is no
 *   choice).
 * Below the top level, `null` is accepted only where Intercom's description allows it.
 */
export function validateInput(key: string, rawInput: unknown, rules: InputRules = {}): Input {
  if (typeof rawInput !== 'object' || rawInput === null || Array.isArray(rawInput)) {
    throw new InputValidationError(key, ['the message body must be a JSON object of the action inputs']);
  }
  const malformed = findMalformed(rawInput);
  if (malformed.length > 0) throw new InputValidationError(key, malformed);
  // Validation works on a copy (conversions happen in place): the caller's message stays as it was.
  const input = cloneInput(rawInput) as Input;
  rules.prepare?.(input);
  const schema = validationSchema(key);
  const moved = movedInputs(input, rules.moved);
  const { problems, cleared } = applyEmptyValueRule(schema, input);
  problems.unshift(...moved);
  coerceToSchema(input, schema);
  const validate = inputValidator(key);
  if (!validate(input)) problems.push(...describeAjvErrors(validate.errors));
  Object.assign(input, cleared);
  problems.push(...(rules.check?.(input) ?? []));
  if (problems.length > 0) throw new InputValidationError(key, [...new Set(problems)]);
  return input;
}

/** Problems for the moved inputs the message still carries; they are taken out so the schema does not report them again. */
function movedInputs(input: Input, moved: Readonly<Record<string, string>> | undefined): string[] {
  if (!moved) return [];
  const problems: string[] = [];
  for (const [name, where] of Object.entries(moved)) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) continue;
    problems.push(`field ${name}: is not an input of this action; ${where}`);
    Reflect.deleteProperty(input, name);
  }
  return problems;
}

/** A CheckBoxView step field: the platform sends `true` or `"on"` when it is ticked (some forms `"true"`). */
export function isChecked(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on';
}

/** A mapped empty value: no value at all, `null` or `''`. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Applies the empty-value rule in place: returns the required fields found empty, and the optional fields mapped
 * to null, which are set aside while the rest is validated (null clears a field whatever its type) and put back.
 */
function applyEmptyValueRule(schema: JsonSchema, input: Input): { problems: string[]; cleared: Input } {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = requiredOf(schema);
  const problems: string[] = [];
  const cleared: Input = {};
  for (const name of Object.keys(input)) {
    const value = input[name];
    if (value !== null && value !== '') continue;
    const property = properties[name];
    if (!property) continue; // an unknown field: the schema validation names it
    if (required.has(name)) {
      problems.push(`field ${name}: is required`);
      // Left out of the schema validation, which would otherwise also call it of the wrong type.
      Reflect.deleteProperty(input, name);
    } else if (value === null || !isFreeText(property)) {
      cleared[name] = null;
      Reflect.deleteProperty(input, name);
    }
  }
  return { problems, cleared };
}

const requiredSets = new WeakMap<JsonSchema, ReadonlySet<string>>();

/** The required fields of a validation schema, as a set made once per schema, not per message. */
function requiredOf(schema: JsonSchema): ReadonlySet<string> {
  let required = requiredSets.get(schema);
  if (!required) {
    required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    requiredSets.set(schema, required);
  }
  return required;
}

function isFreeText(property: JsonSchema): boolean {
  const type = property['type'];
  const text = type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
  return text && !Array.isArray(property['enum']);
}

/**
 * A deep copy of a JSON-like value (what a message body is); other objects (a Date, a Buffer) are copied by
 * structuredClone. Measured: structuredClone of every input cost about a tenth of an action's whole call.
 * Only called after findMalformed, so no `__proto__` key reaches the assignment below and the depth is bounded.
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

/**
 * What no schema can be asked about safely, found without recursion (a 10,000-deep input must not overflow the
 * stack): keys that would reach an object's prototype, nesting deeper than MAX_INPUT_DEPTH, and text that is not
 * valid Unicode (a lone surrogate cannot be encoded into a URL or UTF-8 JSON). Each problem names its field.
 */
export function findMalformed(input: object): string[] {
  const problems: string[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) problems.push(`field ${path || '(message body)'}: contains invalid text (an unpaired UTF-16 surrogate)`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push(`field ${shortPath(path)}: is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      continue;
    }
    for (const name of Object.keys(value)) {
      const childPath = path ? `${path}.${name}` : name;
      if (FORBIDDEN_KEYS.has(name)) problems.push(`field ${childPath}: this key name is not allowed`);
      else if (!isWellFormed(name)) problems.push(`field ${path || '(message body)'}: a key contains invalid text (an unpaired UTF-16 surrogate)`);
      else pending.push({ value: (value as Record<string, unknown>)[name], path: childPath, depth: depth + 1 });
    }
  }
  return problems.sort();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The first segments of a very deep path: enough to find the field, not a 10,000-segment error message. */
function shortPath(path: string): string {
  const parts = path.split('.');
  return parts.length <= 6 ? path : `${parts.slice(0, 5).join('.')}. … (${parts.length} levels)`;
}
