/**
 * Files fetched from Intercom's short-lived URLs (recordings, attachments of parts) and stored in the platform's
 * storage, at their exact limits: a file of exactly the bound is stored, one byte more is not, declared or
 * streamed; how many files and bytes one record may store; the names they are stored under. Intercom and its
 * file host are nock; the storage is the loopback stand-in (tools/storage). Expected values written by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import nock from 'nock';
import { fileLimits } from '../../../lib/files/limits';
import { storeRemoteFile } from '../../../lib/files/remoteFiles';
import { settings } from '../../../lib/runtime/settings';
import { forOperation } from '../../../lib/operation/action';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';
import { localStorageForSuite } from '../../helpers/localStorage';

const TOKEN = 'tok_unit_remote_files_0123456789';
const FILES_HOST = 'https://files.intercom.test';

describe('files: from Intercom\'s file URLs into the platform storage, at the limits', () => {
  offlineRuntime({ allowLoopback: true });
  const storage = localStorageForSuite();
  const saved = { download: settings.maxDownloadBytes, count: fileLimits.maxPartAttachments, bytes: fileLimits.maxPartAttachmentBytes };
  afterEach(() => {
    settings.maxDownloadBytes = saved.download;
    fileLimits.maxPartAttachments = saved.count;
    fileLimits.maxPartAttachmentBytes = saved.bytes;
  });

  const storedBytes = (url: string): Buffer => readFileSync(storage().pathOf(new URL(url).pathname.split('/').pop() ?? ''));
  const uploads = (): number => storage().uploads().length;

  describe('one file (storeRemoteFile)', () => {
    it('declared exactly at the bound: stored whole; one byte more: refused before a byte is stored, naming the bound', async () => {
      nock(FILES_HOST).get('/f/exact').reply(200, Buffer.alloc(100, 0x61), { 'Content-Length': '100', 'Content-Type': 'text/plain' });
      const stored = await storeRemoteFile(`${FILES_HOST}/f/exact`, 100, 'the test bound');
      assert.deepEqual([stored.size, stored['content-type']], [100, 'text/plain']);
      assert.equal(storedBytes(stored.url).toString(), 'a'.repeat(100));
      const before = uploads();
      nock(FILES_HOST).get('/f/over').reply(200, Buffer.alloc(101), { 'Content-Length': '101' });
      await assert.rejects(storeRemoteFile(`${FILES_HOST}/f/over`, 100, 'the test bound'), (e: Error) => e.message === 'the file at files.intercom.test is 101 bytes, over the test bound; nothing was stored');
      assert.equal(uploads(), before);
    });

    it('streamed without a length: exactly the bound is stored; one byte more stops the storing, naming the bound', async () => {
      nock(FILES_HOST).get('/f/exact').reply(200, () => Readable.from([Buffer.alloc(60, 0x62), Buffer.alloc(40, 0x62)]));
      const stored = await storeRemoteFile(`${FILES_HOST}/f/exact`, 100, 'the test bound');
      assert.equal(stored.size, 100);
      assert.equal(storedBytes(stored.url).toString(), 'b'.repeat(100));
      nock(FILES_HOST).get('/f/over').reply(200, () => Readable.from([Buffer.alloc(60), Buffer.alloc(41)]));
      await assert.rejects(storeRemoteFile(`${FILES_HOST}/f/over`, 100, 'the test bound'), (e: Error) => e.message === 'the file at files.intercom.test is longer than 100 bytes, over the test bound; storing it stopped');
    });

    it('no content type: stored as application/octet-stream', async () => {
      nock(FILES_HOST).get('/f/plain').reply(200, () => Readable.from([Buffer.from('xyz')]));
      const stored = await storeRemoteFile(`${FILES_HOST}/f/plain`, 100, 'the test bound');
      assert.deepEqual([stored.size, stored['content-type']], [3, 'application/octet-stream']);
    });

    it('an answer that is not a success (300 without a location, 404) is refused naming the status; 2xx other than 200 is stored', async () => {
      nock(FILES_HOST).get('/f/multiple').reply(300, 'choices');
      await assert.rejects(storeRemoteFile(`${FILES_HOST}/f/multiple`), (e: Error) => e.message === "the file at files.intercom.test answered 300 (Intercom's file URLs expire after a few minutes)");
      nock(FILES_HOST).get('/f/gone').reply(404, 'gone');
      await assert.rejects(storeRemoteFile(`${FILES_HOST}/f/gone`), /the file at files\.intercom\.test answered 404/);
      nock(FILES_HOST).get('/f/partial').reply(203, 'abc');
      assert.equal((await storeRemoteFile(`${FILES_HOST}/f/partial`)).size, 3);
    });

    it('by default the bound is INTERCOM_MAX_DOWNLOAD_BYTES, named as such', async () => {
      settings.maxDownloadBytes = 50;
      nock(FILES_HOST).get('/f/big').reply(200, Buffer.alloc(51), { 'Content-Length': '51' });
      await assert.rejects(storeRemoteFile(`${FILES_HOST}/f/big`), (e: Error) => e.message === 'the file at files.intercom.test is 51 bytes, over the limit of 50 bytes per download (INTERCOM_MAX_DOWNLOAD_BYTES); nothing was stored');
    });
  });

  describe('a call\'s recording (getCallRecording, Deliver as: file)', () => {
    const record = async (location: string): Promise<string> => {
      nock(TEST_BASE_URL).get('/calls/77/recording').reply(302, '', { Location: location });
      nock(FILES_HOST).get(/.*/).reply(200, 'rec', { 'Content-Type': 'audio/mpeg' });
      const step = new FakeStep();
      await forOperation('getCallRecording').process.call(step, { body: { call_id: '77' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { deliverAs: 'file' }), {});
      const [sent] = step.events('data') as Array<{ attachments: Record<string, unknown> }>;
      return Object.keys(sent?.attachments ?? {}).join();
    };

    it('is named call-<id>-recording with the extension of the URL\'s path (1 to 5 letters or digits), else none', async function () {
      // Four whole step runs, each storing a file: room for a loaded machine.
      this.timeout(30_000);
      assert.equal(await record(`${FILES_HOST}/r/abc.mp3?sig=x.y`), 'call-77-recording.mp3');
      assert.equal(await record(`${FILES_HOST}/r/abc.m4a2b`), 'call-77-recording.m4a2b');
      assert.equal(await record(`${FILES_HOST}/r/abc.toolong`), 'call-77-recording');
      assert.equal(await record(`${FILES_HOST}/r/abc`), 'call-77-recording');
    });

    it('an answer without the recording\'s URL is an error saying so', async () => {
      nock(TEST_BASE_URL).get('/calls/77/recording').reply(302, '');
      await assert.rejects(
        forOperation('getCallRecording').process.call(new FakeStep(), { body: { call_id: '77' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { deliverAs: 'file' }), {}),
        /getCallRecording: Intercom answered 302 without the recording's URL/,
      );
    });
  });

  describe('attachments of a record\'s parts (getConversation, parts\' attachments as files)', () => {
    const withFiles = (files: Array<{ part: string; name: string; filesize?: number }>): Record<string, unknown> => ({
      type: 'conversation',
      id: '7007',
      source: { id: 'src', attachments: [] },
      conversation_parts: {
        type: 'conversation_part.list',
        conversation_parts: [...new Set(files.map((f) => f.part))].map((id) => ({
          type: 'conversation_part',
          id,
          attachments: files.filter((f) => f.part === id).map((f) => ({ type: 'upload', name: f.name, url: `${FILES_HOST}/p/${id}/${encodeURIComponent(f.name)}`, ...(f.filesize === undefined ? {} : { filesize: f.filesize }) })),
        })),
      },
    });
    const get = async (record: Record<string, unknown>): Promise<Record<string, { size: number }>> => {
      nock(TEST_BASE_URL).get('/conversations/7007').reply(200, record);
      const step = new FakeStep();
      await forOperation('getConversation').process.call(step, { body: { conversation_id: '7007' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { partAttachments: 'files' }), {});
      const [sent] = step.events('data') as Array<{ attachments: Record<string, { size: number }> }>;
      return sent?.attachments ?? {};
    };

    it('exactly as many files as the bound are stored; the same name in one part is stored as <part>-2-<name>, <part>-3-<name>; slashes in a name become _', async () => {
      fileLimits.maxPartAttachments = 4;
      nock(FILES_HOST).get(/\/p\//).times(4).reply(200, 'x');
      const stored = await get(withFiles([{ part: 'p1', name: 'a.txt' }, { part: 'p1', name: 'a.txt' }, { part: 'p1', name: 'a.txt' }, { part: 'p2', name: 'dir/b.txt' }]));
      assert.deepEqual(Object.keys(stored), ['p1-a.txt', 'p1-2-a.txt', 'p1-3-a.txt', 'p2-dir_b.txt']);
    });

    it('stated sizes of exactly the bytes bound are stored; the bound read is what is left of it after each file', async () => {
      fileLimits.maxPartAttachmentBytes = 100;
      nock(FILES_HOST).get('/p/p1/a.bin').reply(200, Buffer.alloc(60)).get('/p/p1/b.bin').reply(200, Buffer.alloc(40));
      const stored = await get(withFiles([{ part: 'p1', name: 'a.bin', filesize: 60 }, { part: 'p1', name: 'b.bin', filesize: 40 }]));
      assert.deepEqual(Object.values(stored).map((f) => f.size), [60, 40]);
      // The second file says 30 but is 41 bytes long: 60 + 41 is past the 100 bytes, so storing it stops.
      nock(FILES_HOST).get('/p/p1/a.bin').reply(200, Buffer.alloc(60)).get('/p/p1/b.bin').reply(200, () => Readable.from([Buffer.alloc(41)]));
      await assert.rejects(
        get(withFiles([{ part: 'p1', name: 'a.bin', filesize: 60 }, { part: 'p1', name: 'b.bin', filesize: 30 }])),
        /attachment "b\.bin" of p1 could not be stored: the file at files\.intercom\.test is longer than 40 bytes, over the 100 bytes of attached files stored for one message \(INTERCOM_MAX_PART_ATTACHMENT_BYTES\)/,
      );
    });

    it('with room for more than a download, each file is bound by INTERCOM_MAX_DOWNLOAD_BYTES, named as such', async () => {
      settings.maxDownloadBytes = 50;
      fileLimits.maxPartAttachmentBytes = 1000;
      nock(FILES_HOST).get('/p/p1/a.bin').reply(200, () => Readable.from([Buffer.alloc(51)]));
      await assert.rejects(get(withFiles([{ part: 'p1', name: 'a.bin' }])), /attachment "a\.bin" of p1 could not be stored: the file at files\.intercom\.test is longer than 50 bytes, over the limit of 50 bytes per download \(INTERCOM_MAX_DOWNLOAD_BYTES\)/);
    });

    it('a record without attached files stores nothing and the record is emitted without attachments', async () => {
      assert.deepEqual(await get(withFiles([])), {});
    });
  });
});
