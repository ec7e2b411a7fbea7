import assert from 'node:assert/strict';
import { parseStartTime } from '../../../lib/triggers/polling/options';
import { startOfLocalDay } from '../../../lib/triggers/polling/time';
import { at } from './helpers';

describe('polling start times and local days, edge cases', () => {
  it('a date-time without an offset is UTC whatever the machine\'s timezone; a date alone is UTC midnight', () => {
    const saved = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      assert.equal(parseStartTime('2026-01-31T08:00:00'), at('2026-01-31T08:00:00Z'));
      assert.equal(parseStartTime('2026-01-31 08:00'), at('2026-01-31T08:00:00Z'));
      assert.equal(parseStartTime('2026-01-31'), at('2026-01-31T00:00:00Z'));
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'TZ');
      else process.env['TZ'] = saved;
    }
  });

  it('digits in exponent form or after a sign are not Unix time: a clear error naming the field', () => {
    for (const value of ['1e5', '-5', 'x1769846400']) {
      assert.throws(() => parseStartTime(value), /Step field "startTime" must be an ISO 8601 date or date-time/, value);
    }
  });

  it('the local day across a new year: New Year\'s Day in New York starts at 05:00 UTC', () => {
    assert.equal(startOfLocalDay(at('2027-01-01T05:30:00Z'), 'America/New_York'), at('2027-01-01T05:00:00Z'));
    assert.equal(startOfLocalDay(at('2026-12-31T23:30:00Z'), 'Pacific/Kiritimati'), at('2026-12-31T10:00:00Z'));
  });
});
