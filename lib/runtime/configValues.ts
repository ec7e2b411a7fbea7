import { ConfigurationError } from './errors';
import { registerSecret } from './redact';

/**
 * Readers of credential and step fields: an empty field is "not set"; a value of the wrong type or form is a
 * configuration error naming the field, never read as something else (a region 5 as "auto", "-5" as a date).
 * `label` names the field the way the error should, e.g. `Credential field "region"`.
 */

export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
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

/**
 * A whole number given as a number or as digits (no sign, exponent, hex, fraction, list or yes/no); NaN for
 * anything else, so the caller's range check refuses it with its own wording.
 */
export function wholeNumberOf(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) ? number : NaN;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value for an error message: a secret-looking string is never quoted whole (errors are redacted anyway). */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return JSON.stringify(value) ?? String(value);
}
