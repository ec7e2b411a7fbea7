/**
 * Where files are fetched from. The "internal services" are real servers on this machine's loopback (IPv4 and
 * IPv6), each counting the requests it gets; Intercom is nock. Which addresses are public is written out by hand
 * from the IANA special-purpose registries, not taken from the code under test.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { isPublicAddress } from '../../../lib/files/fileHosts';
import { fileLimits } from '../../../lib/files/limits';
import { forOperation } from '../../../lib/operation/action';
import { startStorage, type StorageHandle } from '../../../tools/storage';
import { fastRuntime, FakeStep, restoreRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const TOKEN = 'tok_unit_file_hosts_0123456789';

describe('file hosts: which addresses are public', () => {
  const notPublic = [
    '127.0.0.1', '127.1.2.3', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '100.127.255.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1',
    '192.0.2.10', '198.51.100.7', '203.0.113.9', '198.18.0.1', '192.0.0.8',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', 'fec0::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '::127.0.0.1', '::7f00:1', '::8.8.8.8',
    '64:ff9b::10.0.0.1', '64:ff9b::7f00:1', '64:ff9b:1::8.8.8.8', '2002:0a00:0001::1', '2002:7f00:1::', '2001:db8::1', '2001::1', '2001:0:4136:e378::1',
    '100::1', '3fff::1',
  ];
  const isPublic = ['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '192.169.0.1', '169.253.0.1', '223.255.255.255',
    '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:0808:0808::1'];

  for (const address of notPublic) it(`${address} is not public`, () => assert.equal(isPublicAddress(address), false));
  for (const address of isPublic) it(`${address} is public`, () => assert.equal(isPublicAddress(address), true));
});

/** A server that must never be asked anything: it counts every request. */
async function internalService(host: string): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('internal secret');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

describe('file hosts: a flow cannot make the component fetch from a private address through any file input', () => {
  let storage: StorageHandle;
  let v4: Awaited<ReturnType<typeof internalService>>;
  let v6: Awaited<ReturnType<typeof internalService>>;
  let redirector: Server;
  let redirectorPort: number;
  const savedEnv = { ...process.env };
  const savedTimeout = fileLimits.storageTimeoutMs;

  before(async () => {
    storage = await startStorage();
    v4 = await internalService('127.0.0.1');
    v6 = await internalService('::1');
    // A host the test-only switch lets through, redirecting to the internal service.
    redirector = createServer((req, res) => {
      res.writeHead(302, { Location: `http://127.0.0.1:${v4.port}/after-redirect` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorPort = (redirector.address() as AddressInfo).port;
  });
  after(async () => {
    await storage.close();
    for (const server of [v4.server, v6.server, redirector]) await new Promise((resolve) => server.close(resolve));
    restoreRuntime();
  });
  beforeEach(() => {
    fastRuntime();
    // Real connections everywhere (a refusal must come from the component, not from nock); Intercom is mocked.
    nock.enableNetConnect();
    Object.assign(process.env, storage.env);
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `${storage.env['INTERCOM_TEST_LOOPBACK_FILES']},127.0.0.1:${redirectorPort}`;
    // Old code would wait for 10.x and 169.254.x to answer; the component must refuse them without trying.
    fileLimits.storageTimeoutMs = 3_000;
    v4.hits.length = 0;
    v6.hits.length = 0;
  });
  afterEach(() => {
    nock.cleanAll();
    for (const name of Object.keys(process.env)) if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
    fileLimits.storageTimeoutMs = savedTimeout;
  });

  const reply = async (url: string): Promise<{ error: unknown; intercomCalled: boolean }> => {
    const scope = nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, { type: 'conversation', id: 'c1' });
    const body = { conversation_id: 'c1', message_type: 'comment', type: 'admin', admin_id: '7', body: 'x', attachments: 'all' };
    const error = await forOperation('replyConversation')
      .process.call(new FakeStep(), { body, headers: {}, attachments: { 'leak.txt': { url, size: 15 } }, metadata: {} }, testConfig(TOKEN), {})
      .then(() => undefined, (e: unknown) => e);
    return { error, intercomCalled: scope.isDone() };
  };

  const literal = (port: () => number): Array<[string, () => string]> => [
    ['127.0.0.1', () => `http://127.0.0.1:${port()}/secret`],
    ['decimal 2130706433', () => `http://2130706433:${port()}/secret`],
    ['hex and short 0x7f.1', () => `http://0x7f.1:${port()}/secret`],
    ['octal 0177.0.0.1', () => `http://0177.0.0.1:${port()}/secret`],
    ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${port()}/secret`],
    ['[::ffff:7f00:1]', () => `http://[::ffff:7f00:1]:${port()}/secret`],
  ];

  for (const [name, url] of literal(() => v4.port)) {
    it(`attachments: a signed URL at ${name} is refused before any connection, naming no port state`, async () => {
      const { error, intercomCalled } = await reply(url());
      assert.match((error as Error).message, /Attachment "leak\.txt" could not be read from the platform's storage: .* is not a public address; files are read only from the platform's storage and from public addresses/);
      assert.equal(intercomCalled, false);
      assert.deepEqual(v4.hits, []);
    });
  }

  it('attachments: [::1] is refused before any connection', async () => {
    const { error, intercomCalled } = await reply(`http://[::1]:${v6.port}/secret`);
    assert.match((error as Error).message, /\[::1\]:\d+ is not a public address/);
    assert.equal(intercomCalled, false);
    assert.deepEqual(v6.hits, []);
  });

  for (const url of ['http://10.1.2.3/secret', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00::1]/x', 'http://100.64.0.1/']) {
    it(`attachments: ${url} is refused at once, without trying to connect`, async () => {
      const started = Date.now();
      const { error, intercomCalled } = await reply(url);
      assert.match((error as Error).message, /is not a public address/);
      assert.equal(intercomCalled, false);
      assert.ok(Date.now() - started < 1_000, `${Date.now() - started} ms`);
    });
  }

  it('attachments: a host name is checked after DNS (localhost resolves to loopback), with one message for every failure', async () => {
    const { error } = await reply(`http://localhost:${v4.port}/secret`);
    assert.match((error as Error).message, /localhost:\d+ could not be reached, or its address is not public/);
    assert.deepEqual(v4.hits, []);
  });

  it('attachments: a redirect from an allowed host to a private one is checked like the first URL and refused', async () => {
    const { error, intercomCalled } = await reply(`http://127.0.0.1:${redirectorPort}/signed/x`);
    assert.match((error as Error).message, new RegExp(`127\\.0\\.0\\.1:${v4.port} is not a public address`));
    assert.equal(intercomCalled, false);
    assert.deepEqual(v4.hits, []);
  });

  it('a refused connection and a missing host read the same: no port scanning through error texts', async () => {
    const closed = await internalService('127.0.0.1');
    await new Promise((resolve) => closed.server.close(resolve));
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `${process.env['INTERCOM_TEST_LOOPBACK_FILES'] ?? ''},127.0.0.1:${closed.port}`;
    const refused = ((await reply(`http://127.0.0.1:${closed.port}/x`)).error as Error).message;
    const missing = ((await reply('http://no-such-host.invalid/x')).error as Error).message;
    const shape = (text: string): string => text.replace(/127\.0\.0\.1:\d+|no-such-host\.invalid/g, '<host>');
    assert.equal(shape(refused), shape(missing));
    assert.match(refused, /could not be reached, or its address is not public/);
    assert.ok(!/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(refused + missing), `${refused}\n${missing}`);
  });

  it('the test-only switch opens loopback address:port pairs only: private and link-local entries are ignored', async () => {
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = '10.1.2.3:80,169.254.169.254:80,localhost:80,[fd00::1]:80';
    for (const url of ['http://10.1.2.3/x', 'http://169.254.169.254/x', 'http://[fd00::1]/x']) {
      assert.match(((await reply(url)).error as Error).message, /is not a public address/, url);
    }
  });

  it('the sandbox storage\'s signed URLs still work through the switch, and its object storage at its configured host', async () => {
    const a = storage.put(Buffer.from('hello'), 'text/plain');
    const b = storage.put(Buffer.from('world'), 'text/plain');
    const scope = nock(TEST_BASE_URL)
      .post('/conversations/c1/reply', (body: { attachment_files?: Array<{ data: string }> }) => body.attachment_files?.map((f) => f.data).join() === 'aGVsbG8=,d29ybGQ=')
      .reply(200, { type: 'conversation', id: 'c1' });
    const body = { conversation_id: 'c1', message_type: 'comment', type: 'admin', admin_id: '7', body: 'x', attachments: 'all' };
    await forOperation('replyConversation').process.call(new FakeStep(), { body, headers: {}, attachments: { 'a.txt': { url: a.signedUrl }, 'b.txt': { url: b.objectUrl } }, metadata: {} }, testConfig(TOKEN), {});
    assert.ok(scope.isDone());
    Reflect.deleteProperty(process.env, 'INTERCOM_TEST_LOOPBACK_FILES');
    const { error } = await reply(a.signedUrl);
    assert.match((error as Error).message, /127\.0\.0\.1:\d+ is not a public address/, 'without the switch the loopback storage is refused too');
  });

  it('attachments of parts (getConversation) and a recording\'s redirect (getCallRecording) are refused the same way', async () => {
    nock(TEST_BASE_URL)
      .get('/conversations/9')
      .reply(200, { type: 'conversation', id: '9', source: { id: 's', attachments: [{ type: 'upload', name: 'x.txt', url: `http://[::ffff:127.0.0.1]:${v4.port}/part` }] }, conversation_parts: { conversation_parts: [] } });
    await assert.rejects(
      forOperation('getConversation').process.call(new FakeStep(), { body: { conversation_id: '9' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { partAttachments: 'files' }), {}),
      /attachment "x\.txt" of s could not be stored: the file at \[::ffff:7f00:1\]:\d+ could not be fetched \(\[::ffff:7f00:1\]:\d+ is not a public address/,
    );
    nock(TEST_BASE_URL).get('/calls/5/recording').reply(302, '', { Location: 'http://169.254.169.254/latest/meta-data/iam' });
    await assert.rejects(
      forOperation('getCallRecording').process.call(new FakeStep(), { body: { call_id: '5' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { deliverAs: 'file' }), {}),
      /169\.254\.169\.254 is not a public address/,
    );
    assert.deepEqual(v4.hits, []);
  });
});
