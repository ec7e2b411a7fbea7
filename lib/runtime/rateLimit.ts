import { settings } from './settings';

/**
 * What Intercom last said about the current 10-second window of one token. Shared by every request of the
 * process, so concurrent actions and pages pace together before Intercom has to answer 429.
 */
interface WindowState {
  limit: number;
  remaining: number;
  resetAtMs: number;
}

const windows = new Map<string, WindowState>();

/** Intercom's windows last 10 s: a reset further ahead than two of them is not the end of a window. */
const MAX_RESET_AHEAD_MS = 20_000;
/** 1e11 as Unix seconds is the year 5138, as milliseconds 1973: anything above is read as milliseconds. */
const MILLISECONDS_ABOVE = 1e11;

/**
 * When the current window resets (ms since the epoch), if X-RateLimit-Reset is believable: Unix seconds as
 * documented (milliseconds are recognised), and not more than two windows ahead. Anything else is ignored, so
 * one odd header cannot hold a message, or every later request of the token, for long.
 */
function resetAtMs(headers: Readonly<Record<string, string | undefined>>, now: number): number | undefined {
  const raw = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(raw) || raw <= 0) return undefined;
  const ms = raw > MILLISECONDS_ABOVE ? raw : raw * 1000;
  return ms - now <= MAX_RESET_AHEAD_MS ? ms : undefined;
}

export function observeRateLimit(tokenKey: string, headers: Readonly<Record<string, string | undefined>>): void {
  const limit = Number(headers['x-ratelimit-limit']);
  const remaining = Number(headers['x-ratelimit-remaining']);
  if (!Number.isFinite(limit) || !Number.isFinite(remaining)) return;
  const resetAt = resetAtMs(headers, settings.now());
  if (resetAt === undefined) return;
  windows.set(tokenKey, { limit, remaining, resetAtMs: resetAt });
}

/**
 * How long to wait before the next request: nothing while the window has room; when little is left, the
 * rest of the allowance is spread over the rest of the window; when nothing is left, until the reset.
 */
export function delayBeforeRequest(tokenKey: string): number {
  const state = windows.get(tokenKey);
  if (!state) return 0;
  const now = settings.now();
  const untilReset = state.resetAtMs - now;
  if (untilReset <= 0) {
    windows.delete(tokenKey);
    return 0;
  }
  if (state.remaining > state.limit * settings.slowDownBelow) {
    state.remaining -= 1;
    return 0;
  }
  const wait = state.remaining <= 0 ? untilReset + settings.random() * 250 : untilReset / (state.remaining + 1);
  state.remaining -= 1;
  return Math.min(wait, settings.maxRateLimitWaitMs);
}

/** Wait for a 429: until the window resets (plus jitter, so replicas do not stampede), else exponential. */
export function delayAfter429(headers: Readonly<Record<string, string | undefined>>, attempt: number): number {
  const now = settings.now();
  const resetAt = resetAtMs(headers, now);
  const jitter = settings.random() * 500;
  const wait = resetAt !== undefined ? Math.max(resetAt - now, 0) + jitter : Math.min(settings.retryBaseMs * 2 ** attempt + jitter, settings.retryMaxMs);
  return Math.min(wait, settings.maxRateLimitWaitMs);
}

export function resetRateLimitState(): void {
  windows.clear();
}
