/**
 * How the customMapping evaluator (lib/oih/customMapping.ts) fails, with the real child process: each failure is an
 * error naming the step field and what happened, a child that is given up is killed (never left running), and the
 * next evaluation starts a new child. The child is watched through a spy on child_process.spawn (the real spawn
 * runs); where Node gives no way to provoke an event for real (an 'error' of a started child: a failed kill or send),
 * the test emits it on the real child. Expected texts and numbers written by hand.
 */
import assert from 'node:assert/strict';
import childProcess = require('node:child_process');
import sinon from 'sinon';
import { evaluateMapping } from '../../../lib/oih/customMapping';
import { LimitExceededError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';

type Ending = { code: number | null; signal: NodeJS.Signals | null } | 'still running';

/** How the child ended, or 'still running' after `ms` (real time: taken before any test fakes the clock). */
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
function ending(child: childProcess.ChildProcess, ms = 10_000): Promise<Ending> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    const timer = realSetTimeout(() => resolve('still running'), ms);
    child.once('exit', (code, signal) => {
      realClearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** Lets queued promise callbacks run without letting the event loop turn (no message or exit of a child arrives). */
async function settleUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await Promise.resolve();
  assert.ok(condition(), 'the condition never held');
}

describe('customMapping: how the evaluator process fails', function () {
  this.timeout(60_000);
  const saved = { timeout: settings.mappingTimeoutMs, memory: settings.mappingMemoryMb, execPath: process.execPath };
  let spawn: sinon.SinonSpy;
  const lastChild = (): childProcess.ChildProcess => spawn.lastCall.returnValue as childProcess.ChildProcess;

  before(() => {
    spawn = sinon.spy(childProcess, 'spawn');
  });
  afterEach(() => {
    settings.mappingTimeoutMs = saved.timeout;
    settings.mappingMemoryMb = saved.memory;
    process.execPath = saved.execPath;
  });
  after(() => {
    // A child some test gave up on but a broken stop() left running.
    for (const call of spawn.getCalls()) {
      const child = call.returnValue as childProcess.ChildProcess;
      if (child.exitCode === null && child.signalCode === null && child !== lastChild()) child.kill('SIGKILL');
    }
    spawn.restore();
  });

  /** Stops whatever evaluator there is (an evaluation past its bound), so the next evaluation starts a new child. */
  async function stopEvaluator(): Promise<void> {
    await evaluateMapping('1', {});
    settings.mappingTimeoutMs = 300;
    await assert.rejects(evaluateMapping('( $f := function($x){ $f($x + 1) }; $f(1) )', {}), LimitExceededError);
    settings.mappingTimeoutMs = saved.timeout;
  }

  /** A started evaluator, ready, of our spy's making: the child of the next evaluation. */
  async function readyChild(): Promise<childProcess.ChildProcess> {
    await stopEvaluator();
    const before = spawn.callCount;
    assert.equal(await evaluateMapping('2', {}), 2);
    assert.equal(spawn.callCount, before + 1, 'a new evaluator was started');
    return lastChild();
  }

  it('an evaluation past its time bound: the error names the field and the bound, and its child is killed, not left running', async () => {
    const child = await readyChild();
    settings.mappingTimeoutMs = 500;
    try {
      await assert.rejects(
        evaluateMapping('( $f := function($x){ $f($x + 1) }; $f(1) )', {}),
        (e: Error) => e instanceof LimitExceededError && e.message === 'Step field "customMapping" did not finish within 500 ms (INTERCOM_MAPPING_TIMEOUT_MS); its evaluation was stopped',
      );
      assert.deepEqual(await ending(child), { code: null, signal: 'SIGKILL' });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('a child that does not report ready within 30 s fails the evaluation saying so, is killed, and the next evaluation starts afresh', async () => {
    await stopEvaluator();
    const before = spawn.callCount;
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const outcome: { error?: Error } = {};
    const failure = (): Error | undefined => outcome.error;
    try {
      evaluateMapping('{"data": 1}', {}).then(
        () => undefined,
        (e: unknown) => void (outcome.error = e as Error),
      );
      await settleUntil(() => spawn.callCount === before + 1);
      clock.tick(29_999);
      await settleUntil(() => true);
      assert.equal(failure(), undefined, 'failed before 30 s');
      clock.tick(1);
      await settleUntil(() => failure() !== undefined);
    } finally {
      clock.restore();
    }
    assert.equal(failure()?.message, 'Step field "customMapping" could not be evaluated: the evaluator process did not start within 30000 ms');
    assert.deepEqual(await ending(lastChild()), { code: null, signal: 'SIGKILL' });
    assert.deepEqual(await evaluateMapping('{"data": 3}', {}), { data: 3 });
    assert.equal(spawn.callCount, before + 2, 'the next evaluation started a new evaluator');
  });

  it('a child that ends with an exit code while starting: the error gives the exit code', async () => {
    await stopEvaluator();
    const before = spawn.callCount;
    const evaluation = evaluateMapping('{"data": 1}', {});
    await settleUntil(() => spawn.callCount === before + 1);
    // The child's answer to a closed channel: it ends by itself, with an exit code (no signal).
    lastChild().disconnect();
    await assert.rejects(evaluation, (e: Error) => /^Step field "customMapping" could not be evaluated: the evaluator process ended while starting \(exit code \d+\)$/.test(e.message));
    assert.deepEqual(await evaluateMapping('{"data": 4}', {}), { data: 4 });
  });

  it('a child that ends with an exit code during an evaluation: the error gives the exit code', async () => {
    const child = await readyChild();
    settings.mappingTimeoutMs = 20_000;
    const send = sinon.spy(child, 'send');
    try {
      // About 0.2 s of work: the channel closes while the child is busy, so the answer never comes back.
      const evaluation = evaluateMapping('$sum([1..3000000])', {});
      await settleUntil(() => send.called);
      child.disconnect();
      await assert.rejects(evaluation, (e: Error) => /^Step field "customMapping" stopped its evaluation \(exit code \d+\): most likely it needed more than \d+ MiB \(INTERCOM_MAPPING_MEMORY_MB\)$/.test(e.message));
    } finally {
      send.restore();
    }
    assert.deepEqual(await evaluateMapping('{"data": 5}', {}), { data: 5 });
  });

  it('an error of the child during an evaluation fails it at once with the error\'s text, and the child is killed', async () => {
    const child = await readyChild();
    settings.mappingTimeoutMs = 20_000;
    const send = sinon.spy(child, 'send');
    try {
      const evaluation = evaluateMapping('$sum([1..3000000])', {});
      await settleUntil(() => send.called);
      child.emit('error', new Error('kill EPERM'));
      await assert.rejects(evaluation, (e: Error) => e.message === 'Step field "customMapping" could not be evaluated: kill EPERM');
    } finally {
      send.restore();
    }
    assert.deepEqual(await ending(child), { code: null, signal: 'SIGKILL' });
    assert.deepEqual(await evaluateMapping('{"data": 6}', {}), { data: 6 });
  });

  it('an error of an idle child does not end the step\'s process: the child is killed and the next evaluation starts a new one', async () => {
    const child = await readyChild();
    const before = spawn.callCount;
    assert.doesNotThrow(() => child.emit('error', new Error('kill EPERM')));
    assert.deepEqual(await ending(child), { code: null, signal: 'SIGKILL' });
    assert.deepEqual(await evaluateMapping('{"data": 7}', {}), { data: 7 });
    assert.equal(spawn.callCount, before + 1);
  });

  it('a child killed while idle (from outside) is replaced: the next evaluation gets its result', async () => {
    const child = await readyChild();
    child.kill('SIGKILL');
    assert.deepEqual(await ending(child), { code: null, signal: 'SIGKILL' });
    assert.deepEqual(await evaluateMapping('{"data": 8}', {}), { data: 8 });
  });

  it('a channel already closed: the evaluation fails at once saying its input could not be given, not after the time bound', async () => {
    const child = await readyChild();
    settings.mappingTimeoutMs = 20_000;
    child.disconnect();
    const started = Date.now();
    await assert.rejects(evaluateMapping('{"data": 9}', {}), (e: Error) => e.message === 'Step field "customMapping" could not be given its input: Channel closed');
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.notEqual(await ending(child), 'still running');
    assert.deepEqual(await evaluateMapping('{"data": 10}', {}), { data: 10 });
  });

  it('a child that cannot be started at all fails the evaluation at once, with the reason', async () => {
    await stopEvaluator();
    process.execPath = '/nonexistent/node';
    const started = Date.now();
    await assert.rejects(evaluateMapping('{"data": 1}', {}), (e: Error) => e.message === 'Step field "customMapping" could not be evaluated: the evaluator process could not start (spawn /nonexistent/node ENOENT)');
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    process.execPath = saved.execPath;
    assert.deepEqual(await evaluateMapping('{"data": 11}', {}), { data: 11 });
  });

  it('a JavaScript error inside the expression (no JSONata code) reads as its message and position alone', async () => {
    // Longer than V8's largest string (about 2^29 characters): a RangeError, which JSONata gives a position but no code.
    await assert.rejects(evaluateMapping('$pad("x", 600000000)', {}), (e: Error) => e.message === 'Step field "customMapping" failed: Invalid string length (at position 5)');
  });
});
