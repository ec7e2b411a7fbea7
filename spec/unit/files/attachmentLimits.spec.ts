/**
 * Several attachments against the limits, checked before a byte is read: the combined limit with each file
 * within it or exactly at it, which file a too-large request names, and attachment_files given beside an
 * empty selection. Limits are set by hand for each case; expected texts are written out.
 */
import assert from 'node:assert/strict';
import { AttachmentError, attachmentFilesFor, planAttachmentFiles } from '../../../lib/files/attachmentFiles';
import { ConfigurationError } from '../../../lib/runtime/errors';
import { fileLimits } from '../../../lib/files/limits';
import { settings } from '../../../lib/runtime/settings';

const incoming = (sizes: Record<string, number>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, { url: `http://storage.test/${name}`, size, 'content-type': 'text/plain' }]));
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    return (error as { problems?: string[] }).problems ?? [String(error)];
  }
  return [];
};

describe('attachments against the limits (before reading)', () => {
  const saved = { attachment: fileLimits.maxAttachmentBytes, request: settings.maxRequestBytes };
  beforeEach(() => {
    fileLimits.maxAttachmentBytes = 1_000;
    settings.maxRequestBytes = 1_000_000;
  });
  afterEach(() => {
    fileLimits.maxAttachmentBytes = saved.attachment;
    settings.maxRequestBytes = saved.request;
  });

  it('files each within the limit but over it together are refused together; a file exactly at the limit counts as within it', () => {
    assert.deepEqual(problemsOf(() => planAttachmentFiles('createNote', ['a.txt', 'b.txt'], incoming({ 'a.txt': 600, 'b.txt': 600 }))), [
      'field attachments: the selected files are 1200 bytes together, over the limit of 1000 bytes of files per request',
    ]);
    assert.deepEqual(problemsOf(() => planAttachmentFiles('createNote', ['a.txt', 'b.txt'], incoming({ 'a.txt': 1_000, 'b.txt': 1 }))), [
      'field attachments: the selected files are 1001 bytes together, over the limit of 1000 bytes of files per request',
    ]);
    assert.equal(planAttachmentFiles('createNote', ['a.txt'], incoming({ 'a.txt': 1_000 })).length, 1, 'exactly at the limit');
  });

  it('a file over the limit is named on its own, without a second problem about the total', () => {
    assert.deepEqual(problemsOf(() => planAttachmentFiles('createNote', 'a.txt, b.txt', incoming({ 'a.txt': 1_001, 'b.txt': 500 }))), [
      'field attachments: "a.txt" is 1001 bytes, over the limit of 1000 bytes of files per request',
    ]);
  });

  it('a request too large for its cap names the largest file, the first of equals', () => {
    fileLimits.maxAttachmentBytes = 10_000_000;
    settings.maxRequestBytes = 2_000;
    const [big] = problemsOf(() => planAttachmentFiles('createNote', ['big.txt', 'small.txt'], incoming({ 'big.txt': 1_500, 'small.txt': 100 })));
    assert.match(big ?? '', /\(the largest, "big\.txt", 1500 bytes\)/);
    const [tie] = problemsOf(() => planAttachmentFiles('createNote', ['one.txt', 'two.txt'], incoming({ 'one.txt': 900, 'two.txt': 900 })));
    assert.match(tie ?? '', /\(the largest, "one\.txt", 900 bytes\)/);
  });

  it('attachment_files given beside an empty selection is no conflict: nothing is planned', () => {
    for (const selection of [undefined, '', []]) assert.deepEqual(planAttachmentFiles('createNote', selection, incoming({ 'a.txt': 10 }), true), [], JSON.stringify(selection));
    assert.deepEqual(problemsOf(() => planAttachmentFiles('createNote', ['a.txt'], incoming({ 'a.txt': 10 }), true)), ['field attachments: give either attachment_files or attachments, not both']);
  });
});

describe('file limits from the environment', () => {
  const names = ['INTERCOM_MAX_ATTACHMENT_BYTES', 'INTERCOM_STORAGE_TIMEOUT_MS', 'INTERCOM_MAX_PART_ATTACHMENTS', 'INTERCOM_MAX_PART_ATTACHMENT_BYTES'];
  const path = require.resolve('../../../lib/files/limits');
  /** limits.ts read afresh with these variables set (its values are read once, at load). */
  function loadWith(env: Record<string, string>): { maxAttachmentBytes: number; storageTimeoutMs: number; maxPartAttachments: number; maxPartAttachmentBytes: number } {
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    const cached = require.cache[path];
    Object.assign(process.env, env);
    try {
      Reflect.deleteProperty(require.cache, path);
      return (require(path) as { fileLimits: ReturnType<typeof loadWith> }).fileLimits;
    } finally {
      for (const name of names) if (saved[name] === undefined) Reflect.deleteProperty(process.env, name); else process.env[name] = saved[name];
      if (cached) require.cache[path] = cached;
    }
  }

  it('a positive whole number is taken; zero, negative, fractions, text and empty values keep the defaults', () => {
    assert.deepEqual(loadWith({ INTERCOM_MAX_ATTACHMENT_BYTES: '5', INTERCOM_STORAGE_TIMEOUT_MS: '1', INTERCOM_MAX_PART_ATTACHMENTS: '7', INTERCOM_MAX_PART_ATTACHMENT_BYTES: '2048' }), {
      maxAttachmentBytes: 5, storageTimeoutMs: 1, maxPartAttachments: 7, maxPartAttachmentBytes: 2048,
    });
    assert.deepEqual(loadWith({ INTERCOM_MAX_ATTACHMENT_BYTES: '0', INTERCOM_STORAGE_TIMEOUT_MS: '-3', INTERCOM_MAX_PART_ATTACHMENTS: '1.5', INTERCOM_MAX_PART_ATTACHMENT_BYTES: '' }), {
      maxAttachmentBytes: 12_582_912, storageTimeoutMs: 120_000, maxPartAttachments: 100, maxPartAttachmentBytes: 268_435_456,
    });
  });
});

describe('an attachment in the object storage of a runtime that has none configured', () => {
  const saved = { uri: process.env['ELASTICIO_OBJECT_STORAGE_URI'], token: process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] };
  afterEach(() => {
    for (const [name, value] of [['ELASTICIO_OBJECT_STORAGE_URI', saved.uri], ['ELASTICIO_OBJECT_STORAGE_TOKEN', saved.token]] as const) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });

  it('is a configuration error of the runtime, as it is (not an error of the attachment the flow could fix)', async () => {
    Reflect.deleteProperty(process.env, 'ELASTICIO_OBJECT_STORAGE_URI');
    Reflect.deleteProperty(process.env, 'ELASTICIO_OBJECT_STORAGE_TOKEN');
    const stored = { 'a.txt': { url: 'http://maester.test/objects/o1?storage_type=maester', size: 5, 'content-type': 'text/plain' } };
    await assert.rejects(attachmentFilesFor('createNote', ['a.txt'], stored, false), (e: Error) => {
      assert.ok(e instanceof ConfigurationError && !(e instanceof AttachmentError), `${e.name}: ${e.message}`);
      assert.equal(e.message, "the file is in the platform's object storage, but ELASTICIO_OBJECT_STORAGE_URI and ELASTICIO_OBJECT_STORAGE_TOKEN are not set in this runtime");
      return true;
    });
  });
});
