/**
 * The bounded evaluation of a customMapping (lib/oih/customMapping.ts): JSONata's own errors, named by the step
 * field, and bounds on time, memory and result size that hold whatever the expression does, while the step's event
 * loop keeps running. Expected values are JSONata's documented results and error codes, written by hand.
 */
import assert from 'node:assert/strict';
import { evaluateMapping } from '../../../lib/oih/customMapping';
import { ConfigurationError, LimitExceededError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';

/** Runs `work` while a 10 ms interval timer counts how often the event loop got to it. */
async function withTicks(work: () => Promise<unknown>): Promise<{ outcome: unknown; ms: number; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = Date.now();
  let outcome: unknown;
  try {
    outcome = await work();
  } catch (error) {
    outcome = error;
  } finally {
    clearInterval(timer);
  }
  return { outcome, ms: Date.now() - started, ticks };
}

describe('customMapping: evaluated by the component, bounded', function () {
  this.timeout(20_000);
  const saved = { timeout: settings.mappingTimeoutMs, memory: settings.mappingMemoryMb, bytes: settings.maxMessageBytes };
  const BOUND_MS = 400;
  beforeEach(() => {
    settings.mappingTimeoutMs = BOUND_MS;
  });
  afterEach(() => {
    settings.mappingTimeoutMs = saved.timeout;
    settings.mappingMemoryMb = saved.memory;
    settings.maxMessageBytes = saved.bytes;
  });

  it('evaluates over the envelope and gives plain JSON data', async () => {
    const result = await evaluateMapping('{ "data": { "name": data.firstName & " " & data.lastName }, "metadata": metadata }', { metadata: { recordUid: 'r1' }, data: { firstName: 'Ada', lastName: 'Lovelace' } });
    assert.deepEqual(result, { data: { name: 'Ada Lovelace' }, metadata: { recordUid: 'r1' } });
    assert.equal(Object.getPrototypeOf(result), Object.prototype, 'a plain object, not JSONata\'s prototype-less one');
    assert.equal(await evaluateMapping('nothing.here', {}), undefined);
  });

  it('a run-time error is an error naming customMapping with JSONata\'s message, code and position', async () => {
    await assert.rejects(evaluateMapping('$number("abc")', {}), (error: unknown) => {
      assert.ok(error instanceof ConfigurationError);
      assert.equal(error.message, 'Step field "customMapping" failed: Unable to cast value to a number: "abc" (JSONata D3030 at position 8)');
      return true;
    });
    await assert.rejects(evaluateMapping('{ "data": $error("no email") }', {}), /^ConfigurationError: Step field "customMapping" failed: no email \(JSONata D3137 at position 17\)$/);
  });

  it('a syntax error says what JSONata says (not "[object Object]")', async () => {
    await assert.rejects(
      evaluateMapping('{ "a": ', {}),
      (error: unknown) => error instanceof ConfigurationError && error.message === 'Step field "customMapping" is not a valid JSONata expression: Expected "}" before end of expression (JSONata S0203 at position 7)',
    );
  });

  it('an endless recursion ends at the time bound while a timer on the event loop keeps firing', async () => {
    await evaluateMapping('1', {}); // the evaluator is running: the bound counts from the evaluation's start
    const { outcome, ms, ticks } = await withTicks(() => evaluateMapping('( $f := function($x){ $f($x + 1) }; $f(1) )', {}));
    assert.ok(outcome instanceof LimitExceededError, String(outcome));
    assert.match(outcome.message, new RegExp(`^Step field "customMapping" did not finish within ${BOUND_MS} ms \\(INTERCOM_MAPPING_TIMEOUT_MS\\); its evaluation was stopped$`));
    assert.ok(ms >= BOUND_MS && ms < BOUND_MS + 1_000, `ended after ${ms} ms`);
    // A blocked event loop would have run the 10 ms timer once or not at all; a free one about every 10 ms (on a
    // loaded machine less often, hence one per 100 ms as the floor).
    assert.ok(ticks >= Math.max(3, Math.floor(ms / 100)), `the event loop ran the timer ${ticks} times in ${ms} ms`);
    // The next expression gets a fresh evaluator.
    assert.deepEqual(await evaluateMapping('{ "data": 1 }', {}), { data: 1 });
  });

  it('a regular expression that backtracks for ever, a huge range and a 1e4 × 1e4 fan-out all end within the bounds', async () => {
    settings.mappingTimeoutMs = 2_000;
    for (const expression of [
      '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", /^(a+)+$/)',
      '$reduce([1..10000000], function($a, $b) { $a + $b })',
      '[1..10000000]',
      '$count([1..10000].[1..10000])',
    ]) {
      await evaluateMapping('1', {}); // a stopped evaluator is replaced first: its start is not part of the bound
      const { outcome, ms, ticks } = await withTicks(() => evaluateMapping(expression, {}));
      assert.ok(outcome instanceof LimitExceededError, `${expression}: ${String(outcome)}`);
      assert.match(outcome.message, /^Step field "customMapping" (did not finish within 2000 ms|stopped its evaluation .*: most likely it needed more than 64 MiB|gave a result of \d+ bytes)/);
      assert.ok(ms < 2_000 + 1_000, `${expression} ended after ${ms} ms`);
      assert.ok(ticks >= Math.max(2, Math.floor(ms / 100)), `${expression}: the event loop ran the timer ${ticks} times in ${ms} ms`);
    }
    assert.deepEqual(await evaluateMapping('{ "data": "still here" }', {}), { data: 'still here' });
  });

  it('a result larger than a message may be is refused', async () => {
    settings.maxMessageBytes = 1_000;
    await assert.rejects(evaluateMapping('{ "data": $pad("", 2000, "x") }', {}), /^LimitExceededError: Step field "customMapping" gave a result of 2011 bytes of JSON, more than 1000 \(INTERCOM_MAX_MESSAGE_BYTES\)$/);
  });
});
