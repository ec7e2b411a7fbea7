/**
 * Intercom spreads the per-minute allowance over 10-second windows. Each token has a counter per
 * window; X-RateLimit-Reset is the Unix second at which the current window ends.
 */
import type { Clock } from './clock';

export const WINDOW_SECONDS = 10;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  reset: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { window: number; used: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: () => number,
  ) {}

  /** Count one request for `key` (rejected requests are not counted, as they were not executed). */
  take(key: string): RateDecision {
    const nowSec = Math.floor(this.clock.now() / 1000);
    const window = Math.floor(nowSec / WINDOW_SECONDS);
    const limit = Math.max(0, Math.floor(this.limit()));
    let entry = this.windows.get(key);
    if (entry === undefined || entry.window !== window) {
      entry = { window, used: 0 };
      this.windows.set(key, entry);
    }
    const reset = (window + 1) * WINDOW_SECONDS;
    if (entry.used >= limit) return { allowed: false, limit, remaining: 0, reset };
    entry.used += 1;
    return { allowed: true, limit, remaining: limit - entry.used, reset };
  }

  /** What a response would report without counting a request (for injected 429s). */
  peek(key: string): RateDecision {
    const nowSec = Math.floor(this.clock.now() / 1000);
    const window = Math.floor(nowSec / WINDOW_SECONDS);
    const limit = Math.max(0, Math.floor(this.limit()));
    const entry = this.windows.get(key);
    const used = entry !== undefined && entry.window === window ? entry.used : 0;
    return { allowed: used < limit, limit, remaining: Math.max(0, limit - used), reset: (window + 1) * WINDOW_SECONDS };
  }
}

export function rateHeaders(d: RateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(d.limit),
    'X-RateLimit-Remaining': String(d.remaining),
    'X-RateLimit-Reset': String(d.reset),
  };
}
