/**
 * Benchmark 5: a content export of about 100 MB (decompressed) delivered as one file attachment. The sandbox
 * serves it gzipped from a child process, the component (bench/child/exporter.js) streams it into the storage
 * stand-in (tools/storage, in this process, bytes on disk), and reports its RSS and heap growth over idle.
 * The stored bytes are checked against the sandbox's export, gunzipped here as a stream.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
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

if (require.main === module) {
  ensureBuilt();
  void exportFile().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
