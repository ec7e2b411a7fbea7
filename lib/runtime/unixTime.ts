/**
 * A moment given as ISO 8601 for an input that takes Unix seconds (lib/catalogue/unixTimes.ts): a date and time
 * with its zone (`2026-05-01T09:00:00Z`, `2026-05-01T11:00:00+02:00`), converted exactly. A date without a time
 * or without a zone is not converted: which moment it means depends on a zone it does not name.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const UNIX_TIME_EXAMPLE = '2026-05-01T09:00:00Z';

export type UnixTimeReading = { seconds: number } | { problem: string };

/** Unix seconds of an ISO 8601 date and time with a zone, or why the text is not one. */
export function unixSecondsOfIso(text: string): UnixTimeReading {
  const value = text.trim();
  if (ISO_DATE.test(value)) return { problem: `"${value}" is a date without a time and zone; give a moment such as ${value}T00:00:00Z (UTC) or ${value}T00:00:00+02:00, or Unix seconds` };
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return { problem: `"${value}" is neither Unix seconds nor an ISO 8601 date and time (e.g. ${UNIX_TIME_EXAMPLE})` };
  const [, y, mo, d, h, mi, s = '00', fraction, zone] = m;
  if (zone === undefined) return { problem: `"${value}" names no time zone; add Z for UTC or an offset such as +02:00` };
  if (fraction !== undefined && /[1-9]/.test(fraction)) return { problem: `"${value}" has a fraction of a second; Unix time here counts whole seconds` };
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March and 24:00 into the next day: such a text names no real moment.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || check.getUTCHours() !== hour || check.getUTCMinutes() !== minute || check.getUTCSeconds() !== second) {
    return { problem: `"${value}" is not a valid date and time` };
  }
  const offsetMinutes = zone === 'Z' || zone === 'z' ? 0 : offsetOf(zone);
  if (offsetMinutes === undefined) return { problem: `"${value}" has an offset beyond ±18:00` };
  return { seconds: ms / 1000 - offsetMinutes * 60 };
}

function offsetOf(zone: string): number | undefined {
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 18 || minutes > 59 || (hours === 18 && minutes > 0)) return undefined;
  return sign * (hours * 60 + minutes);
}
