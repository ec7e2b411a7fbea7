/**
 * A local http server of its own, not nock or the sandbox: the cases need a real socket that sends headers and then
 * stalls, or trickles one byte at a time, with the wall clock running.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forOperation } from '../../../lib/operation/action';
import { httpFor } from '../../../lib/runtime/client';
import { LimitExceededError, NetworkError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';
import { FakeStep, offlineRuntime } from '../../helpers/context';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function run(key: string, body: unknown, cfg: Record<string, unknown>, step = new FakeStep()): Promise<{ step: FakeStep; error?: unknown; ms: number }> {
  const started = Date.now();
  try {
    await forOperation(key).process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
    return { step, ms: Date.now() - started };
  } catch (error) {
    return { step, error, ms: Date.now() - started };
  }
}

describe('runtime: every request, streamed body and message ends within its time bound', function () {
  this.timeout(20_000);
  offlineRuntime({ allowLoopback: true });
  const servers: Server[] = [];
  const saved = { timeoutMs: settings.timeoutMs, streamIdleMs: settings.streamIdleMs, messageTimeoutMs: settings.messageTimeoutMs, maxRetries: settings.maxRetries };
  afterEach(() => {
    Object.assign(settings, saved);
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });
  const TOKEN = 'tok_time_bounds_0123456789';
  const cfg = (url: string): Record<string, unknown> => ({ accessToken: TOKEN, baseUrl: url });

  it('a download that sends its headers and one row, then nothing, fails as stalled within the idle bound (after the row went out)', async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write('id,name\n1,Ada\n'); // then never another byte, never the end
    });
    servers.push(server);
    settings.timeoutMs = 2_000;
    settings.streamIdleMs = 1_000;
    const outcome = await run('downloadContentDataExport', { job_identifier: 'stalls' }, cfg(url));
    assert.ok(outcome.error instanceof NetworkError, String(outcome.error));
    assert.match((outcome.error as Error).message, /the download stalled: no data for 1000 ms/);
    assert.deepEqual(outcome.step.bodies(), [{ row: { id: '1', name: 'Ada' } }]);
    assert.ok(outcome.ms < 4_000, `ended after ${outcome.ms} ms`);
  });

  it('a body trickled one byte every 300 ms fails at the 1 s request deadline, although the socket is never idle that long', async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const body = JSON.stringify({ type: 'contact', id: '1', name: 'a'.repeat(40) });
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i >= body.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(body[i++]);
      }, 300);
      res.on('close', () => clearInterval(timer));
    });
    servers.push(server);
    settings.timeoutMs = 1_000;
    settings.maxRetries = 0;
    const outcome = await run('getContact', { contact_id: '1' }, cfg(url));
    assert.ok(outcome.error instanceof NetworkError, String(outcome.error));
    assert.match((outcome.error as Error).message, /ETIMEDOUT: no answer within 1000 ms/);
    assert.ok(outcome.ms < 2_500, `ended after ${outcome.ms} ms`);
    assert.equal(outcome.step.bodies().length, 0);
  });

  it('a message whose requests each stay within their bound still ends at the message bound, with a clear error', async () => {
    // Every page answers after 50 ms and announces a next page: only the message's own bound can end this.
    let page = 0;
    const { url, server } = await serve((_req, res) => {
      page++;
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ type: 'list', data: [{ id: String(page) }], pages: { next: { starting_after: `c${page}` } } }));
      }, 50);
    });
    servers.push(server);
    // Requests are counted as the client sends them (its HTTP instance for this token and host is the step's): a page
    // asked for just before the end may reach the server only after it, which says nothing about the walk.
    let sent = 0;
    httpFor(url, TOKEN).interceptors.request.use((config) => {
      sent++;
      return config;
    });
    settings.messageTimeoutMs = 800;
    const outcome = await run('listContacts', {}, { ...cfg(url), fetch: 'all', emit: 'individually' });
    const sentAtTheEnd = sent;
    assert.ok(outcome.error instanceof LimitExceededError, String(outcome.error));
    assert.match((outcome.error as Error).message, /listContacts did not finish within 800 ms, the time allowed for one message/);
    assert.ok(outcome.ms < 1_500, `ended after ${outcome.ms} ms`);
    assert.ok(outcome.step.bodies().length > 1);
    // The walk itself stopped too: no page is asked for after the message ended (a page in flight then still
    // answers 50 ms later, and its answer must not start another).
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(sent, sentAtTheEnd);
  });

  it('a message whose emit never returns still ends at the message bound', async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ type: 'contact', id: '1' }));
    });
    servers.push(server);
    settings.messageTimeoutMs = 500;
    const step = new FakeStep();
    step.emit = (): Promise<void> => new Promise(() => undefined);
    const outcome = await run('getContact', { contact_id: '1' }, cfg(url), step);
    assert.ok(outcome.error instanceof LimitExceededError, String(outcome.error));
    assert.ok(outcome.ms < 1_200, `ended after ${outcome.ms} ms`);
  });
});
