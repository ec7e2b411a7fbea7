import { CURATED_FIELDS } from '../catalogue/fields';
import { settings } from '../runtime/settings';
import { unixSecondsOfIso } from '../runtime/unixTime';
import { type Config, type CuratedRun, fromInputOrConfig, type Input } from './common';

/** Helpers shared by the conversation convenience actions (all built on manageConversation / replyConversation). */

export function actingAdmin(input: Input, cfg: Config): string | undefined {
  return fromInputOrConfig(input, 'admin_id', cfg, CURATED_FIELDS.adminId);
}

export function requireActingAdmin(input: Input, cfg: Config): string[] {
  return actingAdmin(input, cfg)
    ? []
    : [`field admin_id: is required (map an admin id, or choose the acting admin in the step setting "Acting admin")`];
}

/** The admin id after validation; requireActingAdmin has already reported its absence. */
export function adminOf(run: CuratedRun): string {
  return actingAdmin(run.input, run.cfg) ?? '';
}

/**
 * "When" as Unix seconds: whole or fractional seconds (values beyond year 5000 in seconds are taken as
 * milliseconds, which is what a JavaScript timestamp looks like), or an ISO 8601 date and time with a zone (the
 * one reading of lib/runtime/unixTime.ts: a date or time without a zone is refused, not guessed). It must lie in
 * the future.
 */
export function parseUntil(value: unknown, field = 'until'): { seconds?: number; problem?: string } {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (raw === '') return { problem: `field ${field}: is required` };
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const number = Number(raw);
    seconds = Math.floor(number > 1e11 ? number / 1000 : number);
  } else {
    const reading = unixSecondsOfIso(raw);
    if ('problem' in reading) return { problem: `field ${field}: ${reading.problem}` };
    seconds = reading.seconds;
  }
  if (seconds <= Math.floor(settings.now() / 1000)) {
    return { problem: `field ${field}: ${new Date(seconds * 1000).toISOString()} is not in the future` };
  }
  return { seconds };
}
