import { strict as assert } from 'node:assert';
import { startSandbox } from '../../../tools/sandbox';
import { client, TOKEN, useSandbox } from './helpers';

const auth = { Authorization: `Bearer ${TOKEN}` };

describe('sandbox: fault knobs', () => {
  const { sb, api } = useSandbox({ seed: { contacts: 5 } });
  afterEach(() => sb().knobs.reset());

  it('latency delays every answer', async () => {
    sb().knobs.latencyMs = 120;
    const t0 = Date.now();
    assert.equal((await api().call('GET', '/me')).status, 200);
    assert.ok(Date.now() - t0 >= 110);
  });

  it('failNext: the next N matching requests get the status, then service resumes', async () => {
    sb().knobs.failNext(2, 503, { method: 'GET', path: '/admins' });
    assert.equal((await api().call('GET', '/me')).status, 200, 'other routes are not affected');
    const first = await api().call('GET', '/admins');
    assert.equal(first.status, 503);
    assert.equal(first.body.type, 'error.list');
    assert.equal((await api().call('GET', '/admins')).status, 503);
    assert.equal((await api().call('GET', '/admins')).status, 200);
    assert.equal(sb().knobs.pendingFaults(), 0);
  });

  it('failNext afterProcessing: the write lands although the client sees a 500', async () => {
    sb().knobs.failNext(1, 500, { method: 'POST', path: '/contacts', afterProcessing: true });
    const r = await api().call('POST', '/contacts', { email: 'landed@example.com' });
    assert.equal(r.status, 500);
    const found = await api().call('POST', '/contacts/search', { query: { field: 'email', operator: '=', value: 'landed@example.com' } });
    assert.equal(found.body.total_count, 1);
    assert.equal(sb().requests.count('POST', '/contacts'), 1);
  });

  it('HTML 504 gateway page', async () => {
    sb().knobs.failNext(1, 'html504');
    const r = await api().call('GET', '/me');
    assert.equal(r.status, 504);
    assert.equal(r.headers.get('content-type'), 'text/html');
    assert.ok(r.text.startsWith('<html><body><h1>504 Gateway Time-out</h1>'));
  });

  it('connection reset destroys the socket without an answer', async () => {
    sb().knobs.failNext(1, 'reset');
    await assert.rejects(fetch(`${sb().url}/me`, { headers: auth }));
    assert.equal((await api().call('GET', '/me')).status, 200);
  });

  it('truncated JSON: a 200 whose body does not parse', async () => {
    sb().knobs.failNext(1, 'truncate');
    const r = await api().call('GET', '/me');
    assert.equal(r.status, 200);
    assert.ok(r.text.length > 10);
    assert.throws(() => JSON.parse(r.text));
  });

  it('hang: never answers (the client times out); delay answers late', async () => {
    sb().knobs.failNext(1, 'hang');
    await assert.rejects(fetch(`${sb().url}/me`, { headers: auth, signal: AbortSignal.timeout(150) }), /TimeoutError|aborted/i);
    sb().knobs.failNext(1, { delayMs: 150 });
    const t0 = Date.now();
    assert.equal((await api().call('GET', '/me')).status, 200);
    assert.ok(Date.now() - t0 >= 140);
  });

  it('per request: X-Sandbox-Fault header or __fault query', async () => {
    const limited = await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': '429' });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.errors[0].code, 'rate_limit_exceeded');
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    const html = await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': '502,html' });
    assert.equal(html.status, 502);
    assert.match(html.text, /<h1>502 Bad Gateway<\/h1>/);
    assert.equal((await api().call('GET', '/me?__fault=503')).status, 503);
    const slow = Date.now();
    assert.equal((await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': 'latency=80' })).status, 200);
    assert.ok(Date.now() - slow >= 70);
  });

  it('echoAuthorization: the injected error quotes the header and the bearer token (failNext, X-Sandbox-Fault, HTML)', async () => {
    sb().knobs.failNext(1, 400, { method: 'GET', path: '/admins', echoAuthorization: true });
    const echoed = await api().call('GET', '/admins');
    assert.equal(echoed.status, 400);
    assert.equal(echoed.body.type, 'error.list');
    assert.equal(echoed.body.errors[0].message, `Bad request (injected by the sandbox) (Authorization "Bearer ${TOKEN}", token "${TOKEN}")`);
    assert.equal((await api().call('GET', '/admins')).status, 200, 'one request only');
    const plain = await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': '503' });
    assert.ok(!plain.text.includes(TOKEN), 'no echo unless asked for');
    const header = await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': '401,echo-auth' });
    assert.equal(header.status, 401);
    assert.match(header.body.errors[0].message, new RegExp(`token "${TOKEN}"`));
    const html = await api().call('GET', '/me', undefined, { 'X-Sandbox-Fault': '502,html,echo-auth' });
    assert.match(html.text, new RegExp(`<p>Authorization &quot;Bearer ${TOKEN}&quot;, token &quot;${TOKEN}&quot;</p>`));
    const anonymous = await fetch(`${sb().url}/me`, { headers: { 'X-Sandbox-Fault': '400,echo-auth' } });
    assert.match(await anonymous.text(), /no Authorization header/);
  });

  it('errorRate draws 5xx from a seeded stream: same seed, same sequence', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startSandbox({ seed: { key: 'faulty' }, knobs: { errorRate: 0.3, errorStatuses: [500, 503] }, operationsFile: null });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++) statuses.push((await client(s).call('GET', '/me')).status);
        return statuses;
      } finally {
        await s.close();
      }
    };
    const a = await run();
    const b = await run();
    assert.deepEqual(a, b);
    assert.ok(a.some((s) => s >= 500) && a.some((s) => s === 200));
    assert.ok(a.every((s) => s === 200 || s === 500 || s === 503));
  });

  it('resetRate and truncateRate apply by probability', async () => {
    sb().knobs.resetRate = 1;
    await assert.rejects(fetch(`${sb().url}/me`, { headers: auth }));
    sb().knobs.resetRate = 0;
    sb().knobs.truncateRate = 1;
    const r = await api().call('GET', '/admins');
    assert.equal(r.status, 200);
    assert.ok(r.text.length > 0);
    assert.equal(r.body, undefined, 'the helper could not parse the cut body');
  });

  it('close() also ends hung requests', async () => {
    const s = await startSandbox({ operationsFile: null, knobs: {} });
    s.knobs.failNext(1, 'hang');
    const pending = fetch(`${s.url}/me`, { headers: auth }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 30));
    await s.close();
    assert.equal(await pending, 'failed');
  });
});
