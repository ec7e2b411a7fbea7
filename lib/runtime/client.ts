import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { INTERCOM_API_VERSION } from '../catalogue/apiVersion';
import type { HttpMethod, ResponseKind } from '../catalogue/types';
import { USER_AGENT } from './constants';
import { errorFromResponse } from './errorMapping';
import { LimitExceededError, NetworkError } from './errors';
import { debugLine, type Logger } from './logger';
import { reportRequest } from './progress';
import { delayBeforeRequest, observeRateLimit } from './rateLimit';
import { mentionsSecret, redactValue } from './redact';
import { MAX_REQUEST_ENV, serializedBody } from './requestSize';
import { afterFailure, freshTries, type RetryDecision, retryLimit, spend, type Tries } from './retryPolicy';
import { settings } from './settings';
import { Attempt, deadlineOf, type MessageDeadline, timeLeft, timeUp, watchedStream } from './timeLimits';

export type { HttpMethod } from '../catalogue/types';

export interface ApiRequest {
  /** Action key, for logs and error messages. */
  operation: string;
  method: HttpMethod;
  /** Path with parameters already encoded. */
  path: string;
  /** Path as declared (`/contacts/{contact_id}`), for logs: ids stay out of them. */
  pathTemplate: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Whether a 408/5xx/network failure may be retried (the request may already have had its effect): retryPolicy.ts. */
  idempotent: boolean;
  accept?: string;
  /** `stream` keeps large downloads out of memory; `redirect` returns a 3xx instead of following it. */
  responseType?: 'json' | 'text' | 'stream' | 'redirect';
  /** What the operation answers with (default `json`: a JSON body must then be an object or a list). */
  response?: ResponseKind;
}

export interface ApiResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
  requestId?: string;
}

export class IntercomClient {
  private readonly tokenKey: string;
  /** `proxy: false` for plain http (which credentials.ts allows only to this machine) while a proxy variable is set. */
  private readonly proxyOption: typeof NO_PROXY | undefined;

  constructor(
    private readonly http: AxiosInstance,
    readonly baseUrl: string,
    accessToken: string,
    private readonly logger: Logger,
  ) {
    this.tokenKey = tokenFingerprint(accessToken);
    // A client serves one message: the proxy variables are read once for it, not for every request (or page).
    this.proxyOption = baseUrl.startsWith('http:') && httpProxyConfigured() ? NO_PROXY : undefined;
  }

  /** A debug line of a caller (paging decisions), built only when debug lines are shown. */
  debug(build: () => string): void {
    debugLine(this.logger, build);
  }

  async request<T = unknown>(req: ApiRequest): Promise<ApiResponse<T>> {
    // Serialised once, here: an oversized body is an input error before anything is sent, and axios sends the bytes as they are.
    const payload = serializedBody(req.operation, req.body);
    // Whether and when to send again is retryPolicy.ts's to decide; this loop counts, logs and waits.
    const tries = freshTries();
    let waitedFor429 = false;
    for (;;) {
      // Right after waiting out a 429 the window has been waited for already: no second wait for the same reset.
      // Pacing spends the same budget as 429 waits: every rate-limit wait of the request together stays within it.
      const pause = waitedFor429 ? 0 : Math.min(delayBeforeRequest(this.tokenKey), tries.rateLimitBudgetMs);
      waitedFor429 = false;
      if (pause > 0) {
        this.logger.info(`${req.operation}: rate-limit window nearly used up, waiting ${Math.round(pause)} ms`);
        tries.rateLimitBudgetMs -= pause;
        await pauseWithin(this.logger, pause);
      }
      const started = settings.now();
      const deadline = deadlineOf(this.logger);
      const left = timeLeft(deadline, started);
      if (left <= 0) throw timeUp(deadline);
      const attempt = new Attempt(Math.min(settings.timeoutMs, left));
      debugLine(this.logger, () => `${req.operation} request: ${requestSummary(req, payload?.length)}${tries.failures + tries.rateLimited > 0 ? ` (attempt ${tries.failures + tries.rateLimited + 1})` : ''}`);
      let response: AxiosResponse;
      try {
        response = await this.http.request({
          method: req.method,
          url: req.path,
          params: req.query,
          data: payload,
          // application/json is the instance's default; only an operation answering text or CSV names its own (a
          // headers object per request made axios merge and normalise every header twice).
          ...(req.accept === undefined ? undefined : { headers: { Accept: req.accept } }),
          responseType: req.responseType === 'stream' ? 'stream' : 'text',
          // The one bound of an attempt is `attempt`, its wall clock cut to the message's time left. No axios timeout
          // beside it: that one times an idle socket, so it could never end an attempt sooner, and it cost a request
          // timer and a socket timer per request. A streamed body is watched for stalls by watchedStream.
          signal: attempt.signal,
          // A buffered answer is cut off at this size; a stream is not buffered (a download is read row by row).
          maxContentLength: req.responseType === 'stream' ? -1 : settings.maxResponseBytes,
          maxBodyLength: settings.maxRequestBytes,
          ...this.proxyOption,
        });
      } catch (error) {
        attempt.end();
        // Cut short because the message's time ran out, not by the attempt's own bound.
        if (attempt.timedOut && left < settings.timeoutMs) throw timeUp(deadline);
        if (isSizeLimit(error) && /maxBodyLength/.test(error instanceof Error ? error.message : '')) {
          throw new LimitExceededError(`${req.operation}: the request body is larger than ${settings.maxRequestBytes} bytes (${MAX_REQUEST_ENV}); send less in one request`);
        }
        if (isSizeLimit(error)) {
          throw new LimitExceededError(
            `${req.operation}: the answer is larger than ${settings.maxResponseBytes} bytes (INTERCOM_MAX_RESPONSE_BYTES), the most read into memory; ask for less (a smaller page size or fewer fields)`,
          );
        }
        const code = attempt.timedOut ? 'ETIMEDOUT' : errorCode(error);
        reportRequest(req, 0, undefined, settings.now() - started, code);
        const decision = afterFailure(req, { kind: 'noAnswer', code }, tries);
        this.logger.warn(
          `${req.operation} ${req.method} ${req.pathTemplate} failed without response: ${code} after ${settings.now() - started} ms` +
            (decision.retry ? `; ${retryNote(decision, tries)}` : ''),
        );
        if (decision.retry) {
          await this.retryAfter(decision, tries);
          continue;
        }
        throw new NetworkError(req.operation, code, describeNetworkError(code, !decision.unsafeToRepeat, attempt.ms), hostOf(this.baseUrl));
      }
      // A buffered answer has fully arrived here; a streamed body is watched for stalls from now on instead.
      attempt.end();

      const headers = flatHeaders(response.headers);
      observeRateLimit(this.tokenKey, headers);
      const status = response.status;
      const ok = status < 300 || (req.responseType === 'redirect' && status < 400);
      const data: unknown =
        ok && req.responseType === 'stream'
          ? watchedStream(response.data as Readable, settings.streamIdleMs, deadline, () => settings.now(), () => new NetworkError(req.operation, 'ETIMEDOUT', `the download stalled: no data for ${settings.streamIdleMs} ms (INTERCOM_STREAM_IDLE_MS)`, hostOf(this.baseUrl)))
          : typeof response.data === 'string'
            ? response.data
            : await bodyText(response.data);
      // Parsed once: the request_id, the success value and the error details all come from the same parse.
      const json = typeof data === 'string' ? parseJson(data) : undefined;
      const requestId = headers['x-request-id'] ?? requestIdOf(json === undefined ? data : json.value);
      this.logger.info(
        `${req.operation} ${req.method} ${req.pathTemplate} -> ${status}${requestId ? ` request_id=${requestId}` : ''} ${settings.now() - started} ms`,
      );
      debugLine(this.logger, () => `${req.operation} response: ${responseSummary(status, headers, data)}`);
      reportRequest(req, status, requestId, settings.now() - started);
      if (ok) {
        let parsed: unknown;
        try {
          parsed = req.responseType === 'stream' ? data : parseSuccessBody(data, json, req, status, headers);
        } catch (error) {
          const decision = afterFailure(req, { kind: 'cutOff' }, tries);
          if (decision.retry) {
            this.logger.warn(`${req.operation}: the response body was cut off in transit; ${retryNote(decision, tries)}`);
            await this.retryAfter(decision, tries);
            continue;
          }
          throw error;
        }
        // An answer that echoes a known secret (the token in a webhook URL, an integration's settings) is emitted scrubbed.
        if (typeof data === 'string' && mentionsSecret(data)) {
          parsed = redactValue(parsed);
          this.logger.warn(`${req.operation}: Intercom's answer contained a secret of this step; it was replaced by *** before emitting`);
        }
        return requestId === undefined
          ? { status, data: parsed as T, headers }
          : { status, data: parsed as T, headers, requestId };
      }
      const body = json?.ok ? json.value : data;
      const decision = afterFailure(req, { kind: 'answered', status, body, headers }, tries);
      if (decision.retry) {
        this.logger.warn(
          decision.spends === 'rateLimited'
            ? `${req.operation}: Intercom rate limit reached; ${retryNote(decision, tries)}`
            : `${req.operation}: Intercom answered ${status}${requestId ? ` (request_id ${requestId})` : ''}; ${retryNote(decision, tries)}`,
        );
        await this.retryAfter(decision, tries);
        waitedFor429 = decision.spends === 'rateLimited';
        continue;
      }
      throw errorFromResponse(status, body, headers, req.operation, decision.rateLimited, decision.unsafeToRepeat ? 'not retried because the request may have been applied' : undefined);
    }
  }

  private async retryAfter(decision: RetryDecision & { retry: true }, tries: Tries): Promise<void> {
    spend(tries, decision);
    await pauseWithin(this.logger, decision.waitMs);
  }
}

/**
 * One line for a request as sent, for debugging: method, path and query as they go on the wire, the body's size and
 * top-level field names (never its values, which may hold personal data); the token travels in a header, not here.
 */
export function requestSummary(req: ApiRequest, bodyBytes?: number): string {
  const query = req.query && Object.keys(req.query).length > 0 ? `?${new URLSearchParams(req.query).toString()}` : '';
  let body = '';
  if (req.body !== undefined) {
    // The size of the bytes sent, when the caller has them: serialising the body a second time per request cost more
    // than the rest of the line.
    const bytes = bodyBytes ?? Buffer.byteLength(JSON.stringify(req.body) ?? '');
    const fields = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? Object.keys(req.body) : [];
    body = `, body ${bytes} bytes${fields.length > 0 ? ` with ${fields.join(', ')}` : ''}`;
  }
  return `${req.method} ${req.path}${query}${body}${req.idempotent ? '' : ' (not repeated after a failure: it may have been applied)'}`;
}

/** One line for an answer, for debugging: status, type and size, and what is left of the rate-limit window. */
function responseSummary(status: number, headers: Record<string, string | undefined>, data: unknown): string {
  const size = typeof data === 'string' ? `${Buffer.byteLength(data)} bytes` : 'streamed';
  const remaining = headers['x-ratelimit-remaining'];
  const window = remaining !== undefined ? `, rate limit ${remaining} of ${headers['x-ratelimit-limit'] ?? '?'} left in this window` : '';
  return `${status} ${headers['content-type'] ?? 'no content type'}, ${size}${window}`;
}

/**
 * Plain http goes only to this machine (credentials.ts) and never to a proxy, where the token would travel in clear
 * text; https follows HTTPS_PROXY/NO_PROXY through a CONNECT tunnel, so a proxy sees the host name only. axios reads
 * the proxy variables itself, so `proxy: false` is given only while one of them is set: with it, axios
 * hangs on each request a redirect hook that closes over the whole request, and a young-generation GC then kept the
 * answers of every request since the last one alive and moved them to the old generation (paging 300,000 contacts
 * over loopback: 5.6 MB of page texts promoted per GC, about 12 MB more RSS).
 */
const NO_PROXY = { proxy: false } as const;

function httpProxyConfigured(): boolean {
  const env = process.env;
  return Boolean(env['http_proxy'] || env['HTTP_PROXY'] || env['all_proxy'] || env['ALL_PROXY']);
}

/** A wait between attempts; one that would outlast the message ends it now instead of at the deadline. */
async function pauseWithin(scope: Logger, ms: number): Promise<void> {
  const deadline: MessageDeadline | undefined = deadlineOf(scope);
  if (ms >= timeLeft(deadline, settings.now())) throw timeUp(deadline);
  await settings.sleep(ms);
}

/** axios's message when a body passes maxContentLength or maxBodyLength. */
function isSizeLimit(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /maxContentLength|maxBodyLength/.test(message);
}

let lastFingerprint: { token: string; fingerprint: string } | undefined;

/** Stable, non-reversible key for per-token caches, so the token itself is never a map key in a heap dump. */
export function tokenFingerprint(token: string): string {
  // Every call needs it three times (region cache, HTTP instance, rate-limit state) for the same token:
  // the last answer is remembered (the token is held by its HTTP instance's headers anyway).
  if (lastFingerprint?.token === token) return lastFingerprint.fingerprint;
  const fingerprint = createHash('sha256').update(token).digest('hex').slice(0, 32);
  lastFingerprint = { token, fingerprint };
  return fingerprint;
}

const instances = new Map<string, AxiosInstance>();
const MAX_INSTANCES = 50;

/** One keep-alive axios instance per token and host, reused by every message of the process. */
export function httpFor(baseUrl: string, accessToken: string): AxiosInstance {
  const key = `${tokenFingerprint(accessToken)} ${baseUrl}`;
  const existing = instances.get(key);
  if (existing) return existing;
  if (instances.size >= MAX_INSTANCES) {
    const oldest = instances.keys().next().value;
    if (oldest !== undefined) instances.delete(oldest);
  }
  const instance = axios.create({
    baseURL: baseUrl,
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    validateStatus: () => true,
    // Intercom's JSON operations do not redirect; the one that does (a call recording) is reported, not followed.
    // Without redirects axios also skips its follow-redirects wrapper, the costliest part of a call.
    maxRedirects: 0,
    transformResponse: [(data: unknown) => data],
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'Intercom-Version': INTERCOM_API_VERSION,
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
  });
  instances.set(key, instance);
  return instance;
}

type Parsed = { ok: true; value: unknown } | { ok: false; value: string };

/** A body as JSON when it is JSON; otherwise the text itself (`ok: false`). */
function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: text };
  }
}

function parseSuccessBody(data: unknown, json: Parsed | undefined, req: ApiRequest, status: number, headers: Record<string, string | undefined>): unknown {
  if (req.responseType === 'text' || req.responseType === 'redirect') return data;
  // No body at all (204, 202) is undefined; a body that says `null` stays null, for the caller to judge.
  if (typeof data !== 'string' || data.trim() === '') return undefined;
  if (json?.ok) {
    // JSON null or a bare string, number or boolean is not the object a JSON operation answers with: emitting it as
    // a success would hand the flow nothing to map.
    const value = json.value;
    if ((req.response ?? 'json') === 'json' && (typeof value !== 'object' || value === null)) {
      throw errorFromResponse(status, { errors: [{ code: 'unexpected_response', message: `Intercom answered ${status} with ${value === null ? 'null' : `a bare ${typeof value}`} where this operation returns an object` }] }, headers, req.operation);
    }
    return value;
  }
  // A 2xx whose JSON is cut off is not a success the flow can use; say so rather than emit a string.
  throw errorFromResponse(status, { errors: [{ code: 'malformed_response', message: `Intercom answered ${status} with a body that is not valid JSON (${headers['content-type'] ?? 'no content type'})` }] }, headers, req.operation);
}

async function bodyText(data: unknown): Promise<unknown> {
  if (data instanceof Readable) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of data) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size <= 65_536) chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  return data;
}

function flatHeaders(raw: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  // Keys, not entries: entries made two arrays per header of every response.
  const headers = raw as Record<string, unknown>;
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function requestIdOf(parsed: unknown): string | undefined {
  if (typeof parsed === 'object' && parsed !== null && 'request_id' in parsed) {
    const id = parsed.request_id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : 'ERR_NETWORK';
}

function describeNetworkError(code: string, retried: boolean, timeoutMs: number): string {
  const what =
    code === 'ECONNABORTED' || code === 'ETIMEDOUT'
      ? `no answer within ${timeoutMs} ms`
      : code === 'ECONNRESET'
        ? 'the connection was reset'
        : code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : 'the request could not be completed';
  return retried ? `${what}; retries exhausted` : `${what}; not retried because the request may have been applied`;
}

/** "retrying in 1200 ms (retry 1 of 3)": every retry says why in the line before it, with its wait. */
function retryNote(decision: RetryDecision & { retry: true }, tries: Tries): string {
  return `retrying in ${Math.round(decision.waitMs)} ms (retry ${tries[decision.spends] + 1} of ${retryLimit(decision.spends)})`;
}

/** The host of a base URL, for messages (never the path or query, which a proxy URL might carry secrets in). */
function hostOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).host;
  } catch {
    return undefined;
  }
}
