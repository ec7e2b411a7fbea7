import assert from 'node:assert/strict';
import { type Candidate, compareIds, freshState, isPending, OldestFirst, plan, snapshotBytes, toSnapshot } from '../../../lib/triggers/polling/state';
import { startOfLocalDay, startOfNextLocalDay } from '../../../lib/triggers/polling/time';
import { parseStartTime } from '../../../lib/triggers/polling/options';
import { at } from './helpers';

const candidate = (id: string, time: number): Candidate => ({ id, time, record: { id } });
const hexId = (n: number): string => n.toString(16).padStart(24, '0');

describe('polling state (snapshot) and calendar rules', () => {
  it('the snapshot stays within 5 KB when the overlap window holds many records: what it cannot remember is held back (not emitted, not lost) and nothing is emitted twice', () => {
    const start = at('2026-03-10T20:00:00Z');
    const emitted = Array.from({ length: 600 }, (_, i) => candidate(hexId(i), start + i));
    // None has settled yet (the settled bound is the start): each one emitted must be remembered.
    const { emit, state, held } = plan(freshState('s', start), emitted, { settled: start });
    assert.ok(snapshotBytes(state) <= 4_500, 'the trigger\'s budget: 5 KB less 500 bytes for the envelope');
    assert.ok(Buffer.byteLength(JSON.stringify(toSnapshot(state))) < 5 * 1024);
    assert.equal(emit.length + held, 600);
    assert.ok(held > 0 && emit.length >= 150, `${emit.length} remembered within the budget`);
    assert.equal(state.floor, start, 'the floor waits below the held records');
    for (const c of emit) assert.equal(isPending(state, c.id, c.time), false, `${c.id} would be emitted again`);
    for (const c of emitted.slice(emit.length)) assert.equal(isPending(state, c.id, c.time), true, `${c.id} would be lost`);
  });

  it('more records in one settled second than a run may emit: "every id up to afterId" describes them, they are not emitted again, the rest of that second follows', () => {
    const second = at('2026-03-10T21:00:00Z');
    const all = Array.from({ length: 401 }, (_, i) => candidate(hexId(i), second));
    const { emit, state } = plan(freshState('s', second), all.slice(0, 400), { settled: second + 900, nextPending: all[400] });
    assert.equal(emit.length, 400);
    assert.ok(snapshotBytes(state) <= 4_500, 'the trigger\'s budget: 5 KB less 500 bytes for the envelope');
    assert.equal(state.afterId, hexId(399));
    assert.equal(state.seen.size, 0);
    for (const c of emit) assert.equal(isPending(state, c.id, c.time), false);
    assert.equal(isPending(state, hexId(400), second), true, 'the rest of that second (a cut backfill) follows');
  });

  it('oldest-first selection keeps the limit of oldest pending records, with numeric ids in numeric order, and reports that more are pending', () => {
    const pick = new OldestFirst(3);
    for (let i = 500; i >= 1; i--) pick.offer(candidate(String(i), 1000 + (i % 7)));
    const { batch, next } = pick.take();
    assert.deepEqual(batch.map((c) => `${c.time}:${c.id}`), ['1000:7', '1000:14', '1000:21']);
    assert.equal(next?.id, '28', 'the oldest one left for the next run');
    assert.ok(compareIds('9', '10') < 0);
  });

  it('oldest-first selection past its pruning threshold (2 × limit + 100), with far more pending records than it keeps, still reports the right next pending record', () => {
    // limit 10: the selection prunes once it holds 121 records. The 11 oldest arrive first, then 400 younger ones,
    // so every prune must keep the 11th oldest: it is the marker where the next run starts.
    const pick = new OldestFirst(10);
    for (let i = 1; i <= 11; i++) pick.offer(candidate(`old${String(i).padStart(2, '0')}`, 5_000 + i));
    for (let i = 1; i <= 400; i++) pick.offer(candidate(`new${String(i).padStart(3, '0')}`, 9_000 + ((i * 37) % 400)));
    assert.ok(pick.size <= 121, `${pick.size} records held`);
    const { batch, next } = pick.take();
    assert.deepEqual(batch.map((c) => c.id), ['old01', 'old02', 'old03', 'old04', 'old05', 'old06', 'old07', 'old08', 'old09', 'old10']);
    assert.equal(next?.id, 'old11');
    assert.equal(next?.time, 5_011);
  });

  it('local day start follows the workspace timezone, across DST changes and a midnight that does not exist', () => {
    assert.equal(startOfLocalDay(at('2026-03-08T15:00:00Z'), 'America/Los_Angeles'), at('2026-03-08T08:00:00Z'));
    assert.equal(startOfLocalDay(at('2026-10-25T15:00:00Z'), 'Europe/Berlin'), at('2026-10-24T22:00:00Z'));
    // Chile skips 00:00-01:00 on 2026-09-06: the day begins at 01:00 local (UTC-3).
    assert.equal(startOfLocalDay(at('2026-09-06T15:00:00Z'), 'America/Santiago'), at('2026-09-06T04:00:00Z'));
    assert.equal(startOfLocalDay(at('2026-03-10T05:00:00Z'), 'Pacific/Kiritimati'), at('2026-03-09T10:00:00Z'));
    assert.equal(startOfLocalDay(at('2026-03-10T05:00:00Z'), 'Asia/Kolkata'), at('2026-03-09T18:30:00Z'));
    assert.equal(startOfLocalDay(at('2026-03-10T05:00:00Z'), 'Pacific/Pago_Pago'), at('2026-03-09T11:00:00Z'));
  });

  it('the next local day starts after 23, 24 or 25 hours, including a day whose midnight does not exist', () => {
    // Berlin: 2026-03-29 has 23 hours (CET → CEST), 2026-10-25 has 25 (CEST → CET).
    assert.equal(startOfNextLocalDay(at('2026-03-29T10:00:00Z'), 'Europe/Berlin'), at('2026-03-29T22:00:00Z'));
    assert.equal(startOfNextLocalDay(at('2026-10-25T15:00:00Z'), 'Europe/Berlin'), at('2026-10-25T23:00:00Z'));
    assert.equal(startOfNextLocalDay(at('2026-10-24T22:00:00Z'), 'Europe/Berlin'), at('2026-10-25T23:00:00Z'), 'from the first second of the day');
    // Chile: 2026-09-05 begins at 00:00 (UTC-4); the next day begins at 01:00 (UTC-3), its midnight skipped.
    assert.equal(startOfNextLocalDay(at('2026-09-05T15:00:00Z'), 'America/Santiago'), at('2026-09-06T04:00:00Z'));
    assert.equal(startOfNextLocalDay(at('2026-03-10T05:00:00Z'), 'Asia/Kolkata'), at('2026-03-10T18:30:00Z'));
    assert.equal(startOfNextLocalDay(at('2026-03-10T23:59:59Z'), 'UTC'), at('2026-03-11T00:00:00Z'));
  });

  it('start time accepts ISO dates and date-times (UTC unless an offset is given) and Unix seconds or milliseconds', () => {
    assert.equal(parseStartTime('2026-01-31'), at('2026-01-31T00:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00'), at('2026-01-31T08:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00+02:00'), at('2026-01-31T06:00:00Z'));
    assert.equal(parseStartTime('1769846400'), 1769846400);
    assert.equal(parseStartTime(1769846400000), 1769846400);
    assert.equal(parseStartTime(''), undefined);
  });
});
