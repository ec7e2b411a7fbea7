/**
 * The retry policy on its own: every decision (request kind × failure kind) against a table written by hand from
 * Intercom's documented retry rules (../shared/guides/intercom-api.md §2.4) and the component's settings, not
 * from the code. No HTTP here; the client and the platform-secret reads are tested through it elsewhere.
 */
import assert from 'node:assert/strict';
import type { HttpMethod, PaginationStyle } from '../../../lib/catalogue/types';
import { IntercomApiError, NetworkError, RateLimitExhaustedError } from '../../../lib/runtime/errors';
import {
  afterFailure,
  backoffDelay,
  type Failure,
  freshTries,
  handBackToPlatform,
  isPendingJobLimit,
  repeatableMethod,
  repeatsPage,
  restartsWalk,
  type RetryDecision,
  spend,
  type Tries,
} from '../../../lib/runtime/retryPolicy';
import { settings } from '../../../lib/runtime/settings';
import { offlineRuntime } from '../../helpers/context';

/** The requests a flow sends, by method and by what the catalogue declares them to be. */
const REQUESTS = {
  'GET (a read)': { idempotent: true },
  'PUT (an update)': { idempotent: true },
  'DELETE': { idempotent: true },
  'POST (a create)': { idempotent: false },
  'PATCH': { idempotent: false },
  'POST declared idempotent (a search)': { idempotent: true },
} as const;
type RequestName = keyof typeof REQUESTS;

const windowBody = { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] };
const contentExportBody = { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 1 pending message data export jobs' }] };
const reportingExportBody = { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 5 pending reporting dataset export jobs' }] };
const answered = (status: number, body: unknown = { type: 'error.list', errors: [{ code: 'x', message: 'y' }] }): Failure => ({ kind: 'answered', status, body, headers: {} });

const FAILURES: Record<string, Failure> = {
  'refused connection (never sent)': { kind: 'noAnswer', code: 'ECONNREFUSED' },
  'unknown host (never sent)': { kind: 'noAnswer', code: 'ENOTFOUND' },
  'connection reset': { kind: 'noAnswer', code: 'ECONNRESET' },
  'no answer in time': { kind: 'noAnswer', code: 'ETIMEDOUT' },
  'a 2xx body cut off': { kind: 'cutOff' },
  '408': answered(408),
  '500': answered(500),
  '502 (HTML from a gateway)': answered(502, '<html><title>502 Bad Gateway</title></html>'),
  '503': answered(503),
  '504': answered(504),
  '429 of the window': answered(429, windowBody),
  '429 of pending content export jobs': answered(429, contentExportBody),
  '429 of pending reporting export jobs': answered(429, reportingExportBody),
  '400': answered(400),
  '401': answered(401),
  '403': answered(403),
  '404': answered(404),
  '409': answered(409),
  '410': answered(410),
  '422': answered(422),
};

/**
 * retry: sent again (backing off, or waiting for the window); fail: the answer stands; unsafe: failed and says it
 * may have been applied; later: handed back to the platform (rebound).
 */
type Outcome = 'retry' | 'retry (window)' | 'fail' | 'unsafe' | 'later';
const all = (outcome: Outcome): Record<RequestName, Outcome> => ({
  'GET (a read)': outcome,
  'PUT (an update)': outcome,
  'DELETE': outcome,
  'POST (a create)': outcome,
  'PATCH': outcome,
  'POST declared idempotent (a search)': outcome,
});
/** Repeated when the request may be; otherwise `otherwise`. */
const ifRepeatable = (otherwise: Outcome): Record<RequestName, Outcome> => ({ ...all('retry'), 'POST (a create)': otherwise, 'PATCH': otherwise });

const EXPECTED: Record<keyof typeof FAILURES, Record<RequestName, Outcome>> = {
  'refused connection (never sent)': all('retry'),
  'unknown host (never sent)': all('retry'),
  'connection reset': ifRepeatable('unsafe'),
  'no answer in time': ifRepeatable('unsafe'),
  'a 2xx body cut off': ifRepeatable('fail'),
  '408': ifRepeatable('unsafe'),
  '500': ifRepeatable('unsafe'),
  '502 (HTML from a gateway)': ifRepeatable('unsafe'),
  '503': ifRepeatable('unsafe'),
  '504': ifRepeatable('unsafe'),
  '429 of the window': all('retry (window)'),
  '429 of pending content export jobs': all('later'),
  '429 of pending reporting export jobs': all('later'),
  '400': all('fail'),
  '401': all('fail'),
  '403': all('fail'),
  '404': all('fail'),
  '409': all('fail'),
  '410': all('fail'),
  '422': all('fail'),
};

function outcomeOf(decision: RetryDecision): Outcome {
  if (decision.retry) return decision.spends === 'rateLimited' ? 'retry (window)' : 'retry';
  if (decision.rateLimited) return 'later';
  return decision.unsafeToRepeat ? 'unsafe' : 'fail';
}

describe('runtime: the retry policy', () => {
  offlineRuntime();

  describe('a first failure, by request and failure kind', () => {
    for (const [failureName, failure] of Object.entries(FAILURES)) {
      for (const [requestName, request] of Object.entries(REQUESTS) as Array<[RequestName, { idempotent: boolean }]>) {
        const expected = EXPECTED[failureName]?.[requestName];
        it(`${requestName}, ${failureName}: ${expected ?? '?'}`, () => {
          assert.equal(outcomeOf(afterFailure(request, failure, freshTries())), expected);
        });
      }
    }
  });

  it('which methods may be repeated when the operation declares nothing: GET, PUT, DELETE; not POST, PATCH', () => {
    const expected: Record<HttpMethod, boolean> = { GET: true, PUT: true, DELETE: true, POST: false, PATCH: false };
    for (const [method, repeatable] of Object.entries(expected)) assert.equal(repeatableMethod(method as HttpMethod), repeatable, method);
  });

  it('failures back off with equal jitter: 750, 1500, 3000 ms (base 1 s, random 0.5), capped by retryMaxMs', () => {
    assert.deepEqual([0, 1, 2].map(backoffDelay), [750, 1500, 3000]);
    // 2^5 s is above the 15 s cap: half of 15 s always, plus half of the other half.
    assert.equal(backoffDelay(5), 11_250);
    settings.random = () => 0;
    assert.equal(backoffDelay(0), 500, 'at least half of the ceiling is always waited');
    settings.random = () => 0.999_999;
    assert.ok(backoffDelay(0) < 1000, 'never more than the ceiling');
  });

  it('retries stop after maxRetries failures; the last one fails without "may have been applied"', () => {
    const tries: Tries = freshTries();
    const waits: number[] = [];
    for (;;) {
      const decision = afterFailure({ idempotent: true }, answered(503), tries);
      if (!decision.retry) {
        assert.equal(outcomeOf(decision), 'fail');
        break;
      }
      waits.push(decision.waitMs);
      spend(tries, decision);
    }
    assert.deepEqual(waits, [750, 1500, 3000]);
    assert.equal(tries.failures, settings.maxRetries);
  });

  it('failures of different kinds share one count: a reset, a 502 and a cut-off body, then the next failure stands', () => {
    const tries = freshTries();
    for (const failure of [FAILURES['connection reset'], FAILURES['502 (HTML from a gateway)'], FAILURES['a 2xx body cut off']] as Failure[]) {
      const decision = afterFailure({ idempotent: true }, failure, tries);
      assert.ok(decision.retry);
      spend(tries, decision);
    }
    assert.equal(outcomeOf(afterFailure({ idempotent: true }, answered(500), tries)), 'fail');
  });

  it('a 429 of the window waits until X-RateLimit-Reset plus up to 500 ms of jitter', () => {
    const now = 1_800_000_000_000;
    settings.now = () => now;
    const failure: Failure = { kind: 'answered', status: 429, body: windowBody, headers: { 'x-ratelimit-reset': String(now / 1000 + 4) } };
    const decision = afterFailure({ idempotent: false }, failure, freshTries());
    assert.deepEqual(decision, { retry: true, waitMs: 4_250, spends: 'rateLimited' });
  });

  it('429s without a reset back off 1250, 2250, 4250 ms; after maxRateLimitRetries the message goes back to the platform', () => {
    const tries = freshTries();
    const waits: number[] = [];
    for (;;) {
      const decision = afterFailure({ idempotent: true }, answered(429, windowBody), tries);
      if (!decision.retry) {
        assert.equal(outcomeOf(decision), 'later');
        break;
      }
      waits.push(decision.waitMs);
      spend(tries, decision);
    }
    assert.equal(waits.length, settings.maxRateLimitRetries);
    assert.deepEqual(waits.slice(0, 3), [1_250, 2_250, 4_250]);
    assert.equal(tries.failures, 0, '429s do not spend the failure retries');
  });

  it('a 429 waits no longer than what is left of the rate-limit budget, and not at all once it is spent', () => {
    const tries: Tries = { failures: 0, rateLimited: 0, rateLimitBudgetMs: 300 };
    assert.deepEqual(afterFailure({ idempotent: true }, answered(429, windowBody), tries), { retry: true, waitMs: 300, spends: 'rateLimited' });
    tries.rateLimitBudgetMs = 0;
    assert.equal(outcomeOf(afterFailure({ idempotent: true }, answered(429, windowBody), tries)), 'later');
  });

  it('pending export jobs are told by the error detail, not by the word "pending" anywhere in the body', () => {
    assert.equal(isPendingJobLimit(contentExportBody), true);
    assert.equal(isPendingJobLimit(reportingExportBody), true);
    assert.equal(isPendingJobLimit(windowBody), false);
    assert.equal(isPendingJobLimit({ ...windowBody, request_id: 'pending-7' }), false);
    assert.equal(isPendingJobLimit({ errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds; 3 exports pending' }] }), false);
    assert.equal(isPendingJobLimit({ errors: [{ code: 'conflict', message: 'Exceeded rate limit of 1 pending message data export jobs' }] }), false);
    assert.equal(isPendingJobLimit('Exceeded rate limit of 1 pending message data export jobs'), false, 'a body that is not Intercom\'s error list');
    assert.equal(isPendingJobLimit(null), false);
  });

  it('what goes back to the platform: a rate limit that outlasted the retries; no other error', () => {
    assert.equal(handBackToPlatform(new RateLimitExhaustedError(429, [], undefined, 'getContact')), true);
    assert.equal(handBackToPlatform(new IntercomApiError(429, [], undefined, 'getContact')), false);
    assert.equal(handBackToPlatform(new IntercomApiError(503, [], undefined, 'getContact')), false);
    assert.equal(handBackToPlatform(new NetworkError('getContact', 'ECONNRESET', 'reset')), false);
    assert.equal(handBackToPlatform(new Error('x')), false);
  });

  describe('paged walks', () => {
    const styles: PaginationStyle[] = ['cursor', 'searchBody', 'page', 'pageBody', 'scroll', 'nextCursor', 'whole'];

    it('a failed page is asked again as it was in every style but scroll', () => {
      const expected: Record<PaginationStyle, boolean> = { cursor: true, searchBody: true, page: true, pageBody: true, scroll: false, nextCursor: true, whole: true };
      for (const style of styles) assert.equal(repeatsPage(style), expected[style], style);
    });

    it('a scroll restarts from the top after a 5xx, at most twice; no other style or error restarts', () => {
      const serverError = new IntercomApiError(500, [], undefined, 'scrollCompanies');
      const unavailable = new IntercomApiError(503, [], undefined, 'scrollCompanies');
      const others = [new IntercomApiError(404, [], undefined, 'x'), new RateLimitExhaustedError(429, [], undefined, 'x'), new NetworkError('x', 'ECONNRESET', 'reset'), new Error('x')];
      for (const style of styles) {
        const scroll = style === 'scroll';
        assert.equal(restartsWalk(style, serverError, 0), scroll, `${style}, first 500`);
        assert.equal(restartsWalk(style, unavailable, 1), scroll, `${style}, second 503`);
        assert.equal(restartsWalk(style, serverError, 2), false, `${style}, third`);
        for (const error of others) assert.equal(restartsWalk(style, error, 0), false, `${style}, ${error.message}`);
      }
    });
  });
});
