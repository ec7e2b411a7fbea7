/**
 * The polling snapshot on its own (lib/triggers/polling/state.ts): what it holds, how an earlier run's snapshot is
 * read back, and which records still count as pending. Expected snapshots are written by hand: Intercom's
 * 24-hex-digit ids as 16 base64url characters after "~", ids grouped by their second after the floor.
 */
import assert from 'node:assert/strict';
import { type Candidate, compareIds, isPending, OldestFirst, plan, type PollState, readState, toSnapshot } from '../../../lib/triggers/polling/state';

const NOW = 10_000;
const REPAIR = 9_000; // the repaired floor: 1970-01-01T02:30:00Z
const SKEW = 300;

const state = (floor: number, seen: Record<string, number>, extra: Partial<PollState> = {}): PollState => ({
  scope: 'scope-1',
  start: 1_000,
  floor,
  cursor: floor,
  seen: new Map(Object.entries(seen)),
  ...extra,
});

describe('polling snapshot: format, reading back, pending records', () => {
  it('groups remembered ids by their second after the floor, numeric ids in numeric order, Intercom ids packed', () => {
    const s = state(1_000, { b: 1_005, '10': 1_002, '9': 1_002, aaaaaaaaaaaaaaaaaaaaaaaa: 1_005, '000000000000000000000001': 1_000 }, { cursor: 1_005 });
    assert.deepEqual(toSnapshot(s), {
      v: 2,
      scope: 'scope-1',
      start: 1_000,
      floor: 1_000,
      cursor: 1_005,
      seen: [
        [0, '~AAAAAAAAAAAAAAAB'],
        [2, '9', '10'],
        [5, '~qqqqqqqqqqqqqqqq', 'b'],
      ],
    });
    assert.equal(toSnapshot({ ...s, afterId: '42' }).afterId, '42');
    assert.equal('afterId' in toSnapshot(s), false);
  });

  it('reads its own snapshot back to the same state; upper-case and other ids stay as written', () => {
    const s = state(9_500, { aaaaaaaaaaaaaaaaaaaaaaaa: 9_600, AAAAAAAAAAAAAAAAAAAAAAAA: 9_600, '~short': 9_501, '~longer-than-a-packed-id': 9_501, '77': 9_500 }, { cursor: 9_600, afterId: '76' });
    const snapshot = JSON.parse(JSON.stringify(toSnapshot(s))) as Record<string, unknown>;
    assert.deepEqual(snapshot['seen'], [
      [0, '77'],
      [1, '~longer-than-a-packed-id', '~short'],
      [100, 'AAAAAAAAAAAAAAAAAAAAAAAA', '~qqqqqqqqqqqqqqqq'],
    ]);
    const read = readState(snapshot, NOW, REPAIR, SKEW);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.state, s);
  });

  it('no snapshot, null or {} is a first run without a problem; anything else not written by this trigger is reported', () => {
    for (const nothing of [undefined, null, {}]) assert.deepEqual(readState(nothing, NOW, REPAIR, SKEW), { problems: [] });
    assert.deepEqual(readState('cursor', NOW, REPAIR, SKEW), { problems: ['the snapshot is not an object (string); starting as a first run'] });
    assert.deepEqual(readState([1], NOW, REPAIR, SKEW), { problems: ['the snapshot is not an object (object); starting as a first run'] });
    assert.deepEqual(readState({ v: 3, scope: 's' }, NOW, REPAIR, SKEW), { problems: ['the snapshot is not one this trigger wrote (v 3); starting as a first run'] });
    assert.deepEqual(readState({ v: 2, scope: 7 }, NOW, REPAIR, SKEW), { problems: ['the snapshot is not one this trigger wrote (v 2); starting as a first run'] });
    assert.deepEqual(readState({ cursor: 5 }, NOW, REPAIR, SKEW), { problems: ['the snapshot is not one this trigger wrote (v undefined); starting as a first run'] });
  });

  it('times up to the allowed clock difference ahead are kept; later ones and non-times are repaired, each named', () => {
    const kept = readState({ v: 2, scope: 's', start: 10_300, floor: 10_300, cursor: 10_300, seen: [] }, NOW, REPAIR, SKEW);
    assert.deepEqual(kept.problems, []);
    assert.deepEqual([kept.state?.start, kept.state?.floor, kept.state?.cursor], [10_300, 10_300, 10_300]);
    const repaired = readState({ v: 2, scope: 's', start: 'then', floor: 10_301, cursor: 1.5, seen: [] }, NOW, REPAIR, SKEW);
    assert.deepEqual(repaired.problems, [
      'start "then" is not a Unix time in seconds up to now; repaired to 9000 (1970-01-01T02:30:00Z)',
      'floor 10301 (1970-01-01T02:51:41Z) lies in the future; repaired to 9000 (1970-01-01T02:30:00Z)',
      'cursor 1.5 is not a Unix time in seconds up to now; repaired to 9000 (1970-01-01T02:30:00Z)',
    ]);
    assert.deepEqual([repaired.state?.start, repaired.state?.floor, repaired.state?.cursor], [9_000, 9_000, 9_000]);
  });

  it('a configured start time ahead of the clock: the snapshot may wait there; a start beyond it is repaired to it', () => {
    const waiting = readState({ v: 2, scope: 's', start: 20_000, floor: 20_000, cursor: 20_000, seen: [] }, NOW, REPAIR, SKEW, 20_000);
    assert.deepEqual(waiting.problems, []);
    assert.deepEqual([waiting.state?.start, waiting.state?.floor, waiting.state?.cursor], [20_000, 20_000, 20_000]);
    const beyond = readState({ v: 2, scope: 's', start: 25_000, floor: 25_000, cursor: 25_000, seen: [] }, NOW, REPAIR, SKEW, 20_000);
    assert.deepEqual([beyond.state?.start, beyond.state?.floor, beyond.state?.cursor], [20_000, 20_000, 20_000]);
    assert.equal(beyond.problems.length, 3);
    // A configured start in the past does not let a snapshot's future start through.
    const past = readState({ v: 2, scope: 's', start: 25_000, floor: 9_500, cursor: 9_500, seen: [] }, NOW, REPAIR, SKEW, 5_000);
    assert.deepEqual([past.state?.start, past.state?.floor], [5_000, 9_500]);
  });

  it('remembered records with an unusable id or time are counted and left out; those before the floor are simply dropped', () => {
    const long = 'x'.repeat(129);
    const longest = 'y'.repeat(128);
    const read = readState(
      { v: 2, scope: 's', start: 9_000, floor: 9_000, cursor: 9_100, seen: [[1, 'ok', '', long, longest, 5], 'group', [-1, 'older'], [1_301, 'ahead'], ['x', 'named']] },
      NOW,
      REPAIR,
      SKEW,
    );
    assert.deepEqual([...(read.state?.seen ?? [])], [['ok', 9_001], [longest, 9_001]]);
    assert.deepEqual(read.problems, ['6 remembered record(s) had an unusable id or time and were left out']);
    const notList = readState({ v: 2, scope: 's', start: 9_000, floor: 9_000, cursor: 9_000, seen: 'a,b' }, NOW, REPAIR, SKEW);
    assert.deepEqual(notList.problems, ['seen is not a list; repaired to empty']);
  });

  it('afterId is kept when it is an id, reported otherwise', () => {
    const base = { v: 2, scope: 's', start: 9_000, floor: 9_000, cursor: 9_000, seen: [] };
    assert.equal(readState({ ...base, afterId: 'y'.repeat(128) }, NOW, REPAIR, SKEW).state?.afterId, 'y'.repeat(128));
    for (const afterId of [12, 'y'.repeat(129)]) {
      const read = readState({ ...base, afterId }, NOW, REPAIR, SKEW);
      assert.equal(read.state?.afterId, undefined);
      assert.deepEqual(read.problems, ['afterId is not an id; left out']);
    }
  });

  it('a version 1 snapshot carries its recent records and the ids at its cursor over (an afterId is not)', () => {
    const read = readState({ v: 1, scope: 's', start: 9_000, floor: 9_000, cursor: 9_050, recent: { a: 9_010, old: 8_000, bad: 'soon' }, idsAtCursor: ['c', 3], afterId: 'z' }, NOW, REPAIR, SKEW);
    assert.deepEqual([...(read.state?.seen ?? [])], [['a', 9_010], ['c', 9_050]]);
    assert.equal(read.state?.afterId, undefined);
    assert.deepEqual(read.problems, ['2 remembered record(s) had an unusable id or time and were left out']);
  });

  it('pending: at or after the floor, past afterId within the floor second, and newer than the time remembered for that id', () => {
    const s = state(1_000, { a: 1_005 }, { afterId: '20' });
    assert.equal(isPending(s, 'z', 999), false, 'before the floor');
    assert.equal(isPending(s, '20', 1_000), false, 'at the floor, up to afterId');
    assert.equal(isPending(s, '3', 1_000), false, '3 comes before 20 as a number');
    assert.equal(isPending(s, '21', 1_000), true);
    assert.equal(isPending(s, '100', 1_000), true, '100 comes after 20 as a number');
    assert.equal(isPending(s, '3', 1_001), true, 'afterId only describes the floor second');
    assert.equal(isPending(s, 'a', 1_005), false, 'emitted at that time');
    assert.equal(isPending(s, 'a', 1_004), false, 'an older version than the one emitted');
    assert.equal(isPending(s, 'a', 1_006), true, 'a later update');
    assert.equal(isPending(state(1_000, {}), '0', 1_000), true, 'no afterId: the whole floor second is pending');
  });

  it('ids compare as numbers when both are digits, as text otherwise', () => {
    assert.ok(compareIds('9', '10') < 0);
    assert.ok(compareIds('10', '9') > 0);
    assert.ok(compareIds('12', '11') > 0);
    assert.equal(compareIds('12', '12'), 0);
    assert.ok(compareIds('a9', 'a10') > 0, 'text: "a9" after "a10"');
    assert.ok(compareIds('9', 'a') < 0);
    assert.ok(compareIds('b', 'a') > 0);
  });

  describe('one run\'s plan: where the floor moves and what it remembers', () => {
    const c = (id: string, time: number): Candidate => ({ id, time, record: { id } });

    it('all read and emitted: the floor moves to the settled bound, only the younger records are remembered', () => {
      const result = plan(state(1_000, {}), [c('a', 1_001), c('b', 1_002), c('c', 1_005)], { settled: 1_003 });
      assert.deepEqual(result.emit.map((x) => x.id), ['a', 'b', 'c']);
      assert.equal(result.held, 0);
      assert.equal(result.oldestHeld, undefined);
      assert.deepEqual(result.state, state(1_003, { c: 1_005 }, { cursor: 1_005 }));
    });

    it('cut by the per-run maximum inside a settled second: the floor stops at that second and afterId says how far it got', () => {
      const result = plan(state(1_000, {}), [c('a', 1_001), c('b', 1_002)], { settled: 1_010, nextPending: c('d', 1_002) });
      assert.deepEqual(result.state, state(1_002, {}, { cursor: 1_002, afterId: 'b' }));
      assert.equal(isPending(result.state, 'b', 1_002), false);
      assert.equal(isPending(result.state, 'd', 1_002), true, 'the next run starts with d');
    });

    it('cut at the settled bound itself: no afterId (a late record may still turn up in that second), the ids there are remembered', () => {
      const result = plan(state(1_000, {}), [c('a', 1_001), c('b', 1_002)], { settled: 1_002, nextPending: c('d', 1_002) });
      assert.deepEqual(result.state, state(1_002, { b: 1_002 }, { cursor: 1_002 }));
    });

    it('a backfill slice read only up to its end: the floor stops there even when more has settled', () => {
      const result = plan(state(1_000, {}), [c('a', 1_001)], { settled: 1_010, readUntil: 1_004 });
      assert.equal(result.state.floor, 1_004);
      assert.equal(result.state.seen.size, 0);
    });

    it('the floor never moves back, and keeps its afterId while it stays', () => {
      const before = state(1_002, { x: 1_003 }, { afterId: 'm', cursor: 1_003 });
      const result = plan(before, [c('z', 1_003)], { settled: 1_001 });
      assert.deepEqual(result.state, state(1_002, { x: 1_003, z: 1_003 }, { afterId: 'm', cursor: 1_003 }));
    });

    it('a later update of a remembered record keeps only its newest time', () => {
      const result = plan(state(1_000, { a: 1_001 }), [c('a', 1_004)], { settled: 1_000 });
      assert.deepEqual(result.state, state(1_000, { a: 1_004 }, { cursor: 1_004 }));
    });
  });

  it('oldest-first selection holds up to 2 × limit + 100 records and prunes to limit + 1 only past that; a record read twice keeps its newest time', () => {
    const pick = new OldestFirst(10);
    for (let i = 0; i < 119; i++) pick.offer({ id: `r${String(i).padStart(3, '0')}`, time: 5_000 - i, record: i });
    assert.equal(pick.size, 119);
    pick.offer({ id: 'r119', time: 100, record: 119 });
    assert.equal(pick.size, 120, 'at the threshold, not past it');
    pick.offer({ id: 'r120', time: 99, record: 120 });
    assert.equal(pick.size, 11, 'pruned to the 10 oldest and the next one');
    const twice = new OldestFirst(5);
    twice.offer({ id: 'a', time: 10, record: 'first' });
    twice.offer({ id: 'a', time: 10, record: 'same time' });
    twice.offer({ id: 'a', time: 9, record: 'older' });
    assert.deepEqual(twice.take().batch.map((c) => c.record), ['first']);
    twice.offer({ id: 'a', time: 11, record: 'newer' });
    assert.deepEqual(twice.take(), { batch: [{ id: 'a', time: 11, record: 'newer' }] });
  });
});
