/**
 * Files between the platform's storage and Intercom. Intercom is nock (exact bodies); the storage is the
 * loopback stand-in tools/storage (a real server, so the component's own HTTP reading and streaming is tested).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { fileLimits } from '../../../lib/files/limits';
import { forOperation } from '../../../lib/runtime/action';
import { process as replyToConversation } from '../../../lib/curated/replyToConversation';
import { startStorage, type StorageHandle } from '../../../tools/storage';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const TOKEN = 'tok_unit_files_0123456789';
const cfg = testConfig(TOKEN);

describe('files: attachments of the incoming message into Intercom, exports into the platform storage', () => {
  offlineRuntime({ allowLoopback: true });
  let storage: StorageHandle;
  const savedEnv = { ...process.env };
  const savedLimit = fileLimits.maxAttachmentBytes;

  before(async () => {
    storage = await startStorage();
  });
  after(async () => {
    await storage.close();
  });
  beforeEach(() => {
    Object.assign(process.env, storage.env);
    storage.requests.length = 0;
  });
  afterEach(() => {
    for (const name of Object.keys(storage.env)) if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
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
      const a = storage.put(pdf, 'application/pdf');
      const b = storage.put(png, 'image/png');
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
        storage.requests.map((r) => [r.path.split('/')[1], r.auth]),
        [
          ['signed', 'none'],
          ['objects', 'storage-token'],
        ],
      );
    });

    it('a list of names selects those attachments only (replyToTicket), and a missing content type is sent as octet-stream', async () => {
      const text = storage.put(Buffer.from('hello'), 'text/plain');
      const scope = nock(TEST_BASE_URL)
        .post('/tickets/t1/reply', { message_type: 'note', type: 'admin', admin_id: '7', body: 'x', attachment_files: [{ name: 'b.bin', content_type: 'application/octet-stream', data: 'aGVsbG8=' }] })
        .reply(200, { type: 'ticket', id: 't1' });
      await run('replyToTicket', { ticket_id: 't1', message_type: 'note', type: 'admin', admin_id: '7', body: 'x', attachments: ['b.bin'] }, {
        'a.txt': { url: text.signedUrl, size: 5, 'content-type': 'text/plain' },
        'b.bin': { url: text.signedUrl, size: 5 },
      });
      assert.ok(scope.isDone());
      assert.equal(storage.requests.length, 1, 'only the selected file was read');
    });

    it('replyToConversation (convenience action) takes "all" as well', async () => {
      const file = storage.put(Buffer.from('a,b\n1,2\n'), 'text/csv');
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
      const file = storage.put(Buffer.from('x'));
      await refused({ attachments: ['nope.pdf'] }, { 'a.pdf': { url: file.signedUrl, size: 1 } }, /field attachments: the incoming message has no attachment "nope\.pdf" \(it has: "a\.pdf"\)/);
      assert.equal(storage.requests.length, 0, 'nothing was read');
    });

    it('more than 10 files are refused before any read, naming Intercom\'s limit', async () => {
      const file = storage.put(Buffer.from('x'));
      const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, { url: file.signedUrl, size: 1 }]));
      await refused({ attachments: 'all' }, many, /Intercom takes at most 10 files per request; 11 were selected/);
      assert.equal(storage.requests.length, 0);
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
      const ten = Array.from({ length: 10 }, (_, i) => storage.put(Buffer.from(`file ${i}`)));
      const intercom = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, Object.fromEntries(ten.map((f, i) => [`f${i}.txt`, { url: f.signedUrl, size: 6 }])));
      intercom.scope.done();
      assert.deepEqual(intercom.files(), Array.from({ length: 10 }, (_, i) => [`f${i}.txt`, `file ${i}`]));
      assert.equal(storage.requests.length, 10);
    });

    it('a file of exactly the byte limit is accepted, declared or not; one byte more is refused', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const exact = storage.put(Buffer.alloc(1000, 0x61));
      const declared = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: exact.signedUrl, size: 1000 } });
      declared.scope.done();
      assert.deepEqual(declared.files(), [['a.txt', 'a'.repeat(1000)]]);
      const undeclared = sentFiles();
      await run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: exact.signedUrl } });
      undeclared.scope.done();
      assert.deepEqual(undeclared.files(), [['a.txt', 'a'.repeat(1000)]]);
      nock.cleanAll();
      const over = storage.put(Buffer.alloc(1001, 0x61));
      await refused({ attachments: 'all' }, { 'b.txt': { url: over.signedUrl } }, /"b\.txt" could not be read.*1001 bytes, over the limit of 1000 bytes of files per request/);
    });

    it('several files share one read budget: two undeclared files of 500 bytes fill it exactly; 500 and 501 are refused at the second read', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const first = storage.put(Buffer.alloc(500, 0x62));
      const fits = storage.put(Buffer.alloc(500, 0x63));
      const tooMuch = storage.put(Buffer.alloc(501, 0x64));
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
      const file = storage.put(Buffer.alloc(10));
      await refused({ attachments: 'all' }, { 'a.bin': { url: file.signedUrl, size: 600 }, 'b.bin': { url: file.signedUrl, size: 401 } }, /the selected files are 1001 bytes together, over the limit of 1000 bytes of files per request/);
      assert.equal(storage.requests.length, 0);
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
        await refused({ attachments: 'all' }, { 'a.txt': { url: 'http://storage.invalid/objects/abc?storage_type=maester' } }, /"a\.txt" could not be read from the platform's storage/);
        assert.deepEqual(elsewhere, [], 'the redirect was followed');
      } finally {
        redirecting.close();
        other.close();
      }
    });

    it('a file declared larger than the limit is refused before any read, naming the limit', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const file = storage.put(Buffer.alloc(10));
      await refused({ attachments: 'all' }, { 'big.zip': { url: file.signedUrl, size: 5000 } }, /"big\.zip" is 5000 bytes, over the limit of 1000 bytes of files per request/);
      assert.equal(storage.requests.length, 0);
    });

    it('a file larger than the limit whose size was not declared is cut off while reading, before any Intercom request', async () => {
      fileLimits.maxAttachmentBytes = 1000;
      const file = storage.put(Buffer.alloc(4000, 1));
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(run('replyConversation', { ...adminReply, attachments: 'all' }, { 'big.bin': { url: file.signedUrl } }), /"big\.bin" could not be read.*over the limit of 1000 bytes of files per request; nothing was sent to Intercom/);
      assert.equal(nock.pendingMocks().length, 1, 'Intercom was not called');
    });

    it('an unreadable file (404 at the storage) fails the step before any Intercom request', async () => {
      nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, {});
      await assert.rejects(
        run('replyConversation', { ...adminReply, attachments: 'gone.txt' }, { 'gone.txt': { url: `${storage.url}/signed/00000000-0000-0000-0000-000000000000` } }),
        /"gone\.txt" could not be read from the platform's storage: the storage answered 404/,
      );
      assert.equal(nock.pendingMocks().length, 1);
    });

    it('an object-storage URL without the platform\'s storage settings is a clear error, not a request without credentials', async () => {
      Reflect.deleteProperty(process.env, 'ELASTICIO_OBJECT_STORAGE_URI');
      const file = storage.put(Buffer.from('x'));
      await assert.rejects(run('replyConversation', { ...adminReply, attachments: 'all' }, { 'a.txt': { url: file.objectUrl } }), /ELASTICIO_OBJECT_STORAGE_URI and ELASTICIO_OBJECT_STORAGE_TOKEN are not set/);
      assert.equal(storage.requests.length, 0);
    });

    it('attachments together with attachment_files of its own is refused', async () => {
      const file = storage.put(Buffer.from('x'));
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
      const [upload] = storage.uploads();
      assert.ok(upload, 'one object was stored');
      assert.equal(storage.uploads().length, 1);
      assert.equal(readFileSync(storage.pathOf(upload.id), 'utf8'), csv);
      assert.equal(upload.contentType, 'text/csv');
      const messages = step.events('data') as Array<{ body: unknown; attachments: unknown }>;
      assert.equal(messages.length, 1);
      const size = Buffer.byteLength(csv);
      assert.deepEqual(messages[0]?.body, { file: { name: 'job-7.csv', size, content_type: 'text/csv' } });
      assert.deepEqual(messages[0]?.attachments, { 'job-7.csv': { url: `${storage.url}/objects/${upload.id}?storage_type=maester`, size, 'content-type': 'text/csv' } });
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
      for (const name of Object.keys(storage.env)) Reflect.deleteProperty(process.env, name);
      nock(TEST_BASE_URL).get('/download/content/data/job-8').reply(200, gzipSync(csv));
      const step = new FakeStep();
      await forOperation('downloadContentDataExport').process.call(step, message({ job_identifier: 'job-8' }, {}), downloadCfg('file'), {});
      assert.deepEqual(step.bodies(), [{ row: { conversation_id: '1', title: 'Hello, world' } }, { row: { conversation_id: '2', title: 'multi\nline' } }]);
      assert.ok(step.logs.some((line) => /warn .*needs the platform's object storage.*delivering CSV rows instead/.test(line)));
      assert.equal(storage.uploads().length, 1, 'nothing new was stored');
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
        /Step field "deliverAs" must be "rows" or "file"; got "email"/,
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
      const upload = storage.uploads().at(-1);
      assert.ok(upload);
      assert.deepEqual(readFileSync(storage.pathOf(upload.id)), mp3);
      const [sent] = step.events('data') as Array<{ body: unknown; attachments: unknown }>;
      assert.deepEqual(sent?.body, { file: { name: 'call-77-recording.mp3', size: mp3.length, content_type: 'audio/mpeg' } });
      assert.deepEqual(sent?.attachments, { 'call-77-recording.mp3': { url: `${storage.url}/objects/${upload.id}?storage_type=maester`, size: mp3.length, 'content-type': 'audio/mpeg' } });
    });

    it('getCallRecording by default still hands out the URL and fetches nothing', async () => {
      nock(TEST_BASE_URL).get('/calls/78/recording').reply(302, '', { Location: `${FILES_HOST}/r.mp3` });
      const step = new FakeStep();
      const before = storage.uploads().length;
      await forOperation('getCallRecording').process.call(step, message({ call_id: '78' }, {}), cfg, {});
      assert.deepEqual(step.bodies(), [{ url: `${FILES_HOST}/r.mp3`, status: 302 }]);
      assert.equal(storage.uploads().length, before);
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
        Object.values(sent?.attachments ?? {}).map((a) => [a.size, a['content-type'], readFileSync(storage.pathOf(new URL(a.url).pathname.split('/').pop() ?? '')).toString('hex')]),
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
        /Step field "partAttachments" must be "urls" or "files"; got "yes"/,
      );
    });
  });
});
