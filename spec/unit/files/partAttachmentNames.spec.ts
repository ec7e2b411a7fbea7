/**
 * Attachments of a record's parts stored as files (lib/files/remoteFiles.ts): the names they are stored under
 * and which bound a file is read against when the room left equals a download's limit. Intercom and its file
 * host are nock; the storage is the loopback stand-in (tools/storage). Expected names and texts by hand.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nock from 'nock';
import { fileLimits } from '../../../lib/files/limits';
import { settings } from '../../../lib/runtime/settings';
import { forOperation } from '../../../lib/operation/action';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';
import { localStorageForSuite } from '../../helpers/localStorage';

const TOKEN = 'tok_unit_part_names_0123456789';
const FILES_HOST = 'https://files.intercom.test';

describe('attachments of parts stored as files: names and bounds', () => {
  offlineRuntime({ allowLoopback: true });
  localStorageForSuite();
  const saved = { download: settings.maxDownloadBytes, bytes: fileLimits.maxPartAttachmentBytes };
  afterEach(() => {
    settings.maxDownloadBytes = saved.download;
    fileLimits.maxPartAttachmentBytes = saved.bytes;
  });

  const record = (names: string[]): Record<string, unknown> => ({
    type: 'conversation',
    id: '8008',
    conversation_parts: {
      type: 'conversation_part.list',
      conversation_parts: [{ type: 'conversation_part', id: 'p1', attachments: names.map((name, i) => ({ type: 'upload', name, url: `${FILES_HOST}/p/${i}` })) }],
    },
  });
  const get = async (body: Record<string, unknown>): Promise<Record<string, { size: number }>> => {
    nock(TEST_BASE_URL).get('/conversations/8008').reply(200, body);
    const step = new FakeStep();
    await forOperation('getConversation').process.call(step, { body: { conversation_id: '8008' }, headers: {}, attachments: {}, metadata: {} }, testConfig(TOKEN, { partAttachments: 'files' }), {});
    const [sent] = step.events('data') as Array<{ attachments: Record<string, { size: number }> }>;
    return sent?.attachments ?? {};
  };

  it('backslashes and control characters in a name become _, spaces and other characters stay', async () => {
    nock(FILES_HOST).get(/\/p\//).times(3).reply(200, 'x');
    const stored = await get(record(['a b.txt', 'c\\d.txt', 'e\tf\u0000.txt']));
    assert.deepEqual(Object.keys(stored), ['p1-a b.txt', 'p1-c_d.txt', 'p1-e_f_.txt']);
  });

  it('room left exactly equal to a download\'s limit: the file is bound by INTERCOM_MAX_DOWNLOAD_BYTES, named as such', async () => {
    settings.maxDownloadBytes = 50;
    fileLimits.maxPartAttachmentBytes = 50;
    nock(FILES_HOST).get('/p/0').reply(200, () => Readable.from([Buffer.alloc(51)]));
    await assert.rejects(get(record(['a.bin'])), /attachment "a\.bin" of p1 could not be stored: the file at files\.intercom\.test is longer than 50 bytes, over the limit of 50 bytes per download \(INTERCOM_MAX_DOWNLOAD_BYTES\)/);
  });
});
