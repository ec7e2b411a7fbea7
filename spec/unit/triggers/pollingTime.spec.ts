/** Time values of the polling triggers (lib/triggers/polling/time.ts), each rule at its edges, by hand. */
import assert from 'node:assert/strict';
import { isoTime, isValidTimeZone, plausibleTime, startOfUtcDay, timeProblem } from '../../../lib/triggers/polling/time';

describe('polling time values', () => {
  it('a record time is a whole number of Unix seconds from 0 to 100,000,000,000', () => {
    for (const ok of [0, 1, 1_773_100_000, 100_000_000_000]) assert.equal(plausibleTime(ok), true, String(ok));
    for (const bad of [-1, 1.5, 100_000_000_001, Number.NaN, Infinity, '1773100000', null, undefined]) assert.equal(plausibleTime(bad), false, String(bad));
  });

  it('why a time is not usable: not finite, negative, milliseconds (up to 1e17), or no Unix time at all', () => {
    assert.equal(timeProblem(1_773_100_000), undefined);
    assert.equal(timeProblem(100_000_000_000), undefined);
    assert.equal(timeProblem(0), undefined);
    assert.equal(timeProblem(Number.NaN), 'not a finite number');
    assert.equal(timeProblem(-Infinity), 'not a finite number');
    assert.equal(timeProblem(-1), 'negative');
    assert.equal(timeProblem(100_000_000_001), 'milliseconds, not seconds');
    assert.equal(timeProblem(1_773_100_000_000), 'milliseconds, not seconds');
    assert.equal(timeProblem(9.9e16), 'milliseconds, not seconds');
    assert.equal(timeProblem(1e17), 'not a Unix time');
    assert.equal(timeProblem(1e20), 'not a Unix time');
  });

  it('the UTC day starts at a multiple of 86,400 seconds', () => {
    assert.equal(startOfUtcDay(1_773_100_000), 1_773_100_000 - (1_773_100_000 % 86_400));
    assert.equal(startOfUtcDay(1_773_014_400), 1_773_014_400, 'midnight itself');
    assert.equal(startOfUtcDay(1_773_014_399), 1_772_928_000, 'one second before midnight');
  });

  it('ISO time for logs: whole seconds without milliseconds; a time no date holds is written as it is', () => {
    assert.equal(isoTime(1_773_100_000), '2026-03-09T23:46:40Z');
    assert.equal(isoTime(0.5), '1970-01-01T00:00:00.500Z');
    assert.equal(isoTime(1e20), '100000000000000000000');
  });

  it('time zones: an IANA name Intl knows; empty, missing or unknown ones are not', () => {
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.equal(isValidTimeZone(undefined), false);
  });
});
