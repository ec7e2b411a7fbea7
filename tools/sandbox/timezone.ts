/**
 * Calendar days in the workspace's timezone: contact search compares dates by day there, so the sandbox needs
 * local midnights. The arithmetic is the component's own (lib/triggers/polling/time.ts), taken from its build as
 * every tool takes the component (docs/architecture.md): one implementation, nothing but Intl.
 */
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';

const time = require(join(COMPONENT_ROOT, 'dist', 'triggers', 'polling', 'time.js')) as {
  isValidTimeZone(timeZone: string | undefined): boolean;
  startOfLocalDay(unixSeconds: number, timeZone: string): number;
  startOfNextLocalDay(unixSeconds: number, timeZone: string): number;
};

/** Throws RangeError for an unknown zone; called once at start-up so a typo fails fast. */
export function assertTimeZone(timeZone: string): void {
  if (!time.isValidTimeZone(timeZone)) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
}

/** Unix seconds of the local midnight that starts the day containing `unixSeconds`. */
export function startOfDay(timeZone: string, unixSeconds: number): number {
  return time.startOfLocalDay(unixSeconds, timeZone);
}

/** Unix seconds of the local midnight that starts the day after the one containing `unixSeconds`. */
export function startOfNextDay(timeZone: string, unixSeconds: number): number {
  return time.startOfNextLocalDay(unixSeconds, timeZone);
}
