import { CREDENTIAL_FIELDS, OAUTH_TOKEN_FIELDS, OIH_SECRET_FIELDS, PLATFORM_SECRET_FIELDS } from '../catalogue/fields';
import { REGION_HOSTS, type Region } from './constants';
import { configSecret, configText } from './configValues';
import { ConfigurationError, IntercomApiError } from './errors';
import type { Logger } from './logger';
import { registerSecret } from './redact';

/** The platform's secret store is read only by steps that sign in with a platform secret: loaded by the first of them. */
const platformSecrets = (): typeof import('./platformSecrets') => require('./platformSecrets') as typeof import('./platformSecrets');

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
  platformSecret: `elastic.io auth-client secret (OAuth, or a No Auth credential's pasted token; read from the platform secret in "${PLATFORM_SECRET_FIELDS.secretId}")`,
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
  /** `platformSecret` only: the token came from an OAuth secret, which the platform can refresh. */
  refreshable?: boolean;
  /**
   * `platformSecret` only: the credential field `accessToken` as the step configuration holds it, used when the
   * secret itself holds no token (a No Auth credential whose fields the platform merged into cfg).
   */
  fieldToken?: string;
  /** Set once a refused token was re-read (and perhaps refreshed) for this message: one recovery per message. */
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

function signInOf(config: Record<string, unknown>): Pick<Credentials, 'signIn' | 'accessToken' | 'secretId' | 'fieldToken'> {
  const secretId = config[PLATFORM_SECRET_FIELDS.secretId];
  if (isGiven(secretId)) {
    if (typeof secretId !== 'string') {
      throw new ConfigurationError(`Credential field "${PLATFORM_SECRET_FIELDS.secretId}" must be the id of an elastic.io secret (text); got ${typeof secretId}`);
    }
    const fieldToken = configText(config[CREDENTIAL_FIELDS.accessToken], LABELS.accessToken);
    return { signIn: 'platformSecret', secretId: platformSecrets().checkedSecretId(secretId), ...(fieldToken ? { fieldToken: secretToken(fieldToken) } : {}) };
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
  const pasted = configSecret(config[CREDENTIAL_FIELDS.accessToken], LABELS.accessToken);
  if (pasted) {
    registerSecret(firstString(config[OIH_SECRET_FIELDS.oauthRefreshToken]));
    return { signIn: 'accessToken', accessToken: secretToken(pasted) };
  }
  const apiKey = configSecret(config[OIH_SECRET_FIELDS.apiKey], LABELS.apiKey);
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

/**
 * The token of these credentials. The secret form reads it from the platform once per message: an OAuth secret's
 * token, else the token field a No Auth secret keeps, else the credential field `accessToken` of the configuration.
 */
export async function accessTokenOf(credentials: Credentials, logger: Logger): Promise<string> {
  if (credentials.accessToken) return credentials.accessToken;
  const { secretId } = credentials;
  if (secretId === undefined) {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.accessToken}" is required: an Intercom access token`);
  }
  const read = await platformSecrets().readSecretToken(secretId, logger);
  const token = read.token ?? credentials.fieldToken;
  if (!token) {
    const state = read.state ? ` (secret state: ${read.state})` : '';
    throw new ConfigurationError(
      `elastic.io secret ${secretId} holds no access_token${state}: sign in with Intercom again (a No Auth credential: paste an access token into "${CREDENTIAL_FIELDS.accessToken}")`,
    );
  }
  credentials.accessToken = token;
  credentials.refreshable = read.token !== undefined && read.refreshable;
  return token;
}

/**
 * Runs `attempt` with the token. When Intercom refuses the token of a platform secret (401), the secret is read
 * again first: another replica, or a new sign-in, may have replaced the token meanwhile, and then that token is used
 * without asking for a refresh. Only when the secret still holds the refused token is the platform asked to refresh
 * it (an OAuth secret; a pasted token has nothing to refresh). `attempt` then runs once more, once per message. A
 * 401 means the request was not applied, so repeating even a create is safe. Other forms' 401 stands.
 */
export async function withTokenRefresh<T>(credentials: Credentials, logger: Logger, attempt: (token: string) => Promise<T>): Promise<T> {
  const token = await accessTokenOf(credentials, logger);
  try {
    return await attempt(token);
  } catch (error) {
    const { secretId } = credentials;
    if (!(error instanceof IntercomApiError) || error.status !== 401 || secretId === undefined || credentials.refreshed) throw error;
    credentials.refreshed = true;
    logger.warn(`${error.operation}: Intercom refused the token of elastic.io secret ${secretId} (401); reading the secret again`);
    // Intercom issues no refresh tokens: a platform without a newer token fails the refresh or hands back the old
    // one. Either way the user must sign in again, and Intercom's 401 (with its request_id) is the error to show.
    const refusal = (note: string): IntercomApiError => new IntercomApiError(error.status, error.errors, error.requestId, error.operation, error.mergedInto, note);
    let next: string;
    try {
      next = await newerToken(credentials, secretId, token, logger);
    } catch (platformError) {
      if (platformError instanceof NoNewerToken) throw refusal(platformError.message);
      throw refusal(`refreshing the platform secret failed (${platformError instanceof Error ? platformError.message : String(platformError)}); sign in with Intercom again`);
    }
    credentials.accessToken = next;
    return attempt(next);
  }
}

/** Why a refused token has no successor; becomes the note of Intercom's 401. */
class NoNewerToken extends Error {}

/** The token to try after `refused`: the secret's current one when it changed, else a refreshed one (OAuth only). */
async function newerToken(credentials: Credentials, secretId: string, refused: string, logger: Logger): Promise<string> {
  const reread = await platformSecrets().readSecretToken(secretId, logger);
  const current = reread.token ?? credentials.fieldToken;
  if (current && current !== refused) {
    logger.info(`elastic.io secret ${secretId} holds another token now (refreshed elsewhere); trying once more with it, no refresh asked`);
    credentials.refreshable = reread.token !== undefined && reread.refreshable;
    return current;
  }
  if (!(reread.token !== undefined && reread.refreshable)) {
    throw new NoNewerToken('the credential holds a pasted access token, which has nothing to refresh; put a valid one into the credential');
  }
  logger.warn(`elastic.io secret ${secretId} still holds the refused token; asking the platform to refresh it`);
  const fresh = await platformSecrets().refreshSecretToken(secretId, logger);
  if (fresh === refused) throw new NoNewerToken('the platform refreshed the secret but it holds the same token; sign in with Intercom again');
  return fresh;
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
