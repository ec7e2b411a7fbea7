/**
 * The platform's storage as it may answer: reads of exactly the bound and one byte more without a declared length,
 * answers that are not a success, redirects (up to five followed for a signed URL, each checked; none for the
 * object storage), and what the object storage answers to a new object. The servers are real, on loopback (let
 * through by the test-only switch); expected texts and URLs are written by hand.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { readStoredFile, storeStream } from '../../../lib/files/storage';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe('files: what the storage answers', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  const seen: string[] = [];
  const savedEnv = { ...process.env };
  before(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    process.env['INTERCOM_TEST_LOOPBACK_FILES'] = `127.0.0.1:${port}`;
    process.env['ELASTICIO_OBJECT_STORAGE_URI'] = base;
    process.env['ELASTICIO_OBJECT_STORAGE_TOKEN'] = 'tok_storage_answers_0123';
  });
  after(async () => {
    for (const name of ['INTERCOM_TEST_LOOPBACK_FILES', 'ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN']) {
      if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = savedEnv[name];
    }
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  /** Writes the bytes in two pieces without a Content-Length (chunked). */
  const chunked = (bytes: number): Handler => (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.write(Buffer.alloc(bytes - 1, 0x7a));
    res.end(Buffer.alloc(1, 0x7a));
  };

  describe('reading a file', () => {
    it('without a declared length: exactly the bound is read; one byte more stops the read, naming the bound', async () => {
      handler = chunked(50);
      assert.equal((await readStoredFile(`${base}/signed/a`, 50, 'the test bound')).toString(), 'z'.repeat(50));
      handler = chunked(51);
      await assert.rejects(readStoredFile(`${base}/signed/a`, 50, 'the test bound'), (e: Error) => e.name === 'StorageError' && e.message === 'it is longer than 50 bytes, over the test bound');
    });

    it('a declared length of exactly the bound is read; one byte more is refused before reading, naming the size', async () => {
      handler = (_req, res) => res.end(Buffer.alloc(50, 0x79));
      assert.equal((await readStoredFile(`${base}/signed/a`, 50, 'the test bound')).length, 50);
      handler = (_req, res) => res.end(Buffer.alloc(51, 0x79));
      await assert.rejects(readStoredFile(`${base}/signed/a`, 50, 'the test bound'), (e: Error) => e.message === 'it is 51 bytes, over the test bound');
    });

    it('an answer that is not a success is named by its status (300 without a location, 404); another 2xx is read', async () => {
      handler = (_req, res) => {
        res.writeHead(300);
        res.end('choices');
      };
      await assert.rejects(readStoredFile(`${base}/signed/a`, 50, 'x'), (e: Error) => e.message === 'the storage answered 300');
      handler = (_req, res) => {
        res.writeHead(404);
        res.end();
      };
      await assert.rejects(readStoredFile(`${base}/signed/a`, 50, 'x'), (e: Error) => e.message === 'the storage answered 404');
      handler = (_req, res) => {
        res.writeHead(203);
        res.end('ok');
      };
      assert.equal((await readStoredFile(`${base}/signed/a`, 50, 'x')).toString(), 'ok');
    });

    it('a signed URL follows five redirects (relative ones too), each checked; a sixth is refused, naming the host', async () => {
      // /r/<n> redirects to /r/<n-1>; /r/0 is the file.
      handler = (req, res) => {
        const n = Number((req.url ?? '').split('/').pop());
        if (n > 0) {
          res.writeHead(302, { Location: `/r/${n - 1}` });
          res.end();
        } else res.end('found');
      };
      assert.equal((await readStoredFile(`${base}/r/5`, 50, 'x')).toString(), 'found');
      assert.equal(seen.length, 6);
      seen.length = 0;
      await assert.rejects(readStoredFile(`${base}/r/6`, 50, 'x'), (e: Error) => e.message === `more than 5 redirects from ${new URL(base).host}`);
      assert.equal(seen.length, 6, 'the sixth redirect is not followed');
    });

    it('a redirect to another scheme is refused', async () => {
      handler = (_req, res) => {
        res.writeHead(301, { Location: 'ftp://files.example.com/a' });
        res.end();
      };
      await assert.rejects(readStoredFile(`${base}/signed/a`, 50, 'x'), (e: Error) => e.message === '"ftp:" URLs are not read; only http(s)');
    });

    it('the object storage is read with its token and never redirected', async () => {
      const auth: string[] = [];
      handler = (req, res) => {
        auth.push(req.headers.authorization ?? 'none');
        res.writeHead(307, { Location: `${base}/elsewhere` });
        res.end();
      };
      await assert.rejects(readStoredFile(`${base}/objects/o1?storage_type=maester`, 50, 'x'), (e: Error) => e.message === 'the storage answered 307 with a redirect, which is not followed');
      assert.deepEqual(seen, ['GET /objects/o1']);
      assert.deepEqual(auth, ['Bearer tok_storage_answers_0123']);
    });
  });

  describe('storing a new object', () => {
    const answer = (status: number, body: string): Handler => (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(body);
      });
    };
    const store = (): ReturnType<typeof storeStream> => storeStream(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 'text/csv');

    it('its objectId becomes the URL the next step reads (encoded), with the bytes counted as they passed', async () => {
      handler = answer(201, '{"objectId":"a b/c"}');
      assert.deepEqual(await store(), { url: `${base}/objects/a%20b%2Fc?storage_type=maester`, size: 5 });
      assert.deepEqual(seen, ['POST /objects']);
    });

    it('a refusal is named by its status; an answer without an objectId (none, empty, not JSON) is an error', async () => {
      handler = answer(500, '{"objectId":"x"}');
      await assert.rejects(store(), (e: Error) => e.message === 'the object storage answered 500 when storing the file');
      handler = answer(302, '{"objectId":"x"}');
      await assert.rejects(store(), (e: Error) => e.message === 'the object storage answered 302 when storing the file');
      for (const body of ['{}', '{"objectId":""}', '{"objectId":7}', 'not json']) {
        handler = answer(200, body);
        await assert.rejects(store(), (e: Error) => e.message === 'the object storage answered without an objectId', body);
      }
    });

    it('an answer of up to 64 KiB is read; a longer one is not kept', async () => {
      const json = (length: number): string => {
        const head = '{"objectId":"o1","pad":"';
        return `${head}${'p'.repeat(length - head.length - 2)}"}`;
      };
      handler = answer(200, json(64 * 1024));
      assert.equal((await store()).url, `${base}/objects/o1?storage_type=maester`);
      handler = answer(200, json(64 * 1024 + 1));
      await assert.rejects(store(), /the object storage answered without an objectId/);
    });
  });
});
