/**
 * The test-only switch INTERCOM_TEST_LOOPBACK_FILES (fileHosts.ts): it opens exactly the loopback address:port
 * pairs it lists, IPv4 or IPv6 (in any spelling of the address), and nothing else. Real servers on loopback; the
 * expected outcomes are written by hand from the switch's documented rule.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStoredFile } from '../../../lib/files/storage';

describe('files: the test-only loopback switch opens exactly the pairs it lists', () => {
  let v4: Server;
  let v6: Server;
  let p4 = 0;
  let p6 = 0;
  const saved = process.env['INTERCOM_TEST_LOOPBACK_FILES'];
  before(async () => {
    const serve = async (host: string): Promise<[Server, number]> => {
      const server = createServer((_req, res) => res.end('ok'));
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      return [server, (server.address() as AddressInfo).port];
    };
    [v4, p4] = await serve('127.0.0.1');
    [v6, p6] = await serve('::1');
  });
  after(async () => {
    if (saved === undefined) Reflect.deleteProperty(process.env, 'INTERCOM_TEST_LOOPBACK_FILES');
    else process.env['INTERCOM_TEST_LOOPBACK_FILES'] = saved;
    for (const server of [v4, v6]) await new Promise((resolve) => server.close(resolve));
  });

  const read = async (switchValue: string, url: string): Promise<string> => {
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = switchValue;
    try {
      return (await readStoredFile(url, 10, 'x')).toString();
    } catch (error) {
      return /is not a public address/.test((error as Error).message) ? 'refused' : (error as Error).message;
    }
  };

  it('an IPv6 loopback pair, written short or long, with spaces around entries, opens [::1] at that port only', async () => {
    assert.equal(await read(`[::1]:${p6}`, `http://[::1]:${p6}/f`), 'ok');
    assert.equal(await read(` 10.0.0.1:80 , [0:0:0:0:0:0:0:1]:${p6} `, `http://[::1]:${p6}/f`), 'ok');
    assert.equal(await read(`[::1]:${p6 + 1}`, `http://[::1]:${p6}/f`), 'refused');
    assert.equal(await read(`[::2]:${p6}`, `http://[::1]:${p6}/f`), 'refused');
    assert.equal(await read(`[::1]`, `http://[::1]:${p6}/f`), 'refused');
  });

  it('an IPv4 loopback pair opens that address and port only; other loopback addresses and ports stay closed', async () => {
    assert.equal(await read(`127.0.0.1:${p4}`, `http://127.0.0.1:${p4}/f`), 'ok');
    assert.equal(await read(`127.0.0.2:${p4}`, `http://127.0.0.1:${p4}/f`), 'refused');
    assert.equal(await read(`127.0.0.1:${p4 + 1}`, `http://127.0.0.1:${p4}/f`), 'refused');
    assert.equal(await read(`127.0.0.1:${p4}x`, `http://127.0.0.1:${p4}/f`), 'refused');
    assert.equal(await read('', `http://127.0.0.1:${p4}/f`), 'refused');
  });

  it('an entry with anything before the address opens nothing (the whole entry must be a pair)', async () => {
    assert.equal(await read(`x127.0.0.1:${p4}`, `http://127.0.0.1:${p4}/f`), 'refused');
    assert.equal(await read(`10.0.0.1:80,x[::1]:${p6}`, `http://[::1]:${p6}/f`), 'refused');
  });

  it('a URL without a port is checked at its scheme\'s port: 80 for http, 443 for https', async () => {
    // Nothing of ours listens there: an opened pair gets as far as connecting (and fails), a closed one is refused.
    assert.notEqual(await read('127.0.0.1:80', 'http://127.0.0.1/f'), 'refused');
    assert.equal(await read('127.0.0.1:443', 'http://127.0.0.1/f'), 'refused');
    assert.notEqual(await read('127.0.0.1:443', 'https://127.0.0.1/f'), 'refused');
    assert.equal(await read('127.0.0.1:80', 'https://127.0.0.1/f'), 'refused');
  });

  it('a file whose connection drops halfway is an error saying that reading it failed, not part of a file', async () => {
    const halfway = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('0123456789', () => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => halfway.listen(0, '127.0.0.1', resolve));
    const port = (halfway.address() as AddressInfo).port;
    try {
      process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${port}`;
      await assert.rejects(readStoredFile(`http://127.0.0.1:${port}/f`, 1_000, 'x'), (e: Error) => /^reading it failed \(\S.*\)$/.test(e.message));
    } finally {
      await new Promise((resolve) => halfway.close(resolve));
    }
  });
});
