import { WEBHOOK_FIELDS } from '../../catalogue/fields';
import { isUnset, wholeNumber } from '../../runtime/configValues';
import type { Config } from '../../runtime/step';
import { isoTime, plausibleTime } from '../polling/time';

/**
 * How old a notification may be when it arrives. Intercom holds a delivery back for at most 2 hours (a
 * throttled subscription) and retries a failed one once, a minute later; the default adds an hour for the
 * platform's queue. Anything older is a delivery sent again from a copy: refused, so a captured notification
 * cannot be replayed once the de-duplication has forgotten it (it remembers at least this long, dedupe.ts).
 */
export const DEFAULT_MAX_AGE_MINUTES = 180;
export const MAX_AGE_ENV = 'INTERCOM_WEBHOOK_MAX_AGE_MINUTES';
/** The largest bound the step field takes: a week. */
const MAX_MAX_AGE_MINUTES = 7 * 24 * 60;

/** The bound in seconds (0: none): the step field, else the environment variable, else the default. */
export function readMaxAgeSeconds(config: Config): number {
  const field = config[WEBHOOK_FIELDS.maxAgeMinutes];
  if (!isUnset(field)) return minutes(field, `Step field "${WEBHOOK_FIELDS.maxAgeMinutes}"`) * 60;
  const env = process.env[MAX_AGE_ENV];
  if (!isUnset(env)) return minutes(env, `The environment variable ${MAX_AGE_ENV}`) * 60;
  return DEFAULT_MAX_AGE_MINUTES * 60;
}

function minutes(value: unknown, label: string): number {
  return wholeNumber(value, `${label} (minutes; 0: no bound)`, { min: 0, max: MAX_MAX_AGE_MINUTES }) ?? DEFAULT_MAX_AGE_MINUTES;
}

/**
 * Why a notification is not fresh (too old, dated ahead of this clock by more than clocks differ, or without
 * a usable `created_at`), or undefined when it is.
 */
export function staleness(createdAt: unknown, now: number, maxAgeSeconds: number, futureSkew: number): string | undefined {
  if (maxAgeSeconds === 0) return undefined;
  if (!plausibleTime(createdAt)) return `its created_at ${JSON.stringify(createdAt) ?? 'is missing'} is not a Unix time in seconds, so its age cannot be checked`;
  if (createdAt > now + futureSkew) return `it is dated ${isoTime(createdAt)}, ahead of this clock`;
  const age = now - createdAt;
  if (age > maxAgeSeconds) return `it was created ${Math.floor(age / 60)} minutes ago (${isoTime(createdAt)}), longer ago than the bound of ${maxAgeSeconds / 60} minutes (step field ${WEBHOOK_FIELDS.maxAgeMinutes} or ${MAX_AGE_ENV})`;
  return undefined;
}
