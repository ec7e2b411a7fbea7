/**
 * When search sees a write: `searchIndexDelaySeconds` after it, or, with `searchIndexDelayMaxSeconds` above
 * that, after a delay of its own drawn evenly between the two (seeded by record and write time, so a run is
 * reproducible). A spread delay is what makes records turn up out of order, as Intercom's late indexing does.
 */
import type { KnobValues } from './knobs';
import { unitFrom } from './random';

export interface IndexDelay {
  minMs: number;
  maxMs: number;
}

export function indexDelayOf(knobs: Pick<KnobValues, 'searchIndexDelaySeconds' | 'searchIndexDelayMaxSeconds'>): IndexDelay {
  const minMs = Math.max(0, knobs.searchIndexDelaySeconds * 1000);
  return { minMs, maxMs: Math.max(minMs, knobs.searchIndexDelayMaxSeconds * 1000) };
}

/** The delay after which search sees the write of record `index` made at `writtenAtMs`. */
export function delayFor(delay: IndexDelay, index: number, writtenAtMs: number): number {
  if (delay.maxMs <= delay.minMs) return delay.minMs;
  return delay.minMs + Math.floor(unitFrom(`index-delay|${index}|${writtenAtMs}`) * (delay.maxMs - delay.minMs + 1));
}

/** Whether search sees record `index` at `nowMs` (seeded, never written records are always indexed). */
export function isIndexed(delay: IndexDelay, index: number, writtenAtMs: number | undefined, nowMs: number): boolean {
  return delay.maxMs <= 0 || writtenAtMs === undefined || nowMs - writtenAtMs >= delayFor(delay, index, writtenAtMs);
}
