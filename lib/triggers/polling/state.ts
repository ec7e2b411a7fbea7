import { createHash } from 'node:crypto';

/**
 * What a polling trigger remembers between runs: the platform's snapshot (one per step, at most 5 KB).
 *
 * - `cursor`: the largest record time emitted so far (Unix seconds); `idsAtCursor`: the ids emitted at
 *   exactly that time (search `>` may return them again, and a backfill cut by the per-run maximum may have
 *   emitted only part of them).
 * - `floor`: records older than this are settled and never emitted again. It trails the cursor by the overlap
 *   window, so records Intercom indexes late are still found.
 * - `recent`: `{id: time}` of records emitted between `floor` and `cursor`, so re-reading the overlap window
 *   emits nothing twice. Each `(id, time)` pair is emitted at most once.
 * - `afterId`: only after `idsAtCursor` outgrew the budget (thousands of records sharing one second): every id
 *   at `cursor` up to this one (in id order) was emitted.
 * - `scope`: a hash of what is polled (time field and filters); a different scope starts a new state.
 * - `start`: the configured start time the state was begun from; changing the field starts over from it.
 */
export interface PollState {
  v: 1;
  scope: string;
  start: number;
  floor: number;
  cursor: number;
  idsAtCursor: string[];
  recent: Record<string, number>;
  afterId?: string;
}

/** Below the platform's 5 KB with room for the snapshot envelope. */
export const SNAPSHOT_BUDGET_BYTES = 4_500;

export interface Candidate {
  id: string;
  time: number;
  record: unknown;
}

export function scopeOf(description: unknown): string {
  return createHash('sha256').update(JSON.stringify(description)).digest('hex').slice(0, 12);
}

/** A state that emits everything from `from` on (default: the start time itself). */
export function freshState(scope: string, start: number, from = start): PollState {
  return { v: 1, scope, start, floor: from, cursor: from, idsAtCursor: [], recent: {} };
}

/** A snapshot from an earlier run of the same scope, or undefined when there is none (or it is unusable). */
export function readState(snapshot: unknown): PollState | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const s = snapshot as Partial<PollState>;
  if (s.v !== 1 || typeof s.scope !== 'string') return undefined;
  if (![s.start, s.floor, s.cursor].every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const state: PollState = {
    v: 1,
    scope: s.scope,
    start: s.start as number,
    floor: s.floor as number,
    cursor: s.cursor as number,
    idsAtCursor: Array.isArray(s.idsAtCursor) ? s.idsAtCursor.filter((id): id is string => typeof id === 'string') : [],
    recent: {},
  };
  if (typeof s.recent === 'object' && s.recent !== null) {
    for (const [id, time] of Object.entries(s.recent)) if (typeof time === 'number') state.recent[id] = time;
  }
  if (typeof s.afterId === 'string') state.afterId = s.afterId;
  return state;
}

/** Numeric ids (conversations, tickets) compare as numbers, the others as text: one total order for both. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  return a.time - b.time || compareIds(a.id, b.id);
}

/** The time this state already emitted the record at, if any. */
function seenAt(state: PollState, id: string): number | undefined {
  if (state.idsAtCursor.includes(id)) return state.cursor;
  return state.recent[id];
}

/** Whether `(id, time)` still has to be emitted. */
export function isPending(state: PollState, id: string, time: number): boolean {
  if (time < state.floor) return false;
  const seen = seenAt(state, id);
  if (seen !== undefined && seen >= time) return false;
  if (time === state.cursor && state.afterId !== undefined && compareIds(id, state.afterId) <= 0) return false;
  return true;
}

function sizeOf(state: PollState): number {
  return Buffer.byteLength(JSON.stringify(state));
}

export interface Advanced {
  state: PollState;
  /** Records of the overlap window forgotten to stay within the budget (logged by the caller). */
  trimmed: number;
}

/**
 * The state after `emitted` (sorted oldest first) went out: the cursor moves to the newest of them, the floor
 * follows at `overlapSeconds` behind it, and the remembered ids are those the next overlap window can return.
 */
export function advance(state: PollState, emitted: readonly Candidate[], overlapSeconds: number): Advanced {
  const seen = new Map<string, number>(Object.entries(state.recent));
  for (const id of state.idsAtCursor) seen.set(id, state.cursor);
  let cursor = state.cursor;
  for (const c of emitted) {
    seen.set(c.id, Math.max(seen.get(c.id) ?? -Infinity, c.time));
    cursor = Math.max(cursor, c.time);
  }
  let floor = Math.max(state.floor, cursor - overlapSeconds);
  const next: PollState = { v: 1, scope: state.scope, start: state.start, floor, cursor, idsAtCursor: [], recent: {} };
  if (cursor === state.cursor && state.afterId !== undefined) next.afterId = state.afterId;
  const tail: Array<[string, number]> = [];
  for (const [id, time] of seen) {
    if (time === cursor) next.idsAtCursor.push(id);
    else if (time >= floor && time < cursor) tail.push([id, time]);
  }
  next.idsAtCursor.sort(compareIds);
  tail.sort((a, b) => a[1] - b[1] || compareIds(a[0], b[0]));
  const fill = (): void => {
    next.floor = floor;
    next.recent = {};
    for (const [id, time] of tail) next.recent[id] = time;
  };
  fill();
  let trimmed = 0;
  // Over budget: forget the oldest part of the overlap window first (raising the floor past it, so nothing
  // is emitted twice; a late-indexed record older than the new floor would be missed instead).
  while (sizeOf(next) > SNAPSHOT_BUDGET_BYTES && tail.length > 0) {
    const drop = Math.max(1, Math.ceil(tail.length / 4));
    const removed = tail.splice(0, drop);
    trimmed += removed.length;
    floor = tail[0]?.[1] ?? cursor;
    // Everything at the new floor's time that was dropped must not come back: keep the floor above it.
    const lastDropped = removed[removed.length - 1]?.[1];
    if (lastDropped !== undefined && lastDropped === floor) floor += 1;
    while (tail.length > 0 && (tail[0]?.[1] ?? Infinity) < floor) {
      tail.shift();
      trimmed++;
    }
    if (floor > cursor) floor = cursor;
    fill();
  }
  // Still over budget: thousands of records share the cursor's second. They were emitted in id order, so
  // "every id up to the largest one" describes them in one value.
  if (sizeOf(next) > SNAPSHOT_BUDGET_BYTES && next.idsAtCursor.length > 0) {
    const largest = next.idsAtCursor[next.idsAtCursor.length - 1] as string;
    next.afterId = next.afterId !== undefined && compareIds(next.afterId, largest) > 0 ? next.afterId : largest;
    trimmed += next.idsAtCursor.length;
    next.idsAtCursor = [];
  }
  return { state: next, trimmed };
}

/**
 * Keeps the `limit` oldest pending candidates seen so far (plus whether more were pending), without holding a
 * whole backfill in memory: results are not sorted by Intercom, so every page is read and sorted here.
 */
export class OldestFirst {
  private readonly byId = new Map<string, Candidate>();
  private pruned = false;

  constructor(private readonly limit: number) {}

  offer(candidate: Candidate): void {
    const existing = this.byId.get(candidate.id);
    // The same record twice in one run (results shift while paging): its newest version wins.
    if (existing && existing.time >= candidate.time) return;
    this.byId.set(candidate.id, candidate);
    if (this.byId.size > this.limit * 2 + 100) this.prune();
  }

  private prune(): void {
    const kept = [...this.byId.values()].sort(compareCandidates).slice(0, this.limit + 1);
    this.byId.clear();
    for (const c of kept) this.byId.set(c.id, c);
    this.pruned = true;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The oldest `limit` candidates, oldest first, and whether any pending one was left for the next run. */
  take(): { batch: Candidate[]; more: boolean } {
    const all = [...this.byId.values()].sort(compareCandidates);
    return { batch: all.slice(0, this.limit), more: all.length > this.limit || (this.pruned && all.length >= this.limit) };
  }
}
