import assert from 'node:assert/strict';
import { advance, type Candidate, compareIds, freshState, isPending, OldestFirst, SNAPSHOT_BUDGET_BYTES } from '../../../lib/triggers/polling/state';
import { startOfLocalDay } from '../../../lib/triggers/polling/time';
import { parseStartTime } from '../../../lib/triggers/polling/options';
import { at } from './helpers';

const candidate = (id: string, time: number): Candidate => ({ id, time, record: { id } });
const hexId = (n: number): string => n.toString(16).padStart(24, '0');

describe('polling state (snapshot) and calendar rules', () => {
  it('the snapshot stays within 5 KB when the overlap window holds many records: the oldest are forgotten and the floor rises past them, so nothing is emitted twice', () => {
    const start = at('2026-03-10T20:00:00Z');
    const emitted = Array.from({ length: 600 }, (_, i) => candidate(hexId(i), start + i));
    const { state, trimmed } = advance(freshState('s', start), emitted, 15 * 60);
    assert.ok(Buffer.byteLength(JSON.stringify(state)) <= SNAPSHOT_BUDGET_BYTES);
    assert.ok(Buffer.byteLength(JSON.stringify(state)) < 5 * 1024);
    assert.ok(trimmed > 0);
    for (const c of emitted) assert.equal(isPending(state, c.id, c.time), false, `${c.id} would be emitted again`);
    assert.equal(isPending(state, 'brand-new', state.cursor + 1), true);
  });

  it('more records at the cursor second than the budget holds collapse into afterId and are still not emitted again', () => {
    const second = at('2026-03-10T21:00:00Z');
    const emitted = Array.from({ length: 400 }, (_, i) => candidate(hexId(i), second));
    const { state } = advance(freshState('s', second), emitted, 900);
    assert.ok(Buffer.byteLength(JSON.stringify(state)) <= SNAPSHOT_BUDGET_BYTES);
    assert.equal(state.afterId, hexId(399));
    assert.deepEqual(state.idsAtCursor, []);
    for (const c of emitted) assert.equal(isPending(state, c.id, c.time), false);
    assert.equal(isPending(state, hexId(400), second), true, 'the rest of that second (a cut backfill) follows');
  });

  it('oldest-first selection keeps the limit of oldest pending records, with numeric ids in numeric order, and reports that more are pending', () => {
    const pick = new OldestFirst(3);
    for (let i = 500; i >= 1; i--) pick.offer(candidate(String(i), 1000 + (i % 7)));
    const { batch, more } = pick.take();
    assert.deepEqual(batch.map((c) => `${c.time}:${c.id}`), ['1000:7', '1000:14', '1000:21']);
    assert.equal(more, true);
    assert.ok(compareIds('9', '10') < 0);
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

  it('start time accepts ISO dates and date-times (UTC unless an offset is given) and Unix seconds or milliseconds', () => {
    assert.equal(parseStartTime('2026-01-31'), at('2026-01-31T00:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00'), at('2026-01-31T08:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00+02:00'), at('2026-01-31T06:00:00Z'));
    assert.equal(parseStartTime('1769846400'), 1769846400);
    assert.equal(parseStartTime(1769846400000), 1769846400);
    assert.equal(parseStartTime(''), undefined);
  });
});
