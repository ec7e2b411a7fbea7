/**
 * The platform's object storage at its edges (lib/files/storage.ts): no storage configured, an https storage,
 * answers that are not a success, a connection that fails, a read that does not end in time. The storage host
 * is nock; expected messages are written by hand.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nock from 'nock';
import { fileLimits } from '../../../lib/files/limits';
import { readStoredFile, storeStream } from '../../../lib/files/storage';
import { offlineRuntime } from '../../helpers/context';

const body = (): AsyncIterable<Buffer> => Readable.from([Buffer.from('hello')]);

describe('object storage at its edges', () => {
  offlineRuntime();
  const names = ['ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  const savedTimeout = fileLimits.storageTimeoutMs;
  const useStorage = (uri: string): void => {
    process.env['ELASTICIO_OBJECT_STORAGE_URI'] = uri;
    process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'storage-token-for-edges';
  };
  afterEach(() => {
    for (const name of names) if (saved[name] === undefined) Reflect.deleteProperty(process.env, name); else process.env[name] = saved[name];
    fileLimits.storageTimeoutMs = savedTimeout;
  });

  it('storing without a platform storage is a configuration error naming both variables', async () => {
    for (const name of names) Reflect.deleteProperty(process.env, name);
    await assert.rejects(storeStream(body(), 'text/plain'), { message: 'no platform object storage in this runtime (ELASTICIO_OBJECT_STORAGE_URI, ELASTICIO_OBJECT_STORAGE_TOKEN)' });
  });

  it('an https storage is written over https and its object read back from the same host', async () => {
    useStorage('https://storage.example/');
    nock('https://storage.example').post('/objects').reply(201, { objectId: 'obj-1' });
    assert.deepEqual(await storeStream(body(), 'text/plain'), { url: 'https://storage.example/objects/obj-1?storage_type=maester', size: 5 });
  });

  it('a 300 answer to a store is a failure naming the status', async () => {
    useStorage('http://storage.example');
    nock('http://storage.example').post('/objects').reply(300, { objectId: 'obj-1' });
    await assert.rejects(storeStream(body(), 'text/plain'), { message: 'the object storage answered 300 when storing the file' });
  });

  it('a store whose connection fails is a storage failure with the reason', async () => {
    useStorage('http://storage.example');
    nock('http://storage.example').post('/objects').replyWithError('socket hang up');
    await assert.rejects(storeStream(body(), 'text/plain'), (error: Error) => error.name === 'StorageError' && error.message === 'storing the file failed (socket hang up)');
  });

  it('a read from the storage that does not answer within its time bound says so, with the bound', async () => {
    useStorage('http://storage.example');
    fileLimits.storageTimeoutMs = 50;
    nock('http://storage.example').get('/objects/slow').delay(2_000).reply(200, 'late');
    await assert.rejects(readStoredFile('http://storage.example/objects/slow?storage_type=maester', 100, 'the test bound'), { message: 'the storage did not answer (no end within 50 ms)' });
  });
});
