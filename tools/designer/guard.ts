/**
 * The designer can run actions with the user's token, so only the page it served may drive it:
 * - a random token per start, in the page's address and sent by the page with every API call as a header (another
 *   web page can neither read it nor set a custom header on a cross-site request without a preflight, which is
 *   never granted);
 * - the Host header must name the loopback address the server listens on (a DNS-rebinding page arrives under its
 *   own host name), and an Origin header, when present, must be that same origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-designer-token';

export interface Guard {
  readonly token: string;
  /** Why the request is refused, or undefined when it may proceed; `needsToken` for the page and the API. */
  refuse(req: IncomingMessage, needsToken: 'none' | 'query' | 'header'): string | undefined;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function guard(token: string, port: number, host: string): Guard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`]);
  return {
    token,
    refuse(req, needsToken) {
      const requestHost = req.headers.host ?? '';
      if (!hosts.has(requestHost.toLowerCase())) return `unknown host ${JSON.stringify(requestHost)}: open the address the designer printed`;
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) return 'requests from other sites are refused';
      if (needsToken === 'none') return undefined;
      let given: string | undefined;
      if (needsToken === 'query') given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? undefined;
      else {
        const header = req.headers[TOKEN_HEADER];
        given = typeof header === 'string' ? header : undefined;
      }
      if (given === undefined || !same(given, token)) return 'missing or wrong designer token: open the address the designer printed';
      return undefined;
    },
  };
}
