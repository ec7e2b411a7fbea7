/**
 * Where files are fetched from, at the edges: IPv6 forms that carry an IPv4 address only in part, public
 * address literals, and which answers count as redirects. Public or not is written out by hand from the IANA
 * special-purpose registries; Intercom's file hosts are nock.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { getFile, isPublicAddress } from '../../../lib/files/fileHosts';
import { offlineRuntime } from '../../helpers/context';

describe('file hosts at the edges: which addresses are public', () => {
  // Multicast whose next bytes look like 6to4's; IPv4-compatible forms with half of the mapped prefix; no address.
  for (const address of ['ff02:808:808::1', '::ff:808:808', '::ff00:808:808', '2606', 'files.example']) {
    it(`${address} is not public`, () => assert.equal(isPublicAddress(address), false));
  }
  // Global unicast whose low bytes look like a mapped private IPv4 address: public all the same.
  for (const address of ['2606:4700::ffff:a00:1', '2606:4700::ff:a00:1', '2a00:1450::ffff:7f00:1']) {
    it(`${address} is public`, () => assert.equal(isPublicAddress(address), true));
  }
});

describe('file hosts at the edges: public literals and redirects', () => {
  offlineRuntime();
  const host = 'http://93.184.216.34';
  const get = (path: string): Promise<{ statusCode?: number; resume(): void }> => getFile(new URL(path, host), { signal: new AbortController().signal });

  it('a file at a public IPv4 literal is read', async () => {
    nock(host).get('/file').reply(200, 'bytes');
    const response = await get('/file');
    assert.equal(response.statusCode, 200);
    response.resume();
  });

  it('a Location header is followed only on a 3xx answer: 300 is followed; 200, 400 and 404 are answers as they are', async () => {
    nock(host).get('/choices').reply(300, '', { Location: '/moved' }).get('/moved').reply(200, 'moved');
    const followed = await get('/choices');
    assert.equal(followed.statusCode, 200);
    followed.resume();
    for (const status of [200, 201, 400, 404]) {
      nock(host).get(`/s${status}`).reply(status, '', { Location: '/elsewhere' });
      const response = await get(`/s${status}`);
      assert.equal(response.statusCode, status, `a ${status} was followed`);
      response.resume();
      assert.equal(nock.isDone(), true);
    }
  });

  it('the platform storage unreachable reads "the storage could not be reached", naming no host or port', async () => {
    nock.enableNetConnect('127.0.0.1');
    try {
      await assert.rejects(getFile(new URL('http://127.0.0.1:1/object'), { trusted: true, signal: new AbortController().signal }), { message: 'the storage could not be reached' });
    } finally {
      nock.disableNetConnect();
    }
  });
});
