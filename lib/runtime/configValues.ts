import { ConfigurationError } from './errors';

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
 * A whole number given as a number or as digits (no sign, exponent, hex, fraction, list or yes/no); NaN for
 * anything else, so the caller's range check refuses it with its own wording.
 */
export function wholeNumberOf(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) ? number : NaN;
}

/** A value for an error message: a secret-looking string is never quoted whole (errors are redacted anyway). */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return JSON.stringify(value) ?? String(value);
}
