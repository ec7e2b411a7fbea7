/**
 * The webhook trigger's memory of emitted notifications (lib/triggers/webhook/dedupe.ts), on its own: how long a
 * notification is remembered (by arrival), what the snapshot holds and how a damaged one is read. Numbers are
 * written here by hand: a generation of 3,600 s, 120 exact fingerprints of 6 bytes, filters of 9,600 bits.
 */
import assert from 'node:assert/strict';
import { check, contentKey, emptyDedupe, falseMatchRate, readDedupe, remember, toDedupeSnapshot, type DedupeState } from '../../../lib/triggers/webhook/dedupe';

const T0 = 1_773_100_000;
const HOUR = 3_600;

/** Remembers each key at `at`, one after the other. */
function rememberAll(state: DedupeState, keys: readonly string[], at: number, generation = HOUR): DedupeState {
  let current = state;
  for (const key of keys) current = remember(current, key, at, generation).state;
  return current;
}

/** 120 other notifications: enough to push every earlier one out of the exact part, so only the filter remembers. */
const others = (tag: string): string[] => Array.from({ length: 120 }, (_, i) => `other_${tag}_${i}`);

describe('webhook de-duplication memory', () => {
  it('a notification is a duplicate once remembered, exactly while among the last 120, and an unseen one is new', () => {
    const state = remember(emptyDedupe(), 'notif_a', T0).state;
    assert.equal(check(state, 'notif_a'), 'duplicate');
    assert.equal(check(state, 'notif_b'), 'new');
    assert.equal(check(emptyDedupe(), 'notif_a'), 'new');
  });

  it('the exact part keeps the newest 120: the 121st notification before pushes the first out to the filter', () => {
    const keys = Array.from({ length: 121 }, (_, i) => `n${i}`);
    const state = rememberAll(emptyDedupe(), keys, T0);
    assert.equal(state.recent.length, 120);
    assert.equal(check(state, 'n0'), 'probable-duplicate', 'out of the exact part, still in the filter');
    assert.equal(check(state, 'n1'), 'duplicate');
    assert.equal(check(state, 'n120'), 'duplicate');
    assert.equal(toDedupeSnapshot(state).recent.length, 960, '120 fingerprints of 6 bytes: 720 bytes, 960 base64url characters');
  });

  it('a generation lasts 3,600 s by arrival: one more notification 3,599 s later joins it, one at 3,600 s starts the next', () => {
    const first = remember(emptyDedupe(), 'notif_a', T0).state;
    const same = remember(first, 'notif_b', T0 + HOUR - 1).state;
    assert.deepEqual(same.bloom.map((g) => g.from), [T0]);
    const next = remember(first, 'notif_b', T0 + HOUR).state;
    assert.deepEqual(next.bloom.map((g) => g.from), [T0, T0 + HOUR]);
    // The generation's length is the caller's (the freshness bound when longer than an hour).
    const longer = remember(first, 'notif_b', T0 + HOUR, 3 * HOUR).state;
    assert.deepEqual(longer.bloom.map((g) => g.from), [T0]);
  });

  it('remembered through two generations after its own began (7,199 s), forgotten at 7,200 s: the snapshot keeps two generations at most', () => {
    const start = remember(emptyDedupe(), 'notif_window', T0).state;
    const within = rememberAll(start, others('within'), T0 + 2 * HOUR - 1);
    assert.deepEqual(within.bloom.map((g) => g.from), [T0, T0 + 2 * HOUR - 1]);
    assert.equal(check(within, 'notif_window'), 'probable-duplicate', 'still inside the window: a retry is dropped');
    const after = rememberAll(start, others('after'), T0 + 2 * HOUR);
    assert.deepEqual(after.bloom.map((g) => g.from), [T0 + 2 * HOUR], 'the old generation is gone');
    assert.equal(check(after, 'notif_window'), 'new', 'past the window it is forgotten (freshness refuses such a copy)');
    // 1.5 hours on, with a 3-hour generation (the default freshness bound): one generation still holds it.
    const longer = rememberAll(remember(emptyDedupe(), 'notif_window', T0, 3 * HOUR).state, others('long'), T0 + 5_400, 3 * HOUR);
    assert.equal(longer.bloom.length, 1);
    assert.equal(check(longer, 'notif_window'), 'probable-duplicate');
  });

  it('a generation that fills up is closed before its time and says so; the next notification starts a new one', () => {
    let state = emptyDedupe();
    let filledAt = -1;
    for (let i = 0; i < 1_000 && filledAt < 0; i++) {
      const result = remember(state, `bulk_${i}`, T0 + i);
      if (result.filled) filledAt = i;
      state = result.state;
    }
    // About 300 notifications fill a generation (false-match rate 1e-6 with 16 positions of 9,600 bits).
    assert.ok(filledAt > 250 && filledAt < 400, `filled after ${filledAt}`);
    assert.equal(state.bloom.length, 2, 'a second generation started within the hour');
    assert.equal(state.bloom[1]?.from, T0 + filledAt);
    assert.ok(falseMatchRate(state.bloom[0] as DedupeState['bloom'][number]) >= 1e-6);
  });

  it('the false-match rate is the share of set bits to the power of the positions per notification', () => {
    const half = Buffer.alloc(1_200, 0x0f);
    assert.equal(falseMatchRate({ from: T0, bits: half, hashes: 16 }), 1 / 65_536);
    assert.equal(falseMatchRate({ from: T0, bits: half, hashes: 7 }), 1 / 128);
    assert.equal(falseMatchRate({ from: T0, bits: Buffer.alloc(1_200), hashes: 16 }), 0);
  });

  it('the snapshot round-trips: version 2, fingerprints in base64url, each filter with its start, bits and 16 positions', () => {
    const state = rememberAll(emptyDedupe(), ['a', 'b', 'c'], T0);
    const snapshot = toDedupeSnapshot(state);
    assert.equal(snapshot.v, 2);
    assert.equal(snapshot.recent.length, 24, '3 × 6 bytes');
    assert.equal(snapshot.bloom.length, 1);
    assert.equal(snapshot.bloom[0]?.from, T0);
    assert.equal(snapshot.bloom[0]?.k, 16);
    assert.equal(snapshot.bloom[0]?.bits.length, 1_600, '1,200 bytes in base64url');
    const read = readDedupe(JSON.parse(JSON.stringify(snapshot)), T0 + 60, 300);
    assert.deepEqual(read.problems, []);
    assert.equal(check(read.state, 'a'), 'duplicate');
    assert.equal(check(read.state, 'd'), 'new');
    assert.deepEqual(toDedupeSnapshot(read.state), snapshot);
  });

  it('a filter of the release before (7 positions, no k in the snapshot) is read and kept as such', () => {
    const bits = Buffer.alloc(1_200);
    bits[0] = 0xff;
    const read = readDedupe({ v: 2, recent: '', bloom: [{ from: T0, bits: bits.toString('base64url') }] }, T0 + 60, 300);
    assert.deepEqual(read.problems, []);
    assert.equal(read.state.bloom[0]?.hashes, 7);
    assert.deepEqual(toDedupeSnapshot(read.state).bloom, [{ from: T0, bits: bits.toString('base64url') }]);
  });

  it('a version 1 snapshot ({seen: {id: created_at}}) carries its ids into the exact part, the newest 120', () => {
    const seen = Object.fromEntries(Array.from({ length: 125 }, (_, i) => [`old_${i}`, T0]));
    const read = readDedupe({ v: 1, seen }, T0, 300);
    assert.deepEqual(read.problems, []);
    assert.equal(read.state.recent.length, 120);
    assert.equal(check(read.state, 'old_124'), 'duplicate');
    assert.equal(check(read.state, 'old_5'), 'duplicate');
    assert.equal(check(read.state, 'old_4'), 'new');
  });

  it('no snapshot or an empty one starts empty without a problem; another version is reported and starts empty', () => {
    for (const nothing of [undefined, null, {}]) assert.deepEqual(readDedupe(nothing, T0, 300), { state: { recent: [], bloom: [] }, problems: [] });
    const other = readDedupe({ v: 3, recent: '', seen: { notif_a: T0 } }, T0, 300);
    assert.deepEqual(other.state, { recent: [], bloom: [] });
    assert.deepEqual(other.problems, ['the snapshot is not one this trigger wrote (v 3); starting empty']);
  });

  it('damaged parts are left out and named: fingerprints cut short, filters unreadable, of the wrong size or positions, from the future, saturated', () => {
    const good = Buffer.alloc(1_200).toString('base64url');
    const saturated = Buffer.alloc(1_200, 0xff).toString('base64url');
    const read = readDedupe(
      {
        v: 2,
        recent: 'AAAAAAAAAA', // 7 bytes: not whole fingerprints
        bloom: [
          { from: T0, bits: good },
          { from: 'yesterday', bits: good },
          { from: T0, bits: 42 },
          { from: T0, bits: Buffer.alloc(1_199).toString('base64url') },
          { from: T0, bits: good, k: 8 },
          { from: T0 + 301, bits: good },
          { from: T0, bits: saturated, k: 16 },
          null,
        ],
      },
      T0,
      300,
    );
    assert.equal(read.state.recent.length, 0);
    assert.deepEqual(read.state.bloom.map((g) => g.from), [T0]);
    assert.deepEqual(read.problems, [
      'recent is not a list of fingerprints; left out',
      'a filter generation (from "yesterday") is not readable or starts in the future; left out',
      `a filter generation (from ${T0}) is not readable or starts in the future; left out`,
      `a filter generation (from ${T0}) is not readable or starts in the future; left out`,
      `a filter generation (from ${T0}) is not readable or starts in the future; left out`,
      `a filter generation (from ${T0 + 301}) is not readable or starts in the future; left out`,
      `a filter generation (from ${T0}) is saturated (100 % of its bits set) and would take new notifications for duplicates; reset`,
      'a filter generation (from undefined) is not readable or starts in the future; left out',
    ]);
    // Up to the allowed clock difference a filter may start ahead of this clock (another replica's clock).
    assert.equal(readDedupe({ v: 2, recent: '', bloom: [{ from: T0 + 300, bits: good, k: 16 }] }, T0, 300).state.bloom.length, 1);
  });

  it('a recent part that is not text is reported; whole fingerprints are kept up to the newest 120', () => {
    assert.deepEqual(readDedupe({ v: 2, recent: 12, bloom: [] }, T0, 300).problems, ['recent is not a list of fingerprints; left out']);
    const many = Buffer.alloc(6 * 130);
    for (let i = 0; i < 130; i++) many[6 * i] = i;
    const read = readDedupe({ v: 2, recent: many.toString('base64url') }, T0, 300);
    assert.deepEqual(read.problems, [], 'no filters at all is no problem');
    assert.equal(read.state.recent.length, 120);
    assert.equal(read.state.recent[0]?.[0], 10, 'the oldest 10 left out');
  });

  it('a filter just under the saturation bound is kept, one just over it is reset', () => {
    // 16 positions: 1e-5 is passed at a fill of 48.7 %. 4,600 of 9,600 bits (47.9 %) is under it, 4,800 (50 %) over.
    const filter = (setBits: number): string => {
      const bits = Buffer.alloc(1_200);
      for (let i = 0; i < setBits; i++) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
      return bits.toString('base64url');
    };
    assert.equal(readDedupe({ v: 2, recent: '', bloom: [{ from: T0, bits: filter(4_600), k: 16 }] }, T0, 300).state.bloom.length, 1);
    assert.equal(readDedupe({ v: 2, recent: '', bloom: [{ from: T0, bits: filter(4_800), k: 16 }] }, T0, 300).state.bloom.length, 0);
  });

  it('the content key of a notification without an id ignores the delivery fields and key order, not the content', () => {
    const body = { type: 'notification_event', topic: 'contact.created', created_at: T0, data: { item: { id: 'c1', b: [1, { y: 2, x: 1 }], a: null } } };
    const retry = { delivery_attempts: 2, delivery_status: 'retry', delivered_at: T0 + 60, first_sent_at: T0, ...body };
    const reordered = { data: { item: { a: null, b: [1, { x: 1, y: 2 }], id: 'c1' } }, created_at: T0, topic: 'contact.created', type: 'notification_event' };
    assert.equal(contentKey(retry), contentKey(body));
    assert.equal(contentKey(reordered), contentKey(body));
    assert.match(contentKey(body), /^content:[A-Za-z0-9_-]{43}$/);
    assert.notEqual(contentKey({ ...body, data: { item: { id: 'c2', b: [1, { y: 2, x: 1 }], a: null } } }), contentKey(body));
    assert.notEqual(contentKey({ ...body, data: { item: { id: 'c1', b: [{ y: 2, x: 1 }, 1], a: null } } }), contentKey(body), 'list order is content');
    assert.notEqual(contentKey({ ...body, topic: 'contact.deleted' }), contentKey(body));
    assert.notEqual(contentKey({ ...body, data: { item: { id: 'c1', b: [1, 2] } } }), contentKey({ ...body, data: { item: { id: 'c1', b: [12] } } }), 'two list items are not one');
    const keys = 'abcdefghij'.split('');
    const forward = Object.fromEntries(keys.map((k, i) => [k, i]));
    const backward = Object.fromEntries([...keys].reverse().map((k) => [k, keys.indexOf(k)]));
    assert.equal(contentKey({ ...body, data: { item: backward } }), contentKey({ ...body, data: { item: forward } }), 'ten keys in reverse order');
  });
});
