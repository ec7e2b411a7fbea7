import { REGION_HOSTS, type Region } from './constants';
import { IntercomClient, httpFor, tokenFingerprint, type ApiRequest, type ApiResponse } from './client';
import { type Credentials, withTokenRefresh } from './credentials';
import { IntercomApiError } from './errors';
import type { Logger } from './logger';

/** The `/me` answer: the admin behind the token and its workspace. */
export interface Identity {
  id?: string;
  email?: string;
  app?: { id_code?: string; region?: string; timezone?: string; name?: string };
  [key: string]: unknown;
}

interface Resolved {
  baseUrl: string;
  identity?: Identity;
}

/** Region (and `/me`) found per token, so `auto` costs one lookup per process, not per message. */
const resolvedByToken = new Map<string, Resolved>();
const AUTO_ORDER: readonly Region[] = ['us', 'eu', 'au'];

/**
 * A client bound to the right host: the explicit base URL, the chosen region, or the one `/me` accepts. For a
 * token held in a platform secret, a 401 (during detection or any later request) refreshes it once per message.
 */
export async function clientFor(credentials: Credentials, logger: Logger): Promise<IntercomClient> {
  const known = knownClientFor(credentials, logger);
  if (known) return known;
  const clientWith = async (token: string): Promise<IntercomClient> => {
    const { baseUrl } = await resolve(credentials, token, logger);
    return new IntercomClient(httpFor(baseUrl, token), baseUrl, token, logger);
  };
  const client = await withTokenRefresh(credentials, logger, clientWith);
  const current = credentials.accessToken;
  if (credentials.secretId === undefined || current === undefined) return client;
  return new RefreshingClient(client, current, credentials, logger, clientWith);
}

/**
 * The client of every message after the first of a token read from the step, without waiting: its host is known and
 * there is nothing to refresh, so no detour through withTokenRefresh and resolve (three async frames per call), and a
 * caller that has it need not await clientFor (one more). Undefined when clientFor has work to do.
 */
export function knownClientFor(credentials: Credentials, logger: Logger): IntercomClient | undefined {
  const token = credentials.secretId === undefined ? credentials.accessToken : undefined;
  const known = token === undefined ? undefined : resolvedByToken.get(resolutionKey(credentials, token));
  return token !== undefined && known ? new IntercomClient(httpFor(known.baseUrl, token), known.baseUrl, token, logger) : undefined;
}

/** Sends like the client it starts with; its requests follow the secret's refresh-once rule, then use the new token. */
class RefreshingClient extends IntercomClient {
  constructor(
    private current: IntercomClient,
    private currentToken: string,
    private readonly credentials: Credentials,
    private readonly log: Logger,
    private readonly clientWith: (token: string) => Promise<IntercomClient>,
  ) {
    super(httpFor(current.baseUrl, currentToken), current.baseUrl, currentToken, log);
  }

  override request<T = unknown>(req: ApiRequest): Promise<ApiResponse<T>> {
    return withTokenRefresh(this.credentials, this.log, async (token) => {
      if (token !== this.currentToken) {
        this.current = await this.clientWith(token);
        this.currentToken = token;
      }
      return this.current.request<T>(req);
    });
  }
}

/** `GET /me`, cached per token and host; verifyCredentials, the timezone of contact polling and `auto` share it. */
export async function identify(credentials: Credentials, logger: Logger, operation = 'identifyAdmin'): Promise<{ identity: Identity; baseUrl: string; region: string }> {
  return withTokenRefresh(credentials, logger, async (token) => {
    const resolved = await resolve(credentials, token, logger, operation);
    let identity = resolved.identity;
    if (!identity) {
      identity = await fetchMe(new IntercomClient(httpFor(resolved.baseUrl, token), resolved.baseUrl, token, logger), operation);
      resolved.identity = identity;
    }
    return { identity, baseUrl: resolved.baseUrl, region: regionLabel(resolved.baseUrl, identity) };
  });
}

function resolutionKey(credentials: Credentials, token: string): string {
  return `${tokenFingerprint(token)} ${credentials.baseUrl ?? credentials.region}`;
}

async function resolve(credentials: Credentials, token: string, logger: Logger, operation = 'identifyAdmin'): Promise<Resolved> {
  const key = resolutionKey(credentials, token);
  const cached = resolvedByToken.get(key);
  if (cached) return cached;
  let resolved: Resolved;
  if (credentials.baseUrl) resolved = { baseUrl: credentials.baseUrl };
  else if (credentials.region !== 'auto') resolved = { baseUrl: REGION_HOSTS[credentials.region] };
  else resolved = await detectRegion(token, logger, operation);
  resolvedByToken.set(key, resolved);
  return resolved;
}

/** A token works on the host of its workspace's region only; the others answer 401. */
async function detectRegion(token: string, logger: Logger, operation: string): Promise<Resolved> {
  let firstError: IntercomApiError | undefined;
  for (const region of AUTO_ORDER) {
    const baseUrl = REGION_HOSTS[region];
    const client = new IntercomClient(httpFor(baseUrl, token), baseUrl, token, logger);
    client.debug(() => `region auto: asking ${baseUrl}/me whether the token belongs to a workspace in ${region.toUpperCase()}`);
    try {
      const identity = await fetchMe(client, operation);
      logger.info(`Region detected: ${region}`);
      return { baseUrl, identity };
    } catch (error) {
      if (!(error instanceof IntercomApiError) || error.status !== 401) throw error;
      firstError ??= error;
    }
  }
  throw new IntercomApiError(
    401,
    [...(firstError?.errors ?? []), { code: 'unauthorized', message: 'the access token was refused in every region (US, EU, AU)' }],
    firstError?.requestId,
    operation,
  );
}

async function fetchMe(client: IntercomClient, operation: string): Promise<Identity> {
  const response = await client.request<Identity>({
    operation,
    method: 'GET',
    path: '/me',
    pathTemplate: '/me',
    idempotent: true,
  });
  return response.data ?? {};
}

function regionLabel(baseUrl: string, identity: Identity): string {
  const fromHost = (Object.entries(REGION_HOSTS) as Array<[Region, string]>).find(([, host]) => host === baseUrl)?.[0];
  return fromHost ?? identity.app?.region ?? 'custom base URL';
}

export function clearRegionCache(): void {
  resolvedByToken.clear();
}
