/**
 * Waits that really wait. The other client specs record each sleep and resolve it at once; here the runtime's own
 * sleep runs on a fake clock that only the test advances, so the next attempt must not leave before the clock
 * passes its wait. Every wait below is computed by hand from the documented defaults (retry base 1 s, jitter at
 * its middle: random() = 0.5), not read from the settings under test.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nock from 'nock';
import type sinon from 'sinon';
import { IntercomClient, httpFor } from '../../../lib/runtime/client';
import { safeLogger } from '../../../lib/runtime/logger';
import { settings } from '../../../lib/runtime/settings';
import { watchedStream } from '../../../lib/runtime/timeLimits';
import { clockedRuntime, netError, offlineRuntime, settle, sleeps, TEST_BASE_URL } from '../../helpers/context';

// A token (so a keep-alive HTTP instance) per test: a socket of an earlier test holds timers of an earlier fake clock.
let tokens = 0;
let token = '';
const client = (): IntercomClient => new IntercomClient(httpFor(TEST_BASE_URL, token), TEST_BASE_URL, token, safeLogger({ info: () => undefined, warn: () => undefined }));
const get = { operation: 'getContact', method: 'GET' as const, path: '/contacts/1', pathTemplate: '/contacts/{contact_id}', idempotent: true };
const START = Date.UTC(2026, 2, 10, 12, 0, 0);
const START_SECONDS = START / 1000;

describe('runtime: waits that really wait (a clock the test advances)', () => {
  offlineRuntime();
  let clock: sinon.SinonFakeTimers;
  /** Milliseconds after START at which each request reached the server. */
  let sentAt: number[];
  const saved = { retryBaseMs: settings.retryBaseMs, retryMaxMs: settings.retryMaxMs, maxRateLimitRetries: settings.maxRateLimitRetries, maxRateLimitWaitMs: settings.maxRateLimitWaitMs };

  beforeEach(() => {
    clock = clockedRuntime(START);
    sentAt = [];
    token = `tok_waits_spec_0123456789_${++tokens}`;
    Object.assign(settings, { retryBaseMs: 1_000, retryMaxMs: 15_000, maxRateLimitRetries: 5, maxRateLimitWaitMs: 15_000 });
  });
  afterEach(() => Object.assign(settings, saved));

  const record = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    function (this: unknown): [number, unknown, Record<string, string>] {
      sentAt.push(Date.now() - START);
      return [status, body, headers];
    };

  /** Lets I/O and zero-delay timers due now run (nock and axios use both) until `done`, without moving the clock. */
  async function runUntil(done: () => boolean, what: string): Promise<void> {
    for (let round = 0; !done(); round++) {
      if (round === 2_000) assert.fail(`never ${what}`);
      await settle(1);
      await clock.tickAsync(0);
    }
  }

  /**
   * Advances the clock to `ms` after START once the runtime has begun its `wait`-th wait (1 = the first): the clock
   * moves only while the code under test waits, as real time would.
   */
  async function advanceTo(ms: number, wait: number): Promise<void> {
    await runUntil(() => sleeps.length >= wait, `began wait ${wait}`);
    await clock.tickAsync(START + ms - Date.now());
    await settle();
  }

  it('5xx: the second attempt leaves only after 750 ms, the third 1,500 ms after that', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').times(2).reply(record(503, {})).get('/contacts/1').reply(record(200, { id: '1' }));
    const done = client().request(get);
    await advanceTo(749, 1);
    assert.deepEqual(sentAt, [0], 'the retry did not wait for its backoff');
    await advanceTo(750, 1);
    assert.deepEqual(sentAt, [0, 750]);
    await advanceTo(2_249, 2);
    assert.deepEqual(sentAt, [0, 750]);
    await advanceTo(2_250, 2);
    assert.deepEqual((await done).data, { id: '1' });
    assert.deepEqual(sentAt, [0, 750, 2_250]);
  });

  it('a connection reset on a read: the retry leaves only after its 750 ms backoff', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .replyWithError(netError('ECONNRESET'))
      .get('/contacts/1')
      .reply(record(200, { id: '1' }));
    const done = client().request(get);
    await advanceTo(749, 1);
    assert.deepEqual(sentAt, []);
    await advanceTo(750, 1);
    assert.deepEqual((await done).data, { id: '1' });
    assert.deepEqual(sentAt, [750]);
  });

  it('429 with X-RateLimit-Reset 4 s ahead: nothing is sent again before the reset plus 250 ms of jitter', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(record(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit' }] }, { 'X-RateLimit-Reset': String(START_SECONDS + 4), 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0' }))
      .get('/contacts/1')
      .reply(record(200, { id: '1' }));
    const done = client().request(get);
    await advanceTo(4_249, 1);
    assert.deepEqual(sentAt, [0], 'the 429 was retried before its window reset');
    await advanceTo(4_250, 1);
    assert.deepEqual((await done).data, { id: '1' });
    assert.deepEqual(sentAt, [0, 4_250]);
  });

  it('an exhausted window (remaining 0, reset 4 s ahead) holds the next request until the reset plus 125 ms of jitter', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(record(200, { id: '1' }, { 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(START_SECONDS + 4) }))
      .get('/contacts/2')
      .reply(record(200, { id: '2' }));
    await client().request(get);
    const second = client().request({ ...get, path: '/contacts/2' });
    await advanceTo(4_124, 1);
    assert.deepEqual(sentAt, [0]);
    await advanceTo(4_125, 1);
    assert.deepEqual((await second).data, { id: '2' });
    assert.deepEqual(sentAt, [0, 4_125]);
  });

  it('the pacing waits of one request together stay within its rate-limit budget (here 15 s: no 429 retries allowed)', async () => {
    settings.maxRateLimitRetries = 0;
    const exhausted = (resetSeconds: number): Record<string, string> => ({ 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(START_SECONDS + resetSeconds) });
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(record(200, { id: '1' }, exhausted(4)))
      .get('/contacts/2')
      .reply(record(503, {}, exhausted(18)))
      .get('/contacts/2')
      .reply(record(200, { id: '2' }));
    await client().request(get);
    const second = client().request({ ...get, path: '/contacts/2' });
    // Pacing 4,125 ms (reset 4 s ahead + 125 ms jitter) leaves 10,875 ms of the budget; the 503's backoff is 750 ms;
    // the window then resets 13,125 ms later, but the budget allows only 10,875 more: 4,125 + 750 + 10,875.
    await advanceTo(4_124, 1);
    assert.deepEqual(sentAt, [0]);
    await advanceTo(4_125, 1);
    assert.deepEqual(sentAt, [0, 4_125]);
    await advanceTo(4_875, 2);
    assert.deepEqual(sentAt, [0, 4_125]);
    await advanceTo(15_749, 3);
    assert.deepEqual(sentAt, [0, 4_125]);
    await advanceTo(15_750, 3);
    assert.deepEqual((await second).data, { id: '2' });
    assert.deepEqual(sentAt, [0, 4_125, 15_750]);
  });

  /**
   * Reads a body that never sends a byte under the given message deadline and the 30 s stall bound; resolves once the
   * stream is being waited on, with a check of the failure after the clock is advanced.
   */
  async function silentBody(deadlineMs: number): Promise<{ failureAfter(ms: number): Promise<unknown>; ended: Promise<unknown> }> {
    const silent = new Readable({ read: () => undefined });
    const deadline = { label: 'getContact', ms: deadlineMs, endsAt: START + deadlineMs };
    const stream = watchedStream(silent, 30_000, deadline, () => Date.now(), () => new Error('stalled'));
    let failure: unknown;
    const ended = (async () => {
      for await (const _chunk of stream) continue;
    })().catch((error: unknown) => (failure = error));
    await runUntil(() => clock.countTimers() > 0, 'began waiting for the body');
    return {
      async failureAfter(ms: number): Promise<unknown> {
        await clock.tickAsync(ms);
        await settle();
        return failure;
      },
      ended,
    };
  }

  it('a streamed body that sends nothing fails when the message runs out of time (2 s), not after the 30 s stall bound', async () => {
    const body = await silentBody(2_000);
    assert.equal(await body.failureAfter(1_999), undefined);
    assert.match(String(await body.failureAfter(1)), /getContact did not finish within 2000 ms/);
    await body.ended;
  });

  it('a streamed body that stalls with time to spare fails after the stall bound (30 s) with the stall error', async () => {
    const body = await silentBody(3_600_000);
    assert.equal(await body.failureAfter(29_999), undefined);
    assert.match(String(await body.failureAfter(1)), /stalled/);
    await body.ended;
  });
});
