import { randomUUID } from 'node:crypto';
import { LoopbackServer, type Reply, type SeenRequest } from './http';

export type { Reply, SeenRequest } from './http';

export type Handler = (req: SeenRequest, params: Record<string, string>) => Reply;

interface Route {
  method: string;
  pattern: string;
  match: RegExp;
  names: string[];
  handler: Handler;
}

/** Intercom's error body: `{type: 'error.list', request_id, errors: [{code, message}]}`. */
export function intercomError(status: number, code: string, message: string, requestId = `req_${randomUUID()}`): Reply {
  return {
    status,
    headers: { 'x-request-id': requestId },
    body: { type: 'error.list', request_id: requestId, errors: [{ code, message }] },
  };
}

/**
 * A scripted stand-in for api.intercom.io on loopback. Not a model of Intercom (a stateful sandbox lives in
 * lib/sandbox and is deliberately not used here): each test declares exactly the answers it needs, and every
 * request is recorded so tests can assert what the component sent, how often, and with which headers.
 *
 * Order of precedence per request: token check → "next N requests are 429" → one-shot scripted replies for the
 * route → the route's handler → 404 error.list.
 */
export class IntercomStandIn {
  readonly requests: SeenRequest[] = [];
  /** If set, any other bearer token gets Intercom's 401 `unauthorized`. */
  acceptedTokens: Set<string> | undefined;
  private routes: Route[] = [];
  private scripts = new Map<Route, Reply[]>();
  private rateLimited = 0;
  private rateLimitResetSeconds = 1;
  private server!: LoopbackServer;

  static async start(): Promise<IntercomStandIn> {
    const standIn = new IntercomStandIn();
    standIn.server = await LoopbackServer.start((req) => standIn.handle(req));
    return standIn;
  }

  get url(): string {
    return this.server.url;
  }

  /** Persistent answer for `METHOD /path/:param` (a later definition of the same route replaces it). */
  route(method: string, pattern: string, handler: Handler | Reply): this {
    const route = this.findOrAdd(method, pattern);
    route.handler = typeof handler === 'function' ? handler : () => handler;
    return this;
  }

  /** One-shot replies for a route, used in order before its persistent handler. */
  script(method: string, pattern: string, ...replies: Reply[]): this {
    const route = this.findOrAdd(method, pattern);
    this.scripts.set(route, [...(this.scripts.get(route) ?? []), ...replies]);
    return this;
  }

  /** The next `count` requests (any route) get 429 with X-RateLimit-* headers, like Intercom's per-app limit. */
  rateLimitNext(count: number, resetInSeconds = 1): this {
    this.rateLimited = count;
    this.rateLimitResetSeconds = resetInSeconds;
    return this;
  }

  /** Forget routes, scripts, rate limits, token rules and recorded requests (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.routes = [];
    this.scripts.clear();
    this.rateLimited = 0;
    this.acceptedTokens = undefined;
  }

  /** Requests seen for one method and exact path. */
  requestsFor(method: string, path: string): SeenRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private findOrAdd(method: string, pattern: string): Route {
    const existing = this.routes.find((r) => r.method === method && r.pattern === pattern);
    if (existing) return existing;
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((part) => (part.startsWith(':') ? (names.push(part.slice(1)), '([^/]+)') : escapeRegExp(part)))
      .join('/');
    const route: Route = { method, pattern, match: new RegExp(`^${source}$`), names, handler: notFound };
    this.routes.push(route);
    return route;
  }

  private handle(req: SeenRequest): Reply {
    this.requests.push(req);
    const token = /^Bearer (.+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    if (this.acceptedTokens && (!token || !this.acceptedTokens.has(token))) {
      return intercomError(401, 'unauthorized', 'Access Token Invalid');
    }
    if (this.rateLimited > 0) {
      this.rateLimited -= 1;
      const reset = Math.ceil(Date.now() / 1000) + this.rateLimitResetSeconds;
      const reply = intercomError(429, 'rate_limit_exceeded', 'Exceeded rate limit of 10000 in 60 seconds');
      reply.headers = {
        ...reply.headers,
        'x-ratelimit-limit': '10000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      };
      return reply;
    }
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const found = route.match.exec(req.path);
      if (!found) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
      const scripted = this.scripts.get(route)?.shift();
      return scripted ?? route.handler(req, params);
    }
    return notFound();
  }
}

function notFound(): Reply {
  return intercomError(404, 'not_found', 'Resource Not Found');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An Intercom contact as the API returns it (the fields the tests look at, plus a few realistic ones). */
export function contact(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'contact',
    id,
    workspace_id: 'ws_e2e',
    external_id: null,
    role: 'user',
    email: `${id}@example.com`,
    name: `Contact ${id}`,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    ...extra,
  };
}

/**
 * `GET /contacts` over a fixed list, cursor-paged like Intercom: `per_page` (default 50) and `starting_after`;
 * every page but the last has `pages.next.starting_after`.
 */
export function contactsPager(all: Array<Record<string, unknown>>): Handler {
  return (req) => {
    const perPage = Math.max(1, Number(req.query['per_page'] ?? 50));
    const cursor = req.query['starting_after'];
    const start = cursor ? Number(/^cursor-(\d+)$/.exec(cursor)?.[1] ?? NaN) : 0;
    if (Number.isNaN(start)) return intercomError(400, 'parameter_invalid', 'starting_after is invalid');
    const data = all.slice(start, start + perPage);
    const page = Math.floor(start / perPage) + 1;
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const next = start + perPage < all.length ? { page: page + 1, starting_after: `cursor-${start + perPage}` } : undefined;
    return {
      status: 200,
      body: {
        type: 'list',
        data,
        total_count: all.length,
        pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages, ...(next ? { next } : {}) },
      },
    };
  };
}
