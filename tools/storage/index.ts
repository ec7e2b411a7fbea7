/**
 * A loopback stand-in for the elastic.io platform's file storage, for suites, e2e and benchmarks: files are
 * served at signed URLs (plain GET, no credentials) and as object-storage objects (`/objects/<id>`, bearer
 * token, the `?storage_type=maester` form), and new objects are accepted by `POST /objects` (streamed to disk,
 * answered `{ objectId }`). Bytes live in a temporary directory, so a 100 MB object costs the test process no memory.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** One request the storage saw. `auth` says which credential came: none, the storage token, or something else. */
export interface StorageRequest {
  method: string;
  path: string;
  auth: 'none' | 'storage-token' | 'other';
  status: number;
}

export interface StorageHandle {
  /** Base URL; also the value of ELASTICIO_OBJECT_STORAGE_URI. */
  url: string;
  /** The value of ELASTICIO_OBJECT_STORAGE_TOKEN. */
  token: string;
  /** The environment a component process needs to use this storage (its signed URLs let through by the test-only switch). */
  env: Record<string, string>;
  /** Stores a file; returns its signed URL and its object-storage URL. */
  put(bytes: Buffer, contentType?: string): { file: StoredFile; signedUrl: string; objectUrl: string };
  /** A stored object (uploaded by a client or put by the test). */
  get(id: string): StoredFile | undefined;
  /** The path of a stored object's bytes on disk. */
  pathOf(id: string): string;
  uploads(): StoredFile[];
  requests: StorageRequest[];
  close(): Promise<void>;
}

export async function startStorage(): Promise<StorageHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'storage-standin-'));
  const token = `storage_${randomBytes(16).toString('hex')}`;
  const files = new Map<string, StoredFile>();
  const uploaded: string[] = [];
  const requests: StorageRequest[] = [];
  const pathOf = (id: string): string => join(dir, id.replace(/[^\w-]/g, '_'));

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://storage.invalid');
    const authorization = req.headers.authorization;
    const auth: StorageRequest['auth'] = authorization === undefined ? 'none' : authorization === `Bearer ${token}` ? 'storage-token' : 'other';
    const answer = (status: number, body?: unknown): void => {
      requests.push({ method: req.method ?? '', path: url.pathname, auth, status });
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const signed = /^\/signed\/([\w-]+)$/.exec(url.pathname);
    const object = /^\/objects\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/objects') {
      if (auth !== 'storage-token') {
        // The refused upload is read to its end before the answer, as a storage behind a proxy answers: a client
        // still writing when the socket closes would only test the socket race, not the component's handling of 401.
        req.resume();
        await new Promise((resolve) => req.once('end', resolve));
        return answer(401, { error: 'bearer token required' });
      }
      const id = randomUUID();
      const hash = createHash('sha256');
      let size = 0;
      await pipeline(
        req,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(pathOf(id)),
      );
      files.set(id, { id, contentType: req.headers['content-type'] ?? 'application/octet-stream', size, sha256: hash.digest('hex') });
      uploaded.push(id);
      return answer(201, { objectId: id });
    }
    const id = req.method === 'GET' ? (signed?.[1] ?? object?.[1]) : undefined;
    if (id === undefined) return answer(404);
    if (object && auth !== 'storage-token') return answer(401, { error: 'bearer token required' });
    const file = files.get(id);
    if (!file) return answer(404);
    requests.push({ method: 'GET', path: url.pathname, auth, status: 200 });
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.size) });
    await pipeline(createReadStream(pathOf(id)), res).catch(() => undefined);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    token,
    // The signed URLs are on loopback, which the component reads only through its test-only switch (lib/files/fileHosts.ts).
    env: { ELASTICIO_OBJECT_STORAGE_URI: base, ELASTICIO_OBJECT_STORAGE_TOKEN: token, INTERCOM_TEST_LOOPBACK_FILES: base.replace('http://', '') },
    put(bytes, contentType = 'application/octet-stream') {
      const id = randomUUID();
      writeFileSync(pathOf(id), bytes);
      const file = { id, contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      files.set(id, file);
      return { file, signedUrl: `${base}/signed/${id}?expires=9999999999&sig=${randomBytes(8).toString('hex')}`, objectUrl: `${base}/objects/${id}?storage_type=maester` };
    },
    get: (id) => files.get(id),
    pathOf,
    uploads: () => uploaded.map((id) => files.get(id)).filter((f): f is StoredFile => f !== undefined),
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Size of a stored object's bytes on disk (what was really written). */
export function storedSize(handle: StorageHandle, id: string): number {
  return statSync(handle.pathOf(id)).size;
}
