/**
 * The designer's web server (`intercom-component designer`): the page and its assets, and a small JSON API over
 * the component's functions. Loopback only by default; every request passes the guard (guard.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { UsageError } from '../cli/args';
import { errorMessage } from '../cli/runStep';
import { detailsOf, listFunctions, metaModel, selectOptions } from './functions';
import { guard as makeGuard, type Guard, newToken } from './guard';
import { encodeEvent, type RunEvent, Runs, StepFieldError } from './runs';

export interface DesignerOptions {
  host?: string;
  port?: number;
  /** Credentials the steps run with: the user's token, or the sandbox's. */
  connection: Record<string, unknown>;
  /** What the page says about where requests go ("the sandbox at …", "your Intercom workspace"). */
  target: string;
  sandbox: boolean;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface DesignerHandle {
  url: string;
  /** The page's address, token included: the only way in. */
  pageUrl: string;
  port: number;
  close(): Promise<void>;
}

const PAGE_DIR = join(COMPONENT_ROOT, 'tools', 'designer', 'page');
const SCRIPT_DIR = join(COMPONENT_ROOT, 'tools', 'dist', 'designer', 'page');
const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  // Everything the page loads comes from this server; nothing from a CDN, no inline script.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, redact: (text: string) => string): void {
  send(res, status, redact(JSON.stringify(value)), 'application/json; charset=utf-8');
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'the request body is larger than 1 MiB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, `${name} must be a JSON object`);
  return value as Record<string, unknown>;
}

function pageHtml(token: string): string {
  const html = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  // The token reaches the script through the page itself, not the address bar alone (a bookmark without it still
  // shows the refusal page, never the API).
  return html.replace('__DESIGNER_TOKEN__', token);
}

export async function startDesigner(options: DesignerOptions): Promise<DesignerHandle> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const runs = new Runs(options.connection);
  // The guard needs the port, known once listening; nothing is answered before it exists.
  const guards: Guard[] = [];
  const { redact } = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'redact.js')) as { redact: (text: string) => string };

  const api = async (req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> => {
    const method = req.method ?? 'GET';
    const [resource, key, action, name] = parts;
    if (resource === 'session' && method === 'GET' && parts.length === 1) {
      return sendJson(res, 200, { target: options.target, sandbox: options.sandbox }, redact);
    }
    if (resource !== 'functions') throw new HttpError(404, 'no such API');
    if (key === undefined && method === 'GET') return sendJson(res, 200, listFunctions(), redact);
    if (key === undefined) throw new HttpError(405, 'method not allowed');
    if (action === undefined && method === 'GET') return sendJson(res, 200, { ...detailsOf(key), snapshot: runs.snapshotOf(key) ?? null }, redact);
    if (action === 'snapshot' && method === 'DELETE') {
      runs.forget(key);
      return sendJson(res, 200, { snapshot: null }, redact);
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    const body = await readJson(req);
    const fields = objectOf(body['fields'], 'fields');
    // The request and page hooks belong to the run in progress: nothing else calls the workspace meanwhile.
    if (runs.running) throw new HttpError(409, 'a run is in progress; wait for it to end');
    const logs: RunEvent[] = [];
    const logger = runs.logger((event) => logs.push(event));
    if (action === 'select' && name !== undefined) {
      return sendJson(res, 200, { options: await selectOptions(key, name, runs.config(fields), logger) }, redact);
    }
    if (action === 'metadata') return sendJson(res, 200, await metaModel(key, runs.config(fields), logger), redact);
    if (action === 'run') {
      runs.config(fields);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      const emit = (event: RunEvent): void => {
        res.write(`event: ${event.type}\ndata: ${encodeEvent(event)}\n\n`);
      };
      try {
        await runs.run(key, body['input'] ?? {}, fields, emit);
      } catch (error) {
        emit({ type: 'error', message: errorMessage(error) });
        emit({ type: 'end', code: 1, ms: 0, dataMessages: 0, snapshotKept: false });
      }
      res.end();
      return;
    }
    throw new HttpError(404, 'no such API');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const need = path === '/' ? 'query' : path.startsWith('/api/') ? 'header' : 'none';
    const current = guards[0];
    const refused = current ? current.refuse(req, need) : 'the designer is starting';
    if (refused) return send(res, 403, refused, 'text/plain; charset=utf-8');
    try {
      if (path === '/' && req.method === 'GET') return send(res, 200, pageHtml(token), 'text/html; charset=utf-8');
      if (path === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
      if (path === '/assets/designer.css' && req.method === 'GET') return send(res, 200, readFileSync(join(PAGE_DIR, 'designer.css'), 'utf8'), 'text/css; charset=utf-8');
      const script = /^\/assets\/([a-z]+\.js)$/.exec(path)?.[1];
      if (script && req.method === 'GET' && existsSync(join(SCRIPT_DIR, script))) {
        return send(res, 200, readFileSync(join(SCRIPT_DIR, script), 'utf8'), 'text/javascript; charset=utf-8');
      }
      if (path.startsWith('/api/')) return await api(req, res, path.slice('/api/'.length).split('/').map(decodeURIComponent));
      send(res, 404, 'not found', 'text/plain; charset=utf-8');
    } catch (error) {
      const status = error instanceof HttpError ? error.status : error instanceof UsageError ? 404 : error instanceof StepFieldError ? 400 : 500;
      if (res.headersSent) {
        res.end();
        return;
      }
      sendJson(res, status, { error: errorMessage(error) }, redact);
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guards.push(makeGuard(token, port, host));
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    pageUrl: `${url}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
