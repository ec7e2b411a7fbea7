/**
 * Secrecy: every action and trigger of component.json, every dynamic dropdown and metadata function, and
 * verifyCredentials run with a distinctive token (and webhook secret) against the sandbox — answering
 * normally, failing in every way, and refusing the token. Every log line, emitted message, rebound, thrown
 * error (with its stack and properties) and anything written to stdout/stderr is captured: neither secret
 * appears anywhere. A base URL to a non-loopback http:// host is refused before anything is sent.
 */
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { inspect } from 'node:util';
import { ConfigurationError } from '../../lib/runtime/errors';
import { signBody, startSandbox, type SandboxHandle } from '../../tools/sandbox';
import { FakeStep, FAST_RETRIES, loadModule, OBJECT_ACTION_CONFIG, manifest, type Outcome, type ProcessFn, runProcess, tuneRuntime } from './helpers';
import { baseInput } from './inputs';

const TOKEN = 'tok_S3cr3t_d1st1nct1v3_Q9f8e7d6c5b4a3Z';
const CLIENT_SECRET = 'whsec_Cl13nt_s3cr3t_Hx7Yq2';
const FORMS = [TOKEN, CLIENT_SECRET, 'd1st1nct1v3', 'Cl13nt_s3cr3t', Buffer.from(TOKEN).toString('base64'), Buffer.from(`:${TOKEN}`).toString('base64'), encodeURIComponent(TOKEN)];

const POLLING_CONFIG: Record<string, Record<string, unknown>> = {
  newOrUpdatedContacts: { startTime: '2025-10-01T00:00:00Z', maxPerRun: 25 },
  newOrUpdatedConversations: { startTime: '2025-10-01T00:00:00Z', maxPerRun: 25 },
  newOrUpdatedTickets: { startTime: '2025-10-01T00:00:00Z', maxPerRun: 25 },
  newOrUpdatedCompanies: { startTime: '2025-10-01T00:00:00Z', maxPerRun: 25 },
  deletedConversations: { startTime: '2025-10-01T00:00:00Z', maxPerRun: 25 },
};

/** Everything a run could leave anywhere, as text. */
function transcript(o: Outcome, written: string[], extra?: unknown): string {
  const deep = { depth: 12, showHidden: true, maxArrayLength: 1000, maxStringLength: Infinity, breakLength: Infinity };
  return [
    ...o.step.logs,
    ...o.step.emitted.map((e) => `${e.event} ${inspect(e.payload, deep)} ${safeJson(e.payload)}`),
    o.error === undefined ? '' : `${inspect(o.error, deep)} ${(o.error as Error).stack ?? ''} ${safeJson(o.error)}`,
    ...written,
    extra === undefined ? '' : inspect(extra, deep),
  ].join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack, ...Object.fromEntries(Object.entries(v)) } : v)) ?? '';
  } catch {
    return '';
  }
}

function assertNoSecret(text: string, where: string): void {
  for (const form of FORMS) {
    const at = text.toLowerCase().indexOf(form.toLowerCase());
    if (at !== -1) assert.fail(`${where}: a secret appears in the output: …${text.slice(Math.max(0, at - 120), at + form.length + 40)}…`);
  }
}

/** Captures what anything writes to stdout/stderr while `work` runs. */
async function capturingStdio<T>(work: () => Promise<T>): Promise<{ result: T; written: string[] }> {
  const written: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown): boolean => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return true;
  };
  process.stdout.write = grab;
  process.stderr.write = grab;
  try {
    return { result: await work(), written };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

interface Runnable {
  kind: 'action' | 'trigger';
  key: string;
  mod: Record<string, unknown> & { process: ProcessFn };
}

describe('secrecy: the token appears in no log, message or error (sandbox)', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let refusing: SandboxHandle;
  let restore: () => void;
  const runnables: Runnable[] = [];
  let runs = 0;

  before(async () => {
    restore = tuneRuntime({ ...FAST_RETRIES, timeoutMs: 300 });
    sb = await startSandbox({ tokens: [TOKEN], knobs: { rateLimitPerWindow: 1_000_000 } });
    refusing = await startSandbox({ tokens: ['tok_someone_else_entirely_0000'] });
    const { actions, triggers } = manifest();
    for (const [key, entry] of Object.entries(actions)) runnables.push({ kind: 'action', key, mod: loadModule(entry.main) });
    for (const [key, entry] of Object.entries(triggers)) runnables.push({ kind: 'trigger', key, mod: loadModule(entry.main) });
  });
  after(async () => {
    restore();
    await sb.close();
    await refusing.close();
    process.stdout.write(`      (${runs} runs checked over ${runnables.length} actions and triggers)\n`);
  });
  beforeEach(() => {
    sb.knobs.reset();
    sb.knobs.set({ rateLimitPerWindow: 1_000_000 });
  });

  function cfgFor(r: Runnable, baseUrl: string): Record<string, unknown> {
    return { accessToken: TOKEN, baseUrl, adminId: '991', clientSecret: CLIENT_SECRET, ...POLLING_CONFIG[r.key], ...OBJECT_ACTION_CONFIG[r.key] };
  }

  /** The message a step receives: the action's required inputs, a scheduler tick, or a signed webhook delivery. */
  function messageFor(r: Runnable, signature: 'valid' | 'wrong' = 'valid'): { body: unknown; headers?: Record<string, string> } {
    if (r.kind === 'action') return { body: baseInput(r.key) };
    if (r.key !== 'webhookEvents') return { body: {} };
    const raw = JSON.stringify({ type: 'notification_event', id: 'notif_1', topic: 'contact.user.created', app_id: 'a1', created_at: Math.floor(Date.now() / 1000), data: { item: { type: 'contact', id: 'c1' } } });
    const sig = signature === 'valid' ? signBody(Buffer.from(raw), CLIENT_SECRET) : 'sha1=0000000000000000000000000000000000000000';
    return { body: { rawData: raw }, headers: { 'x-hub-signature': sig } };
  }

  async function runOne(r: Runnable, baseUrl: string, signature: 'valid' | 'wrong' = 'valid'): Promise<{ outcome: Outcome; text: string }> {
    runs++;
    const msg = messageFor(r, signature);
    const { result: outcome, written } = await capturingStdio(async () => {
      if (msg.headers) {
        const step = new FakeStep();
        let error: unknown;
        try {
          await r.mod.process.call(step, { id: 'suite', body: msg.body, headers: msg.headers, attachments: {}, metadata: {} }, cfgFor(r, baseUrl), {});
        } catch (e) {
          error = e;
        }
        const o: Outcome = { step, data: step.events('data').length, rebounds: step.events('rebound').length };
        if (error !== undefined) o.error = error;
        return o;
      }
      return runProcess(r.mod.process, msg.body, cfgFor(r, baseUrl));
    });
    return { outcome, text: transcript(outcome, written) };
  }

  it('every action and trigger, Intercom answering normally', async () => {
    let data = 0;
    for (const r of runnables) {
      const { outcome, text } = await runOne(r, sb.url);
      assertNoSecret(text, `${r.kind} ${r.key}`);
      data += outcome.data;
    }
    assert.ok(data > runnables.length / 2, `${data} data messages: most runs reach Intercom and emit`);
  });

  it('every action and trigger while Intercom fails in every way (4xx, 5xx, HTML, resets, cut bodies, hangs)', async () => {
    sb.knobs.set({ errorRate: 0.6, errorStatuses: [400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 504], resetRate: 0.1, truncateRate: 0.15, hangRate: 0.02 });
    let errors = 0;
    for (const r of runnables) {
      const { outcome, text } = await runOne(r, sb.url);
      assertNoSecret(text, `${r.kind} ${r.key}`);
      if (outcome.error !== undefined || outcome.rebounds > 0) errors++;
    }
    sb.knobs.set({ htmlErrors: true });
    for (const r of runnables.filter((x) => x.kind === 'trigger' || x.key.startsWith('get'))) assertNoSecret((await runOne(r, sb.url)).text, `${r.kind} ${r.key} (HTML errors)`);
    assert.ok(errors > runnables.length / 3, `${errors} runs failed or rebounded: the error paths were exercised`);
  });

  it('every action and trigger when Intercom refuses the token (401)', async () => {
    let refused = 0;
    for (const r of runnables) {
      const { outcome, text } = await runOne(r, refusing.url, 'wrong');
      assertNoSecret(text, `${r.kind} ${r.key}`);
      if (outcome.error instanceof Error && /401|signature/i.test(outcome.error.message)) refused++;
    }
    assert.ok(refused >= runnables.length - 5, `${refused} of ${runnables.length} runs ended in a 401 or signature error`);
  });

  it('dynamic dropdowns, dynamic metadata and verifyCredentials, accepted and refused', async () => {
    const verifyCredentials = require('../../lib/verifyCredentials') as (this: unknown, cfg: unknown) => Promise<{ verified: boolean; reason?: string }>;
    let calls = 0;
    for (const baseUrl of [sb.url, refusing.url]) {
      for (const r of runnables) {
        for (const [name, fn] of Object.entries(r.mod)) {
          if (name === 'process' || typeof fn !== 'function') continue;
          calls++;
          const step = new FakeStep();
          const { result, written } = await capturingStdio(async () => {
            try {
              return await (fn as (this: unknown, cfg: unknown) => Promise<unknown>).call(step, cfgFor(r, baseUrl));
            } catch (e) {
              return e;
            }
          });
          assertNoSecret(transcript({ step, data: 0, rebounds: 0 }, written, result), `${r.key}.${name}`);
        }
      }
      const step = new FakeStep();
      const { result, written } = await capturingStdio(() => verifyCredentials.call(step, { accessToken: TOKEN, baseUrl }));
      assert.equal(result.verified, baseUrl === sb.url, inspect(result));
      assertNoSecret(transcript({ step, data: 0, rebounds: 0 }, written, result), 'verifyCredentials');
    }
    assert.ok(calls >= 20, `${calls} dropdown/metadata calls`);
    runs += calls;
  });

  describe('a base URL to a non-loopback http:// host is refused', () => {
    // Any TCP connection attempt (DNS lookup included) is recorded and refused while these tests run.
    const attempts: string[] = [];
    const socket = Socket.prototype as unknown as { connect: (this: Socket, ...args: unknown[]) => Socket };
    const original = socket.connect;
    before(() => {
      socket.connect = function (this: Socket, ...args: unknown[]): Socket {
        // net.createConnection passes its normalised arguments as one array: [options, callback].
        const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
        const target = first as { host?: string; port?: number } | number | string;
        const where = typeof target === 'object' ? `${target.host ?? '?'}:${String(target.port)}` : String(target);
        attempts.push(where);
        if (!/^(127\.0\.0\.1|localhost|::1):/.test(where)) throw new Error(`network access attempted: ${where}`);
        return original.apply(this, args);
      };
    });
    after(() => {
      socket.connect = original;
    });

    const REFUSED = ['http://example.com', 'http://api.intercom.io', 'http://10.0.0.5:8080', 'http://192.168.1.10', 'http://0.0.0.0:4010', 'http://127.0.0.1.nip.io', 'http://localhost.example.com', 'http://[::ffff:c0a8:10a]', 'http://[fe80::1]'];

    it('for every action and trigger that calls Intercom, before anything is sent, without naming the token', async () => {
      attempts.length = 0;
      for (const r of runnables.filter((x) => x.key !== 'webhookEvents')) {
        for (const baseUrl of REFUSED) {
          runs++;
          const { outcome, text } = await runOne(r, baseUrl);
          assert.ok(outcome.error instanceof ConfigurationError, `${r.key} with ${baseUrl}: ${inspect(outcome.error)}`);
          assert.match((outcome.error as Error).message, /Credential field "baseUrl" must use https:\/\/ \(plain http:\/\/ is accepted only for a loopback host/);
          assert.equal(outcome.data, 0);
          assertNoSecret(text, `${r.key} with ${baseUrl}`);
        }
      }
      assert.deepEqual(attempts, [], 'no connection was even attempted');
    });

    it('verifyCredentials answers verified: false with the reason', async () => {
      const verifyCredentials = require('../../lib/verifyCredentials') as (this: unknown, cfg: unknown) => Promise<{ verified: boolean; reason?: string }>;
      for (const baseUrl of REFUSED) {
        const result = await verifyCredentials.call(new FakeStep(), { accessToken: TOKEN, baseUrl });
        assert.equal(result.verified, false);
        assert.match(result.reason ?? '', /must use https:\/\//);
        assertNoSecret(JSON.stringify(result), `verifyCredentials with ${baseUrl}`);
      }
    });

    it('loopback and https base URLs are accepted', async () => {
      const identify = runnables.find((r) => r.key === 'identifyAdmin')!;
      attempts.length = 0;
      for (const baseUrl of [sb.url, sb.url.replace('127.0.0.1', 'localhost')]) {
        const { outcome } = await runOne(identify, baseUrl);
        assert.equal(outcome.error, undefined, inspect(outcome.error));
        assert.equal(outcome.data, 1);
      }
      assert.ok(attempts.some((a) => a.startsWith('localhost:')), `the connection watch sees connections: ${attempts.join(', ')}`);
    });
  });
});
