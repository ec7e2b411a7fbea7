import { createHash } from 'node:crypto';
import { isoTime, plausibleTime } from './time';

/**
 * What a polling trigger remembers between runs: the platform's snapshot (one per step, at most 5 KB).
 *
 * Every record is a pair (id, time) in one total order: time first, then id (`compareIds`).
 * - `floor` (+ `afterId`): everything before it is done. A record older than `floor`, or at `floor` with an id
 *   up to `afterId`, was emitted or is settled, and is never emitted again. The floor never passes a record
 *   that is still pending, and never passes the *settled bound* (now minus the overlap window): younger records
 *   may still be indexed late by Intercom.
 * - `seen`: `(id, time)` of the records emitted at or after the floor, so re-reading the overlap window emits
 *   nothing twice. Each `(id, time)` pair is emitted at most once; a later update of a record is a new pair.
 * - `cursor`: the newest record time emitted so far (logs; where a changed filter continues from).
 * - `scope`: a hash of what is polled (time field and filters); a different scope starts a new state.
 * - `start`: the configured start time the state was begun from; changing the field starts over from it.
 *
 * Exact within the budget (see `plan`): a run emits a record younger than the settled bound only if the
 * snapshot can remember it; one it cannot is held back, and emitted once it has settled, when the floor can
 * pass it without remembering it. Past the budget records are delayed, never dropped and never repeated.
 */
export interface PollState {
  scope: string;
  start: number;
  floor: number;
  afterId?: string;
  cursor: number;
  seen: Map<string, number>;
}

/** Below the platform's 5 KB with room for the snapshot envelope. */
export const SNAPSHOT_BUDGET_BYTES = 4_500;
/** Ids longer than this are not Intercom's (theirs are 24 characters at most); such records are reported. */
export const MAX_ID_LENGTH = 128;

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
  return { scope, start, floor: from, cursor: from, seen: new Map() };
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

/** Whether `(id, time)` still has to be emitted. */
export function isPending(state: PollState, id: string, time: number): boolean {
  if (time < state.floor) return false;
  if (time === state.floor && state.afterId !== undefined && compareIds(id, state.afterId) <= 0) return false;
  const seen = state.seen.get(id);
  return seen === undefined || seen < time;
}

// ------------------------------------------------------------------------------------------ snapshot format

/**
 * `{v: 2, scope, start, floor, cursor, afterId?, seen: [[secondsAfterFloor, id, id, …], …]}`: ids grouped by
 * their second, and Intercom's 24-hex-digit ids written as 16 base64url characters after a `~`, so the 5 KB
 * hold about 200 contact ids (110 in the v1 format `{id: time}`).
 */
export interface SnapshotV2 {
  v: 2;
  scope: string;
  start: number;
  floor: number;
  cursor: number;
  afterId?: string;
  seen: Array<[number, ...string[]]>;
}

const HEX24 = /^[0-9a-f]{24}$/;

function packId(id: string): string {
  return HEX24.test(id) ? `~${Buffer.from(id, 'hex').toString('base64url')}` : id;
}

function unpackId(packed: string): string {
  return packed.startsWith('~') && packed.length === 17 ? Buffer.from(packed.slice(1), 'base64url').toString('hex') : packed;
}

export function toSnapshot(state: PollState): SnapshotV2 {
  const bySecond = new Map<number, string[]>();
  for (const [id, time] of state.seen) {
    const list = bySecond.get(time) ?? [];
    list.push(id);
    bySecond.set(time, list);
  }
  const seen: SnapshotV2['seen'] = [...bySecond.keys()]
    .sort((a, b) => a - b)
    .map((time) => [time - state.floor, ...(bySecond.get(time) as string[]).sort(compareIds).map(packId)]);
  const out: SnapshotV2 = { v: 2, scope: state.scope, start: state.start, floor: state.floor, cursor: state.cursor, seen };
  if (state.afterId !== undefined) out.afterId = state.afterId;
  return out;
}

export function snapshotBytes(state: PollState): number {
  return Buffer.byteLength(JSON.stringify(toSnapshot(state)));
}

export interface ReadState {
  /** Undefined: no usable snapshot (a first run). */
  state?: PollState;
  /** What was wrong with the snapshot and how it was repaired (the caller logs it as a warning). */
  problems: string[];
}

/**
 * Reads a snapshot of an earlier run. Values that cannot be right (times that are not Unix seconds, or lie in
 * the future) are reported and repaired, never trusted: a floor in the future would silence the trigger for
 * good. A repaired floor goes back to the start of the overlap window before now (`repairFloor`), so records
 * of that window may be emitted again rather than any being lost. Only the configured start time
 * (`configuredStart`) may lie ahead: the user chose to wait for it, so the snapshot's start may equal it and
 * its floor and cursor may wait there; any other future start is repaired to the configured start time, or
 * without one to `repairFloor`, whatever wrote the snapshot.
 */
export function readState(snapshot: unknown, now: number, repairFloor: number, futureSkew: number, configuredStart?: number): ReadState {
  const problems: string[] = [];
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    if (snapshot !== undefined && snapshot !== null) problems.push(`the snapshot is not an object (${typeof snapshot}); starting as a first run`);
    return { problems };
  }
  const s = snapshot as Record<string, unknown>;
  if (Object.keys(s).length === 0) return { problems };
  if ((s['v'] !== 1 && s['v'] !== 2) || typeof s['scope'] !== 'string') {
    problems.push(`the snapshot is not one this trigger wrote (v ${JSON.stringify(s['v'])}); starting as a first run`);
    return { problems };
  }
  const latest = now + futureSkew;
  const time = (name: string, value: unknown, fallback: number, limit: number): number => {
    if (plausibleTime(value) && value <= limit) return value;
    const what = plausibleTime(value) ? `${value} (${isoTime(value)}) lies in the future` : `${JSON.stringify(value)} is not a Unix time in seconds up to now`;
    problems.push(`${name} ${what}; repaired to ${fallback} (${isoTime(fallback)})`);
    return fallback;
  };
  const chosenFuture = configuredStart !== undefined && configuredStart > latest ? configuredStart : undefined;
  const start = time('start', s['start'], configuredStart ?? repairFloor, chosenFuture ?? latest);
  // Before a future start time the user chose, the floor waits at it.
  const waitsFor = start > latest ? start : undefined;
  const floor = time('floor', s['floor'], waitsFor ?? repairFloor, waitsFor ?? latest);
  const cursor = time('cursor', s['cursor'], floor, waitsFor ?? latest);
  const state: PollState = { scope: s['scope'], start, floor, cursor, seen: new Map() };
  let dropped = 0;
  const remember = (id: unknown, at: unknown): void => {
    if (typeof id === 'string' && id !== '' && id.length <= MAX_ID_LENGTH && plausibleTime(at) && at <= latest) {
      if (at >= floor) state.seen.set(id, Math.max(state.seen.get(id) ?? at, at));
    } else dropped++;
  };
  if (s['v'] === 2) {
    const seen = Array.isArray(s['seen']) ? (s['seen'] as unknown[]) : [];
    if (!Array.isArray(s['seen'])) problems.push('seen is not a list; repaired to empty');
    for (const group of seen) {
      if (!Array.isArray(group) || typeof group[0] !== 'number') {
        dropped++;
        continue;
      }
      for (const packed of group.slice(1)) remember(typeof packed === 'string' ? unpackId(packed) : packed, floor + (group[0]));
    }
  } else {
    // v1: `recent` {id: time} plus `idsAtCursor` at the cursor (an `afterId` at the cursor cannot be carried over).
    const recent = s['recent'];
    if (typeof recent === 'object' && recent !== null) for (const [id, at] of Object.entries(recent)) remember(id, at);
    if (Array.isArray(s['idsAtCursor'])) for (const id of s['idsAtCursor'] as unknown[]) remember(id, cursor);
  }
  if (dropped > 0) problems.push(`${dropped} remembered record(s) had an unusable id or time and were left out`);
  if (s['v'] === 2 && s['afterId'] !== undefined) {
    if (typeof s['afterId'] === 'string' && s['afterId'].length <= MAX_ID_LENGTH) state.afterId = s['afterId'];
    else problems.push('afterId is not an id; left out');
  }
  return { state, problems };
}

// -------------------------------------------------------------------------------------------- one run's plan

export interface PlanBounds {
  /** The settled bound: records older than this have all been indexed (now minus the overlap window). */
  settled: number;
  /** Records from this time on were not read in this run (a backfill slice's end); undefined: all were. */
  readUntil?: number;
  /** The oldest pending record left out of `batch` by the per-run maximum, if any. */
  nextPending?: Candidate;
}

export interface Plan {
  /** What to emit, oldest first: a prefix of the batch. */
  emit: Candidate[];
  /** The state once all of `emit` went out. */
  state: PollState;
  /** Records of the batch held back because the snapshot could not remember them (emitted once settled). */
  held: number;
  /** The time of the oldest record held back, if any. */
  oldestHeld?: number;
}

/** The state after the first `count` of `batch` (sorted oldest first) were emitted. */
function stateAfter(state: PollState, batch: readonly Candidate[], count: number, bounds: PlanBounds): PollState {
  const firstLeft = count < batch.length ? batch[count] : bounds.nextPending;
  const limit = Math.min(bounds.settled, bounds.readUntil ?? Infinity);
  let floor = Math.max(state.floor, Math.min(limit, firstLeft?.time ?? Infinity));
  if (!Number.isFinite(floor)) floor = state.floor;
  let cursor = state.cursor;
  const seen = new Map(state.seen);
  for (const c of batch.slice(0, count)) {
    seen.set(c.id, Math.max(seen.get(c.id) ?? -Infinity, c.time));
    cursor = Math.max(cursor, c.time);
  }
  // Only a settled second may be described by "every id up to afterId": no id below it can still turn up.
  let afterId = floor === state.floor ? state.afterId : undefined;
  if (firstLeft !== undefined && firstLeft.time === floor && floor < limit) {
    for (const c of batch.slice(0, count)) if (c.time === floor && (afterId === undefined || compareIds(c.id, afterId) > 0)) afterId = c.id;
  }
  const next: PollState = { scope: state.scope, start: state.start, floor, cursor, seen: new Map() };
  if (afterId !== undefined) next.afterId = afterId;
  for (const [id, time] of seen) {
    if (time > floor || (time === floor && (afterId === undefined || compareIds(id, afterId) > 0))) next.seen.set(id, time);
  }
  return next;
}

/**
 * Which of `batch` (the pending records, oldest first, at most the per-run maximum) to emit, and the state
 * after them. Settled records cost no memory: the floor passes them. Younger ones are emitted, oldest first, as
 * long as the snapshot can remember them within its budget; the rest are held back until they settle.
 */
export function plan(state: PollState, batch: readonly Candidate[], bounds: PlanBounds): Plan {
  const limit = Math.min(bounds.settled, bounds.readUntil ?? Infinity);
  let free = 0;
  while (free < batch.length && (batch[free] as Candidate).time < limit) free++;
  const fits = (count: number): boolean => snapshotBytes(stateAfter(state, batch, count, bounds)) <= SNAPSHOT_BUDGET_BYTES;
  let count = batch.length;
  if (!fits(count)) {
    // Beyond the settled part, each record emitted adds one remembered id: the size grows with the count.
    let lo = free;
    let hi = batch.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    count = lo;
  }
  const result: Plan = { emit: batch.slice(0, count), state: stateAfter(state, batch, count, bounds), held: batch.length - count };
  if (result.held > 0) result.oldestHeld = (batch[count] as Candidate).time;
  return result;
}

/**
 * Keeps the `limit` oldest pending candidates seen so far (plus the next one, so the caller knows where the
 * run stopped), without holding a whole backfill in memory: results are not sorted by Intercom, so every page
 * is read and sorted here.
 */
export class OldestFirst {
  private readonly byId = new Map<string, Candidate>();

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
  }

  get size(): number {
    return this.byId.size;
  }

  /** The oldest `limit` candidates, oldest first, and the oldest one left for the next run. */
  take(): { batch: Candidate[]; next?: Candidate } {
    const all = [...this.byId.values()].sort(compareCandidates);
    const result: { batch: Candidate[]; next?: Candidate } = { batch: all.slice(0, this.limit) };
    const next = all[this.limit];
    if (next !== undefined) result.next = next;
    return result;
  }
}
