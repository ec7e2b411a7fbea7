import { ConfigurationError } from './errors';
import { registerSecret } from './redact';

/**
 * The one reader of credential and step fields: an empty field is "not set"; a value of the wrong type or form is
 * a configuration error naming the field, never read as something else (a region 5 as "auto", "-5" as a date,
 * "0x10" as 16). `label` names the field the way the error should, e.g. `Credential field "region"` (stepField).
 */

export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** How errors name a step field: `Step field "pageSize"`. */
export function stepField(name: string): string {
  return `Step field "${name}"`;
}

/** A text field, trimmed; undefined when empty. */
export function configText(value: unknown, label: string): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value !== 'string') throw new ConfigurationError(`${label} must be text; got ${describe(value)}`);
  return value.trim();
}

/**
 * A secret text field (a token, a key, a client secret), trimmed and registered for redaction; undefined when
 * empty. A value of the wrong type is an error that names its type only: a token pasted as a number is still
 * the token, so it is never quoted (nor registered: the step stops here, and digits scrubbed from every later
 * message of the process would damage data).
 */
export function configSecret(value: unknown, label: string): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value !== 'string') throw new ConfigurationError(`${label} must be text; got ${kindOf(value)} (its value is not shown)`);
  const secret = value.trim();
  registerSecret(secret);
  return secret;
}

/** A select field: one of `allowed` exactly as declared, or `fallback` when empty. */
export function choiceOf<T extends string>(value: unknown, label: string, allowed: readonly T[], fallback: T): T {
  if (isUnset(value)) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(`${label} must be one of ${allowed.join(', ')}; got ${describe(value)}`);
}

/** An optional id typed or picked from a dropdown (Intercom's ids are text; a number is taken as its digits). */
export function optionalId(value: unknown, label: string): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new ConfigurationError(`${label} must be a single id; got ${describe(value)}`);
}

export interface WholeNumberRange {
  min: number;
  /** None: no upper bound. */
  max?: number;
}

/**
 * A whole-number field, within `range`; undefined when empty. One rule for numbers in every field: a JSON number
 * that is a whole number, or text of the decimal digits 0-9 (blanks around them allowed). Nothing else is read as a
 * number: no sign, fraction, exponent ("1e2"), hex or other base ("0x10"), separator ("1_000"), list or yes/no.
 */
export function wholeNumber(value: unknown, label: string, range: WholeNumberRange): number | undefined {
  if (isUnset(value)) return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < range.min || (range.max !== undefined && number > range.max)) {
    const bounds = range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new ConfigurationError(`${label} must be a whole number ${bounds}; got ${describe(value)}`);
  }
  return number;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value for an error message: what it is, never a whole object. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return JSON.stringify(value) ?? String(value);
}
