/**
 * The polling triggers' step fields, read by lib/triggers/polling/options.ts. Defaults and bounds are the ones the
 * fields' help states (overlap 15 minutes, 0 to 1,440; at most 1,000 records a run, 1 to 10,000), written here by hand.
 */
import assert from 'node:assert/strict';
import { ConfigurationError } from '../../../lib/runtime/errors';
import { choice, optionalId, parseStartTime, readPollingOptions, wholeNumber } from '../../../lib/triggers/polling/options';
import { at } from './helpers';

const refused = (run: () => unknown, pattern: RegExp): void => assert.throws(run, (error: unknown) => error instanceof ConfigurationError && pattern.test(error.message));

describe('polling trigger step fields', () => {
  it('defaults: a 15 minute overlap (900 s), 1,000 records a run, no start time (now, on the first run)', () => {
    assert.deepEqual(readPollingOptions({}), { overlapSeconds: 900, maxPerRun: 1_000 });
    assert.deepEqual(readPollingOptions({ overlapMinutes: '', maxPerRun: null, startTime: '  ' }), { overlapSeconds: 900, maxPerRun: 1_000 });
  });

  it('the bounds themselves are accepted: overlap 0 and 1,440 minutes, 1 and 10,000 records a run', () => {
    assert.deepEqual(readPollingOptions({ overlapMinutes: 0, maxPerRun: 1 }), { overlapSeconds: 0, maxPerRun: 1 });
    assert.deepEqual(readPollingOptions({ overlapMinutes: '1440', maxPerRun: '10000' }), { overlapSeconds: 86_400, maxPerRun: 10_000 });
  });

  it('one past a bound is refused, naming the field and its range', () => {
    refused(() => readPollingOptions({ overlapMinutes: 1_441 }), /^Step field "overlapMinutes" must be a whole number from 0 to 1440; got 1441$/);
    refused(() => readPollingOptions({ maxPerRun: 0 }), /^Step field "maxPerRun" must be a whole number from 1 to 10000; got 0$/);
    refused(() => readPollingOptions({ maxPerRun: '10001' }), /^Step field "maxPerRun" must be a whole number from 1 to 10000; got "10001"$/);
    refused(() => readPollingOptions({ maxPerRun: 2.5 }), /"maxPerRun" must be a whole number/);
  });

  it('a start time is read into the options as Unix seconds', () => {
    assert.deepEqual(readPollingOptions({ startTime: '2026-01-31' }), { overlapSeconds: 900, maxPerRun: 1_000, start: at('2026-01-31T00:00:00Z') });
  });

  it('start time: seconds and milliseconds are told apart at 100,000,000,000; fractions are cut to the second', () => {
    assert.equal(parseStartTime(100_000_000_000), 100_000_000_000, 'the boundary itself is seconds');
    assert.equal(parseStartTime(100_000_000_001), 100_000_000, 'just above it is milliseconds');
    assert.equal(parseStartTime('1769846400.9'), 1_769_846_400);
    assert.equal(parseStartTime(0), 0);
    assert.equal(parseStartTime(null), undefined);
  });

  it('start time: a date-time with a space, a lower-case z, an offset without a colon, and fractions of a second', () => {
    assert.equal(parseStartTime('2026-01-31 08:00'), at('2026-01-31T08:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00z'), at('2026-01-31T08:00:00Z'));
    assert.equal(parseStartTime('2026-01-31T08:00:00+0200'), at('2026-01-31T06:00:00Z'));
    assert.equal(parseStartTime(' 2026-01-31T08:00:00.750Z '), at('2026-01-31T08:00:00Z'));
  });

  it('start time: anything else is refused, never guessed (a negative number, "-5", a date without its day, a list)', () => {
    for (const bad of [-1, '-5', '2026-01', '31.01.2026', [1769846400], true]) {
      refused(() => parseStartTime(bad), /^Step field "startTime" must be an ISO 8601 date or date-time \(e\.g\. 2026-01-31T08:00:00Z\) or Unix time; got /);
    }
  });

  it('wholeNumber: unset gives the fallback; digits and numbers within the range are taken as they are', () => {
    assert.equal(wholeNumber(undefined, 'f', 7, 1, 9), 7);
    assert.equal(wholeNumber(' 9 ', 'f', 7, 1, 9), 9);
    assert.equal(wholeNumber(1, 'f', 7, 1, 9), 1);
    refused(() => wholeNumber('-1', 'f', 7, 0, 9), /^Step field "f" must be a whole number from 0 to 9; got "-1"$/);
  });

  it('choice: one of the allowed values, the fallback when empty, otherwise an error listing them', () => {
    const allowed = ['created', 'updated'] as const;
    assert.equal(choice({ emitOn: 'updated' }, 'emitOn', allowed, 'created'), 'updated');
    assert.equal(choice({}, 'emitOn', allowed, 'created'), 'created');
    assert.equal(choice({ emitOn: null }, 'emitOn', allowed, 'created'), 'created');
    assert.equal(choice({ emitOn: '' }, 'emitOn', allowed, 'created'), 'created');
    refused(() => choice({ emitOn: 'Updated' }, 'emitOn', allowed, 'created'), /^Step field "emitOn" must be one of created, updated; got "Updated"$/);
    refused(() => choice({ emitOn: ['updated'] }, 'emitOn', allowed, 'created'), /must be one of created, updated; got \["updated"\]$/);
  });

  it('optionalId: text or a number as text, trimmed; empty is no id; anything else is an error', () => {
    assert.equal(optionalId({ tagId: ' 42 ' }, 'tagId'), '42');
    assert.equal(optionalId({ tagId: 42 }, 'tagId'), '42');
    assert.equal(optionalId({ tagId: '   ' }, 'tagId'), undefined);
    assert.equal(optionalId({ tagId: null }, 'tagId'), undefined);
    assert.equal(optionalId({}, 'tagId'), undefined);
    refused(() => optionalId({ tagId: ['1', '2'] }, 'tagId'), /^Step field "tagId" must be a single id; got \["1","2"\]$/);
  });
});
