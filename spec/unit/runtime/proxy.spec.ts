/**
 * A loopback TCP server stands in for the proxy (it records every byte it is sent and then refuses), and a local
 * http server for Intercom: what matters is which bytes reach which socket.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { IntercomClient, httpFor } from '../../../lib/runtime/client';
import { safeLogger } from '../../../lib/runtime/logger';
import { settings } from '../../../lib/runtime/settings';
import { offlineRuntime } from '../../helpers/context';

const TOKEN = 'tok_proxy_spec_0123456789abcdef';
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
/** Never resolved: with the proxy, only the proxy is connected to; without it, the lookup fails offline. */
const TARGET_HOST = 'intercom-through-proxy.invalid';
const get = { operation: 'identifyAdmin', method: 'GET' as const, path: '/me', pathTemplate: '/me', idempotent: true };
const client = (baseUrl: string): IntercomClient => new IntercomClient(httpFor(baseUrl, TOKEN), baseUrl, TOKEN, safeLogger({ info: () => undefined, warn: () => undefined }));

describe('runtime: the token never travels in clear text to a proxy', () => {
  offlineRuntime({ allowLoopback: true });
  let proxy: NetServer;
  let proxyUrl: string;
  let received = '';
  const sockets: Socket[] = [];
  const saved: Record<string, string | undefined> = {};
  const savedRetries = settings.maxRetries;

  before(async () => {
    for (const name of PROXY_VARIABLES) saved[name] = process.env[name];
    proxy = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    received = '';
    settings.maxRetries = 0;
    // The real https stack, unpatched: nock's interception does not carry the tunnelling agent's socket through.
    nock.restore();
  });
  afterEach(() => {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = saved[name];
    }
    settings.maxRetries = savedRetries;
    if (!nock.isActive()) nock.activate();
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    proxy.close();
  });

  it('an http:// loopback base URL is called directly even with HTTP_PROXY set: the proxy sees nothing', async () => {
    let seenAuthorization: string | undefined;
    const target: Server = createHttpServer((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"type":"admin","id":"1"}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    process.env['HTTP_PROXY'] = process.env['http_proxy'] = proxyUrl;
    try {
      const response = await client(baseUrl).request(get);
      assert.deepEqual(response.data, { type: 'admin', id: '1' });
      assert.equal(seenAuthorization, `Bearer ${TOKEN}`);
      assert.equal(received, '', 'the proxy was sent something');
    } finally {
      target.closeAllConnections();
      target.close();
    }
  });

  it('an https:// base URL goes through HTTPS_PROXY as a CONNECT tunnel: the proxy sees the host, never the token', async () => {
    process.env['HTTPS_PROXY'] = process.env['https_proxy'] = proxyUrl;
    await assert.rejects(client(`https://${TARGET_HOST}`).request(get));
    assert.match(received, new RegExp(`^CONNECT ${TARGET_HOST.replace(/\./g, '\\.')}:443 HTTP/1\\.1\\r\\n`));
    assert.ok(!received.includes(TOKEN) && !/authorization: bearer/i.test(received), received);
  });

  it('NO_PROXY is honoured: a listed host is not sent to the proxy at all', async () => {
    process.env['HTTPS_PROXY'] = process.env['https_proxy'] = proxyUrl;
    process.env['NO_PROXY'] = process.env['no_proxy'] = TARGET_HOST;
    await assert.rejects(client(`https://${TARGET_HOST}`).request(get));
    assert.equal(received, '');
  });
});
