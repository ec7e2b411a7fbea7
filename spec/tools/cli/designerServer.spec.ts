import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { type DesignerProcess, ROOT, startDesignerProcess } from './runCli';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host and Origin headers are exactly what a hostile page would send. */
function call(designer: DesignerProcess, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(designer.port), path, method, headers: { Host: `127.0.0.1:${designer.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The designer's server through the real command (no browser): it runs actions with the user's token, so only the
 * page it served, on this machine, may drive it. The browser suite (spec/browser) drives the page itself.
 */
describe('command-line runner: designer server (built dist)', function () {
  this.timeout(30_000);
  let designer: DesignerProcess;
  const api = (path: string, extra: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> =>
    call(designer, path, { 'X-Designer-Token': designer.token, ...extra }, method, body);

  before(async () => (designer = await startDesignerProcess(['--contacts', '4'])));
  after(() => designer.stop());

  it('listens on loopback and prints a page address holding a fresh token', async () => {
    assert.match(designer.pageUrl, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const second = await startDesignerProcess();
    try {
      assert.notEqual(second.token, designer.token, 'a new token on every start');
    } finally {
      await second.stop();
    }
    assert.match(designer.output().stderr, /sandbox: INTERCOM_ACCESS_TOKEN is not set/);
  });

  it('the page opens only with its token', async () => {
    assert.equal((await call(designer, '/')).status, 403);
    assert.equal((await call(designer, '/?token=wrong')).status, 403);
    const page = await call(designer, `/?token=${designer.token}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<label for="action">Action<\/label>/);
  });

  it('the API answers only the token header, never a token in the address or none', async () => {
    assert.equal((await call(designer, '/api/functions')).status, 403);
    assert.equal((await call(designer, `/api/functions?token=${designer.token}`)).status, 403);
    assert.equal((await call(designer, '/api/functions', { 'X-Designer-Token': 'x'.repeat(32) })).status, 403);
    const list = await api('/api/functions');
    assert.equal(list.status, 200);
    assert.ok((JSON.parse(list.body) as Array<{ key: string }>).some((f) => f.key === 'createContact'));
  });

  it('refuses another host name (DNS rebinding) and another origin (a page of another site), token or not', async () => {
    const rebound = await call(designer, `/?token=${designer.token}`, { Host: `attacker.example:${designer.port}` });
    assert.equal(rebound.status, 403);
    assert.equal((await api('/api/functions', { Host: `attacker.example:${designer.port}` })).status, 403);
    const crossSite = await api('/api/functions/createContact/run', { Origin: 'http://attacker.example', 'Content-Type': 'application/json' }, 'POST', '{"input":{"email":"x@example.com"}}');
    assert.equal(crossSite.status, 403);
    assert.equal((await api('/api/functions', { Origin: designer.origin })).status, 200, 'its own page is welcome');
  });

  it('a run streams the emitted message, the request and the end as server-sent events', async () => {
    const answer = await api('/api/functions/createContact/run', { 'Content-Type': 'application/json' }, 'POST', '{"input":{"email":"stream@example.com"},"fields":{}}');
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^text\/event-stream/);
    const events = answer.body
      .split('\n\n')
      .filter(Boolean)
      .map((block) => JSON.parse(block.split('\n').find((line) => line.startsWith('data: '))?.slice(6) ?? 'null') as { type: string; body?: { email?: string }; method?: string; path?: string; status?: number });
    const order = events.map((e) => e.type).filter((t) => t !== 'log');
    assert.equal(order[0], 'start');
    assert.equal(order[order.length - 1], 'end');
    assert.ok(order.lastIndexOf('request') < order.indexOf('data'), `the request before what it returned: ${order.join(', ')}`);
    assert.equal(events.find((e) => e.type === 'data')?.body?.email, 'stream@example.com');
    const post = events.find((e) => e.type === 'request' && e.method === 'POST');
    assert.deepEqual([post?.path, post?.status], ['/contacts', 200]);
  });

  it('the page sets step fields only: a credential such as a base URL is refused, so the token cannot be sent elsewhere', async () => {
    for (const field of ['baseUrl', 'accessToken', 'secretId']) {
      const answer = await api('/api/functions/listAdmins/run', { 'Content-Type': 'application/json' }, 'POST', JSON.stringify({ fields: { [field]: 'http://127.0.0.1:1' } }));
      assert.equal(answer.status, 400, field);
      assert.match(answer.body, new RegExp(`${field}: credentials come from the command line and the environment, not from the page`));
    }
  });

  it('sends a Content-Security-Policy that loads nothing from elsewhere, and the page and its scripts name no other host', async () => {
    const page = await call(designer, `/?token=${designer.token}`);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/);
    const dir = join(ROOT, 'tools', 'dist', 'designer', 'page');
    const sources = [page.body, readFileSync(join(ROOT, 'tools', 'designer', 'page', 'designer.css'), 'utf8'), ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    for (const text of sources) assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
  });
});
