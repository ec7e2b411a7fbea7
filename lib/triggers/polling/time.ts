/**
 * Calendar arithmetic in an IANA timezone, with nothing but Intl (no timezone database dependency). The sandbox's
 * contact search uses it too (tools/sandbox/timezone.ts), from the build.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (a workspace with an unexpected value falls back to a wider window). */
export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(unixSeconds: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(unixSeconds * 1000))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function dayKey(unixSeconds: number, timeZone: string): number {
  const p = localParts(unixSeconds, timeZone);
  return p.year * 10_000 + p.month * 100 + p.day;
}

/**
 * The first second of the local calendar day that contains `unixSeconds` in `timeZone`. Found by bisection
 * on "local date >= that day" (monotonic in absolute time), so DST changes, including a jump at midnight,
 * need no special case. UTC offsets lie within -12 h and +14 h, which bounds the search.
 */
export function startOfLocalDay(unixSeconds: number, timeZone: string): number {
  const target = dayKey(unixSeconds, timeZone);
  const p = localParts(unixSeconds, timeZone);
  const localMidnightAsUtc = Date.UTC(p.year, p.month - 1, p.day) / 1000;
  let lo = localMidnightAsUtc - 15 * 3600; // certainly an earlier local day
  let hi = Math.min(unixSeconds, localMidnightAsUtc + 13 * 3600); // certainly the target day already
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first second of the local calendar day after the one that contains `unixSeconds`. A local day lasts 23 to 25
 * hours, so 25 hours after the start of this day always falls into the next one.
 */
export function startOfNextLocalDay(unixSeconds: number, timeZone: string): number {
  return startOfLocalDay(startOfLocalDay(unixSeconds, timeZone) + 25 * 3600, timeZone);
}

/** The first second of the UTC day containing `unixSeconds`. */
export function startOfUtcDay(unixSeconds: number): number {
  return Math.floor(unixSeconds / 86_400) * 86_400;
}

/** ISO 8601 for logs; a value no Date can hold is written as it is (never a RangeError). */
export function isoTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? String(unixSeconds) : date.toISOString().replace('.000Z', 'Z');
}

/**
 * The largest value read as Unix seconds: 1e11 s is the year 5138, while milliseconds since 1973 exceed it,
 * so a larger value is a time in milliseconds (or no time at all), never seconds.
 */
export const MAX_UNIX_SECONDS = 100_000_000_000;
/** How far ahead of this machine's clock a record time may be (clocks differ a little) before it is held back. */
export const FUTURE_SKEW_SECONDS = 300;

/** A whole number of Unix seconds from 1970 up to `MAX_UNIX_SECONDS`. */
export function plausibleTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UNIX_SECONDS;
}

/** Why `value` is not a usable record time, or undefined when it is one. */
export function timeProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'not a finite number';
  if (value < 0) return 'negative';
  if (value > MAX_UNIX_SECONDS) return value < MAX_UNIX_SECONDS * 1000 * 1000 ? 'milliseconds, not seconds' : 'not a Unix time';
  return undefined;
}
