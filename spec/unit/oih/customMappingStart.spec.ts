/**
 * The customMapping evaluator's own failures (lib/oih/customMapping.ts): a child process that ends while it starts
 * is an error naming the step field and how it ended, and the next evaluation starts a new one; evaluations take
 * turns, each getting its own answer. Expected texts written by hand.
 */
import assert from 'node:assert/strict';
import { evaluateMapping } from '../../../lib/oih/customMapping';
import { ConfigurationError, LimitExceededError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';

describe('customMapping: the evaluator process', function () {
  this.timeout(30_000);
  const saved = { timeout: settings.mappingTimeoutMs, memory: settings.mappingMemoryMb };
  afterEach(() => {
    settings.mappingTimeoutMs = saved.timeout;
    settings.mappingMemoryMb = saved.memory;
  });

  /** Stops the running evaluator (an evaluation past its time bound), so the next evaluation starts a new one. */
  const stopEvaluator = async (): Promise<void> => {
    settings.mappingTimeoutMs = 300;
    await evaluateMapping('1', {});
    await assert.rejects(evaluateMapping('( $f := function($x){ $f($x + 1) }; $f(1) )', {}), LimitExceededError);
    settings.mappingTimeoutMs = saved.timeout;
  };

  it('a child that ends while starting (a heap of 1 MiB cannot load JSONata) is an error naming how it ended; the next evaluation starts afresh', async () => {
    await stopEvaluator();
    settings.mappingMemoryMb = 1;
    await assert.rejects(evaluateMapping('{"data": 1}', {}), (e: Error) => {
      assert.ok(e instanceof ConfigurationError, String(e));
      assert.match(e.message, /^Step field "customMapping" could not be evaluated: the evaluator process ended while starting \((SIG[A-Z]+|exit code \d+)\)$/);
      return true;
    });
    settings.mappingMemoryMb = saved.memory;
    assert.deepEqual(await evaluateMapping('{"data": 2}', {}), { data: 2 });
  });

  it('evaluations started together take turns and each gets its own result', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => evaluateMapping(`{"data": data * ${n}}`, { data: 10 })));
    assert.deepEqual(results, [{ data: 10 }, { data: 20 }, { data: 30 }, { data: 40 }]);
  });

  it('one failing evaluation does not fail the ones queued behind it', async () => {
    const [bad, good] = await Promise.allSettled([evaluateMapping('$error("first")', {}), evaluateMapping('{"data": "second"}', {})]);
    assert.equal(bad.status, 'rejected');
    assert.deepEqual(good, { status: 'fulfilled', value: { data: 'second' } });
  });

  it('an empty $error message reads as JSONata words it; a syntax error is named as such, with its code and position', async () => {
    await assert.rejects(evaluateMapping('$error("")', {}), (e: Error) => e.message === 'Step field "customMapping" failed: $error() function evaluated (JSONata D3137 at position 7)');
    await assert.rejects(evaluateMapping('$string(1', {}), (e: Error) => e.message === 'Step field "customMapping" is not a valid JSONata expression: Expected ")" before end of expression (JSONata S0203 at position 9)');
  });
});

describe('customMapping: an evaluator that serves many evaluations', function () {
  this.timeout(60_000);
  const saved = { timeout: settings.mappingTimeoutMs, memory: settings.mappingMemoryMb };
  afterEach(() => {
    settings.mappingTimeoutMs = saved.timeout;
    settings.mappingMemoryMb = saved.memory;
  });

  it('each evaluation leaves no handler behind on the child: 15 in a row raise no listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      for (let n = 0; n < 15; n++) assert.deepEqual(await evaluateMapping('{"data": data}', { data: n }), { data: n });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), []);
  });

  it('an evaluation that runs out of memory is named as such at once, not as a time-out', async () => {
    settings.mappingTimeoutMs = 20_000;
    await evaluateMapping('1', {});
    settings.mappingMemoryMb = 32;
    // A new evaluator with the smaller heap: stop the current one first (a time-out).
    settings.mappingTimeoutMs = 300;
    await assert.rejects(evaluateMapping('( $f := function($x){ $f($x + 1) }; $f(1) )', {}), LimitExceededError);
    settings.mappingTimeoutMs = 20_000;
    const started = Date.now();
    await assert.rejects(evaluateMapping('$count([1..1000000].{"a": $, "b": [$, $]})', {}), (e: Error) => {
      assert.ok(e instanceof LimitExceededError, String(e));
      assert.match(e.message, /^Step field "customMapping" stopped its evaluation \((SIG[A-Z]+|exit code \d+)\): most likely it needed more than 32 MiB \(INTERCOM_MAPPING_MEMORY_MB\)$/);
      return true;
    });
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  });
});
