import { createHash } from 'node:crypto';
import { plausibleTime } from '../polling/time';

/**
 * Which notifications the webhook trigger already emitted, within the 5 KB snapshot. Two parts, both keyed by
 * a SHA-256 fingerprint of the notification id (never a property lookup on a plain object, so ids such as
 * `__proto__` or `toString` are ordinary ids), both ordered by *arrival* on this machine's clock (a
 * notification's own `created_at` may be old, or years ahead, and decides nothing here):
 *
 * - `recent`: the fingerprints (48 bits) of the newest `RECENT_LIMIT` emitted notifications, exact (two ids
 *   share one with a chance of about 1 in 10^12). Every delivery is checked against it: the platform may hand
 *   the same message over twice, and Intercom's one retry comes a minute after the first attempt.
 * - `bloom`: a Bloom filter per hour of arrival, the current hour and the one before (so every notification
 *   is remembered for at least one hour and at most two), holding every notification emitted then, thousands
 *   included. A Bloom filter never misses what it holds, but may claim an id it never held; so only a
 *   delivery Intercom marks as a retry (`delivery_attempts` > 1) is checked against it. A first attempt is
 *   never dropped by it; a retry whose first attempt never reached this trigger is dropped only on a false
 *   match (about 1 % at 1,000 notifications an hour, see `BLOOM_BITS`), and the warning names it.
 */
export interface DedupeState {
  recent: Buffer[];
  bloom: Generation[];
}

interface Generation {
  /** Arrival time (Unix seconds) of the generation's start. */
  from: number;
  bits: Buffer;
}

export const RECENT_LIMIT = 120;
const FINGERPRINT_BYTES = 6;
/** Bits of one generation's filter: 9,600 bits (1,200 bytes, 1,600 base64 characters). */
export const BLOOM_BITS = 9_600;
const HASHES = 7;
export const GENERATION_SECONDS = 3_600;

export interface DedupeSnapshot {
  v: 2;
  /** base64url of the concatenated 6-byte fingerprints, oldest first. */
  recent: string;
  bloom: Array<{ from: number; bits: string }>;
}

function digest(id: string): Buffer {
  return createHash('sha256').update(id, 'utf8').digest();
}

function positions(hash: Buffer): number[] {
  // Double hashing over two 32-bit words of the digest gives the filter's k positions.
  const a = hash.readUInt32BE(8);
  const b = (hash.readUInt32BE(12) | 1) >>> 0;
  return Array.from({ length: HASHES }, (_, i) => (a + i * b) % BLOOM_BITS);
}

function inFilter(bits: Buffer, hash: Buffer): boolean {
  return positions(hash).every((p) => ((bits[p >> 3] as number) & (1 << (p & 7))) !== 0);
}

function addToFilter(bits: Buffer, hash: Buffer): void {
  for (const p of positions(hash)) bits[p >> 3] = (bits[p >> 3] as number) | (1 << (p & 7));
}

export function emptyDedupe(): DedupeState {
  return { recent: [], bloom: [] };
}

export type Verdict = 'new' | 'duplicate' | 'probable-duplicate';

/** Whether `id` was emitted before: exactly among the recent ones, probably (retries only) among the rest. */
export function check(state: DedupeState, id: string, isRetry: boolean): Verdict {
  const hash = digest(id);
  const fingerprint = hash.subarray(0, FINGERPRINT_BYTES);
  if (state.recent.some((f) => f.equals(fingerprint))) return 'duplicate';
  if (isRetry && state.bloom.some((g) => inFilter(g.bits, hash))) return 'probable-duplicate';
  return 'new';
}

/** Generations that still cover `now`: the current hour's and the one before; a new one starts when due. */
function rotate(bloom: readonly Generation[], now: number): Generation[] {
  // readDedupe already refused generations from the future; a clock a little behind another replica's keeps them.
  const live = bloom.filter((g) => now - g.from < 2 * GENERATION_SECONDS);
  const current = live[live.length - 1];
  if (current === undefined || now - current.from >= GENERATION_SECONDS) live.push({ from: now, bits: Buffer.alloc(BLOOM_BITS / 8) });
  return live.slice(-2);
}

/** The state after `id` was emitted at `now`. */
export function remember(state: DedupeState, id: string, now: number): DedupeState {
  const hash = digest(id);
  const bloom = rotate(state.bloom, now).map((g) => ({ from: g.from, bits: Buffer.from(g.bits) }));
  addToFilter((bloom[bloom.length - 1] as Generation).bits, hash);
  return { recent: [...state.recent, hash.subarray(0, FINGERPRINT_BYTES)].slice(-RECENT_LIMIT), bloom };
}

export function toDedupeSnapshot(state: DedupeState): DedupeSnapshot {
  return {
    v: 2,
    recent: Buffer.concat(state.recent).toString('base64url'),
    bloom: state.bloom.map((g) => ({ from: g.from, bits: g.bits.toString('base64url') })),
  };
}

/**
 * The state a snapshot describes, and what was wrong with it (reported by the caller, then repaired: a part
 * that cannot be read is left out, never trusted). A v1 snapshot (`{seen: {id: created_at}}`) carries its
 * ids over into the exact part.
 */
export function readDedupe(snapshot: unknown, now: number, futureSkew: number): { state: DedupeState; problems: string[] } {
  const state = emptyDedupe();
  const problems: string[] = [];
  if (typeof snapshot !== 'object' || snapshot === null || Object.keys(snapshot).length === 0) return { state, problems };
  const s = snapshot as Record<string, unknown>;
  if (s['v'] === 1 && typeof s['seen'] === 'object' && s['seen'] !== null) {
    for (const id of Object.keys(s['seen'])) state.recent.push(digest(id).subarray(0, FINGERPRINT_BYTES));
    state.recent = state.recent.slice(-RECENT_LIMIT);
    return { state, problems };
  }
  if (s['v'] !== 2) {
    problems.push(`the snapshot is not one this trigger wrote (v ${JSON.stringify(s['v'])}); starting empty`);
    return { state, problems };
  }
  const recent = typeof s['recent'] === 'string' ? Buffer.from(s['recent'], 'base64url') : undefined;
  if (recent === undefined || recent.length % FINGERPRINT_BYTES !== 0) problems.push('recent is not a list of fingerprints; left out');
  else for (let i = 0; i < recent.length; i += FINGERPRINT_BYTES) state.recent.push(recent.subarray(i, i + FINGERPRINT_BYTES));
  state.recent = state.recent.slice(-RECENT_LIMIT);
  for (const g of Array.isArray(s['bloom']) ? (s['bloom'] as unknown[]) : []) {
    const from = (g as { from?: unknown } | null)?.from;
    const bits = (g as { bits?: unknown } | null)?.bits;
    const raw = typeof bits === 'string' ? Buffer.from(bits, 'base64url') : undefined;
    if (!plausibleTime(from) || from > now + futureSkew || raw?.length !== BLOOM_BITS / 8) {
      problems.push(`a filter generation (from ${JSON.stringify(from)}) is not readable or starts in the future; left out`);
      continue;
    }
    state.bloom.push({ from, bits: raw });
  }
  return { state, problems };
}
