/**
 * nock, not the sandbox: exact headers, malformed and cut-off bodies and socket error codes, one per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { IntercomClient, httpFor } from '../../../lib/runtime/client';
import { IntercomApiError, NetworkError, RateLimitExhaustedError } from '../../../lib/runtime/errors';
import { safeLogger } from '../../../lib/runtime/logger';
import { settings } from '../../../lib/runtime/settings';
import { netError, offlineRuntime, sleeps, TEST_BASE_URL } from '../../helpers/context';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

const TOKEN = 'tok_client_spec_abcdef123456';
const logs: string[] = [];
const client = (): IntercomClient =>
  new IntercomClient(httpFor(TEST_BASE_URL, TOKEN), TEST_BASE_URL, TOKEN, safeLogger({ info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), debug: () => undefined }));
const get = { operation: 'getContact', method: 'GET' as const, path: '/contacts/1', pathTemplate: '/contacts/{contact_id}', idempotent: true };
const create = { operation: 'createContact', method: 'POST' as const, path: '/contacts', pathTemplate: '/contacts', idempotent: false, body: { email: 'a@b.co' } };

describe('runtime: HTTP client', () => {
  offlineRuntime();
  beforeEach(() => {
    logs.length = 0;
  });

  it('sends the bearer token, the pinned Intercom-Version, Accept and a User-Agent naming the component', async () => {
    const scope = nock(TEST_BASE_URL, {
      reqheaders: {
        authorization: `Bearer ${TOKEN}`,
        'intercom-version': INTERCOM_API_VERSION,
        accept: 'application/json',
        'user-agent': /^intercom-component\/\d+\.\d+\.\d+/,
      },
    })
      .get('/contacts/1')
      .reply(200, { type: 'contact', id: '1' });
    const response = await client().request(get);
    assert.deepEqual(response.data, { type: 'contact', id: '1' });
    scope.done();
  });

  it('waits until X-RateLimit-Reset after a 429 and then succeeds', async () => {
    const now = Date.now();
    settings.now = () => now;
    const reset = Math.floor(now / 1000) + 4;
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit' }] }, { 'X-RateLimit-Reset': String(reset), 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0' })
      .get('/contacts/1')
      .reply(200, { id: '1' });
    await client().request(get);
    assert.equal(sleeps.length >= 1, true);
    const waited = sleeps[sleeps.length - 1]!;
    assert.ok(waited >= reset * 1000 - now && waited <= reset * 1000 - now + 500, `waited ${waited}`);
  });

  it('backs off exponentially on 429 without rate-limit headers', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').times(3).reply(429, {}).get('/contacts/1').reply(200, {});
    await client().request(get);
    assert.deepEqual(sleeps, [1250, 2250, 4250]);
  });

  it('gives up after the 429 budget with a RateLimitExhaustedError (the action turns it into a rebound)', async () => {
    // The first attempt and its 5 retries (INTERCOM_MAX_RATE_LIMIT_RETRIES' default), each wait doubling from 1 s
    // plus 250 ms of jitter, the last cut to the 15 s cap.
    const scope = nock(TEST_BASE_URL).get('/contacts/1').times(6).reply(429, { type: 'error.list', request_id: 'req-429', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] });
    await assert.rejects(client().request(get), (error: unknown) => {
      assert.ok(error instanceof RateLimitExhaustedError);
      assert.match(error.message, /Intercom 429 rate_limit_exceeded: Exceeded rate limit of 167 in 10_seconds \(request_id req-429\) in getContact/);
      return true;
    });
    scope.done();
    assert.deepEqual(sleeps, [1_250, 2_250, 4_250, 8_250, 15_000]);
  });

  it('a 429 of pending export jobs is not waited out: one request, then back to the platform (rebound)', async () => {
    const enqueue = { operation: 'enqueueReportingDataExport', method: 'POST' as const, path: '/export/reporting_data/enqueue', pathTemplate: '/export/reporting_data/enqueue', idempotent: false, body: {} };
    const scope = nock(TEST_BASE_URL)
      .post('/export/reporting_data/enqueue')
      .once()
      .reply(429, { type: 'error.list', request_id: 'req-jobs', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 5 pending reporting dataset export jobs' }] });
    await assert.rejects(client().request(enqueue), (error: unknown) => error instanceof RateLimitExhaustedError && /5 pending reporting dataset export jobs/.test(error.message));
    scope.done();
    assert.deepEqual(sleeps, []);
  });

  it('a 429 of the window is waited out even when its body mentions "pending" somewhere else', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(429, { type: 'error.list', request_id: 'pending-5f2a', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] })
      .get('/contacts/1')
      .reply(200, { id: '1' });
    const response = await client().request(get);
    assert.deepEqual(response.data, { id: '1' });
    assert.deepEqual(sleeps, [1250]);
  });

  it('retries 5xx for idempotent requests, then succeeds', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').reply(503, 'busy').get('/contacts/1').reply(502).get('/contacts/1').reply(200, { id: '1' });
    const response = await client().request(get);
    assert.equal(response.status, 200);
    assert.equal(sleeps.length, 2);
  });

  it('never retries a create after a 5xx: it may already have been applied', async () => {
    const scope = nock(TEST_BASE_URL).post('/contacts').once().reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'boom' }] });
    await assert.rejects(client().request(create), /Intercom 500 server_error: boom; not retried because the request may have been applied in createContact/);
    scope.done();
    assert.equal(sleeps.length, 0);
  });

  it('does not retry a create after a connection reset, but does after a refused connection (never sent)', async () => {
    nock(TEST_BASE_URL).post('/contacts').replyWithError(netError('ECONNRESET'));
    await assert.rejects(client().request(create), (error: unknown) => error instanceof NetworkError && /ECONNRESET/.test(error.message) && /not retried/.test(error.message));
    nock(TEST_BASE_URL).post('/contacts').replyWithError(netError('ECONNREFUSED')).post('/contacts').reply(200, { id: 'x' });
    const response = await client().request(create);
    assert.equal(response.status, 200);
  });

  it('retries an idempotent request after a timeout and reports exhaustion clearly', async () => {
    // The first attempt and 3 retries (INTERCOM_MAX_RETRIES' default), each backoff half its doubling ceiling plus
    // half the jitter range: 750, 1,500, 3,000 ms.
    const scope = nock(TEST_BASE_URL).get('/contacts/1').times(4).replyWithError(netError('ECONNABORTED'));
    await assert.rejects(client().request(get), /no answer within \d+ ms; retries exhausted\) in getContact/);
    scope.done();
    assert.deepEqual(sleeps, [750, 1_500, 3_000]);
  });

  it('maps an HTML 504 body to a readable error', async () => {
    nock(TEST_BASE_URL).post('/contacts').reply(504, '<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>', { 'Content-Type': 'text/html' });
    await assert.rejects(client().request(create), /Intercom 504 server_error: 504 Gateway Time-out \(HTML response\); not retried because the request may have been applied in createContact/);
  });

  it('maps an empty error body', async () => {
    nock(TEST_BASE_URL).post('/contacts').reply(502, '');
    await assert.rejects(client().request(create), /Intercom 502 server_error: empty response body; not retried because the request may have been applied in createContact/);
  });

  it('names the contact a 410 contact_merged points to', async () => {
    nock(TEST_BASE_URL)
      .get('/contacts/1')
      .reply(410, { type: 'error.list', request_id: 'req-410', errors: [{ code: 'contact_merged', message: 'Contact has been merged' }] }, { Link: '</contacts/6543abc>; rel="canonical"' });
    await assert.rejects(client().request(get), (error: unknown) => {
      assert.ok(error instanceof IntercomApiError);
      assert.equal(error.mergedInto, '6543abc');
      assert.match(error.message, /Intercom 410 contact_merged: Contact has been merged; the contact was merged into contact 6543abc \(request_id req-410\) in getContact/);
      return true;
    });
  });

  it('treats a 2xx with truncated JSON as an error instead of emitting a string', async () => {
    nock(TEST_BASE_URL).post('/contacts').reply(200, '{"type":"contact","id":', { 'Content-Type': 'application/json' });
    await assert.rejects(client().request(create), /Intercom 200 malformed_response: Intercom answered 200 with a body that is not valid JSON \(application\/json\) in createContact/);
  });

  it('asks again when a read came back with truncated JSON', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').reply(200, '{"type":"contact","id":', { 'Content-Type': 'application/json' }).get('/contacts/1').reply(200, { id: '1' });
    const response = await client().request(get);
    assert.deepEqual(response.data, { id: '1' });
    assert.equal(sleeps.length, 1);
  });

  it('slows down before the window is used up when X-RateLimit-Remaining runs low', async () => {
    const now = 1_700_000_000_000;
    settings.now = () => now;
    const headers = { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '4', 'X-RateLimit-Reset': String(now / 1000 + 5) };
    nock(TEST_BASE_URL).get('/contacts/1').twice().reply(200, {}, headers);
    await client().request(get);
    assert.equal(sleeps.length, 0);
    await client().request(get);
    assert.equal(sleeps.length, 1);
    assert.equal(sleeps[0], 1000); // 5 s left, 4 requests left: one every second
  });

  it('logs operation, method, path template, status, request_id and duration — never ids from the path or the token', async () => {
    nock(TEST_BASE_URL).get('/contacts/1').reply(200, { id: '1' }, { 'X-Request-Id': 'req-log-1' });
    await client().request(get);
    const line = logs.find((l) => l.includes('->'));
    assert.match(line ?? '', /^getContact GET \/contacts\/\{contact_id\} -> 200 request_id=req-log-1 \d+ ms$/);
    assert.ok(!logs.join('\n').includes(TOKEN));
  });
});
