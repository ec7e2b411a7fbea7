/**
 * Bearer-token and API-version checks, done before routing like Intercom's edge. A bad token never
 * reaches the rate limiter, so 401s carry no X-RateLimit headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { ApiError } from './errors';

/** The API version the component was generated from (its generated source record): the one served here. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(join(COMPONENT_ROOT, 'lib', 'generated', 'source.json'), 'utf8')) as { intercomApiVersion: string }
).intercomApiVersion;

/** The token from `Authorization: Bearer <token>`; the scheme name is case-insensitive (RFC 7235). */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^bearer +(\S+) *$/i.exec(header);
  return m?.[1];
}

export function checkToken(header: string | undefined, accepted: ReadonlySet<string> | undefined): string {
  const token = bearerToken(header);
  if (token === undefined || (accepted !== undefined && !accepted.has(token))) {
    throw new ApiError(401, 'unauthorized', 'Access Token Invalid');
  }
  return token;
}

export function checkVersion(header: string | undefined): void {
  if (header === undefined || header === API_VERSION) return;
  throw new ApiError(400, 'intercom_version_invalid', `Intercom-Version ${JSON.stringify(header.slice(0, 40))} is not served here; use ${API_VERSION}`);
}
