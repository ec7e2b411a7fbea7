/**
 * nock, not the sandbox: the sandbox sends only sane X-RateLimit-* headers; these cases script the odd ones.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { IntercomClient, httpFor } from '../../../lib/runtime/client';
import { RateLimitExhaustedError } from '../../../lib/runtime/errors';
import { safeLogger } from '../../../lib/runtime/logger';
import { settings } from '../../../lib/runtime/settings';
import { offlineRuntime, sleeps, TEST_BASE_URL } from '../../helpers/context';

const TOKEN = 'tok_rate_limit_caps_0123456789';
const client = (): IntercomClient => new IntercomClient(httpFor(TEST_BASE_URL, TOKEN), TEST_BASE_URL, TOKEN, safeLogger({ info: () => undefined, warn: () => undefined }));
const get = { operation: 'getContact', method: 'GET' as const, path: '/contacts/1', pathTemplate: '/contacts/{contact_id}', idempotent: true };
const NOW = 1_780_000_000_000;
const rateLimited = { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] };
const total = (): number => sleeps.reduce((a, b) => a + b, 0);

describe('runtime: rate-limit waits stay within their documented caps whatever the headers say', () => {
  offlineRuntime();
  const savedRetryMaxMs = settings.retryMaxMs;
  beforeEach(() => {
    settings.now = () => NOW;
  });
  afterEach(() => {
    settings.retryMaxMs = savedRetryMaxMs;
  });

  it('a 429 whose X-RateLimit-Reset is a year ahead waits like one without the header (backoff), never for the reset', async () => {
    const farFuture = String(NOW / 1000 + 365 * 86_400);
    nock(TEST_BASE_URL).get('/contacts/1').times(2).reply(429, rateLimited, { 'X-RateLimit-Reset': farFuture }).get('/contacts/1').reply(200, { id: '1' });
    await client().request(get);
    assert.deepEqual(sleeps, [1250, 2250]);
  });

  it('a 429 whose X-RateLimit-Reset is given in milliseconds waits until that reset, not 1000 times longer', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').reply(429, rateLimited, { 'X-RateLimit-Reset': String(NOW + 3_000) }).get('/contacts/1').reply(200, { id: '1' });
    await client().request(get);
    assert.deepEqual(sleeps, [3_250]);
  });

  it('429s with a far-future reset until retries run out hold the message at most maxRateLimitRetries × maxRateLimitWaitMs, then rebound', async () => {
    settings.retryMaxMs = 60_000; // even a long backoff is cut to the rate-limit cap
    const farFuture = String(NOW / 1000 + 600);
    // The first attempt and 5 retries (the default); the reset 10 minutes ahead is not believed, so each wait is the
    // backoff, and the fifth (16,250 ms) is cut to the 15 s cap: at most 5 × 15 s in all.
    const scope = nock(TEST_BASE_URL).get('/contacts/1').times(6).reply(429, rateLimited, { 'X-RateLimit-Reset': farFuture, 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0' });
    await assert.rejects(client().request(get), RateLimitExhaustedError);
    scope.done();
    assert.deepEqual(sleeps, [1_250, 2_250, 4_250, 8_250, 15_000]);
    assert.ok(total() <= 75_000, `waited ${total()} ms in all`);
    assert.equal(settings.maxRateLimitWaitMs, 15_000, 'the documented default per wait');
  });

  it('one 200 with remaining 0 and a far-future reset does not make the token’s later requests wait', async () => {
    const farFuture = String(NOW / 1000 + 3_600);
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(200, { id: '1' }, { 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': farFuture })
      .get('/contacts/1')
      .times(3)
      .reply(200, { id: '1' });
    for (let i = 0; i < 4; i++) await client().request(get);
    assert.deepEqual(sleeps, []);
  });

  it('a 200 with remaining 0 and a reset 4 s ahead (a real window) still paces the next request until the reset', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(200, { id: '1' }, { 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW / 1000 + 4) })
      .get('/contacts/1')
      .reply(200, { id: '1' });
    await client().request(get);
    await client().request(get);
    assert.deepEqual(sleeps, [4_125]);
  });
});
