/** How the polling engine reads a record's id and time (lib/triggers/polling/engine.ts candidateOf), by hand. */
import assert from 'node:assert/strict';
import { candidateOf } from '../../../lib/triggers/polling/engine';

describe('polling engine: a record\'s id and time', () => {
  it('a string or numeric id and a time in Unix seconds, as a number or as digits; a fraction of a second is cut', () => {
    const record = { id: 5, updated_at: 1_000 };
    assert.deepEqual(candidateOf(record, 'updated_at'), { id: '5', time: 1_000, record });
    const text = { id: 'c1', updated_at: '1000' };
    assert.deepEqual(candidateOf(text, 'updated_at'), { id: 'c1', time: 1_000, record: text });
    const fraction = { id: 'c1', updated_at: 1_000.7 };
    assert.deepEqual(candidateOf(fraction, 'updated_at'), { id: 'c1', time: 1_000, record: fraction });
  });

  it('a dotted time field is read inside the record', () => {
    const record = { id: 'c1', statistics: { last_close_at: 1_234 } };
    assert.deepEqual(candidateOf(record, 'statistics.last_close_at'), { id: 'c1', time: 1_234, record });
    assert.equal(candidateOf({ id: 'c1', statistics: null }, 'statistics.last_close_at'), undefined);
    assert.equal(candidateOf({ id: 'c1', statistics: 1_234 }, 'statistics.last_close_at'), undefined);
  });

  it('without an id or a time it is skipped (undefined)', () => {
    for (const record of [null, 'c1', 7, { updated_at: 1_000 }, { id: '', updated_at: 1_000 }, { id: true, updated_at: 1_000 }, { id: 'c1' }, { id: 'c1', updated_at: '10.5' }, { id: 'c1', updated_at: '1e3' }, { id: 'c1', updated_at: null }]) {
      assert.equal(candidateOf(record, 'updated_at'), undefined, JSON.stringify(record));
    }
  });

  it('an id longer than 128 characters or a time that is not Unix seconds is rejected with the reason', () => {
    const longest = 'a'.repeat(128);
    assert.equal((candidateOf({ id: longest, updated_at: 1 }, 'updated_at') as { id: string }).id, longest);
    assert.deepEqual(candidateOf({ id: 'b'.repeat(129), updated_at: 1 }, 'updated_at'), { id: `${'b'.repeat(24)}…`, problem: 'an id of 129 characters' });
    assert.deepEqual(candidateOf({ id: 'c1', updated_at: 1_700_000_000_000 }, 'updated_at'), { id: 'c1', problem: 'updated_at 1700000000000 is milliseconds, not seconds' });
    assert.deepEqual(candidateOf({ id: 'c1', updated_at: '-5' }, 'updated_at'), { id: 'c1', problem: 'updated_at -5 is negative' });
  });
});
