/**
 * The sandbox's request and reply types, plus the two node:http chores: reading a body and writing a
 * reply (optionally cut short, for the truncated-JSON fault).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface SandboxRequest {
  readonly method: string;
  /** Path without the query string, not yet percent-decoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Path parameters of the matched route, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Parsed JSON body; undefined when the request had none. */
  readonly body: unknown;
  readonly token: string;
  readonly requestId: string;
  /** Origin clients reach the sandbox at; used to build `pages.next` links. */
  readonly baseUrl: string;
}

export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: Buffer | string; contentType: string; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> };

export function json(body: unknown, status = 200): Reply {
  return { kind: 'json', status, body };
}

export function empty(status = 200, headers?: Record<string, string>): Reply {
  return headers === undefined ? { kind: 'empty', status } : { kind: 'empty', status, headers };
}

/** Hard cap so a runaway client cannot exhaust memory; far above the 1 MB strings the bad-input suite sends. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? Buffer.alloc(0) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export interface WriteOptions {
  /** Send only the first half of the body (Content-Length matches what is sent, so the HTTP exchange is valid). */
  truncate?: boolean;
  extraHeaders?: Record<string, string>;
}

export function writeReply(res: ServerResponse, reply: Reply, options: WriteOptions = {}): void {
  const headers: Record<string, string> = { ...(options.extraHeaders ?? {}), ...(reply.headers ?? {}) };
  let payload: Buffer | undefined;
  if (reply.kind === 'json') {
    payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (reply.kind === 'raw') {
    payload = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    headers['Content-Type'] = reply.contentType;
  }
  if (payload !== undefined && options.truncate === true) payload = payload.subarray(0, Math.floor(payload.length / 2));
  if (payload !== undefined && reply.status !== 204 && reply.status !== 304) {
    headers['Content-Length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  } else {
    if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = '0';
    res.writeHead(reply.status, headers);
    res.end();
  }
}
