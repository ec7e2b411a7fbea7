import { IntercomApiError, RateLimitExhaustedError, type IntercomErrorDetail } from './errors';
import { redactValue } from './redact';

type Headers = Readonly<Record<string, string | undefined>>;

/** Turns any non-2xx answer into one IntercomApiError, whatever the body looks like. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  operation: string,
  exhaustedRateLimit = false,
  note?: string,
): IntercomApiError {
  const parsed = parseBody(body);
  // Details are kept on the error object too, so every field of them is scrubbed like its message.
  const errors = redactValue(parsed.errors.length > 0 ? parsed.errors : [fallbackDetail(status, body)]);
  const requestId = redactValue(parsed.requestId ?? headers['x-request-id']);
  const mergedInto = status === 410 ? redactValue(mergedContactId(headers['link'])) : undefined;
  const ErrorClass = exhaustedRateLimit ? RateLimitExhaustedError : IntercomApiError;
  return new ErrorClass(status, errors, requestId, operation, mergedInto, note);
}

function parseBody(body: unknown): { errors: IntercomErrorDetail[]; requestId?: string } {
  const value = typeof body === 'string' ? tryJson(body) : body;
  if (!isObject(value)) return { errors: [] };
  const requestId = typeof value['request_id'] === 'string' ? clip(value['request_id']) : undefined;
  const list = Array.isArray(value['errors']) ? value['errors'].slice(0, MAX_DETAILS) : [];
  const errors: IntercomErrorDetail[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    const detail: IntercomErrorDetail = {
      code: typeof item['code'] === 'string' ? clip(item['code']) : 'unknown',
      message: typeof item['message'] === 'string' ? clip(item['message']) : '',
    };
    if (typeof item['field'] === 'string') detail.field = clip(item['field']);
    errors.push(detail);
  }
  // Some gateways answer `{error: {code, message}}` or `{message}`; keep what they say.
  if (errors.length === 0 && isObject(value['error'])) {
    const e = value['error'];
    errors.push({ code: typeof e['code'] === 'string' ? clip(e['code']) : 'unknown', message: typeof e['message'] === 'string' ? clip(e['message']) : '' });
  } else if (errors.length === 0 && typeof value['message'] === 'string') {
    errors.push({ code: 'unknown', message: clip(value['message']) });
  }
  return requestId === undefined ? { errors } : { errors, requestId };
}

/** Non-JSON bodies (an HTML 504 from a gateway, an empty 502) still give a readable reason. */
function fallbackDetail(status: number, body: unknown): IntercomErrorDetail {
  const text = typeof body === 'string' ? body.trim() : '';
  if (!text) return { code: httpCode(status), message: 'empty response body' };
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1>([^<]*)<\/h1>/i.exec(text)?.[1];
  if (title) return { code: httpCode(status), message: `${title.trim()} (HTML response)` };
  return { code: httpCode(status), message: text.slice(0, 200) };
}

function httpCode(status: number): string {
  if (status === 429) return 'rate_limit_exceeded';
  if (status >= 500) return 'server_error';
  return 'http_error';
}

/** `Link: </contacts/6543>; rel="canonical"` names the contact a merged one now lives in. */
function mergedContactId(link: string | undefined): string | undefined {
  if (!link) return undefined;
  const match = /<[^>]*\/contacts\/([^>/?]+)[^>]*>/.exec(link);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** What is kept of an error body: the first 20 details, each text at most 1,000 characters. */
const MAX_DETAILS = 20;
const MAX_DETAIL_CHARS = 1_000;

function clip(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}… (${text.length - MAX_DETAIL_CHARS} more characters)` : text;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
