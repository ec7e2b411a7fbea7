/**
 * The small parts of the file handling, each on its own: sizes as users read them, where a file URL is read
 * from (the platform's object storage or a signed URL), the name an export or a recording is stored under, and
 * which attachments of a conversation or ticket are Intercom's files. Expected values are written by hand (the
 * attachment shapes from Intercom's description 2.16, part_attachment: name, url, filesize).
 */
import assert from 'node:assert/strict';
import { base64Length, describeBytes } from '../../../lib/files/limits';
import { httpUrl, isObjectStorageUrl, objectStorage, readTarget, reason, StorageError } from '../../../lib/files/storage';
import { exportFileName } from '../../../lib/files/downloadFile';
import { findAttachments } from '../../../lib/files/remoteFiles';
import { fileLimits } from '../../../lib/files/limits';
import { redact } from '../../../lib/runtime/redact';
import type { ApiRequest } from '../../../lib/runtime/client';

describe('files: the small parts', () => {
  describe('sizes', () => {
    it('below 1 MiB: bytes only; from 1 MiB: bytes and MiB to one decimal, without a trailing .0', () => {
      assert.equal(describeBytes(0), '0 bytes');
      assert.equal(describeBytes(1048575), '1048575 bytes');
      assert.equal(describeBytes(1048576), '1048576 bytes (1 MiB)');
      assert.equal(describeBytes(1572864), '1572864 bytes (1.5 MiB)');
      assert.equal(describeBytes(12 * 1048576 + 1), '12582913 bytes (12 MiB)');
    });

    it('base64: four characters for every three bytes begun', () => {
      assert.deepEqual([0, 1, 2, 3, 4, 6, 7].map(base64Length), [0, 4, 4, 4, 8, 8, 12]);
    });
  });

  describe('where a file URL is read from', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const name of ['ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN']) {
        if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
        else process.env[name] = saved[name];
      }
    });
    const storageAt = (uri: string, token: string): void => {
      process.env['ELASTICIO_OBJECT_STORAGE_URI'] = uri;
      process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = token;
    };

    it('the object storage needs both settings, blanks counting as unset; trailing slashes of its URI are dropped', () => {
      storageAt('https://maester.example.com/', '  ');
      assert.equal(objectStorage(), undefined);
      storageAt('  ', 'tok_storage_secret_1');
      assert.equal(objectStorage(), undefined);
      storageAt(' https://maester.example.com/// ', ' tok_storage_secret_1 ');
      assert.deepEqual(objectStorage(), { uri: 'https://maester.example.com', token: 'tok_storage_secret_1' });
      assert.ok(!redact('token tok_storage_secret_1 here').includes('tok_storage_secret_1'), 'the storage token is a secret once read');
    });

    it('an object-storage URL (storage_type=maester) is read at the configured storage with its token, whatever host it names', () => {
      storageAt('https://maester.example.com', 'tok_storage_secret_2');
      const target = readTarget('https://elsewhere.example.org/objects/ab-12?storage_type=maester');
      assert.equal(target.url.href, 'https://maester.example.com/objects/ab-12');
      assert.deepEqual(target.headers, { Authorization: 'Bearer tok_storage_secret_2' });
      assert.equal(target.trusted, true);
    });

    it('any other URL is a signed URL: read as it is, without credentials, not trusted', () => {
      storageAt('https://maester.example.com', 'tok_storage_secret_2');
      for (const url of ['https://files.example.com/objects/ab-12?storage_type=s3', 'http://files.example.com/a.pdf']) {
        const target = readTarget(url);
        assert.deepEqual([target.url.href, target.headers, target.trusted], [url, {}, false]);
      }
      assert.equal(isObjectStorageUrl(new URL('https://x.example.com/objects/1?storage_type=maester')), true);
      assert.equal(isObjectStorageUrl(new URL('https://x.example.com/objects/1?type=maester')), false);
    });

    it('an object-storage URL that names no object, or without the storage settings, is an error naming what is missing', () => {
      storageAt('https://maester.example.com', 'tok_storage_secret_2');
      assert.throws(() => readTarget('https://maester.example.com/objects/?storage_type=maester'), (e: Error) => e instanceof StorageError && e.message === '"/objects/" names no object (expected /objects/<id>)');
      assert.throws(() => readTarget('https://maester.example.com/files/1?storage_type=maester'), /"\/files\/1" names no object/);
      Reflect.deleteProperty(process.env, 'ELASTICIO_OBJECT_STORAGE_URI');
      assert.throws(() => readTarget('https://maester.example.com/objects/1?storage_type=maester'), /ELASTICIO_OBJECT_STORAGE_URI and ELASTICIO_OBJECT_STORAGE_TOKEN are not set in this runtime$/);
    });

    it('only http(s) URLs are read; text that is no URL is named', () => {
      assert.throws(() => httpUrl('file:///etc/passwd'), (e: Error) => e instanceof StorageError && e.message === '"file:" URLs are not read; only http(s)');
      assert.throws(() => httpUrl('not a url'), (e: Error) => e instanceof StorageError && e.message === '"not a url" is not a URL');
      assert.equal(httpUrl('https://a.example.com/x').host, 'a.example.com');
      assert.equal(httpUrl('http://a.example.com/x').protocol, 'http:');
    });

    it('why a read failed: a timeout names the bound, a network error its code, anything else its message', () => {
      const saved = fileLimits.storageTimeoutMs;
      fileLimits.storageTimeoutMs = 1234;
      try {
        assert.equal(reason(new DOMException('signal timed out', 'TimeoutError')), 'no end within 1234 ms');
        assert.equal(reason(Object.assign(new DOMException('aborted', 'AbortError'), { cause: { name: 'TimeoutError' } })), 'no end within 1234 ms');
        assert.equal(reason(Object.assign(new Error('aborted'), { name: 'AbortError' })), 'aborted');
        assert.equal(reason(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } })), 'ECONNRESET');
        assert.equal(reason(new Error('socket hang up')), 'socket hang up');
        assert.equal(reason('plain text'), 'plain text');
      } finally {
        fileLimits.storageTimeoutMs = saved;
      }
    });
  });

  describe('names of stored files', () => {
    const exportOf = (path: string): ApiRequest => ({ path, operation: 'downloadContentDataExport', method: 'GET' }) as unknown as ApiRequest;

    it('an export is named by its job identifier, characters other than letters, digits, dot, dash and underscore replaced', () => {
      assert.equal(exportFileName(exportOf('/download/content/data/job_1a2b')), 'job_1a2b.csv');
      assert.equal(exportFileName(exportOf('/download/content/data/a%20b%2Fc.v-1/')), 'a_b_c.v-1.csv');
    });
  });

  describe('which attachments are Intercom\'s files', () => {
    it('the source\'s, then each conversation part\'s, then each ticket part\'s, by their owner\'s id; sizes kept only when they are numbers of 0 or more', () => {
      const record = {
        source: { id: 's1', attachments: [{ type: 'upload', name: 'a.pdf', url: 'https://f.example.com/a', filesize: 10 }] },
        conversation_parts: {
          conversation_parts: [
            { id: 7, attachments: [{ name: 'b.png', url: 'https://f.example.com/b', filesize: 0 }, { name: 'c.txt', url: 'https://f.example.com/c', filesize: -1 }] },
            { attachments: [{ name: 'd.txt', url: 'https://f.example.com/d', filesize: '12' }] },
          ],
        },
        ticket_parts: { ticket_parts: [{ id: 't9', attachments: [{ name: 'e.txt', url: 'https://f.example.com/e' }, { name: 'f.txt' }, { url: 'https://f.example.com/g' }, 'h'] }] },
      };
      assert.deepEqual(findAttachments(record), [
        { owner: 's1', name: 'a.pdf', url: 'https://f.example.com/a', size: 10 },
        { owner: '7', name: 'b.png', url: 'https://f.example.com/b', size: 0 },
        { owner: '7', name: 'c.txt', url: 'https://f.example.com/c' },
        { owner: 'part', name: 'd.txt', url: 'https://f.example.com/d' },
        { owner: 't9', name: 'e.txt', url: 'https://f.example.com/e' },
      ]);
    });

    it('a source without an id is "source"; parts that are not lists, and records that are not objects, hold none', () => {
      assert.deepEqual(findAttachments({ source: { attachments: [{ name: 'a', url: 'https://f.example.com/a', filesize: Infinity }] } }), [{ owner: 'source', name: 'a', url: 'https://f.example.com/a' }]);
      assert.deepEqual(findAttachments({ conversation_parts: [{ id: 1, attachments: [{ name: 'a', url: 'u' }] }], ticket_parts: { ticket_parts: { id: 2 } }, source: { attachments: 'a' } }), []);
      for (const value of [null, 'x', [{ source: { attachments: [{ name: 'a', url: 'u' }] } }]]) assert.deepEqual(findAttachments(value), []);
    });
  });
});
