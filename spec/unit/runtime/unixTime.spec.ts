import assert from 'node:assert/strict';
import { unixSecondsOfIso } from '../../../lib/runtime/unixTime';

/** Expected seconds written by hand from the calendar (2024 is a leap year; 2026-01-01T00:00:00Z = 1767225600). */
describe('runtime: ISO 8601 to Unix seconds, exactly or not at all', () => {
  const seconds = (text: string): unknown => {
    const reading = unixSecondsOfIso(text);
    return 'seconds' in reading ? reading.seconds : reading.problem;
  };

  it('converts a date and time with Z or an offset', () => {
    assert.equal(seconds('2026-01-01T00:00:00Z'), 1767225600);
    assert.equal(seconds('2026-01-01T00:00Z'), 1767225600);
    assert.equal(seconds('2026-01-01T01:30:00+01:30'), 1767225600);
    assert.equal(seconds('2025-12-31T19:00:00-0500'), 1767225600);
    assert.equal(seconds('2026-01-01 00:00:00z'), 1767225600);
    assert.equal(seconds('2024-02-29T00:00:00Z'), 1709164800);
    assert.equal(seconds('1970-01-01T00:00:00.000Z'), 0);
  });

  it('refuses what names no single moment, saying why', () => {
    assert.match(String(seconds('2026-01-01')), /a date without a time and zone; give a moment such as 2026-01-01T00:00:00Z/);
    assert.match(String(seconds('2026-01-01T00:00:00')), /names no time zone/);
    assert.match(String(seconds('2026-01-01T00:00:00.250Z')), /fraction of a second/);
    assert.match(String(seconds('2025-02-29T00:00:00Z')), /not a valid date and time/);
    assert.match(String(seconds('2026-01-01T24:00:00Z')), /not a valid date and time/);
    assert.match(String(seconds('2026-01-01T00:00:60Z')), /not a valid date and time/);
    assert.match(String(seconds('2026-01-01T00:00:00+19:00')), /offset beyond/);
    assert.match(String(seconds('next tuesday')), /neither Unix seconds nor an ISO 8601 date and time/);
    assert.match(String(seconds('-5')), /neither Unix seconds nor an ISO 8601 date and time/);
  });
});
