/**
 * A download that cannot be stored (the platform's storage refuses the connection) while its source is still
 * sending: the source is closed at once, not left holding a connection to Intercom or its file host until
 * that side gives up. Real servers on loopback: the source sends its headers and a first chunk, then waits;
 * the test watches its socket close. The storage is a loopback port nothing listens on.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emitDownloadAsFile } from '../../../lib/files/downloadFile';
import { storeRemoteFile } from '../../../lib/files/remoteFiles';
import { httpFor, IntercomClient } from '../../../lib/runtime/client';
import { safeLogger } from '../../../lib/runtime/logger';
import type { StepContext } from '../../../lib/runtime/step';
import { offlineRuntime } from '../../helpers/context';

const ENV = ['INTERCOM_TEST_LOOPBACK_FILES', 'ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN'] as const;
const TOKEN = 'tok_unfinished_downloads_0123';

describe('files: a source still sending when storing fails is closed at once', () => {
  offlineRuntime({ allowLoopback: true });
  let source: Server;
  let base = '';
  let closed: Promise<void>;
  let onClose: () => void = () => undefined;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    source = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.write('id,name\n1,first\n');
      // …and nothing more: the rest would follow in the source's own time.
      req.socket.once('close', () => onClose());
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    // A port that was just free: the storage refuses every connection.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const refused = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    for (const name of ENV) saved[name] = process.env[name];
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${(source.address() as AddressInfo).port}`;
    process.env['ELASTICIO_OBJECT_STORAGE_URI'] = `http://127.0.0.1:${refused}`;
    process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'tok_unfinished_storage_01';
  });
  beforeEach(() => {
    closed = new Promise<void>((resolve) => (onClose = resolve));
  });
  after(async () => {
    for (const name of ENV) {
      if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = saved[name];
    }
    source.closeAllConnections();
    await new Promise((resolve) => source.close(resolve));
  });

  /** Whether the source's connection closed within a second (it would otherwise stay open). */
  const closesSoon = (): Promise<boolean> => Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);

  it('storeRemoteFile (recordings, part attachments): the refused storage fails the call and the file host connection is closed', async () => {
    await assert.rejects(storeRemoteFile(`${base}/recording.mp3`, 1_000_000, 'the test bound'), /storing the file failed/);
    assert.equal(await closesSoon(), true, 'the file host connection is still open');
  });

  it("emitDownloadAsFile (exports): the refused storage fails the call and Intercom's connection is closed", async () => {
    const logger = safeLogger({ info: () => undefined, warn: () => undefined });
    const client = new IntercomClient(httpFor(base, TOKEN), base, TOKEN, logger);
    const ctx = { logger, emitData: () => assert.fail('nothing is emitted when storing failed') } as unknown as StepContext;
    await assert.rejects(emitDownloadAsFile(ctx, client, { operation: 'downloadExport', method: 'GET', path: '/export/content/data/job1', pathTemplate: '/export/content/data/{job_identifier}', idempotent: true }), /storing the file failed/);
    assert.equal(await closesSoon(), true, "Intercom's connection is still open");
  });
});
