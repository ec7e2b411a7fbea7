import { createHash } from 'node:crypto';
import { plausibleTime } from '../polling/time';

/**
 * Which notifications the webhook trigger already emitted, within the 5 KB snapshot. Two parts, both keyed by
 * a SHA-256 fingerprint of the notification's key (its id, or for a notification without one a fingerprint of
 * its content: `contentKey`; never a property lookup on a plain object, so ids such as `__proto__` or
 * `toString` are ordinary ids), both ordered by *arrival* on this machine's clock (a notification's own
 * `created_at` decides only whether it is fresh enough to be taken at all, see events.ts):
 *
 * - `recent`: the fingerprints (48 bits) of the newest `RECENT_LIMIT` emitted notifications, exact (two ids
 *   share one with a chance of about 1 in 10^12).
 * - `bloom`: a Bloom filter per generation of arrivals, the current one and the one before. A generation lasts
 *   `generationSeconds` (at least an hour, and at least the freshness bound, so whatever is fresh enough to be
 *   taken is remembered), or less when it fills up: a new one starts once its false-match rate would pass
 *   `ROTATE_AT_FALSE_MATCHES` (about 300 notifications), so it never claims a new notification with more than
 *   about one chance in a million.
 *
 * Every delivery, first attempt or retry, is checked against both: a replayed first attempt is a duplicate as
 * much as Intercom's retry is. A generation whose bits say it would claim new notifications too often (a
 * crafted snapshot of all ones, an old generation filled with thousands) is saturated: it is left out and
 * reported, never trusted.
 */
export interface DedupeState {
  recent: Buffer[];
  bloom: Generation[];
}

interface Generation {
  /** Arrival time (Unix seconds) of the generation's start. */
  from: number;
  bits: Buffer;
  /** Positions per notification: 16 for generations this release starts, 7 for those of the release before. */
  hashes: number;
}

export const RECENT_LIMIT = 120;
const FINGERPRINT_BYTES = 6;
/** Bits of one generation's filter: 9,600 bits (1,200 bytes, 1,600 base64 characters). */
export const BLOOM_BITS = 9_600;
/** Positions of a new generation: the fewest false matches for the ~300 notifications it holds (k = m/n · ln 2). */
const HASHES = 16;
/** Generations written before every delivery was checked against the filter used 7 (`k` absent in the snapshot). */
const LEGACY_HASHES = 7;
/** The shortest a generation lasts (unless it fills up first): Intercom's retries and the platform's redeliveries fall well within it. */
export const GENERATION_SECONDS = 3_600;
/** A generation whose false-match rate would pass this is closed and a new one started. */
export const ROTATE_AT_FALSE_MATCHES = 1e-6;
/** A generation read from a snapshot with a false-match rate above this is saturated: left out, never trusted. */
export const SATURATED_FALSE_MATCHES = 1e-5;

export interface DedupeSnapshot {
  v: 2;
  /** base64url of the concatenated 6-byte fingerprints, oldest first. */
  recent: string;
  bloom: Array<{ from: number; bits: string; k?: number }>;
}

function digest(id: string): Buffer {
  return createHash('sha256').update(id, 'utf8').digest();
}

function positions(hash: Buffer, hashes: number): number[] {
  // Double hashing over two 32-bit words of the digest gives the filter's k positions.
  const a = hash.readUInt32BE(8);
  const b = (hash.readUInt32BE(12) | 1) >>> 0;
  return Array.from({ length: hashes }, (_, i) => (a + i * b) % BLOOM_BITS);
}

function inFilter(g: Generation, hash: Buffer): boolean {
  return positions(hash, g.hashes).every((p) => ((g.bits[p >> 3] as number) & (1 << (p & 7))) !== 0);
}

function addToFilter(g: Generation, hash: Buffer): void {
  for (const p of positions(hash, g.hashes)) g.bits[p >> 3] = (g.bits[p >> 3] as number) | (1 << (p & 7));
}

/** The share of a filter's bits that are set. */
function fill(bits: Buffer): number {
  let set = 0;
  for (const byte of bits) for (let v = byte; v !== 0; v &= v - 1) set++;
  return set / (bits.length * 8);
}

/** The chance that the generation claims a notification it never held: every one of its positions set. */
export function falseMatchRate(g: Generation): number {
  return fill(g.bits) ** g.hashes;
}

export function emptyDedupe(): DedupeState {
  return { recent: [], bloom: [] };
}

export type Verdict = 'new' | 'duplicate' | 'probable-duplicate';

/** Whether `key` was emitted before: exactly among the recent ones, or (with a tiny chance of a false match) among the rest. */
export function check(state: DedupeState, key: string): Verdict {
  const hash = digest(key);
  const fingerprint = hash.subarray(0, FINGERPRINT_BYTES);
  if (state.recent.some((f) => f.equals(fingerprint))) return 'duplicate';
  if (state.bloom.some((g) => inFilter(g, hash))) return 'probable-duplicate';
  return 'new';
}

/**
 * Generations that still cover `now`: the current one and the one before; a new one starts when the current
 * one is due by time or would claim new notifications too often.
 */
function rotate(bloom: readonly Generation[], now: number, generationSeconds: number): { live: Generation[]; full: boolean } {
  // readDedupe already refused generations from the future; a clock a little behind another replica's keeps them.
  const live = bloom.filter((g) => now - g.from < 2 * generationSeconds);
  const current = live[live.length - 1];
  const full = current !== undefined && falseMatchRate(current) >= ROTATE_AT_FALSE_MATCHES;
  if (current === undefined || now - current.from >= generationSeconds || full) live.push({ from: now, bits: Buffer.alloc(BLOOM_BITS / 8), hashes: HASHES });
  return { live: live.slice(-2), full };
}

/**
 * The state after `key` was emitted at `now`; `filled`: the current generation was full before its time was up,
 * so notifications are remembered for less than `generationSeconds` (worth a line in the log).
 */
export function remember(state: DedupeState, key: string, now: number, generationSeconds = GENERATION_SECONDS): { state: DedupeState; filled: boolean } {
  const hash = digest(key);
  const { live, full } = rotate(state.bloom, now, generationSeconds);
  const bloom = live.map((g) => ({ from: g.from, bits: Buffer.from(g.bits), hashes: g.hashes }));
  addToFilter(bloom[bloom.length - 1] as Generation, hash);
  return { state: { recent: [...state.recent, hash.subarray(0, FINGERPRINT_BYTES)].slice(-RECENT_LIMIT), bloom }, filled: full };
}

export function toDedupeSnapshot(state: DedupeState): DedupeSnapshot {
  return {
    v: 2,
    recent: Buffer.concat(state.recent).toString('base64url'),
    bloom: state.bloom.map((g) => ({ from: g.from, bits: g.bits.toString('base64url'), ...(g.hashes === LEGACY_HASHES ? {} : { k: g.hashes }) })),
  };
}

/** Notification fields that differ between the attempts of one delivery; the rest is the notification itself. */
const DELIVERY_FIELDS = new Set(['delivery_attempts', 'delivery_status', 'delivered_at', 'first_sent_at']);

/**
 * The de-duplication key of a notification without an id: a fingerprint of its content (every field but the
 * delivery's own, keys sorted at every level), the same for Intercom's retry, the platform's redelivery and a
 * re-serialised copy of the same body.
 */
export function contentKey(notification: Record<string, unknown>): string {
  const content = Object.fromEntries(Object.entries(notification).filter(([key]) => !DELIVERY_FIELDS.has(key)));
  return `content:${createHash('sha256').update(canonicalJson(content)).digest('base64url')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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
    const k = (g as { k?: unknown } | null)?.k ?? LEGACY_HASHES;
    const raw = typeof bits === 'string' ? Buffer.from(bits, 'base64url') : undefined;
    if (!plausibleTime(from) || from > now + futureSkew || raw?.length !== BLOOM_BITS / 8 || (k !== HASHES && k !== LEGACY_HASHES)) {
      problems.push(`a filter generation (from ${JSON.stringify(from)}) is not readable or starts in the future; left out`);
      continue;
    }
    const generation: Generation = { from, bits: raw, hashes: k };
    if (falseMatchRate(generation) > SATURATED_FALSE_MATCHES) {
      // Trusted, it would drop new notifications as duplicates (all of them, when every bit is set).
      problems.push(`a filter generation (from ${from}) is saturated (${Math.round(fill(raw) * 100)} % of its bits set) and would take new notifications for duplicates; reset`);
      continue;
    }
    state.bloom.push(generation);
  }
  return { state, problems };
}
