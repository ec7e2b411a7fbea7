import type { HttpMethod, PaginationStyle } from '../catalogue/types';
import { IntercomApiError, RateLimitExhaustedError, RetryLaterError } from './errors';
import { delayAfter429 } from './rateLimit';
import { settings } from './settings';

/**
 * The one retry policy: whether a failed request is sent again, and after how long. It is decided by what failed
 * (no answer, a body cut off in transit, a 408/5xx, a 429) and by what the request is (may it be repeated when it
 * may already have had its effect?). The Intercom client, the platform-secret reads and the paging walk all ask
 * here; none decides for itself.
 */

// ------------------------------------------------------------------------------------------ what a request is

/**
 * HTTP's idempotent methods: sending one of these twice has the effect of sending it once, so it may be repeated
 * after a failure that may have been applied. A POST or PATCH is repeated only where it is declared to be
 * idempotent (a catalogue operation's `idempotent`: searches, tagging by name; rawRequest's "read only").
 */
const REPEATABLE_METHODS: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

/** Whether a request of this method may be repeated, unless its operation declares otherwise. */
export function repeatableMethod(method: HttpMethod): boolean {
  return REPEATABLE_METHODS.has(method);
}

/** What the policy needs to know of a request. */
export interface Repeatable {
  /** May it be sent again after a failure that may have had its effect (the server may have applied it)? */
  idempotent: boolean;
}

// ------------------------------------------------------------------------------------------ what failed

/**
 * Network error codes that prove the request never reached the server (no connection was made): safe to send
 * again even for a create.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type Failure =
  /** No HTTP answer: `code` is the socket's (ECONNRESET, ETIMEDOUT, ECONNREFUSED …). */
  | { kind: 'noAnswer'; code: string }
  /**
   * A 2xx whose body is not what the operation answers: JSON cut off in transit, or a bare value. The request
   * did reach the server, so it is repeated only when it may be.
   */
  | { kind: 'cutOff' }
  /** An HTTP error answer; `body` parsed when it is JSON. */
  | { kind: 'answered'; status: number; body: unknown; headers: Readonly<Record<string, string | undefined>> };

/** 408 Request Timeout and every 5xx: the server may or may not have applied the request. */
function isServerFailure(status: number): boolean {
  return status === 408 || status >= 500;
}

/**
 * Intercom answers 429 `rate_limit_exceeded` for two different things. One is the 10-second window ("Exceeded
 * rate limit of 167 in 10_seconds"): wait for its reset and send again. The other is an export that cannot start
 * while earlier export jobs are pending; the 2.16 description words it "Exceeded rate limit of 1 pending message
 * data export jobs" (content export) and "Exceeded rate limit of 5 pending reporting dataset export jobs"
 * (reporting export). Waiting for the window does not help there: the pending job has to finish or be cancelled.
 * Only an error detail with that code and that wording counts; a body that merely mentions "pending" does not.
 */
const PENDING_EXPORT_JOBS = /^Exceeded rate limit of \d+ pending [\w ]*export jobs\b/i;

export function isPendingJobLimit(body: unknown): boolean {
  const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return false;
  return errors.some((error: unknown) => {
    const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
    return code === 'rate_limit_exceeded' && typeof message === 'string' && PENDING_EXPORT_JOBS.test(message.trim());
  });
}

// ------------------------------------------------------------------------------------------ the decision

/** The retries one request has spent so far; the policy reads them, the caller counts them. */
export interface Tries {
  /** Retries after a failure (no answer, cut-off body, 408/5xx). */
  failures: number;
  /** Retries after a 429 of the window. */
  rateLimited: number;
  /** What is left of the request's budget for rate-limit waits (pacing and 429s together), in ms. */
  rateLimitBudgetMs: number;
}

export function freshTries(): Tries {
  return { failures: 0, rateLimited: 0, rateLimitBudgetMs: settings.maxRateLimitWaitMs * (settings.maxRateLimitRetries + 1) };
}

export type RetryDecision =
  | {
      retry: true;
      waitMs: number;
      /** Which count the retry spends: `rateLimited` waits for the window, `failures` backs off. */
      spends: 'failures' | 'rateLimited';
    }
  | {
      retry: false;
      /**
       * The request was not repeated because it may already have had its effect (a create after a 5xx or a reset
       * connection); the error says so. False when retries ran out or the failure is never retried.
       */
      unsafeToRepeat: boolean;
      /** The platform should try the message again later (rebound) rather than fail the step (handBackToPlatform). */
      rateLimited: boolean;
    };

const FAIL: RetryDecision = { retry: false, unsafeToRepeat: false, rateLimited: false };

/**
 * Whether to send the request again, and after how long:
 * - no answer: retried when the request may be repeated or provably was never sent, up to maxRetries, backing off;
 * - a cut-off 2xx body: retried when the request may be repeated, up to maxRetries, backing off;
 * - 408 or 5xx: retried when the request may be repeated, up to maxRetries, backing off; otherwise it fails
 *   saying it may have been applied;
 * - 429 of the window: retried for every method (Intercom refused it, nothing was done), up to maxRateLimitRetries
 *   and within the rate-limit budget, waiting for the window's reset; then handed back to the platform;
 * - 429 of pending export jobs: not retried here (minutes, not seconds), handed back to the platform;
 * - anything else (400, 401, 403, 404, 409, 410, 422 …): the answer stands.
 */
export function afterFailure(request: Repeatable, failure: Failure, tries: Tries): RetryDecision {
  switch (failure.kind) {
    case 'noAnswer': {
      const repeatable = request.idempotent || NOT_SENT_CODES.has(failure.code);
      if (!repeatable) return { retry: false, unsafeToRepeat: true, rateLimited: false };
      return tries.failures < settings.maxRetries ? backOff(tries) : FAIL;
    }
    case 'cutOff':
      return request.idempotent && tries.failures < settings.maxRetries ? backOff(tries) : FAIL;
    case 'answered': {
      const { status } = failure;
      if (status === 429) {
        if (isPendingJobLimit(failure.body)) return { retry: false, unsafeToRepeat: false, rateLimited: true };
        if (tries.rateLimited < settings.maxRateLimitRetries && tries.rateLimitBudgetMs > 0) {
          return { retry: true, waitMs: Math.min(delayAfter429(failure.headers, tries.rateLimited), tries.rateLimitBudgetMs), spends: 'rateLimited' };
        }
        return { retry: false, unsafeToRepeat: false, rateLimited: true };
      }
      if (!isServerFailure(status)) return FAIL;
      if (!request.idempotent) return { retry: false, unsafeToRepeat: true, rateLimited: false };
      return tries.failures < settings.maxRetries ? backOff(tries) : FAIL;
    }
  }
}

/** Counts a retry the caller is about to make. */
export function spend(tries: Tries, decision: RetryDecision & { retry: true }): void {
  if (decision.spends === 'rateLimited') {
    tries.rateLimited++;
    tries.rateLimitBudgetMs -= decision.waitMs;
  } else {
    tries.failures++;
  }
}

/** The most retries a decision's kind allows, for "retry 2 of 3" in the logs. */
export function retryLimit(spends: 'failures' | 'rateLimited'): number {
  return spends === 'rateLimited' ? settings.maxRateLimitRetries : settings.maxRetries;
}

function backOff(tries: Tries): RetryDecision {
  return { retry: true, waitMs: backoffDelay(tries.failures), spends: 'failures' };
}

/**
 * Exponential backoff with equal jitter for failures: half of the ceiling (retryBaseMs doubling per retry, at most
 * retryMaxMs) is always waited, so a struggling server is not asked again at once, and the other half is random,
 * so replicas that failed together do not come back together.
 */
export function backoffDelay(retriesSoFar: number): number {
  const ceiling = Math.min(settings.retryBaseMs * 2 ** retriesSoFar, settings.retryMaxMs);
  return ceiling / 2 + settings.random() * (ceiling / 2);
}

/**
 * A failure the platform should try again later (elastic.io's rebound, ferryman's retry) instead of failing the
 * step: a 429 that outlasted the retries or waits for pending export jobs, and a step's own "not now" (a governed
 * delete that got no answer that counts, operation/deletes.ts). Nothing of it was applied.
 */
export function handBackToPlatform(error: unknown): error is RateLimitExhaustedError | RetryLaterError {
  return error instanceof RateLimitExhaustedError || error instanceof RetryLaterError;
}

// ------------------------------------------------------------------------------------------ paged walks

/**
 * How a failed page is tried again, per paging style. Every style repeats a failed page like any request of its
 * kind, except a scroll: Intercom keeps one `scroll_param` for the whole walk, and a 5xx on a scroll page means
 * the scroll broke on its side ("Please restart the scroll operation"): the page cannot be asked again with that
 * param, so the walk starts again from the top instead (at most twice); items read twice are then recognised by id.
 */
const PAGE_FAILURES: Readonly<Record<PaginationStyle, { repeatPage: boolean; restartsAfterServerError: number }>> = {
  cursor: { repeatPage: true, restartsAfterServerError: 0 },
  searchBody: { repeatPage: true, restartsAfterServerError: 0 },
  page: { repeatPage: true, restartsAfterServerError: 0 },
  pageBody: { repeatPage: true, restartsAfterServerError: 0 },
  nextCursor: { repeatPage: true, restartsAfterServerError: 0 },
  whole: { repeatPage: true, restartsAfterServerError: 0 },
  scroll: { repeatPage: false, restartsAfterServerError: 2 },
};

/** Whether a failed page of this style may be asked again as it was (else its request is not idempotent). */
export function repeatsPage(style: PaginationStyle): boolean {
  return PAGE_FAILURES[style].repeatPage;
}

/** Whether a walk of this style starts again from its first page after this error, having restarted `restartsSoFar` times. */
export function restartsWalk(style: PaginationStyle, error: unknown, restartsSoFar: number): boolean {
  return error instanceof IntercomApiError && error.status >= 500 && restartsSoFar < PAGE_FAILURES[style].restartsAfterServerError;
}
