/**
 * The polling state at its edges: where a bug would lose or repeat records (the floor, afterId, what is
 * remembered, the snapshot budget), and damaged snapshots read back. Expected values are written by hand.
 */
import assert from 'node:assert/strict';
import { type Candidate, compareIds, isPending, OldestFirst, plan, type PollState, readState } from '../../../lib/triggers/polling/state';

const NOW = 10_000;
const REPAIR = 9_000;
const SKEW = 300;
const c = (id: string, time: number): Candidate => ({ id, time, record: { id } });
const state = (floor: number, seen: Record<string, number>, extra: Partial<PollState> = {}): PollState => ({ scope: 'scope-1', start: 1_000, floor, cursor: floor, seen: new Map(Object.entries(seen)), ...extra });
const hexId = (n: number): string => n.toString(16).padStart(24, '0');

describe('polling state at its edges: nothing lost, nothing repeated', () => {
  it('ids with digits and letters compare as text, not by their leading digits', () => {
    assert.ok(compareIds('12a', '5') < 0, '"12a" before "5" as text');
    assert.ok(compareIds('10', 'a') < 0, 'a numeric id against a text id: as text');
    assert.ok(compareIds('a', '10') > 0);
  });

  it('the floor moving to a new second drops the old afterId: a record there with a lower id is still pending', () => {
    const before = state(1_000, {}, { afterId: 'm' });
    const result = plan(before, [c('n', 1_000)], { settled: 1_900, nextPending: c('a', 1_005) });
    assert.equal(result.state.floor, 1_005);
    assert.equal(result.state.afterId, undefined);
    assert.equal(isPending(result.state, 'a', 1_005), true, 'a would be lost');
  });

  it('afterId is only taken from records emitted in the floor second, never from an earlier second', () => {
    const result = plan(state(1_000, {}), [c('z', 1_001)], { settled: 1_900, nextPending: c('a', 1_005) });
    assert.equal(result.state.floor, 1_005);
    assert.equal(result.state.afterId, undefined);
    assert.equal(isPending(result.state, 'a', 1_005), true, 'a would be lost');
    const mixed = plan(state(1_000, {}), [c('z', 1_001), c('a', 1_005), c('b', 1_005)], { settled: 1_900, nextPending: c('c', 1_005) });
    assert.equal(mixed.state.afterId, 'b');
    assert.equal(isPending(mixed.state, 'c', 1_005), true, 'c would be lost');
    assert.equal(isPending(mixed.state, 'b', 1_005), false, 'b would be repeated');
  });

  it('an id remembered in the new floor second above afterId stays remembered: it is not emitted again', () => {
    const before = state(1_000, { x: 1_005 }, { cursor: 1_005 });
    const result = plan(before, [c('a', 1_005)], { settled: 1_900, nextPending: c('b', 1_005) });
    assert.deepEqual([result.state.floor, result.state.afterId], [1_005, 'a']);
    assert.equal(isPending(result.state, 'x', 1_005), false, 'x would be repeated');
    assert.equal(isPending(result.state, 'b', 1_005), true, 'b would be lost');
  });

  it('a snapshot already over its budget still lets settled records out (the floor passes them)', () => {
    // 300 Intercom ids remembered after the settled bound: about 5.4 KB, more than the 4,500 bytes of the budget.
    const seen = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [hexId(i), 1_010]));
    const result = plan(state(1_000, seen), [c('a', 1_001), c('b', 1_002)], { settled: 1_005 });
    assert.deepEqual(result.emit.map((x) => x.id), ['a', 'b']);
    assert.equal(result.held, 0);
  });

  it('a snapshot of exactly 4,500 bytes is within the budget; one byte more holds the record back', () => {
    const base = '{"v":2,"scope":"scope-1","start":1000,"floor":1000,"cursor":1001,"seen":[[1,""]]}';
    const exact = 'i'.repeat(4_500 - base.length);
    const fits = plan(state(1_000, {}), [c(exact, 1_001)], { settled: 1_000 });
    assert.equal(Buffer.byteLength(JSON.stringify({ v: 2, scope: 'scope-1', start: 1_000, floor: 1_000, cursor: 1_001, seen: [[1, exact]] })), 4_500);
    assert.deepEqual([fits.emit.length, fits.held], [1, 0]);
    const over = plan(state(1_000, {}), [c(`${exact}i`, 1_001)], { settled: 1_000 });
    assert.deepEqual([over.emit.length, over.held, over.oldestHeld], [0, 1, 1_001]);
  });

  it('oldest-first selection past its pruning threshold keeps the oldest even when they arrive between newer ones', () => {
    const pick = new OldestFirst(10);
    // 20 recent records, then the 10 oldest, then 300 in between: the prune (past 2 x 10 + 100) must keep the oldest.
    for (let i = 0; i < 20; i++) pick.offer(c(`new${i}`, 9_000 + i));
    for (let i = 0; i < 10; i++) pick.offer(c(`old${i}`, 100 + i));
    for (let i = 0; i < 300; i++) pick.offer(c(`mid${String(i).padStart(3, '0')}`, 5_000 + i));
    const { batch, next } = pick.take();
    assert.deepEqual(batch.map((x) => x.time), [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    assert.equal(next?.time, 5_000);
  });
});

describe('polling snapshot read back at its edges', () => {
  const base = { v: 2, scope: 's', start: 9_000, floor: 9_000, cursor: 9_000 };

  it('a 17-character id without "~" is kept as written, not decoded as a packed Intercom id', () => {
    const read = readState({ ...base, seen: [[1, 'abcdefghijklmnopq']] }, NOW, REPAIR, SKEW);
    assert.deepEqual([...(read.state?.seen ?? [])], [['abcdefghijklmnopq', 9_001]]);
  });

  it('an id remembered at two seconds keeps the later; one remembered exactly at the allowed clock difference ahead is kept', () => {
    const read = readState({ ...base, seen: [[1, 'a'], [5, 'a'], [3, 'a'], [1_300, 'edge']] }, NOW, REPAIR, SKEW);
    assert.deepEqual([...(read.state?.seen ?? [])], [['a', 9_005], ['edge', 10_300]]);
    assert.deepEqual(read.problems, []);
  });

  it('a group whose second is not a number is one unusable entry, however many ids it holds', () => {
    const read = readState({ ...base, seen: [['x', 'a', 'b', 'c']] }, NOW, REPAIR, SKEW);
    assert.deepEqual(read.problems, ['1 remembered record(s) had an unusable id or time and were left out']);
  });

  it('a start exactly at the allowed clock difference ahead does not make a damaged floor wait there: it goes back to the overlap window', () => {
    const read = readState({ ...base, start: 10_300, floor: 'x', cursor: 9_000, seen: [] }, NOW, REPAIR, SKEW);
    assert.equal(read.state?.floor, 9_000);
  });

  it('a version 1 snapshot without ids at its cursor, or with them as text, carries only its recent records', () => {
    for (const idsAtCursor of [undefined, 'ab']) {
      const read = readState({ v: 1, scope: 's', start: 9_000, floor: 9_000, cursor: 9_050, recent: { a: 9_010 }, ...(idsAtCursor === undefined ? {} : { idsAtCursor }) }, NOW, REPAIR, SKEW);
      assert.deepEqual([...(read.state?.seen ?? [])], [['a', 9_010]], String(idsAtCursor));
    }
  });
});
