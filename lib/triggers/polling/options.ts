import { EMIT_ON, POLLING_FIELDS, POLLING_LIMITS } from '../../catalogue/fields';
import { choiceOf, optionalId, stepField, wholeNumber } from '../../runtime/configValues';
import { ConfigurationError } from '../../runtime/errors';
import type { Config } from '../../runtime/step';
import { isoTime, MAX_UNIX_SECONDS, plausibleTime } from './time';

export interface PollingOptions {
  /** Unix seconds; undefined = "now" on the first run. */
  start?: number;
  overlapSeconds: number;
  maxPerRun: number;
}

export function readPollingOptions(config: Config): PollingOptions {
  const options: PollingOptions = {
    overlapSeconds: limited(config, 'overlapMinutes') * 60,
    maxPerRun: limited(config, 'maxPerRun'),
  };
  const start = parseStartTime(config[POLLING_FIELDS.startTime]);
  if (start !== undefined) options.start = start;
  return options;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Accepts an ISO 8601 date or date-time (`2026-01-31`, `2026-01-31T08:00:00Z`, with offset) or Unix time in
 * seconds or milliseconds. A date without a timezone is read as UTC.
 */
export function parseStartTime(value: unknown): number | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (Number.isFinite(n) && n >= 0) return withinSnapshotTimes(Math.floor(n > 100_000_000_000 ? n / 1000 : n), value);
  }
  // Only ISO 8601 is parsed as a date: Date.parse alone reads "-5" as 2001-05-01.
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const text = value.trim();
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
    const ms = Date.parse(dateOnly || hasZone ? text : `${text}Z`);
    if (Number.isFinite(ms)) return withinSnapshotTimes(Math.floor(ms / 1000), value);
  }
  throw new ConfigurationError(
    `Step field "${POLLING_FIELDS.startTime}" must be an ISO 8601 date or date-time (e.g. 2026-01-31T08:00:00Z) or Unix time; got ${JSON.stringify(value)}`,
  );
}

/**
 * A snapshot holds only times from 1970 to MAX_UNIX_SECONDS (state.ts repairs any other), so a start before 1970
 * (a date of the years 0000 to 1969) or after would be "repaired" with a warning on every run, and sent to
 * Intercom as a negative time.
 */
function withinSnapshotTimes(seconds: number, value: unknown): number {
  if (plausibleTime(seconds)) return seconds;
  throw new ConfigurationError(`Step field "${POLLING_FIELDS.startTime}" must lie between ${isoTime(0)} and ${isoTime(MAX_UNIX_SECONDS)}; got ${JSON.stringify(value)}`);
}

/** A number field of the polling triggers, within its bounds (catalogue/fields.ts), or its default when empty. */
function limited(config: Config, field: keyof typeof POLLING_LIMITS): number {
  const { fallback, ...range } = POLLING_LIMITS[field];
  return wholeNumber(config[POLLING_FIELDS[field]], stepField(POLLING_FIELDS[field]), range) ?? fallback;
}

/** "Emit": which records count, among the choices this trigger offers; new and updated ones by default. */
export function emitOn<T extends string>(config: Config, offered: readonly T[]): T {
  return choiceOf(config[POLLING_FIELDS.emitOn], stepField(POLLING_FIELDS.emitOn), offered, EMIT_ON.newOrUpdated as T);
}

/** A filter by one id (tag, assignee, ticket type), typed or picked from a dropdown. */
export function filterId(config: Config, field: string): string | undefined {
  return optionalId(config[field], stepField(field));
}
