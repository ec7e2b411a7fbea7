import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { startSandbox, type LogEntry } from '../../../tools/sandbox';
import { TOKEN, useSandbox } from './helpers';

/** A plain node:http GET (undici's fetch has limits of its own on request size). */
function rawGet(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox: what the fault, bad-input and secrecy suites rely on', () => {
  const seen: LogEntry[] = [];
  const { sb, api } = useSandbox({ seed: { contacts: 5 }, onRequest: (e) => seen.push(e) });
  afterEach(() => sb().knobs.reset());

  it('failNext skip: the first matching requests pass, the next ones fail', async () => {
    sb().knobs.failNext(1, 503, { method: 'GET', path: '/admins', skip: 2 });
    assert.equal((await api().call('GET', '/admins')).status, 200);
    assert.equal((await api().call('GET', '/me')).status, 200, 'other routes do not count');
    assert.equal((await api().call('GET', '/admins')).status, 200);
    assert.equal(sb().knobs.pendingFaults(), 1);
    assert.equal((await api().call('GET', '/admins')).status, 503);
    assert.equal((await api().call('GET', '/admins')).status, 200);
    assert.equal(sb().knobs.pendingFaults(), 0);
  });

  it('the request log keeps the request target exactly as received, and onRequest sees every entry', async () => {
    seen.length = 0;
    sb().requests.clear();
    await api().call('GET', '/contacts/a%2Fb?x=%3F1');
    const entry = sb().requests.entries().at(-1);
    assert.equal(entry?.target, '/contacts/a%2Fb?x=%3F1');
    assert.equal(entry?.path, '/contacts/a%2Fb');
    assert.equal(entry?.status, 404);
    assert.deepEqual(seen, sb().requests.entries());
  });

  it('maxHeaderSize bounds the request line and headers the sandbox accepts (the bad-input suite raises it for 1 MB ids)', async () => {
    // 12 KB: within Node's default 16 KB (and within what nock's interceptor, loaded by the unit tests, can parse).
    const long = `/contacts/${'x'.repeat(12 * 1024)}`;
    assert.equal(await rawGet(sb().url, long), 404);
    assert.equal(sb().requests.entries().at(-1)?.target, long);
    const strict = await startSandbox({ operationsFile: null, maxHeaderSize: 8 * 1024 });
    try {
      assert.equal(await rawGet(strict.url, long), 431);
    } finally {
      await strict.close();
    }
  });
});
