/**
 * startSandbox(): a stateful stand-in for Intercom's REST API on loopback. One request goes
 * through: fault plan (knobs / X-Sandbox-Fault) → bearer check → rate limit → Intercom-Version check
 * → route → handler, and answers with Intercom's error.list shape whenever something is refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_VERSION, checkToken, checkVersion, bearerToken } from './auth';
import { unixSeconds, type Clock } from './clock';
import { ApiError, errorList, notFound } from './errors';
import { credentialEcho, faultReply, sleep, withRequestId } from './faults';
import { loadOperations, registerSynthesized } from './generatedOperations';
import { headerValue, readBody, writeReply, type Reply, type SandboxRequest } from './http';
import { hexCodec } from './ids';
import { SandboxKnobs, type FaultPlan } from './knobs';
import { resolveOptions, type SandboxOptions } from './options';
import { RateLimiter, rateHeaders, type RateDecision } from './rateLimit';
import { SeededRandom } from './random';
import { RequestLog, tokenTagger, type LogEntry } from './requestLog';
import { registerAdmins } from './resources/admins';
import { registerCompanies } from './resources/companies';
import { registerContactRelations } from './resources/contactRelations';
import { registerContacts } from './resources/contacts';
import type { ResourceContext } from './resources/context';
import { registerConversations } from './resources/conversations';
import { registerConversationAttributes } from './resources/conversationAttributes';
import { registerDataAttributes } from './resources/dataAttributes';
import { registerExports } from './resources/exports';
import { registerNotes } from './resources/notes';
import { registerSpecial } from './resources/special';
import { registerTags } from './resources/tags';
import { registerTickets } from './resources/tickets';
import { Router, type RouteMatch } from './router';
import { Workspace } from './store/workspace';
import { buildEnvelope, postWebhook, signBody, WEBHOOK_USER_AGENT, type WebhookDelivery, type WebhookInput } from './webhook';

export type { SandboxOptions } from './options';

/** Every answer carries this header (value: the API version served), so a client can tell the sandbox from Intercom. */
export const SANDBOX_HEADER = 'X-Intercom-Sandbox';

export interface SandboxHandle {
  /** `http://127.0.0.1:<port>`: the base URL to give the component. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys open connections (including deliberately hung ones). */
  close(): Promise<void>;
  /** The workspace's state, for assertions and direct seeding. */
  readonly state: Workspace;
  /** Fault and limit knobs, read on every request. */
  readonly knobs: SandboxKnobs;
  readonly clock: Clock;
  /** What was requested (no tokens; bodies only with `requestBodyLogBytes`). */
  readonly requests: RequestLog;
  /** The tag log entries carry for this bearer token (`entry.tokenTag === sb.tokenTag(token)`). */
  tokenTag(token: string): string;
  /** Operation keys answered from out-schemas (empty until the generator's table exists). */
  readonly synthesized: readonly string[];
  /** POST a signed notification_event to `url`, as Intercom's webhook sender does. */
  sendWebhook(input: WebhookInput): Promise<WebhookDelivery>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const opts = resolveOptions(options);
  const clock = opts.clock;
  const knobs = new SandboxKnobs(opts.seed.key, opts.knobs);
  const ws = new Workspace(
    { seed: opts.seed, timeZone: opts.timezone, region: opts.region, appId: opts.appId, appName: opts.appName },
    clock,
  );
  const router = new Router();
  const ctx: ResourceContext = { ws, knobs, router, scrollTtlMs: opts.scrollTtlMs, scrollPageSize: opts.scrollPageSize, exportJobMs: opts.exportJobMs };
  for (const register of [
    registerAdmins,
    registerContacts,
    registerContactRelations,
    registerNotes,
    registerCompanies,
    registerConversations,
    registerTickets,
    registerTags,
    registerDataAttributes,
    registerConversationAttributes,
    registerSpecial,
    registerExports,
  ]) {
    register(ctx);
  }
  const synthesized = registerSynthesized(router, loadOperations(opts.operationsFile), opts.schemasDir);

  const limiter = new RateLimiter(clock, () => knobs.rateLimitPerWindow);
  const requestIds = new SeededRandom(`${opts.seed.key}|request-ids`);
  const notificationIds = hexCodec(opts.seed.key, 'notification');
  let notifications = 0;
  const log = new RequestLog(opts.requestLogLimit, opts.onRequest);
  const tokenTag = tokenTagger();
  let baseUrl = '';
  let closing = false;

  const isAccepted = (token: string | undefined): token is string => token !== undefined && (opts.tokens === undefined || opts.tokens.has(token));

  /** Auth, rate limit, version, routing and the handler. Never throws. */
  async function execute(req: IncomingMessage, method: string, url: URL, raw: Buffer, requestId: string): Promise<{ reply: Reply; rate?: RateDecision; route?: string }> {
    let token: string;
    try {
      token = checkToken(headerValue(req.headers, 'authorization'), opts.tokens);
    } catch (e) {
      return { reply: errorReply(e, requestId) };
    }
    const rate = limiter.take(token);
    if (!rate.allowed) {
      return { reply: { kind: 'json', status: 429, body: errorList(requestId, [{ code: 'rate_limit_exceeded', message: `Exceeded rate limit of ${rate.limit} in 10_seconds` }]) }, rate };
    }
    let match: RouteMatch | undefined;
    try {
      checkVersion(headerValue(req.headers, 'intercom-version'));
      match = router.match(method, url.pathname);
      if (match === undefined) throw notFound();
      if (opts.forbiddenTokens.has(token) && match.template !== '/me') {
        throw new ApiError(403, 'forbidden', `This token lacks the scope needed for ${method} ${match.template}`);
      }
      checkAccept(req, match);
      const request: SandboxRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        params: match.params,
        body: parseBody(raw),
        token,
        requestId,
        baseUrl: opts.publicUrl ?? baseUrl,
      };
      return { reply: await match.handler(request), rate, route: match.template };
    } catch (e) {
      return { reply: errorReply(e, requestId), rate, ...(match === undefined ? {} : { route: match.template }) };
    }
  }

  function injected(plan: FaultPlan, req: IncomingMessage, requestId: string): { reply: Reply; rate?: RateDecision } {
    const status = plan.status ?? 500;
    const authorization = headerValue(req.headers, 'authorization');
    const token = bearerToken(authorization);
    const rate = isAccepted(token) ? limiter.peek(token) : undefined;
    const echo = plan.echoAuthorization ? credentialEcho(authorization, token) : undefined;
    const reply = withRequestId(faultReply(status, plan.html, rate?.limit ?? knobs.rateLimitPerWindow, echo), requestId);
    if (rate === undefined) return { reply };
    return { reply, rate: status === 429 ? { ...rate, remaining: 0 } : rate };
  }

  /** The parts of a log entry known before the request is answered. */
  function described(req: IncomingMessage, method: string, path: string, requestId: string, raw: Buffer): Omit<LogEntry, 'route' | 'status'> {
    const entry: Omit<LogEntry, 'route' | 'status'> = { method, path, target: req.url ?? '/', requestId };
    const version = headerValue(req.headers, 'intercom-version');
    if (version !== undefined) entry.version = version.slice(0, 100);
    const token = bearerToken(headerValue(req.headers, 'authorization'));
    if (token !== undefined) entry.tokenTag = tokenTag(token);
    if (opts.requestBodyLogBytes > 0 && raw.length > 0) entry.body = raw.subarray(0, opts.requestBodyLogBytes).toString('utf8');
    return entry;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const override = headerValue(req.headers, 'x-sandbox-fault') ?? url.searchParams.get('__fault') ?? undefined;
    url.searchParams.delete('__fault');
    const plan = knobs.plan(method, url.pathname, override);
    const requestId = requestIds.uuid();
    const raw = await readBody(req);
    const seen = described(req, method, url.pathname, requestId, raw);
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    if (closing) return;
    if (plan.hang) {
      log.record({ ...seen, route: undefined, status: 0, fault: 'hang' });
      return; // the socket stays open until the client gives up or close() destroys it
    }
    if (plan.reset) {
      log.record({ ...seen, route: undefined, status: 0, fault: 'reset' });
      req.socket.destroy();
      return;
    }
    let outcome: { reply: Reply; rate?: RateDecision; route?: string };
    if (plan.status !== undefined && !plan.afterProcessing) {
      outcome = injected(plan, req, requestId);
    } else {
      outcome = await execute(req, method, url, raw, requestId);
      if (plan.status !== undefined) outcome = { ...injected(plan, req, requestId), ...(outcome.route === undefined ? {} : { route: outcome.route }) };
    }
    const fault = plan.status !== undefined ? String(plan.status) : plan.truncate ? 'truncate' : undefined;
    log.record({ ...seen, route: outcome.route, status: outcome.reply.status, ...(fault === undefined ? {} : { fault }) });
    writeReply(res, outcome.reply, {
      truncate: plan.truncate && outcome.reply.kind === 'json',
      extraHeaders: { [SANDBOX_HEADER]: API_VERSION, ...(outcome.rate === undefined ? {} : rateHeaders(outcome.rate)) },
    });
  }

  const server: Server = createServer({ maxHeaderSize: opts.maxHeaderSize }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) writeReply(res, { kind: 'json', status: 500, body: errorList('unknown', [{ code: 'server_error', message: describe(e) }]) });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  baseUrl = `http://${host}:${port}`;

  return {
    url: baseUrl,
    port,
    state: ws,
    knobs,
    clock,
    requests: log,
    tokenTag,
    synthesized,
    close(): Promise<void> {
      closing = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async sendWebhook(input: WebhookInput): Promise<WebhookDelivery> {
      const envelope = buildEnvelope({
        ...input,
        appId: input.appId ?? ws.settings.appId,
        id: input.id ?? `notif_${notificationIds.encode(notifications++)}`,
        createdAt: input.createdAt ?? unixSeconds(clock),
      });
      const rawBody = Buffer.from(JSON.stringify(envelope), 'utf8');
      const signature = signBody(rawBody, input.clientSecret);
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': WEBHOOK_USER_AGENT,
        'X-Hub-Signature': signature,
        ...(input.headers ?? {}),
      };
      const response = await postWebhook(input.url, rawBody, headers, input.timeoutMs ?? 5000);
      return { status: response.status, responseBody: response.body, rawBody, signature, envelope };
    },
  };
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'parameter_invalid', 'The request body is not valid JSON');
  }
}

/** JSON routes refuse an Accept header that rules JSON out (406, as Intercom documents). */
function checkAccept(req: IncomingMessage, match: RouteMatch): void {
  const produces = match.options.produces ?? 'json';
  if (produces !== 'json') return;
  const accept = headerValue(req.headers, 'accept');
  if (accept === undefined || accept.trim() === '') return;
  const ok = accept.split(',').some((part) => {
    const t = part.split(';')[0]?.trim().toLowerCase();
    return t === 'application/json' || t === '*/*' || t === 'application/*';
  });
  if (!ok) throw new ApiError(406, 'not_acceptable', 'This endpoint answers application/json; send Accept: application/json');
}

function errorReply(e: unknown, requestId: string): Reply {
  if (e instanceof ApiError) {
    return { kind: 'json', status: e.status, body: errorList(requestId, e.errors), headers: { ...e.headers } };
  }
  return { kind: 'json', status: 500, body: errorList(requestId, [{ code: 'server_error', message: `Sandbox failure: ${describe(e)}` }]) };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
