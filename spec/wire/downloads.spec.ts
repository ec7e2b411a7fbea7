/**
 * nock, not the sandbox: export files with every CSV edge case, and error bodies, scripted per case; one case
 * serves a large export from a local server of its own, to see back-pressure on a real socket.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip, gzipSync } from 'node:zlib';
import nock from 'nock';
import { forOperation } from '../../lib/operation/action';
import { CsvParser, csvRecords } from '../../lib/runtime/downloads';
import { FakeStep, offlineRuntime } from '../helpers/context';
import { CSV_ROWS, CSV_TEXT, gzippedCsv, WIRE_BASE_URL, wireConfig } from './helpers';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';

/** Data export downloads: streamed, gunzipped when gzipped, parsed as CSV and emitted row by row or in batches. */

const run = async (key: string, body: unknown, cfg: Record<string, unknown> = wireConfig(), step = new FakeStep()): Promise<FakeStep> => {
  await forOperation(key).process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
};

/** A byte stream delivered in pieces of `size` bytes, so every boundary case of the parser is crossed. */
function chunked(bytes: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

async function records(bytes: Buffer, size = bytes.length || 1): Promise<Array<Record<string, string>>> {
  const out: Array<Record<string, string>> = [];
  for await (const record of csvRecords(chunked(bytes, size))) out.push(record);
  return out;
}

const rowsText = (count: number): string => ['n,label', ...Array.from({ length: count }, (_, i) => `${i + 1},"row ${i + 1}, ok"`)].join('\n');

describe('wire: data export downloads', () => {
  offlineRuntime({ allowLoopback: true });

  describe('CSV parsing', () => {
    it('reads quoted fields with commas, doubled quotes and line breaks, any chunk size', async () => {
      for (const size of [1, 2, 3, 7, 64]) assert.deepEqual(await records(Buffer.from(CSV_TEXT), size), CSV_ROWS, `chunks of ${size}`);
    });

    it('gunzips when the stream starts with the gzip magic bytes, even split across chunks', async () => {
      for (const size of [1, 5, 1000]) assert.deepEqual(await records(gzippedCsv(), size), CSV_ROWS, `chunks of ${size}`);
    });

    it('handles a BOM, CR-only line ends, a last line without a line break, blank lines and multi-byte characters', async () => {
      const text = '\uFEFFcity,note\r\rZürich,"naïve ""quote"""\rMalmö,\r\n\nKraków,x';
      assert.deepEqual(await records(Buffer.from(text, 'utf8'), 1), [
        { city: 'Zürich', note: 'naïve "quote"' },
        { city: 'Malmö', note: '' },
        { city: 'Kraków', note: 'x' },
      ]);
    });

    it('keeps duplicate, empty and extra columns apart instead of overwriting them', async () => {
      assert.deepEqual(await records(Buffer.from('a,a,\n1,2,3,4\n5\n')), [
        { a: '1', a_2: '2', column_3: '3', column_4: '4' },
        { a: '5', a_2: '', column_3: '' },
      ]);
    });

    it('keeps every column of a header that repeats a name already made unique: a,a_2,a gives three keys', async () => {
      assert.deepEqual(await records(Buffer.from('a,a_2,a\n1,2,3\n')), [{ a: '1', a_2: '2', a_3: '3' }]);
      assert.deepEqual(await records(Buffer.from('a,a,a_2,column_2\n1,2,3,4,5\n')), [{ a: '1', a_2: '2', a_2_2: '3', column_2: '4', column_5: '5' }]);
      // An extra value past the header takes column_<n>, unless a header already holds that name.
      assert.deepEqual(await records(Buffer.from('column_3,b\n1,2,3\n')), [{ column_3: '1', b: '2', column_3_2: '3' }]);
    });

    it('keeps columns named like object machinery under documented keys (csv_<name>): none is lost', async () => {
      const [row] = await records(Buffer.from('__proto__,constructor,prototype,ok\n1,2,3,4\n'));
      assert.deepEqual(row, { csv___proto__: '1', csv_constructor: '2', csv_prototype: '3', ok: '4' });
      assert.deepEqual(Object.keys(row ?? {}), ['csv___proto__', 'csv_constructor', 'csv_prototype', 'ok']);
      assert.equal(Object.getPrototypeOf(row), Object.prototype, 'no header reaches the row\'s prototype');
    });

    it('an empty file or a header alone has no records', async () => {
      assert.deepEqual(await records(Buffer.alloc(0)), []);
      assert.deepEqual(await records(Buffer.from('a,b\r\n')), []);
    });

    it('fails clearly on a file that ends inside a quoted field', async () => {
      await assert.rejects(records(Buffer.from('a,b\n1,"open')), /ends inside a quoted field/);
    });

    it('stops on a record larger than the limit instead of buffering it', () => {
      const parser = new CsvParser();
      // 8 MiB, the documented longest record, and one character more.
      assert.throws(() => parser.feed(`"${'x'.repeat(8 * 1024 * 1024 + 1)}`), /longer than/);
    });

    it('a consumer that stops early releases the source stream, gzipped or not', async () => {
      for (const bytes of [Buffer.from(rowsText(100)), gzipSync(rowsText(100))]) {
        const source = chunked(bytes, 16);
        for await (const record of csvRecords(source)) {
          assert.equal(record['n'], '1');
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(source.destroyed, true);
      }
    });

    it('fails on a corrupt gzip stream', async () => {
      const broken = gzippedCsv().subarray(0, 20);
      await assert.rejects(records(broken));
    });
  });

  describe('downloadContentDataExport', () => {
    it('asks for application/octet-stream and emits one message per row', async () => {
      const scope = nock(WIRE_BASE_URL, { reqheaders: { accept: 'application/octet-stream', 'intercom-version': INTERCOM_API_VERSION } })
        .get('/download/content/data/job-1')
        .reply(200, () => chunked(gzippedCsv(), 3), { 'Content-Type': 'application/octet-stream' });
      const step = await run('downloadContentDataExport', { job_identifier: 'job-1' });
      scope.done();
      assert.deepEqual(step.bodies(), CSV_ROWS.map((row) => ({ row })));
      assert.ok(step.logs.some((line) => line.includes('2 row(s) downloaded')));
    });

    it('emits batches of the configured size, the last one smaller', async () => {
      nock(WIRE_BASE_URL).get('/download/content/data/job-2').reply(200, gzipSync(rowsText(5)));
      const step = await run('downloadContentDataExport', { job_identifier: 'job-2' }, wireConfig({ batchSize: '2' }));
      const bodies = step.bodies() as Array<{ rows: unknown[] }>;
      assert.deepEqual(bodies.map((b) => b.rows.length), [2, 2, 1]);
      assert.deepEqual(bodies[2]?.rows, [{ n: '5', label: 'row 5, ok' }]);
    });

    it('an empty export emits nothing and says so in the log', async () => {
      nock(WIRE_BASE_URL).get('/download/content/data/job-3').reply(200, gzipSync(''));
      const step = await run('downloadContentDataExport', { job_identifier: 'job-3' });
      assert.deepEqual(step.bodies(), []);
      assert.ok(step.logs.some((line) => line.includes('0 row(s) downloaded; the export file was empty')));
    });

    it('streams: the first rows are emitted long before the file has been read (real socket, back-pressure)', async () => {
      const total = 100_000;
      let produced = 0;
      let producedAtFirstEmit = -1;
      const server = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const rows = Readable.from(
          (function* generate(): Generator<string> {
            yield 'n,label\n';
            for (let i = 1; i <= total; i += 100) {
              let chunk = '';
              for (let j = i; j < i + 100; j++) chunk += `${j},"row ${j} with some padding to make the file a few megabytes"\n`;
              produced += 100;
              yield chunk;
            }
          })(),
        );
        rows.pipe(createGzip()).pipe(res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      // A real socket end to end: nock's pass-through socket sometimes aborts a paused download ("aborted").
      nock.restore();
      try {
        const port = (server.address() as AddressInfo).port;
        const step = new FakeStep();
        let emitted = 0;
        const record = step.emit;
        step.emit = async (event: string, payload?: unknown): Promise<void> => {
          if (event !== 'data') return record(event, payload);
          emitted++;
          if (producedAtFirstEmit < 0) {
            producedAtFirstEmit = produced;
            await new Promise((resolve) => setTimeout(resolve, 50)); // a slow consumer must hold the producer back
          }
        };
        await run('downloadContentDataExport', { job_identifier: 'big' }, { accessToken: 'tok_wire_test_abc123', baseUrl: `http://127.0.0.1:${port}`, batchSize: '1000' }, step);
        assert.equal(emitted, total / 1000);
        assert.ok(producedAtFirstEmit > 0 && producedAtFirstEmit < total / 2, `first batch emitted after ${producedAtFirstEmit} of ${total} rows were produced`);
      } finally {
        nock.activate();
        server.close();
      }
    });

    it('rejects a bad batch size before sending anything', async () => {
      const scope = nock(WIRE_BASE_URL).get('/download/content/data/job-4').reply(200, gzippedCsv());
      await assert.rejects(run('downloadContentDataExport', { job_identifier: 'job-4' }, wireConfig({ batchSize: 'ten' })), /Step field "batchSize" must be a whole number from 1 to 10000/);
      await assert.rejects(run('downloadContentDataExport', { job_identifier: 'job-4' }, wireConfig({ batchSize: 0 })), /batchSize/);
      assert.equal(scope.isDone(), false);
    });

    it('an Intercom error on the download is an error naming the action, not a CSV', async () => {
      nock(WIRE_BASE_URL)
        .get('/download/content/data/gone')
        .reply(404, { type: 'error.list', request_id: 'req-dl', errors: [{ code: 'not_found', message: 'Export job not found' }] }, { 'Content-Type': 'application/json' });
      await assert.rejects(run('downloadContentDataExport', { job_identifier: 'gone' }), /Intercom 404 not_found: Export job not found \(request_id req-dl\) in downloadContentDataExport/);
    });
  });

  describe('reporting data export: job_identifier in the path, app_id from GET /me', () => {
    const me = { type: 'admin', id: '1', app: { type: 'app', id_code: 'ws_abc', region: 'US' } };

    it('downloadReportingDataExport fills app_id from the token\'s workspace when left empty', async () => {
      const scope = nock(WIRE_BASE_URL)
        .get('/me')
        .reply(200, me)
        .get('/download/reporting_data/job-9')
        .query({ app_id: 'ws_abc' })
        .reply(200, Buffer.from(CSV_TEXT));
      const step = await run('downloadReportingDataExport', { job_identifier: 'job-9' });
      scope.done();
      assert.deepEqual(step.bodies(), CSV_ROWS.map((row) => ({ row })));
    });

    it('getReportingDataExport sends a given app_id and client_id as they are, without asking /me', async () => {
      const scope = nock(WIRE_BASE_URL)
        .get('/export/reporting_data/job-9')
        .query({ app_id: 'ws_given', client_id: 'cl_1' })
        .reply(200, { job_identifier: 'job-9', status: 'complete', download_url: '', download_expires_at: '' });
      const step = await run('getReportingDataExport', { job_identifier: 'job-9', app_id: 'ws_given', client_id: 'cl_1' });
      scope.done();
      assert.deepEqual(step.bodies(), [{ job_identifier: 'job-9', status: 'complete', download_url: '', download_expires_at: '' }]);
    });

    it('fails clearly when /me names no workspace and app_id is empty', async () => {
      nock(WIRE_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1' });
      await assert.rejects(run('getReportingDataExport', { job_identifier: 'job-9' }), /field app_id is empty and GET \/me did not name the workspace/);
    });
  });
});
