import axios, { type AxiosResponse } from 'axios';
import { CREDENTIAL_FIELDS, PLATFORM_SECRET_FIELDS } from '../catalogue/fields';
import { USER_AGENT } from './constants';
import { ComponentError, ConfigurationError, type ErrorKind } from './errors';
import type { Logger } from './logger';
import { afterFailure, freshTries, type RetryDecision, repeatableMethod, spend } from './retryPolicy';
import { registerSecret } from './redact';
import { settings } from './settings';

/**
 * elastic.io's secrets API, which holds the token of an auth-client credential: read it, or ask the platform to
 * refresh it. This is not Intercom: requests go to ELASTICIO_API_URI only, with the platform credentials the
 * sailor itself uses for that host (so they travel exactly where the sailor already sends them).
 */

/** The platform answered with an error or not at all; a 4xx is a configuration problem, the rest may pass. */
export class PlatformSecretError extends ComponentError {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const ENV = {
  apiUri: 'ELASTICIO_API_URI',
  username: 'ELASTICIO_API_USERNAME',
  apiKey: 'ELASTICIO_API_KEY',
  workspaceId: 'ELASTICIO_WORKSPACE_ID',
} as const;

interface PlatformApi {
  baseUrl: string;
  username: string;
  apiKey: string;
  workspaceId: string;
}

function platformApi(): PlatformApi {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) {
      throw new ConfigurationError(
        `Credential field "${PLATFORM_SECRET_FIELDS.secretId}" (elastic.io OAuth) needs the platform API, but the environment variable ${name} is not set`,
      );
    }
    return value;
  };
  const api = { baseUrl: read(ENV.apiUri).replace(/\/+$/, ''), username: read(ENV.username), apiKey: read(ENV.apiKey), workspaceId: read(ENV.workspaceId) };
  registerSecret(api.apiKey);
  return api;
}

/**
 * A secret id names one secret: exactly one path segment of `…/workspaces/{ws}/secrets/{id}`. `.` and `..` (the
 * secret list and the workspace itself, read with the platform's own credentials), slashes, `%` (encoded forms a
 * proxy may decode) and anything else outside the unreserved URL characters are refused before any request.
 * elastic.io's ids are 24 hexadecimal characters; the rule is looser than that but never names another resource.
 */
export function checkedSecretId(raw: string): string {
  const id = raw.trim();
  if (!/^[A-Za-z0-9._~-]{1,128}$/.test(id) || /^\.+$/.test(id)) {
    throw new ConfigurationError(
      `Credential field "${PLATFORM_SECRET_FIELDS.secretId}" must be the id of one elastic.io secret (letters, digits, "-", "_", "~" or ".", not "." or ".."); got ${JSON.stringify(id.slice(0, 80))}`,
    );
  }
  return id;
}

/**
 * The token a secret holds now, and whether the platform can refresh it:
 * - an `oauth2` secret (signed in with Intercom): `credentials.access_token`, refreshable;
 * - a `noauth` secret (an access token pasted into the credential): our credential field `accessToken`, which the
 *   platform keeps among the secret's credential fields (`credentials.fields`, or beside them); not refreshable.
 * Undefined when the secret holds neither (the caller may still have the pasted field from the step configuration).
 */
export interface SecretToken {
  token?: string;
  refreshable: boolean;
  /** The secret's state as the platform reports it (for the error when it holds no token). */
  state?: string;
}

export async function readSecretToken(secretId: string, logger: Logger): Promise<SecretToken> {
  const { credentials, state } = await secretCredentials(secretId, 'GET', logger);
  const oauth = tokenText(credentials['access_token']);
  if (oauth) return { token: oauth, refreshable: true, ...(state ? { state } : {}) };
  const fields = credentials['fields'];
  const pasted = tokenText(typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>)[CREDENTIAL_FIELDS.accessToken] : undefined) ?? tokenText(credentials[CREDENTIAL_FIELDS.accessToken]);
  return { ...(pasted ? { token: pasted } : {}), refreshable: false, ...(state ? { state } : {}) };
}

/** Asks the platform to refresh the secret and returns the OAuth token it then holds. */
export async function refreshSecretToken(secretId: string, logger: Logger): Promise<string> {
  const token = tokenText((await secretCredentials(secretId, 'POST', logger)).credentials['access_token']);
  if (!token) throw new PlatformSecretError('configuration', `elastic.io secret ${secretId} holds no access_token after the refresh: sign in with Intercom again`);
  return token;
}

/** A secret's text value, trimmed and registered for redaction; undefined when it is not a non-empty text. */
function tokenText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  registerSecret(value.trim());
  return value.trim();
}

/** The secret's `credentials` (and state), or a clear error when the platform answered with an error. */
async function secretCredentials(secretId: string, method: 'GET' | 'POST', logger: Logger): Promise<{ credentials: Record<string, unknown>; state?: string }> {
  const api = platformApi();
  const path = `/v2/workspaces/${encodeURIComponent(api.workspaceId)}/secrets/${encodeURIComponent(checkedSecretId(secretId))}${method === 'POST' ? '/refresh' : ''}`;
  const what = method === 'GET' ? `reading elastic.io secret ${secretId}` : `refreshing elastic.io secret ${secretId}`;
  const response = await send(api, method, path, what, logger);
  if (response.status >= 300) {
    const kind: ErrorKind = response.status >= 500 ? 'network' : 'configuration';
    const hint =
      response.status === 404
        ? `: no such secret in workspace ${api.workspaceId} (was the credential deleted?)`
        : response.status === 401 || response.status === 403
          ? ': the platform refused the component\'s own API credentials'
          : '';
    throw new PlatformSecretError(kind, `elastic.io answered ${response.status} when ${what}${hint}`);
  }
  const attributes = (response.data as { data?: { attributes?: { state?: unknown; credentials?: unknown } } } | null)?.data?.attributes;
  const credentials = attributes?.credentials;
  const state = typeof attributes?.state === 'string' ? attributes.state : undefined;
  return { credentials: typeof credentials === 'object' && credentials !== null && !Array.isArray(credentials) ? (credentials as Record<string, unknown>) : {}, ...(state ? { state } : {}) };
}

/**
 * One request to the platform, sent again as the retry policy says (retryPolicy.ts): the read (GET) after a
 * 408/5xx/429 or no answer; the refresh (POST) only when it provably never left, since the platform may have
 * acted on it. An answer that is not retried is returned for the caller to judge.
 */
async function send(api: PlatformApi, method: 'GET' | 'POST', path: string, what: string, logger: Logger): Promise<AxiosResponse> {
  const request = { idempotent: repeatableMethod(method) };
  const tries = freshTries();
  for (;;) {
    let decision: RetryDecision;
    try {
      const response = await axios.request({
        method,
        url: `${api.baseUrl}${path}`,
        auth: { username: api.username, password: api.apiKey },
        headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
        ...(method === 'POST' ? { data: {} } : {}),
        timeout: settings.timeoutMs,
        maxRedirects: 0,
        validateStatus: () => true,
      });
      logger.info(`${what}: elastic.io answered ${response.status}`);
      if (response.status < 300) return response;
      decision = afterFailure(request, { kind: 'answered', status: response.status, body: response.data, headers: response.headers as Record<string, string | undefined> }, tries);
      if (!decision.retry) return response;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'string' && code ? code : 'no response';
      logger.warn(`${what}: failed without a response (${reason})`);
      decision = afterFailure(request, { kind: 'noAnswer', code: reason }, tries);
      if (!decision.retry) throw new PlatformSecretError('network', `elastic.io did not answer when ${what} (${reason})`);
    }
    spend(tries, decision);
    await settings.sleep(decision.waitMs);
  }
}
