import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from './runCli';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

const TOKEN = 'tok_cli_runner_5a5a5a5a5a';

describe('command-line runner (built dist)', function () {
  this.timeout(20_000);
  let server: http.Server;
  let base: string;
  const seen: Array<{ method?: string; url?: string; auth?: string; version?: string; body: string }> = [];

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, version: req.headers['intercom-version'] as string, body });
        res.setHeader('Content-Type', 'application/json');
        if (req.url === '/contacts' && req.method === 'POST') {
          res.end(JSON.stringify({ type: 'contact', id: 'new1', ...(JSON.parse(body) as object) }));
        } else {
          res.statusCode = 404;
          res.end(JSON.stringify({ type: 'error.list', request_id: 'req-cli-404', errors: [{ code: 'not_found', message: 'Contact Not Found' }] }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('runs an action the platform way and prints the emitted message as a JSON line', async () => {
    const result = await runCli(['run', 'createContact', '--input', '{"email":"ada@example.com"}', '--base-url', base], { INTERCOM_ACCESS_TOKEN: TOKEN });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout.trim()), { type: 'contact', id: 'new1', email: 'ada@example.com' });
    const request = seen.at(-1);
    assert.equal(request?.auth, `Bearer ${TOKEN}`);
    assert.equal(request?.version, INTERCOM_API_VERSION);
    assert.ok(!result.stderr.includes(TOKEN) && !result.stdout.includes(TOKEN));
  });

  it('exits non-zero with the Intercom error on stderr', async () => {
    const result = await runCli(['run', 'getContact', '--input', '{"contact_id":"nope"}', '--base-url', base], { INTERCOM_ACCESS_TOKEN: TOKEN });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Intercom 404 not_found: Contact Not Found \(request_id req-cli-404\) in getContact/);
  });

  it('rejects invalid input without calling the server', async () => {
    const before = seen.length;
    const result = await runCli(['run', 'getContact', '--input', '{}', '--base-url', base], { INTERCOM_ACCESS_TOKEN: TOKEN });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /field contact_id: is required/);
    assert.equal(seen.length, before);
  });

  it('lists the actions', async () => {
    const result = await runCli(['actions']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^createContact\taction\tContacts: Create$/m);
  });
});
