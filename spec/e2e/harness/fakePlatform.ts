import { LoopbackServer, type Reply, type SeenRequest } from './http';
import { waitUntil } from './wait';

/** An OIH data hub entry: one record's OIH id and its id in each application. */
export interface DataHubEntry {
  id: string;
  refs: Array<{ applicationUid: string; recordUid: string }>;
}

/** What `GET /v1/tasks/:flow/steps/:step` returns: the sailor takes cfg, snapshot and flow variables from it. */
export interface StepInfo {
  config: Record<string, unknown>;
  snapshot?: Record<string, unknown>;
  variables?: Record<string, unknown>;
}

/** The platform API credentials the harness gives the runtimes (ELASTICIO_API_USERNAME / ELASTICIO_API_KEY). */
export const PLATFORM_API_USER = 'platform-user@example.com';
export const PLATFORM_API_KEY = 'platform-api-key';

/**
 * An elastic.io auth secret. `oauth2` (the default): the token it holds now, the one a refresh replaces it with, and
 * the one another replica's refresh puts there right after the first read (`rotateAfterRead`). `noauth`: no token of
 * its own, only credential fields (a pasted `accessToken`).
 */
export interface PlatformSecret {
  type?: 'oauth2' | 'noauth';
  accessToken?: string;
  refreshTo?: string;
  rotateAfterRead?: string;
  fields?: Record<string, unknown>;
}

/** One `{status, data}` a service-mode sailor (runService.js) POSTed back. */
export interface ServiceResult {
  id: string;
  authorization?: string;
  body: { status: 'success' | 'error'; data: unknown };
}

/**
 * Loopback fake of the platform HTTP APIs the runtimes call:
 * - elastic.io: step info, service-mode result (must answer exactly 200, or runService exits 1), account key
 *   updates, startup-hook data, the workspace secrets API of auth-client credentials (read and refresh, Basic
 *   auth with the platform API credentials);
 * - OIH (ferryman): snapshots service, secret service and the data hub (ID linking, governance).
 * Unknown routes answer 404 and are recorded, so a test can see what a runtime tried.
 */
export class FakePlatform {
  readonly requests: SeenRequest[] = [];
  readonly serviceResults: ServiceResult[] = [];
  readonly accountUpdates: Array<{ accountId: string; body: unknown }> = [];
  private readonly steps = new Map<string, StepInfo>();
  private readonly secrets = new Map<string, unknown>();
  private readonly platformSecrets = new Map<string, PlatformSecret>();
  private readonly oihSnapshots = new Map<string, unknown>();
  private readonly dataHub = new Map<string, DataHubEntry>();
  private server!: LoopbackServer;

  static async start(): Promise<FakePlatform> {
    const platform = new FakePlatform();
    platform.server = await LoopbackServer.start((req) => platform.handle(req));
    return platform;
  }

  get url(): string {
    return this.server.url;
  }

  setStep(flowId: string, stepId: string, info: StepInfo): void {
    this.steps.set(`${flowId}/${stepId}`, info);
  }

  /** OIH secret service entry, as `GET /secrets/:id` returns it under `data`. */
  setSecret(secretId: string, data: { type: string; value: unknown }): void {
    this.secrets.set(secretId, data);
  }

  /** elastic.io secret served at `/v2/workspaces/:workspace/secrets/:id` (and refreshed at `…/refresh`). */
  setPlatformSecret(workspaceId: string, secretId: string, secret: PlatformSecret): void {
    this.platformSecrets.set(`${workspaceId}/${secretId}`, { ...secret });
  }

  /** Requests the secrets API received for one secret: `GET` reads and `POST` refreshes. */
  platformSecretCalls(secretId: string): SeenRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/v2/workspaces/') && decodeURIComponent(r.path).split('/')[5] === secretId);
  }

  /** An OIH data hub entry: the record's OIH id and its ids in each application (what ID linking reads). */
  setDataHubEntry(entry: DataHubEntry): void {
    this.dataHub.set(entry.id, { id: entry.id, refs: entry.refs.map((ref) => ({ ...ref })) });
  }

  dataHubEntry(oihUid: string): DataHubEntry | undefined {
    return this.dataHub.get(oihUid);
  }

  setOihSnapshot(flowId: string, stepId: string, data: unknown): void {
    this.oihSnapshots.set(`${flowId}/${stepId}`, data);
  }

  /** URL for ELASTICIO_POST_RESULT_URL; the id keeps concurrent service runs apart, user:pass exercises Basic auth. */
  serviceResultUrl(id: string): string {
    return `${this.url.replace('http://', 'http://svc-user:svc-pass@')}/service-result/${id}`;
  }

  async waitForServiceResult(id: string, timeoutMs: number): Promise<ServiceResult> {
    return waitUntil(`service result ${id}`, () => this.serviceResults.find((r) => r.id === id), timeoutMs);
  }

  private handle(req: SeenRequest): Reply {
    this.requests.push(req);
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    // elastic.io: GET /v1/tasks/:flow/steps/:step
    if (req.method === 'GET' && parts.length === 5 && parts[0] === 'v1' && parts[1] === 'tasks' && parts[3] === 'steps') {
      const info = this.steps.get(`${parts[2]}/${parts[4]}`);
      return info ? { status: 200, body: { snapshot: {}, variables: {}, ...info } } : { status: 404, body: {} };
    }
    if (req.method === 'POST' && parts[0] === 'service-result' && parts[1]) {
      this.serviceResults.push({
        id: parts[1],
        ...(req.headers['authorization'] ? { authorization: req.headers['authorization'] } : {}),
        body: req.body as ServiceResult['body'],
      });
      return { status: 200, body: {} };
    }
    if (req.method === 'PUT' && parts[0] === 'v1' && parts[1] === 'accounts' && parts[2]) {
      this.accountUpdates.push({ accountId: parts[2], body: req.body });
      return { status: 200, body: { id: parts[2] } };
    }
    if (parts[0] === 'sailor-support' && parts[1] === 'hooks') {
      return { status: req.method === 'GET' ? 404 : 200, body: {} };
    }
    // elastic.io: GET /v2/workspaces/:ws/secrets/:id and POST …/refresh
    if (parts[0] === 'v2' && parts[1] === 'workspaces' && parts[3] === 'secrets' && parts[4]) {
      return this.platformSecret(req, `${parts[2]}/${parts[4]}`, parts[5]);
    }
    // OIH: GET /snapshots/flows/:flow/steps/:step and GET /secrets/:id
    if (req.method === 'GET' && parts[0] === 'snapshots' && parts[1] === 'flows' && parts[3] === 'steps') {
      const data = this.oihSnapshots.get(`${parts[2]}/${parts[4]}`);
      return data === undefined ? { status: 404, body: {} } : { status: 200, body: { data } };
    }
    // OIH data hub (ferryman's ID linking and governance): GET /data/:oihUid, GET /data/recordId/:id,
    // POST /data/recordId {applicationUid, recordUid, oihUid}, DELETE /data/:oihUid/:applicationUid/:recordUid.
    if (parts[0] === 'data') return this.dataHubRoute(req, parts.slice(1));
    if (req.method === 'GET' && parts[0] === 'secrets' && parts[1]) {
      const data = this.secrets.get(parts[1]);
      return data === undefined ? { status: 404, body: {} } : { status: 200, body: { data } };
    }
    return { status: 404, body: { message: `fake platform has no route ${req.method} ${req.path}` } };
  }

  private dataHubRoute(req: SeenRequest, parts: string[]): Reply {
    const notFound: Reply = { status: 404, body: { errors: [{ message: 'no data hub entry' }] } };
    if (req.method === 'GET' && parts[0] === 'recordId' && parts[1]) {
      const entry = [...this.dataHub.values()].find((e) => e.refs.some((ref) => ref.recordUid === parts[1]));
      return entry ? { status: 200, body: { data: entry } } : notFound;
    }
    if (req.method === 'GET' && parts.length === 1 && parts[0]) {
      const entry = this.dataHub.get(parts[0]);
      return entry ? { status: 200, body: { data: entry } } : notFound;
    }
    if (req.method === 'POST' && parts[0] === 'recordId') {
      const body = (req.body ?? {}) as { applicationUid?: string; recordUid?: string; oihUid?: string };
      const id = body.oihUid ?? `oih-new-${this.dataHub.size + 1}`;
      const entry = this.dataHub.get(id) ?? { id, refs: [] };
      if (body.applicationUid && body.recordUid) entry.refs.push({ applicationUid: body.applicationUid, recordUid: body.recordUid });
      this.dataHub.set(id, entry);
      return { status: 201, body: { data: entry } };
    }
    if (req.method === 'DELETE' && parts.length === 3) {
      const [oihUid, applicationUid, recordUid] = parts;
      const entry = this.dataHub.get(oihUid ?? '');
      const at = entry?.refs.findIndex((ref) => ref.applicationUid === applicationUid && ref.recordUid === recordUid) ?? -1;
      if (!entry || at < 0) return notFound;
      entry.refs.splice(at, 1);
      return { status: 200, body: { data: entry } };
    }
    return notFound;
  }

  private platformSecret(req: SeenRequest, key: string, action: string | undefined): Reply {
    const basic = `Basic ${Buffer.from(`${PLATFORM_API_USER}:${PLATFORM_API_KEY}`).toString('base64')}`;
    if (req.headers['authorization'] !== basic) return { status: 401, body: { errors: [{ title: 'Unauthorized' }] } };
    const secret = this.platformSecrets.get(key);
    if (!secret) return { status: 404, body: { errors: [{ title: 'Not found' }] } };
    if (req.method === 'POST' && action === 'refresh') {
      // A secret without a new token to hand out refreshes to the token it already holds.
      if (secret.refreshTo !== undefined) secret.accessToken = secret.refreshTo;
      delete secret.refreshTo;
    } else if (!(req.method === 'GET' && action === undefined)) {
      return { status: 404, body: { errors: [{ title: `no route ${req.method} ${req.path}` }] } };
    }
    const id = key.split('/')[1];
    const type = secret.type ?? 'oauth2';
    const credentials = type === 'noauth' ? { fields: secret.fields ?? {} } : { access_token: secret.accessToken, ...(secret.fields ? { fields: secret.fields } : {}) };
    const reply: Reply = { status: 200, body: { data: { id, type: 'auth-secret', attributes: { type, state: 'ready', credentials } } } };
    if (req.method === 'GET' && secret.rotateAfterRead !== undefined) {
      secret.accessToken = secret.rotateAfterRead;
      delete secret.rotateAfterRead;
    }
    return reply;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
