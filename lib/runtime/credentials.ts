import { CREDENTIAL_FIELDS, OAUTH_TOKEN_FIELDS, OIH_SECRET_FIELDS, PLATFORM_SECRET_FIELDS } from '../catalogue/fields';
import { REGION_HOSTS, type Region } from './constants';
import { configText } from './configValues';
import { ConfigurationError, IntercomApiError } from './errors';
import type { Logger } from './logger';
import { readSecretToken, refreshSecretToken } from './platformSecrets';
import { registerSecret } from './redact';

export type RegionSetting = Region | 'auto';

/**
 * The sign-in a configuration uses, in the order they are looked for:
 * - `platformSecret`: elastic.io auth-client OAuth; cfg names the platform secret, which holds the token;
 * - `oauth`: elastic.io's older OAuth form; the token is in cfg.oauth.access_token;
 * - `accessToken`: a pasted token, or an OIH OAuth2 secret (ferryman merges its `accessToken`);
 * - `oihApiKey`: an OIH API-key secret (ferryman merges its `key`).
 * Platform-managed sign-ins come first: the platform keeps them current, a pasted token may be a leftover.
 */
export type SignIn = 'platformSecret' | 'oauth' | 'accessToken' | 'oihApiKey';

export const SIGN_IN_LABELS: Record<SignIn, string> = {
  platformSecret: `elastic.io OAuth (auth client; token read from the platform secret in "${PLATFORM_SECRET_FIELDS.secretId}")`,
  oauth: `elastic.io OAuth (token in credential field "${CREDENTIAL_FIELDS.oauth}")`,
  accessToken: `access token (field "${CREDENTIAL_FIELDS.accessToken}": pasted, or from an OIH OAuth2 secret)`,
  oihApiKey: `OIH API-key secret (field "${OIH_SECRET_FIELDS.apiKey}")`,
};

export interface Credentials {
  signIn: SignIn;
  region: RegionSetting;
  /** Set only when the user overrides the regional hosts (proxy, tests, local sandbox). */
  baseUrl?: string;
  /** The token. For `platformSecret` it is read from the platform on first use and then kept for this message. */
  accessToken?: string;
  /** `platformSecret` only: the secret's id. */
  secretId?: string;
  /** Set once the platform refreshed the secret for this message: a message asks for one refresh at most. */
  refreshed?: boolean;
}

const REGION_SETTINGS: readonly RegionSetting[] = ['auto', ...(Object.keys(REGION_HOSTS) as Region[])];

/**
 * Reads the credential fields from the step configuration (one object per message). Only the secret form leaves
 * the token to be read later, by `accessTokenOf`: everything else is known, and checked, before any request.
 */
export function readCredentials(cfg: unknown): Credentials {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const credentials = signInOf(config) as Credentials;
  credentials.region = readRegion(config);
  const rawBaseUrl = configText(config[CREDENTIAL_FIELDS.baseUrl], LABELS.baseUrl);
  if (rawBaseUrl) credentials.baseUrl = checkedBaseUrl(rawBaseUrl);
  return credentials;
}

/** How errors name the fields read for every message (made once, not per message). */
const LABELS = {
  baseUrl: `Credential field "${CREDENTIAL_FIELDS.baseUrl}"`,
  accessToken: `Credential field "${CREDENTIAL_FIELDS.accessToken}"`,
  region: `Credential field "${CREDENTIAL_FIELDS.region}"`,
  apiKey: `The OIH secret field "${OIH_SECRET_FIELDS.apiKey}"`,
} as const;

function signInOf(config: Record<string, unknown>): Pick<Credentials, 'signIn' | 'accessToken' | 'secretId'> {
  const secretId = config[PLATFORM_SECRET_FIELDS.secretId];
  if (isGiven(secretId)) {
    if (typeof secretId !== 'string') {
      throw new ConfigurationError(`Credential field "${PLATFORM_SECRET_FIELDS.secretId}" must be the id of an elastic.io secret (text); got ${typeof secretId}`);
    }
    return { signIn: 'platformSecret', secretId: secretId.trim() };
  }
  const oauth = config[CREDENTIAL_FIELDS.oauth];
  if (isGiven(oauth)) {
    const field = `${CREDENTIAL_FIELDS.oauth}.${OAUTH_TOKEN_FIELDS.accessToken}`;
    if (typeof oauth !== 'object' || oauth === null || Array.isArray(oauth)) {
      throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.oauth}" must hold the tokens the platform stored when you signed in with Intercom; sign in again`);
    }
    const tokens = oauth as Record<string, unknown>;
    const token = firstString(tokens[OAUTH_TOKEN_FIELDS.accessToken]);
    if (!token) throw new ConfigurationError(`Credential field "${field}" is empty: sign in with Intercom again`);
    registerSecret(firstString(tokens[OAUTH_TOKEN_FIELDS.refreshToken]));
    return { signIn: 'oauth', accessToken: secretToken(token) };
  }
  // A value of the wrong type is an error naming its field, not "no token" (nor another sign-in taking over).
  const pasted = configText(config[CREDENTIAL_FIELDS.accessToken], LABELS.accessToken);
  if (pasted) {
    registerSecret(firstString(config[OIH_SECRET_FIELDS.oauthRefreshToken]));
    return { signIn: 'accessToken', accessToken: secretToken(pasted) };
  }
  const apiKey = configText(config[OIH_SECRET_FIELDS.apiKey], LABELS.apiKey);
  if (apiKey) return { signIn: 'oihApiKey', accessToken: secretToken(apiKey) };
  throw new ConfigurationError(
    `Credential field "${CREDENTIAL_FIELDS.accessToken}" is required: an Intercom access token (or sign in with Intercom through the credential field "${CREDENTIAL_FIELDS.oauth}")`,
  );
}

function readRegion(config: Record<string, unknown>): RegionSetting {
  // A region of the wrong type (5, ['us'], {}) is an error: read as "auto" it would send the token to three hosts.
  const rawRegion = configText(config[CREDENTIAL_FIELDS.region], LABELS.region)?.toLowerCase() ?? 'auto';
  if (!REGION_SETTINGS.includes(rawRegion as RegionSetting)) {
    throw new ConfigurationError(
      `Credential field "${CREDENTIAL_FIELDS.region}" must be one of ${REGION_SETTINGS.join(', ')}; got "${rawRegion}"`,
    );
  }
  return rawRegion as RegionSetting;
}

function secretToken(raw: string): string {
  const token = raw.trim();
  registerSecret(token);
  return token;
}

/** The token of these credentials; the secret form reads it from the platform once per message. */
export async function accessTokenOf(credentials: Credentials, logger: Logger): Promise<string> {
  if (credentials.accessToken) return credentials.accessToken;
  if (credentials.secretId === undefined) {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.accessToken}" is required: an Intercom access token`);
  }
  credentials.accessToken = await readSecretToken(credentials.secretId, logger);
  return credentials.accessToken;
}

/**
 * Runs `attempt` with the token. When Intercom refuses the token of a platform secret (401), the platform is
 * asked once per message to refresh it and `attempt` runs once more with the new token. A 401 means the request
 * was not applied, so repeating even a create is safe. Other forms have nothing to refresh: their 401 stands.
 */
export async function withTokenRefresh<T>(credentials: Credentials, logger: Logger, attempt: (token: string) => Promise<T>): Promise<T> {
  const token = await accessTokenOf(credentials, logger);
  try {
    return await attempt(token);
  } catch (error) {
    if (!(error instanceof IntercomApiError) || error.status !== 401 || credentials.secretId === undefined || credentials.refreshed) throw error;
    credentials.refreshed = true;
    logger.warn(`${error.operation}: Intercom refused the token of elastic.io secret ${credentials.secretId} (401); asking the platform to refresh it and trying once more`);
    // Intercom issues no refresh tokens: a platform without a newer token fails the refresh or hands back the old
    // one. Either way the user must sign in again, and Intercom's 401 (with its request_id) is the error to show.
    const refusal = (note: string): IntercomApiError => new IntercomApiError(error.status, error.errors, error.requestId, error.operation, error.mergedInto, note);
    let fresh: string;
    try {
      fresh = await refreshSecretToken(credentials.secretId, logger);
    } catch (refreshError) {
      throw refusal(`refreshing the platform secret failed (${refreshError instanceof Error ? refreshError.message : String(refreshError)}); sign in with Intercom again`);
    }
    if (fresh === token) throw refusal('the platform refreshed the secret but it holds the same token; sign in with Intercom again');
    credentials.accessToken = fresh;
    return attempt(fresh);
  }
}

let lastBaseUrl: { raw: string; checked: string } | undefined;

/** Every message of a step carries the same base URL: the last one accepted is not parsed again. */
function checkedBaseUrl(raw: string): string {
  if (lastBaseUrl?.raw === raw) return lastBaseUrl.checked;
  const checked = validateBaseUrl(raw);
  lastBaseUrl = { raw, checked };
  return checked;
}

/** Only https, or plain http to this machine: a token must never travel in clear text over a network. */
export function validateBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.baseUrl}" is not a valid URL`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.baseUrl}" must not contain a user name or password`);
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.baseUrl}" must not contain a query or fragment`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigurationError(
      `Credential field "${CREDENTIAL_FIELDS.baseUrl}" must use https:// (plain http:// is accepted only for a loopback host such as 127.0.0.1 or localhost); got host ${url.hostname}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.baseUrl}" must be an https:// URL`);
  }
  return url.toString().replace(/\/+$/, '');
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A credential field counts as given when it holds anything but nothing: absent, null and blank text are not. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}
