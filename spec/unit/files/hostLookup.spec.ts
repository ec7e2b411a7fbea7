/**
 * The DNS path of fileHosts.ts, which tests by IP address never reach: a URL by host name is read only when every
 * address the name resolves to is allowed, and the platform's storage (trusted) is read at its configured host
 * whatever that resolves to. A real server on loopback; `localhost` resolves to 127.0.0.1 on this machine and
 * in CI. The one case that needs a name with two addresses (no real resolver gives one offline) stubs
 * dns.lookup, the edge of the system; expectations are written by hand from the documented rule.
 */
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { readStoredFile } from '../../../lib/files/storage';

const ENV = ['INTERCOM_TEST_LOOPBACK_FILES', 'ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN'] as const;

describe('files: hosts read by name go through the checked DNS lookup', () => {
  let server: Server;
  let port = 0;
  const saved: Record<string, string | undefined> = {};
  before(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    for (const name of ENV) saved[name] = process.env[name];
  });
  afterEach(() => {
    sinon.restore();
    for (const name of ENV) {
      if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = saved[name];
    }
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const read = async (url: string): Promise<string> => {
    try {
      return (await readStoredFile(url, 10, 'x')).toString();
    } catch (error) {
      return /could not be reached, or its address is not public/.test((error as Error).message) ? 'refused' : (error as Error).message;
    }
  };

  it('a host name whose only address is let through is read', async () => {
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${port}`;
    assert.equal(await read(`http://localhost:${port}/f`), 'ok');
  });

  it('a host name resolving to an address not let through is refused, as its address would be', async () => {
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${port + 1}`;
    assert.equal(await read(`http://localhost:${port}/f`), 'refused');
  });

  it('a host name with one allowed and one private address is refused: every address must be allowed, not just one', async () => {
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${port}`;
    const real = dns.lookup;
    sinon.stub(dns, 'lookup').callsFake(((hostname: string, options: dns.LookupOptions, callback: (error: Error | null, addresses: dns.LookupAddress[]) => void) => {
      if (hostname !== 'two.example') return (real as (...args: unknown[]) => void)(hostname, options, callback);
      process.nextTick(() =>
        callback(null, [
          { address: '127.0.0.1', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ]),
      );
    }) as unknown as typeof dns.lookup);
    assert.equal(await read(`http://two.example:${port}/f`), 'refused');
  });

  it("the platform's storage is read at its configured host name without the public-address check (no test switch set)", async () => {
    Reflect.deleteProperty(process.env, 'INTERCOM_TEST_LOOPBACK_FILES');
    process.env['ELASTICIO_OBJECT_STORAGE_URI'] = `http://localhost:${port}`;
    process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'tok_host_lookup_0123456';
    assert.equal(await read('https://storage.example/objects/abc?storage_type=maester'), 'ok');
  });
});
