/**
 * The polling triggers' step fields, read by lib/triggers/polling/options.ts. Defaults and bounds are the ones the
 * fields' help states (overlap 15 minutes, 0 to 1,440; at most 1,000 records a run, 1 to 10,000), written here by hand.
 */
import assert from 'node:assert/strict';
import { ConfigurationError } from '../../../lib/runtime/errors';
import { choiceOf, optionalId, stepField, wholeNumber } from '../../../lib/runtime/configValues';
import { parseStartTime, readPollingOptions } from '../../../lib/triggers/polling/options';
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
    assert.equal(parseStartTime('1769846400.25'), 1_769_846_400, 'two decimals as well');
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

  it('start time: a text shaped like an ISO date that names no day of the calendar is refused as not a date', () => {
    for (const bad of ['2026-13-01', '2026-00-10', '2026-01-32T08:00:00Z', '2026-01-31T25:00:00Z']) {
      refused(() => parseStartTime(bad), /^Step field "startTime" must be an ISO 8601 date or date-time \(e\.g\. 2026-01-31T08:00:00Z\) or Unix time; got /);
    }
  });

  it('start time: a moment before 1970 or past the year 5138 is refused naming the field (a snapshot holds no other times: each run would "repair" it)', () => {
    for (const bad of ['1969-12-31', '1969-12-31T23:59:59Z', '0001-01-01', '0099-12-31', '5138-11-16T09:46:41Z', '9999-12-31', 1e15, '1000000000000000']) {
      refused(() => parseStartTime(bad), /^Step field "startTime" must lie between 1970-01-01T00:00:00Z and 5138-11-16T09:46:40Z; got /);
    }
    assert.equal(parseStartTime('1970-01-01'), 0);
    assert.equal(parseStartTime('5138-11-16T09:46:40Z'), 100_000_000_000);
    assert.equal(parseStartTime(1e14), 100_000_000_000, 'milliseconds up to the same moment');
  });

  it('start time: Unix time and a date with blanks around them are read as without', () => {
    assert.equal(parseStartTime(' 1769846400 '), 1_769_846_400);
    assert.equal(parseStartTime('\t1769846400000\n'), 1_769_846_400);
    assert.equal(parseStartTime(' 2026-01-31 '), at('2026-01-31T00:00:00Z'));
  });

  // The readers the polling options use (lib/runtime/configValues.ts), at the polling fields' own edges.
  it('wholeNumber: unset is undefined (the caller’s default); digits and numbers within the range are taken as they are', () => {
    const f = stepField('f');
    assert.equal(wholeNumber(undefined, f, { min: 1, max: 9 }), undefined);
    assert.equal(wholeNumber(' 9 ', f, { min: 1, max: 9 }), 9);
    assert.equal(wholeNumber(1, f, { min: 1, max: 9 }), 1);
    refused(() => wholeNumber('-1', f, { min: 0, max: 9 }), /^Step field "f" must be a whole number from 0 to 9; got "-1"$/);
  });

  it('choiceOf: one of the allowed values, the fallback when empty, otherwise an error listing them', () => {
    const allowed = ['created', 'updated'] as const;
    const emitOn = stepField('emitOn');
    assert.equal(choiceOf('updated', emitOn, allowed, 'created'), 'updated');
    assert.equal(choiceOf(undefined, emitOn, allowed, 'created'), 'created');
    assert.equal(choiceOf(null, emitOn, allowed, 'created'), 'created');
    assert.equal(choiceOf('', emitOn, allowed, 'created'), 'created');
    refused(() => choiceOf('Updated', emitOn, allowed, 'created'), /^Step field "emitOn" must be one of created, updated; got "Updated"$/);
    refused(() => choiceOf(['updated'], emitOn, allowed, 'created'), /must be one of created, updated; got a list$/);
  });

  it('optionalId: text or a number as text, trimmed; empty is no id; anything else is an error', () => {
    const tagId = stepField('tagId');
    assert.equal(optionalId(' 42 ', tagId), '42');
    assert.equal(optionalId(42, tagId), '42');
    assert.equal(optionalId('   ', tagId), undefined);
    assert.equal(optionalId(null, tagId), undefined);
    assert.equal(optionalId(undefined, tagId), undefined);
    refused(() => optionalId(['1', '2'], tagId), /^Step field "tagId" must be a single id; got a list$/);
  });
});
