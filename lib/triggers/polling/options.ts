import { POLLING_FIELDS } from '../../catalogue/fields';
import { isUnset, wholeNumberOf } from '../../runtime/configValues';
import { ConfigurationError } from '../../runtime/errors';
import type { Config } from '../../runtime/step';

export const DEFAULT_OVERLAP_MINUTES = 15;
export const DEFAULT_MAX_PER_RUN = 1000;
export const MAX_MAX_PER_RUN = 10_000;

export interface PollingOptions {
  /** Unix seconds; undefined = "now" on the first run. */
  start?: number;
  overlapSeconds: number;
  maxPerRun: number;
}

export function readPollingOptions(config: Config): PollingOptions {
  const options: PollingOptions = {
    overlapSeconds: wholeNumber(config[POLLING_FIELDS.overlapMinutes], POLLING_FIELDS.overlapMinutes, DEFAULT_OVERLAP_MINUTES, 0, 24 * 60) * 60,
    maxPerRun: wholeNumber(config[POLLING_FIELDS.maxPerRun], POLLING_FIELDS.maxPerRun, DEFAULT_MAX_PER_RUN, 1, MAX_MAX_PER_RUN),
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
    if (Number.isFinite(n) && n >= 0) return Math.floor(n > 100_000_000_000 ? n / 1000 : n);
  }
  // Only ISO 8601 is parsed as a date: Date.parse alone reads "-5" as 2001-05-01.
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const text = value.trim();
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
    const ms = Date.parse(dateOnly || hasZone ? text : `${text}Z`);
    if (Number.isFinite(ms)) return Math.floor(ms / 1000);
  }
  throw new ConfigurationError(
    `Step field "${POLLING_FIELDS.startTime}" must be an ISO 8601 date or date-time (e.g. 2026-01-31T08:00:00Z) or Unix time; got ${JSON.stringify(value)}`,
  );
}

export function wholeNumber(value: unknown, field: string, fallback: number, min: number, max: number): number {
  if (isUnset(value)) return fallback;
  const n = wholeNumberOf(value);
  if (!(n >= min && n <= max)) {
    throw new ConfigurationError(`Step field "${field}" must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return n;
}

/** A select field: one of the allowed values, or the fallback when empty. */
export function choice<T extends string>(config: Config, field: string, allowed: readonly T[], fallback: T): T {
  const value = config[field];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(`Step field "${field}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
}

/** An optional id typed or picked from a dropdown. */
export function optionalId(config: Config, field: string): string | undefined {
  const value = config[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  throw new ConfigurationError(`Step field "${field}" must be a single id; got ${JSON.stringify(value)}`);
}
