/**
 * Benchmark 5: a content export of about 100 MB (decompressed) delivered as one file attachment. The sandbox
 * serves it gzipped from a child process, the component (bench/child/exporter.js) streams it into the storage
 * stand-in (tools/storage, in this process, bytes on disk), and reports its RSS and heap growth over idle.
 * The stored bytes are checked against the sandbox's export, gunzipped here as a stream.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import { startStorage } from '../tools/storage';
import { ensureBuilt, lastJson, MB, ROOT, runNode, sandboxChild } from './shared';

export interface ExportFileResult {
  rows: number;
  bytes: number;
  ms: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** ArrayBuffers (Buffer memory outside the V8 heap): where a file held whole would show. */
  bufferGrowthMb: number;
  bytesMatch: boolean;
}

/** Rows of about 140 bytes: 82,000 make about 11 MB of CSV, 820,000 about 115 MB (flat memory: both grow alike). */
export async function exportFile(rowCounts: readonly number[] = [82_000, 820_000]): Promise<ExportFileResult[]> {
  const results: ExportFileResult[] = [];
  for (const rows of rowCounts) results.push(await exportOnce(rows));
  return results;
}

async function exportOnce(rows: number): Promise<ExportFileResult> {
  const storage = await startStorage();
  const sandbox = await sandboxChild({ seed: { conversations: 0 }, knobs: { contentExportRows: rows }, requestLogLimit: 0, exportJobMs: 0 });
  try {
    const result = await runNode(['--expose-gc', join(ROOT, 'bench', 'child', 'exporter.js'), sandbox.url], storage.env, 600_000);
    const run = lastJson(result, 'export as file') as {
      /** `<job_identifier>.csv`: the job the child created in the sandbox. */
      name: string;
      url: string;
      bytes: number;
      ms: number;
      idleRss: number;
      peakRss: number;
      idleHeap: number;
      peakHeap: number;
      idleBuffers: number;
      peakBuffers: number;
    };
    const id = new URL(run.url).pathname.split('/objects/')[1] ?? '';
    const stored = storage.get(id);
    const job = run.name.replace(/\.csv$/, '');
    const served = await fetch(`${sandbox.url}/download/content/data/${encodeURIComponent(job)}`, { headers: { Authorization: 'Bearer bench', Accept: 'application/octet-stream' } });
    const hash = createHash('sha256');
    await pipeline(Readable.fromWeb(served.body as import('node:stream/web').ReadableStream<Uint8Array>), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) hash.update(chunk);
    });
    return {
      rows,
      bytes: run.bytes,
      ms: run.ms,
      rssGrowthMb: (run.peakRss - run.idleRss) / MB,
      heapGrowthMb: (run.peakHeap - run.idleHeap) / MB,
      bufferGrowthMb: (run.peakBuffers - run.idleBuffers) / MB,
      bytesMatch: stored !== undefined && stored.size === run.bytes && stored.sha256 === hash.digest('hex'),
    };
  } finally {
    await sandbox.stop();
    await storage.close();
  }
}

export interface GzipBombResult {
  /** Bytes of the gzip file and what it unpacks to. */
  packedBytes: number;
  unpackedBytes: number;
  /** How the step ended: the error it failed with (or that it stored the file). */
  outcome: string;
  ms: number;
  rssGrowthMb: number;
  bufferGrowthMb: number;
  /** Whether a file was stored for it (the warm-up export aside). */
  stored: boolean;
}

/** 512 MiB of zeros gzipped as they stream (never held whole): about 510 KiB. */
async function gzipBombBytes(unpacked: number): Promise<Buffer> {
  const zeros = Buffer.alloc(MB);
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from((function* () {
      for (let i = 0; i < unpacked / MB; i++) yield zeros;
    })()),
    createGzip({ level: 9 }),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    },
  );
  return Buffer.concat(chunks);
}

/**
 * The same step on a gzip bomb: a stand-in in this process answers the one download (the sandbox serves only
 * real exports), the component runs in a child (`bench/child/bomb.js`) and stores into the storage stand-in.
 */
export async function gzipBomb(unpackedBytes = 512 * MB): Promise<GzipBombResult> {
  const bomb = await gzipBombBytes(unpackedBytes);
  const small = gzipSync('n\n1\n');
  const server = createServer((req, res) => {
    const body = req.url?.endsWith('/bomb') ? bomb : small;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const storage = await startStorage();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await runNode(['--expose-gc', join(ROOT, 'bench', 'child', 'bomb.js'), url], storage.env, 600_000);
    const run = lastJson(result, 'gzip bomb') as { outcome: string; ms: number; idleRss: number; peakRss: number; idleBuffers: number; peakBuffers: number };
    return {
      packedBytes: bomb.length,
      unpackedBytes,
      outcome: run.outcome,
      ms: run.ms,
      rssGrowthMb: (run.peakRss - run.idleRss) / MB,
      bufferGrowthMb: (run.peakBuffers - run.idleBuffers) / MB,
      stored: storage.uploads().length > 1,
    };
  } finally {
    await storage.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

if (require.main === module) {
  ensureBuilt();
  void exportFile()
    .then(async (r) => ({ exports: r, gzipBomb: await gzipBomb() }))
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
