import { CREDENTIAL_FIELDS, OIH_SECRET_FIELDS } from '../catalogue/fields';
import { REGION_HOSTS, type Region } from './constants';
import { ConfigurationError } from './errors';
import { registerSecret } from './redact';

export type RegionSetting = Region | 'auto';

export interface Credentials {
  accessToken: string;
  region: RegionSetting;
  /** Set only when the user overrides the regional hosts (proxy, tests, local sandbox). */
  baseUrl?: string;
}

const REGION_SETTINGS: readonly RegionSetting[] = ['auto', ...(Object.keys(REGION_HOSTS) as Region[])];

/**
 * Reads the credential fields from the step configuration. Under ferryman the secret's value is merged into
 * cfg, so an OIH API-key secret (`key`) is accepted as the token too.
 */
export function readCredentials(cfg: unknown): Credentials {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const token = firstString(config[CREDENTIAL_FIELDS.accessToken], config[OIH_SECRET_FIELDS.apiKey]);
  if (!token) {
    throw new ConfigurationError(`Credential field "${CREDENTIAL_FIELDS.accessToken}" is required: an Intercom access token`);
  }
  const accessToken = token.trim();
  registerSecret(accessToken);

  const rawRegion = firstString(config[CREDENTIAL_FIELDS.region])?.toLowerCase() ?? 'auto';
  if (!REGION_SETTINGS.includes(rawRegion as RegionSetting)) {
    throw new ConfigurationError(
      `Credential field "${CREDENTIAL_FIELDS.region}" must be one of ${REGION_SETTINGS.join(', ')}; got "${rawRegion}"`,
    );
  }
  const credentials: Credentials = { accessToken, region: rawRegion as RegionSetting };

  const rawBaseUrl = firstString(config[CREDENTIAL_FIELDS.baseUrl])?.trim();
  if (rawBaseUrl) credentials.baseUrl = checkedBaseUrl(rawBaseUrl);
  return credentials;
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

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}
