/**
 * Calendar-day arithmetic in an IANA timezone, with nothing but Intl. Contact search compares dates by
 * day in the workspace's timezone, so the sandbox needs local midnights.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for an unknown zone; called once at start-up so a typo fails fast. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone).format(0);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(timeZone: string, epochMs: number): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type in out) out[part.type as keyof LocalParts] = Number(part.value);
  }
  return out;
}

/** Local time minus UTC, in milliseconds, at the given instant. */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const p = localParts(timeZone, epochMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the guess may differ from the offset at the true midnight (DST).
  let guess = wall - zoneOffsetMs(timeZone, wall);
  guess = wall - zoneOffsetMs(timeZone, guess);
  return Math.floor(guess / 1000);
}

/** Unix seconds of the local midnight that starts the day containing `unixSeconds`. */
export function startOfDay(timeZone: string, unixSeconds: number): number {
  const p = localParts(timeZone, unixSeconds * 1000);
  return localMidnight(timeZone, p.year, p.month, p.day);
}

/** Unix seconds of the local midnight that starts the day after the one containing `unixSeconds`. */
export function startOfNextDay(timeZone: string, unixSeconds: number): number {
  const p = localParts(timeZone, unixSeconds * 1000);
  return localMidnight(timeZone, p.year, p.month, p.day + 1);
}
