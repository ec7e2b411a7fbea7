import axios, { type AxiosResponse } from 'axios';
import { PLATFORM_SECRET_FIELDS } from '../catalogue/fields';
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

/** The access token the secret holds now. */
export function readSecretToken(secretId: string, logger: Logger): Promise<string> {
  return secretToken(secretId, 'GET', logger);
}

/** Asks the platform to refresh the secret and returns the token it then holds. */
export function refreshSecretToken(secretId: string, logger: Logger): Promise<string> {
  return secretToken(secretId, 'POST', logger);
}

async function secretToken(secretId: string, method: 'GET' | 'POST', logger: Logger): Promise<string> {
  const api = platformApi();
  const path = `/v2/workspaces/${encodeURIComponent(api.workspaceId)}/secrets/${encodeURIComponent(secretId)}${method === 'POST' ? '/refresh' : ''}`;
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
  const attributes = (response.data as { data?: { attributes?: { state?: unknown; credentials?: { access_token?: unknown } } } } | null)?.data?.attributes;
  const token = attributes?.credentials?.access_token;
  if (typeof token !== 'string' || token.trim() === '') {
    const state = typeof attributes?.state === 'string' ? ` (secret state: ${attributes.state})` : '';
    throw new PlatformSecretError('configuration', `elastic.io secret ${secretId} holds no access_token${state}: sign in with Intercom again`);
  }
  registerSecret(token.trim());
  return token.trim();
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
