/**
 * The platform's object storage dropping the connection after it has read the whole upload but before it answers
 * (storage.ts storeStream): the store fails at once with a clear error, it does not wait for the storage time-out
 * or end the process. A real server on loopback; the expected text written by hand.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { storeStream } from '../../../lib/files/storage';

describe('files: a storage that drops the connection instead of answering an upload', () => {
  let server: Server;
  const saved = { uri: process.env['ELASTICIO_OBJECT_STORAGE_URI'], token: process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] };
  before(async () => {
    server = createServer((req, _res) => {
      req.resume();
      req.on('end', () => req.socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env['ELASTICIO_OBJECT_STORAGE_URI'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'storage_token_for_reset_test_0123';
  });
  after(async () => {
    for (const [name, value] of [['ELASTICIO_OBJECT_STORAGE_URI', saved.uri], ['ELASTICIO_OBJECT_STORAGE_TOKEN', saved.token]] as const) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails at once saying storing the file failed', async () => {
    const started = Date.now();
    await assert.rejects(storeStream(Readable.from([Buffer.from('a,b\n1,2\n')]), 'text/csv'), (e: Error) => /^storing the file failed \(\S.*\)$/.test(e.message));
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  });
});
