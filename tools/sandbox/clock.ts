/**
 * Time source. Scroll expiry, rate-limit windows, search-index delay and record timestamps all read
 * this one clock, so tests can move time instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}

export function toClock(source: Clock | (() => number) | undefined): Clock {
  if (source === undefined) return systemClock;
  return typeof source === 'function' ? { now: source } : source;
}

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
