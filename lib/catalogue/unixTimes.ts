/**
 * Inputs that take a moment as Unix time (seconds). The generator finds them in Intercom's description with the
 * rule below and marks them in the strict schemas with UNIX_TIME; at run time such an input also takes an ISO
 * 8601 date and time with a zone (lib/runtime/unixTime.ts), converted to the same Unix seconds.
 */

/** The schema keyword of such an input (standard JSON Schema ignores unknown keywords; the mapper too). */
export const UNIX_TIME = 'x-unix-time';

/** A description that says the number is a point in time. */
const TIME_WORDS = /\b(unix|epoch|timestamp)\b/i;

/** Names Intercom gives its moments: `created_at`, `created_at_after`, `snoozed_until`, `updated_since`, `start_time`. */
const TIME_NAME = /(^|_)(at|at_after|at_before|until|since|time)$/;

/** Formats the description puts on a number that is a moment (`signed_up_at` says date-time). */
const TIME_FORMATS = new Set(['timestamp', 'date-time', 'unix-time']);

export function takesUnixTime(name: string, type: unknown, description: unknown, format: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes('integer') && !types.includes('number')) return false;
  if (typeof format === 'string' && TIME_FORMATS.has(format)) return true;
  return (typeof description === 'string' && TIME_WORDS.test(description)) || TIME_NAME.test(name);
}
