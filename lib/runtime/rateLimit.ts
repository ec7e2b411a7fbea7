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

export function observeRateLimit(tokenKey: string, headers: Readonly<Record<string, string | undefined>>): void {
  const limit = Number(headers['x-ratelimit-limit']);
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset)) return;
  windows.set(tokenKey, { limit, remaining, resetAtMs: reset * 1000 });
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
  const reset = Number(headers['x-ratelimit-reset']);
  const jitter = settings.random() * 500;
  if (Number.isFinite(reset) && reset > 0) {
    const untilReset = reset * 1000 - settings.now();
    return Math.min(Math.max(untilReset, 0) + jitter, settings.maxRateLimitWaitMs);
  }
  return Math.min(settings.retryBaseMs * 2 ** attempt + jitter, settings.retryMaxMs);
}

/** Exponential backoff with full jitter for 408/5xx/network failures. */
export function backoffDelay(attempt: number): number {
  const ceiling = Math.min(settings.retryBaseMs * 2 ** attempt, settings.retryMaxMs);
  return ceiling / 2 + settings.random() * (ceiling / 2);
}

export function resetRateLimitState(): void {
  windows.clear();
}
