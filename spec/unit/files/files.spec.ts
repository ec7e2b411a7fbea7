/**
 * Files between the platform's storage and Intercom. Intercom is nock (exact bodies); the storage is the
 * loopback stand-in tools/storage (a real server, so the component's own HTTP reading and streaming is tested).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { attachmentLimit, fileLimits } from '../../../lib/files/limits';
import { settings } from '../../../lib/runtime/settings';
import { forOperation } from '../../../lib/operation/action';
import replyToConversationModule from '../../../lib/actions/replyToConversation';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';
import { localStorageForSuite } from '../../helpers/localStorage';

const replyToConversation = replyToConversationModule.process;

const TOKEN = 'tok_unit_files_0123456789';
const cfg = testConfig(TOKEN);

describe('files: attachments of the incoming message into Intercom, exports into the platform storage', () => {
  offlineRuntime({ allowLoopback: true });
  const storage = localStorageForSuite();
  const savedLimit = fileLimits.maxAttachmentBytes;
  afterEach(() => {
    fileLimits.maxAttachmentBytes = savedLimit;
  });

  const message = (body: unknown, attachments: Record<string, unknown>): Record<string, unknown> => ({ body, headers: {}, attachments, metadata: {} });
  const run = async (key: string, body: unknown, attachments: Record<string, unknown>): Promise<FakeStep> => {
    const step = new FakeStep();
    await forOperation(key).process.call(step, message(body, attachments), cfg, {});
    return step;
  };
  const replyBody = { message_type: 'comment', type: 'admin', admin_id: '7', body: 'See attached' };
  const adminReply = { conversation_id: 'c1', ...replyBody };

  describe('into Intercom (attachment_files)', () => {
    it('replyConversation sends two attachments, one from a signed URL and one from the object storage, as base64', async () => {
      const pdf = Buffer.from('%PDF-1.4 hand-written test bytes\n', 'latin1');
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
      const a = storage().put(pdf, 'application/pdf');
      const b = storage().put(png, 'image/png');
      const scope = nock(TEST_BASE_URL)
        .post('/conversations/c1/reply', {
          ...replyBody,
          attachment_files: [
            { name: 'invoice.pdf', content_type: 'application/pdf', data: 'JVBERi0xLjQgaGFuZC13cml0dGVuIHRlc3QgYnl0ZXMK' },
            { name: 'logo.png', content_type: 'image/png', data: 'iVBORw0KGgoA/w==' },
          ],
        })
        .matchHeader('authorization', `Bearer ${TOKEN}`)
        .reply(200, { type: 'conversation', id: 'c1' });
      const step = await run('replyConversation', { ...adminReply, attachments: 'all' }, {
        'invoice.pdf': { url: a.signedUrl, size: pdf.length, 'content-type': 'application/pdf' },
        'logo.png': { url: b.objectUrl, size: png.length, 'content-type': 'image/png' },
      });
      assert.ok(scope.isDone());
      assert.deepEqual(step.bodies(), [{ type: 'conversation', id: 'c1' }]);
      // The signed URL got no credential; the object storage got its own token; neither saw Intercom's token.
      assert.deepEqual(
        storage().requests.map((r) => [r.path.split('/')[1], r.auth]),
        [
          ['signed', 'none'],
          ['objects', 'storage-token'],
        ],
      );
    });

    it('a list of names selects those attachments only (replyToTicket), and a missing content type is sent as octet-stream', async () => {
      const text = storage().put(Buffer.from('hello'), 'text/plain');
      const scope = nock(TEST_BASE_URL)
        .post('/tickets/t1/reply', { message_type: 'note', type: 'admin', admin_id: '7', body: 'x', attachment_files: [{ name: 'b.bin', content_type: 'application/octet-stream', data: 'aGVsbG8=' }] })
        .reply(200, { type: 'ticket', id: 't1' });
      await run('replyToTicket', { ticket_id: 't1', message_type: 'note', type: 'admin', admin_id: '7', body: 'x', attachments: ['b.bin'] }, {
        'a.txt': { url: text.signedUrl, size: 5, 'content-type': 'text/plain' },
        'b.bin': { url: text.signedUrl, size: 5 },
      });
      assert.ok(scope.isDone());
      assert.equal(storage().requests.length, 1, 'only the selected file was read');
    });

    it('replyToConversation (convenience action) takes "all" as well', async () => {
      const file = storage().put(Buffer.from('a,b\n1,2\n'), 'text/csv');
      const scope = nock(TEST_BASE_URL)
        .post('/conversations/c2/reply', {
          message_type: 'comment',
          type: 'admin',
          admin_id: '7',
          body: 'Report',
          attachment_files: [{ name: 'r.csv', content_type: 'text/csv', data: 'YSxiCjEsMgo=' }],
        })
        .reply(200, { type: 'conversation', id: 'c2' });
      const step = new FakeStep();
      await replyToConversation.call(step, message({ conversation_id: 'c2', body: 'Report', admin_id: '7', attachments: 'all' }, { 'r.csv': { url: file.objectUrl, size: 8, 'content-type': 'text/csv' } }), cfg, {});
      assert.ok(scope.isDone());
    });

    const refused = async (body: Record<string, unknown>, attachments: Record<string, unknown>, pattern: RegExp): Promise<void> => {
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(run('replyConversation', { ...adminReply, ...body }, attachments), pattern);
      assert.equal(nock.pendingMocks().length, 1, 'Intercom was not called');
    };

    it('an unknown name is refused before any request, naming the field, the name and what there is', async () => {
      const file = storage().put(Buffer.from('x'));
      await refused({ attachments: ['nope.pdf'] }, { 'a.pdf': { url: file.signedUrl, size: 1 } }, /field attachments: the incoming message has no attachment "nope\.pdf" \(it has: "a\.pdf"\)/);
      assert.equal(storage().requests.length, 0, 'nothing was read');
    });

    it('more than 10 files are refused before any read, naming Intercom\'s limit', async () => {
      const file = storage().put(Buffer.from('x'));
      const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, { url: file.signedUrl, size: 1 }]));
      await refused({ attachments: 'all' }, many, /Intercom takes at most 10 files per request; 11 were selected/);
      assert.equal(storage().requests.length, 0);
    });

    /** The attachment_files Intercom received in one replyConversation, as [name, decoded bytes]. */
    const sentFiles = (): { scope: nock.Scope; files: () => Array<[string, string]> } => {
      let received: Array<{ name: string; data: string }> = [];
      const scope = nock(TEST_BASE_URL)
        .post('/conversations/c1/reply', (body: { attachment_files?: Array<{ name: string; data: string }> }) => {
          received = body.attachment_files ?? [];
          return true;
        })
        .reply(200, { type: 'conversation', id: 'c1' });
      return { scope, files: () => received.map((f) => [f.name, Buffer.from(f.data, 'base64').toString('latin1')]) };
    };

    it('exactly 10 files, Intercom\'s limit, are all read and sent', async () => {
      const ten = Array.from({ length: 10 }, (_, i) => storage().put(Buffer.from(`file ${i}`)));
      const intercom = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, Object.fromEntries(ten.map((f, i) => [`f${i}.txt`, { url: f.signedUrl, size: 6 }])));
      intercom.scope.done();
      assert.deepEqual(intercom.files(), Array.from({ length: 10 }, (_, i) => [`f${i}.txt`, `file ${i}`]));
      assert.equal(storage().requests.length, 10);
    });

    it('a file of exactly the byte limit is accepted, declared or not; one byte more is refused', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const exact = storage().put(Buffer.alloc(1000, 0x61));
      const declared = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: exact.signedUrl, size: 1000 } });
      declared.scope.done();
      assert.deepEqual(declared.files(), [['a.txt', 'a'.repeat(1000)]]);
      const undeclared = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: exact.signedUrl } });
      undeclared.scope.done();
      assert.deepEqual(undeclared.files(), [['a.txt', 'a'.repeat(1000)]]);
      nock.cleanAll();
      const over = storage().put(Buffer.alloc(1001, 0x61));
      await refused({ attachments: 'all' }, { 'b.txt': { url: over.signedUrl } }, /"b\.txt" could not be read.*1001 bytes, over the limit of 1000 bytes of files per request/);
    });

    it('several files share one read budget: two undeclared files of 500 bytes fill it exactly; 500 and 501 are refused at the second read', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const first = storage().put(Buffer.alloc(500, 0x62));
      const fits = storage().put(Buffer.alloc(500, 0x63));
      const tooMuch = storage().put(Buffer.alloc(501, 0x64));
      const intercom = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, { 'one.bin': { url: first.signedUrl }, 'two.bin': { url: fits.signedUrl } });
      intercom.scope.done();
      assert.deepEqual(intercom.files(), [['one.bin', 'b'.repeat(500)], ['two.bin', 'c'.repeat(500)]]);
      nock.cleanAll();
      // Each file alone is within the limit; the budget left after the first (500 bytes) is what the second may use.
      await refused({ attachments: 'all' }, { 'one.bin': { url: first.signedUrl }, 'three.bin': { url: tooMuch.signedUrl } }, /"three\.bin" could not be read.*501 bytes, over the limit of 1000 bytes of files per request/);
    });

    it('declared sizes that add up past the limit are refused before any read, though each file is within it', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const file = storage().put(Buffer.alloc(10));
      await refused({ attachments: 'all' }, { 'a.bin': { url: file.signedUrl, size: 600 }, 'b.bin': { url: file.signedUrl, size: 401 } }, /the selected files are 1001 bytes together, over the limit of 1000 bytes of files per request/);
      assert.equal(storage().requests.length, 0);
    });

    it('an object-storage read that is redirected is not followed (the storage token stays with the storage); the step fails before Intercom', async () => {
      const elsewhere: string[] = [];
      const other = http.createServer((req, res) => {
        elsewhere.push(`${req.url ?? ''} ${req.headers.authorization ?? 'no credential'}`);
        res.end('the redirected bytes');
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const redirecting = http.createServer((_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/taken` });
        res.end();
      });
      await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
      try {
        process.env['ELASTICIO_OBJECT_STORAGE_URI'] = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
        await refused({ attachments: 'all' }, { 'a.txt': { url: 'http://storage().invalid/objects/abc?storage_type=maester' } }, /"a\.txt" could not be read from the platform's storage/);
        assert.deepEqual(elsewhere, [], 'the redirect was followed');
      } finally {
        redirecting.close();
        other.close();
      }
    });

    it('a file declared larger than the limit is refused before any read, naming the limit', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const file = storage().put(Buffer.alloc(10));
      await refused({ attachments: 'all' }, { 'big.zip': { url: file.signedUrl, size: 5000 } }, /"big\.zip" is 5000 bytes, over the limit of 1000 bytes of files per request/);
      assert.equal(storage().requests.length, 0);
    });

    it('a file larger than the limit whose size was not declared is cut off while reading, before any Intercom request', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const file = storage().put(Buffer.alloc(4000, 1));
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(run('replyConversation', { ...adminReply, attachments: 'all' }, { 'big.bin': { url: file.signedUrl } }), /"big\.bin" could not be read.*over the limit of 1000 bytes of files per request; nothing was sent to Intercom/);
      assert.equal(nock.pendingMocks().length, 1, 'Intercom was not called');
    });

    it('a 19 MiB attachment is refused before any read or request with the request-size error, naming the field, the file and what to do', async () => {
      const size = 19 * 1024 * 1024;
      const file = storage().put(Buffer.alloc(16), 'application/zip');
      // The body Intercom would get: the reply, then the file base64-encoded (4 characters per 3 bytes) in its entry.
      const entry = JSON.stringify({ name: 'big.zip', content_type: 'application/zip', data: '' }).length + 4 * Math.ceil(size / 3);
      const expected = JSON.stringify(replyBody).length + ',"attachment_files":[]'.length + entry;
      await refused(
        { attachments: 'all' },
        { 'big.zip': { url: file.signedUrl, size, 'content-type': 'application/zip' } },
        new RegExp(
          `Invalid input for replyConversation: field attachments: the request body would be ${expected} bytes, over the limit of 17825792 bytes \\(INTERCOM_MAX_REQUEST_BYTES\\); ` +
            'the 1 selected file\\(s\\) are 19922944 bytes \\(19 MiB\\) \\(the largest, "big\\.zip", 19922944 bytes \\(19 MiB\\)\\) and travel base64-encoded, a third larger; send fewer or smaller files .*or a link to them instead$',
        ),
      );
      assert.equal(storage().requests.length, 0, 'nothing was read');
    });

    it('a 13 MiB attachment whose size was not declared stops being read once the request has no room for it, before any Intercom request', async () => {
      const file = storage().put(Buffer.alloc(13 * 1024 * 1024, 7), 'application/octet-stream');
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(
        run('replyConversation', { ...adminReply, attachments: 'all' }, { 'dump.bin': { url: file.signedUrl } }),
        /"dump\.bin" could not be read from the platform's storage: it is 13631488 bytes \(13 MiB\), over the limit of 12582912 bytes \(12 MiB\) of files per request; nothing was sent to Intercom/,
      );
      assert.equal(nock.pendingMocks().length, 1, 'Intercom was not called');
    });

    it('the attachment limit fits under the request cap: 12 MiB by default, and never more than a request can carry base64-encoded', () => {
      assert.equal(fileLimits.maxAttachmentBytes, 12 * 1024 * 1024);
      // Independently: 12 MiB in base64 is 16 MiB, which leaves 1 MiB of the 17 MiB cap for the rest of the message.
      assert.equal(4 * Math.ceil(attachmentLimit() / 3) + 1024 * 1024, settings.maxRequestBytes);
      const savedCap = settings.maxRequestBytes;
      settings.maxRequestBytes = 4_000_000;
      fileLimits.maxAttachmentBytes = 50 * 1024 * 1024;
      try {
        assert.equal(attachmentLimit(), 3_000_000, 'three bytes of a file are four in the body');
      } finally {
        settings.maxRequestBytes = savedCap;
      }
    });

    it('an unreadable file (404 at the storage) fails the step before any Intercom request', async () => {
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(
        run('replyConversation', { ...adminReply, attachments: 'gone.txt' }, { 'gone.txt': { url: `${storage().url}/signed/00000000-0000-0000-0000-000000000000` } }),
        /"gone\.txt" could not be read from the platform's storage: the storage answered 404/,
      );
      assert.equal(nock.pendingMocks().length, 1);
    });

    it('an object-storage URL without the platform\'s storage settings is a clear error, not a request without credentials', async () => {
      Reflect.deleteProperty(process.env, 'ELASTICIO_OBJECT_STORAGE_URI');
      const file = storage().put(Buffer.from('x'));
      await assert.rejects(run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: file.objectUrl } }), /ELASTICIO_OBJECT_STORAGE_URI and ELASTICIO_OBJECT_STORAGE_TOKEN are not set/);
      assert.equal(storage().requests.length, 0);
    });

    it('attachments together with attachment_files of its own is refused', async () => {
      const file = storage().put(Buffer.from('x'));
      await refused({ attachments: 'all', attachment_files: [{ name: 'x', content_type: 'text/plain', data: 'eA==' }] }, { 'a.txt': { url: file.signedUrl } }, /give either attachment_files or attachments, not both/);
    });

    it('no selection sends no attachment_files (the body is unchanged)', async () => {
      const scope = nock(TEST_BASE_URL).post('/conversations/c1/reply', replyBody).reply(200, { id: 'c1' });
      await run('replyConversation', { ...adminReply, attachments: '' }, {});
      assert.ok(scope.isDone());
    });
  });

  describe('out of Intercom (deliver exports as a file)', () => {
    const csv = 'conversation_id,title\n1,"Hello, world"\n2,"multi\nline"\n';
    const downloadCfg = (deliverAs: string): Record<string, unknown> => testConfig(TOKEN, { deliverAs });

    it('a gzipped content export is stored as one file equal to the decompressed CSV and emitted as one attachment', async () => {
      nock(TEST_BASE_URL).get('/download/content/data/job-7').reply(200, gzipSync(csv), { 'Content-Type': 'application/octet-stream' });
      const step = new FakeStep();
      await forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'job-7' }, {}), downloadCfg('file'), {});
      const [upload] = storage().uploads();
      assert.ok(upload, 'one object was stored');
      assert.equal(storage().uploads().length, 1);
      assert.equal(readFileSync(storage().pathOf(upload.id), 'utf8'), csv);
      assert.equal(upload.contentType, 'text/csv');
      const messages = step.events('data') as Array<{ body: unknown; attachments: unknown }>;
      assert.equal(messages.length, 1);
      const size = Buffer.byteLength(csv);
      assert.deepEqual(messages[0]?.body, { file: { name: 'job-7.csv', size, content_type: 'text/csv' } });
      assert.deepEqual(messages[0]?.attachments, { 'job-7.csv': { url: `${storage().url}/objects/${upload.id}?storage_type=maester`, size, 'content-type': 'text/csv' } });
    });

    it('a refused upload fails the step clearly, without the storage token in the message', async () => {
      process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'storage_wrong_token_0123456789';
      nock(TEST_BASE_URL).get('/download/content/data/job-6').reply(200, gzipSync(csv));
      const step = new FakeStep();
      await assert.rejects(
        forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'job-6' }, {}), downloadCfg('file'), {}),
        (error: Error) => /the object storage answered 401 when storing the file/.test(error.message) && !error.message.includes('storage_wrong_token'),
      );
      assert.equal(step.events('data').length, 0);
    });

    it('without the platform\'s object storage it says so and delivers rows as before', async () => {
      for (const name of Object.keys(storage().env)) Reflect.deleteProperty(process.env, name);
      nock(TEST_BASE_URL).get('/download/content/data/job-8').reply(200, gzipSync(csv));
      const step = new FakeStep();
      await forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'job-8' }, {}), downloadCfg('file'), {});
      assert.deepEqual(step.bodies(), [{ row: { conversation_id: '1', title: 'Hello, world' } }, { row: { conversation_id: '2', title: 'multi\nline' } }]);
      assert.ok(step.logs.some((line) => /warn .*needs the platform's object storage.*delivering CSV rows instead/.test(line)));
      assert.equal(storage().uploads().length, 1, 'nothing new was stored');
    });

    it('the export is asked for with Accept: application/octet-stream, as Intercom\'s description of the download requires', async () => {
      const scope = nock(TEST_BASE_URL).get('/download/content/data/job-8').matchHeader('accept', 'application/octet-stream').reply(200, gzipSync(csv));
      await forOperation('downloadContentDataExport').process.call(new FakeStep(), message({ job_identifier: 'job-8' }, {}), downloadCfg('file'), {});
      scope.done();
    });

    it('under OIH (ferryman) it says so and delivers rows', async () => {
      nock(TEST_BASE_URL).get('/download/content/data/job-9').reply(200, gzipSync(csv));
      const step = new FakeStep();
      await forOperation('downloadContentDataExport').process.call(step, { data: { job_identifier: 'job-9' }, metadata: {} }, downloadCfg('file'), {}, {}, { function: 'downloadContentDataExport' });
      assert.equal(step.events('data').length, 2);
      assert.ok(step.logs.some((line) => /warn .*Open Integration Hub does not provide/.test(line)));
    });

    it('an unknown delivery is a configuration error naming the field', async () => {
      await assert.rejects(
        forOperation('downloadContentDataExport').process.call(new FakeStep(), message({ job_identifier: 'j' }, {}), downloadCfg('email'), {}),
        /Step field "deliverAs" must be one of rows, file; got "email"/,
      );
    });
  });

  describe('out of Intercom: bounded amplification (decompressed size, compression ratio, attachments of parts)', () => {
    const FILES_HOST = 'https://files.intercom.test';
    let bomb: Buffer;

    before(async function () {
      this.timeout(60_000);
      // 512 MiB of zeros, gzipped as it streams (never held whole): about 510 KiB, a ratio of about 1,000.
      const zeros = Buffer.alloc(1024 * 1024);
      const chunks: Buffer[] = [];
      await pipeline(Readable.from((function* () { for (let i = 0; i < 512; i++) yield zeros; })()), createGzip(), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) chunks.push(chunk);
      });
      bomb = Buffer.concat(chunks);
    });

    it('a 510 KiB gzip export that unpacks to 512 MiB stops early with an error naming the ratio cap; a few MiB at most reach the storage', async function () {
      this.timeout(30_000);
      assert.ok(bomb.length < 600 * 1024, `${bomb.length} bytes`);
      nock(TEST_BASE_URL).get('/download/content/data/bomb').reply(200, bomb, { 'Content-Type': 'application/octet-stream' });
      const step = new FakeStep();
      const started = Date.now();
      await assert.rejects(
        forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'bomb' }, {}), testConfig(TOKEN, { deliverAs: 'file' }), {}),
        /the download unpacks to more than 100 times its compressed size \(\d+ bytes from \d+; INTERCOM_MAX_COMPRESSION_RATIO 100\): stopped reading it/,
      );
      assert.equal(step.events('data').length, 0);
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      const partial = storage().uploads().reduce((sum, f) => sum + f.size, 0);
      assert.ok(partial < 64 * 1024 * 1024, `${partial} bytes stored`);
    });

    it('the same export as rows stops the same way, after the rows of the first 10 MiB at most', async function () {
      this.timeout(30_000);
      const rows = Buffer.from('a,b\n' + '1,2\n'.repeat(20 * 1024 * 1024));
      nock(TEST_BASE_URL).get('/download/content/data/rowbomb').reply(200, gzipSync(rows));
      const step = new FakeStep();
      step.logger.info = (): void => undefined;
      await assert.rejects(
        forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'rowbomb' }, {}), testConfig(TOKEN, { deliverAs: 'rows', batchSize: 10_000 }), {}),
        /unpacks to more than 100 times its compressed size .*INTERCOM_MAX_COMPRESSION_RATIO 100/,
      );
      assert.ok(step.events('data').length * 10_000 * 4 <= 11 * 1024 * 1024, `${step.events('data').length} batches`);
    });

    it('a download larger than INTERCOM_MAX_DOWNLOAD_BYTES once unpacked stops with an error naming it (gzipped or plain, as a file or a recording)', async () => {
      const saved = settings.maxDownloadBytes;
      settings.maxDownloadBytes = 64 * 1024;
      try {
        const csv = Buffer.from(`n\n${Array.from({ length: 40_000 }, (_, i) => i).join('\n')}\n`);
        nock(TEST_BASE_URL).get('/download/content/data/big').reply(200, gzipSync(csv));
        await assert.rejects(
          forOperation('downloadContentDataExport').process.call(new FakeStep(), message({ job_identifier: 'big' }, {}), testConfig(TOKEN, { deliverAs: 'file' }), {}),
          /the download is larger than 65536 bytes once unpacked \(INTERCOM_MAX_DOWNLOAD_BYTES\)/,
        );
        nock(TEST_BASE_URL).get('/calls/79/recording').reply(302, '', { Location: `${FILES_HOST}/calls/79/r.mp3` });
        nock(FILES_HOST).get('/calls/79/r.mp3').reply(200, () => Readable.from([Buffer.alloc(40_000), Buffer.alloc(40_000)]));
        await assert.rejects(
          forOperation('getCallRecording').process.call(new FakeStep(), message({ call_id: '79' }, {}), testConfig(TOKEN, { deliverAs: 'file' }), {}),
          /the file at files\.intercom\.test is longer than 65536 bytes, over the limit of 65536 bytes per download \(INTERCOM_MAX_DOWNLOAD_BYTES\); storing it stopped/,
        );
      } finally {
        settings.maxDownloadBytes = saved;
      }
    });

    const part = (id: string, files: Array<[string, number?]>): Record<string, unknown> => ({
      type: 'conversation_part',
      id,
      attachments: files.map(([name, filesize]) => ({ type: 'upload', name, url: `${FILES_HOST}/p/${id}/${name}`, content_type: 'text/plain', ...(filesize === undefined ? {} : { filesize }) })),
    });
    const withParts = (parts: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      type: 'conversation',
      id: '7007',
      source: { id: 'src', attachments: [] },
      conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
      ...extra,
    });
    const getWithFiles = async (record: Record<string, unknown>): Promise<FakeStep> => {
      nock(TEST_BASE_URL).get('/conversations/7007').reply(200, record);
      const step = new FakeStep();
      await forOperation('getConversation').process.call(step, message({ conversation_id: '7007' }, {}), testConfig(TOKEN, { partAttachments: 'files' }), {});
      return step;
    };

    it('only the attachments Intercom defines for a part are fetched: a list under custom_attributes or any other key is left alone', async () => {
      const record = withParts([part('p1', [['a.txt', 1]]), part('p2', [['b.txt', 1]])], {
        custom_attributes: { attachments: [{ name: 'evil.txt', url: `${FILES_HOST}/evil` }] },
        custom: { attachments: [{ name: 'evil2.txt', url: `${FILES_HOST}/evil2` }] },
      });
      const files = nock(FILES_HOST).get('/p/p1/a.txt').reply(200, 'a').get('/p/p2/b.txt').reply(200, 'b');
      const evil = nock(FILES_HOST).get(/evil/).times(2).reply(200, 'x');
      const step = await getWithFiles(record);
      assert.ok(files.isDone());
      assert.ok(!evil.isDone(), 'the custom lists were not fetched');
      const [sent] = step.events('data') as Array<{ attachments: Record<string, unknown> }>;
      assert.deepEqual(Object.keys(sent?.attachments ?? {}), ['p1-a.txt', 'p2-b.txt']);
    });

    it('more attached files than INTERCOM_MAX_PART_ATTACHMENTS fail before any file is fetched, naming the bound and what to do', async () => {
      const saved = fileLimits.maxPartAttachments;
      fileLimits.maxPartAttachments = 3;
      try {
        const scope = nock(FILES_HOST).get(/.*/).times(4).reply(200, 'x');
        await assert.rejects(
          getWithFiles(withParts([part('p1', [['1.txt'], ['2.txt']]), part('p2', [['3.txt'], ['4.txt']])])),
          /getConversation: the record has 4 attached files, more than the 3 stored for one message \(INTERCOM_MAX_PART_ATTACHMENTS\); nothing was stored; raise it, or set "partAttachments" to leave the attachments as URLs/,
        );
        assert.equal(scope.pendingMocks().length, 1, 'nothing fetched');
        assert.equal(fileLimits.maxPartAttachments, 3);
      } finally {
        fileLimits.maxPartAttachments = saved;
      }
    });

    it('attached files over INTERCOM_MAX_PART_ATTACHMENT_BYTES fail: before any fetch by the stated sizes, while storing when a file is longer than it said', async () => {
      const saved = fileLimits.maxPartAttachmentBytes;
      fileLimits.maxPartAttachmentBytes = 1000;
      try {
        await assert.rejects(getWithFiles(withParts([part('p1', [['big.bin', 600], ['big2.bin', 600]])])), /the record's attached files are 1200 bytes together, over the 1000 bytes stored for one message \(INTERCOM_MAX_PART_ATTACHMENT_BYTES\)/);
        nock(FILES_HOST).get('/p/p1/liar.bin').reply(200, () => Readable.from([Buffer.alloc(700), Buffer.alloc(700)]));
        await assert.rejects(
          getWithFiles(withParts([part('p1', [['liar.bin', 10]])])),
          /attachment "liar\.bin" of p1 could not be stored: the file at files\.intercom\.test is longer than 1000 bytes, over the 1000 bytes of attached files stored for one message \(INTERCOM_MAX_PART_ATTACHMENT_BYTES\)/,
        );
      } finally {
        fileLimits.maxPartAttachmentBytes = saved;
      }
    });

    it('the documented defaults: 1 GiB per download, ratio 100, 100 files and 256 MiB of attached files per message', () => {
      assert.deepEqual(
        [settings.maxDownloadBytes, settings.maxCompressionRatio, fileLimits.maxPartAttachments, fileLimits.maxPartAttachmentBytes],
        [1024 ** 3, 100, 100, 256 * 1024 ** 2],
      );
    });
  });

  describe('out of Intercom (recordings and attachments of parts as files)', () => {
    const FILES_HOST = 'https://files.intercom.test';
    const mp3 = Buffer.from('ID3\u0004\u0000 hand-made recording bytes', 'latin1');

    it('getCallRecording with "Deliver as: file" follows the redirect without credentials and stores the recording', async () => {
      nock(TEST_BASE_URL).get('/calls/77/recording').reply(302, '', { Location: `${FILES_HOST}/calls/77/recording.mp3?expires=1&signature=abc` });
      const file = nock(FILES_HOST, { badheaders: ['authorization'] }).get('/calls/77/recording.mp3').query({ expires: '1', signature: 'abc' }).reply(200, mp3, { 'Content-Type': 'audio/mpeg' });
      const step = new FakeStep();
      await forOperation('getCallRecording').process.call(step, message({ call_id: '77' }, {}), testConfig(TOKEN, { deliverAs: 'file' }), {});
      assert.ok(file.isDone());
      const upload = storage().uploads().at(-1);
      assert.ok(upload);
      assert.deepEqual(readFileSync(storage().pathOf(upload.id)), mp3);
      const [sent] = step.events('data') as Array<{ body: unknown; attachments: unknown }>;
      assert.deepEqual(sent?.body, { file: { name: 'call-77-recording.mp3', size: mp3.length, content_type: 'audio/mpeg' } });
      assert.deepEqual(sent?.attachments, { 'call-77-recording.mp3': { url: `${storage().url}/objects/${upload.id}?storage_type=maester`, size: mp3.length, 'content-type': 'audio/mpeg' } });
    });

    it('getCallRecording by default still hands out the URL and fetches nothing', async () => {
      nock(TEST_BASE_URL).get('/calls/78/recording').reply(302, '', { Location: `${FILES_HOST}/r.mp3` });
      const step = new FakeStep();
      const before = storage().uploads().length;
      await forOperation('getCallRecording').process.call(step, message({ call_id: '78' }, {}), cfg, {});
      assert.deepEqual(step.bodies(), [{ url: `${FILES_HOST}/r.mp3`, status: 302 }]);
      assert.equal(storage().uploads().length, before);
    });

    const conversation = {
      type: 'conversation',
      id: '9009',
      source: { id: 'src1', body: 'Hi', attachments: [{ type: 'upload', name: 'brief.pdf', url: `${FILES_HOST}/a/brief.pdf`, content_type: 'application/pdf', filesize: 4 }] },
      conversation_parts: {
        type: 'conversation_part.list',
        conversation_parts: [
          { type: 'conversation_part', id: 'p1', attachments: [{ type: 'upload', name: 'shot.png', url: `${FILES_HOST}/a/shot.png`, content_type: 'image/png', filesize: 3 }] },
          { type: 'conversation_part', id: 'p2', attachments: [] },
        ],
        total_count: 2,
      },
    };

    it('getConversation with the parts\' attachments as files: the record unchanged, each file stored and attached as <part id>-<name>', async () => {
      nock(TEST_BASE_URL).get('/conversations/9009').reply(200, conversation);
      nock(FILES_HOST, { badheaders: ['authorization'] })
        .get('/a/brief.pdf')
        .reply(200, '%PDF', { 'Content-Type': 'application/pdf' })
        .get('/a/shot.png')
        .reply(200, Buffer.from([1, 2, 3]), { 'Content-Type': 'image/png' });
      const step = new FakeStep();
      await forOperation('getConversation').process.call(step, message({ conversation_id: '9009' }, {}), testConfig(TOKEN, { partAttachments: 'files' }), {});
      const [sent] = step.events('data') as Array<{ body: unknown; attachments: Record<string, { url: string; size: number; 'content-type': string }> }>;
      assert.deepEqual(sent?.body, conversation);
      assert.deepEqual(Object.keys(sent?.attachments ?? {}), ['src1-brief.pdf', 'p1-shot.png']);
      assert.deepEqual(
        Object.values(sent?.attachments ?? {}).map((a) => [a.size, a['content-type'], readFileSync(storage().pathOf(new URL(a.url).pathname.split('/').pop() ?? '')).toString('hex')]),
        [
          [4, 'application/pdf', Buffer.from('%PDF').toString('hex')],
          [3, 'image/png', '010203'],
        ],
      );
    });

    it('an expired attachment URL fails the step naming the attachment and its part', async () => {
      nock(TEST_BASE_URL).get('/conversations/9009').reply(200, conversation);
      nock(FILES_HOST).get('/a/brief.pdf').reply(403, 'expired');
      await assert.rejects(
        forOperation('getConversation').process.call(new FakeStep(), message({ conversation_id: '9009' }, {}), testConfig(TOKEN, { partAttachments: 'files' }), {}),
        /getConversation: attachment "brief\.pdf" of src1 could not be stored: the file at files\.intercom\.test answered 403/,
      );
    });

    it('an unknown choice is a configuration error naming the field', async () => {
      await assert.rejects(
        forOperation('getConversation').process.call(new FakeStep(), message({ conversation_id: '9009' }, {}), testConfig(TOKEN, { partAttachments: 'yes' }), {}),
        /Step field "partAttachments" must be one of urls, files; got "yes"/,
      );
    });
  });
});
