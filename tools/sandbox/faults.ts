/**
 * What an injected failure looks like on the wire. Intercom's edge answers some 5xx with an HTML page (a 504
 * "Gateway Time-out", say), the API itself with error.list JSON.
 * With `echoAuthorization` the error also quotes the request's credentials, as a misbehaving gateway or
 * debugging proxy might, so a client's redaction of what servers send back can be tested.
 */
import { errorList } from './errors';
import type { Reply } from './http';

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

const CODES: Readonly<Record<number, [string, string]>> = {
  400: ['bad_request', 'Bad request (injected by the sandbox)'],
  401: ['unauthorized', 'Access Token Invalid'],
  403: ['forbidden', 'Forbidden (injected by the sandbox)'],
  404: ['not_found', 'Resource Not Found'],
  408: ['request_timeout', 'Request timed out (injected by the sandbox)'],
  409: ['conflict', 'Conflict (injected by the sandbox)'],
  422: ['parameter_invalid', 'Unprocessable (injected by the sandbox)'],
  500: ['server_error', 'Server error (injected by the sandbox)'],
  502: ['server_error', 'Bad gateway (injected by the sandbox)'],
  503: ['service_unavailable', 'Service unavailable (injected by the sandbox)'],
  504: ['server_error', 'Gateway timeout (injected by the sandbox)'],
};

export function htmlErrorPage(status: number, echo?: string): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const detail = status === 504 ? "The server didn't respond in time." : 'The upstream service failed.';
  const quoted = echo === undefined ? '' : `<p>${escapeHtml(echo)}</p>\n`;
  return `<html><body><h1>${title}</h1>\n${detail}\n${quoted}</body></html>\n`;
}

/** The credentials of a request, quoted: `Authorization "<header>", token "<bearer token>"`. */
export function credentialEcho(authorization: string | undefined, token: string | undefined): string {
  if (authorization === undefined) return 'no Authorization header';
  return `Authorization "${authorization}"${token === undefined ? '' : `, token "${token}"`}`;
}

/**
 * The answer for an injected status. 429 gets the real rate-limit body; the server adds the headers.
 * `echo` (from credentialEcho) is appended to the error's message or the HTML page.
 */
export function faultReply(status: number, html: boolean, rateLimit: number, echo?: string): Reply {
  if (html && status >= 500) return { kind: 'raw', status, body: htmlErrorPage(status, echo), contentType: 'text/html' };
  const body = faultBody(status, rateLimit);
  return { kind: 'json', status, body: echo === undefined ? body : { ...body, message: `${body.message} (${echo})` } };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** request_id is filled in by the server, which owns the request's id. */
function faultBody(status: number, rateLimit: number): { code: string; message: string } {
  if (status === 429) return { code: 'rate_limit_exceeded', message: `Exceeded rate limit of ${rateLimit} in 10_seconds` };
  const known = CODES[status];
  if (known !== undefined) return { code: known[0], message: known[1] };
  return { code: status >= 500 ? 'server_error' : 'client_error', message: `Status ${status} (injected by the sandbox)` };
}

/** Wrap a fault body in error.list once the request id is known. */
export function withRequestId(reply: Reply, requestId: string): Reply {
  if (reply.kind !== 'json') return reply;
  const item = reply.body as { code: string; message: string };
  return { ...reply, body: errorList(requestId, [item]) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
