import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startStorage, storedSize, type StorageHandle } from '../../tools/storage';

describe('tools/storage: the loopback stand-in for the platform file storage', () => {
  let storage: StorageHandle;
  before(async () => {
    storage = await startStorage();
  });
  after(() => storage.close());

  it('serves a put file at its signed URL without credentials, and at its object URL only with the storage token', async () => {
    const { signedUrl, objectUrl } = storage.put(Buffer.from('abc'), 'text/plain');
    const signed = await fetch(signedUrl);
    assert.equal(signed.status, 200);
    assert.equal(await signed.text(), 'abc');
    assert.equal(signed.headers.get('content-type'), 'text/plain');
    const path = new URL(objectUrl).pathname;
    assert.equal((await fetch(`${storage.url}${path}`)).status, 401);
    assert.equal((await fetch(`${storage.url}${path}`, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
    const object = await fetch(`${storage.url}${path}`, { headers: { Authorization: `Bearer ${storage.token}` } });
    assert.equal(await object.text(), 'abc');
    assert.deepEqual(storage.requests.slice(-4).map((r) => [r.auth, r.status]), [['none', 200], ['none', 401], ['other', 401], ['storage-token', 200]]);
  });

  it('accepts an upload with the token, answers its objectId and keeps size, hash and content type', async () => {
    const bytes = Buffer.from('x'.repeat(100_000));
    const refused = await fetch(`${storage.url}/objects`, { method: 'POST', body: bytes });
    assert.equal(refused.status, 401);
    const answer = await fetch(`${storage.url}/objects`, { method: 'POST', body: bytes, headers: { Authorization: `Bearer ${storage.token}`, 'Content-Type': 'text/csv' } });
    assert.equal(answer.status, 201);
    const { objectId } = (await answer.json()) as { objectId: string };
    assert.deepEqual(storage.get(objectId), { id: objectId, contentType: 'text/csv', size: 100_000, sha256: createHash('sha256').update(bytes).digest('hex') });
    assert.equal(storedSize(storage, objectId), 100_000);
    assert.deepEqual(storage.uploads().map((f) => f.id), [objectId]);
  });

  it('answers 404 for an unknown object', async () => {
    assert.equal((await fetch(`${storage.url}/signed/unknown`)).status, 404);
  });
});
