/**
 * Benchmark 3: listContacts with "all pages, one message per contact" through the sandbox's 1,000,000 seeded
 * contacts (150 per page). The sandbox runs in a child process of its own and the component in another
 * (bench/child/pager.js), so the RSS figures are the component's alone: its idle RSS (modules loaded, one
 * page fetched) against its peak while paging 10,000, 100,000 and 1,000,000 contacts. The sandbox makes its
 * records on demand, so seeding a million costs it no memory up front.
 */
import { join } from 'node:path';
import { ensureBuilt, lastJson, ROOT, runNode, sandboxChild } from './shared';

export interface PagingRun {
  count: number;
  emitted: number;
  ms: number;
  perSecond: number;
  idleRss: number;
  peakRss: number;
  kernelPeakRss: number;
  /** heapUsed after two full GCs at the end of the run: what the component still holds. */
  liveHeap: number;
  /** At the RSS peak: heapUsed, V8's young generation (both semi-spaces) and the memory of Buffers (answers awaiting GC). */
  peakHeapUsed: number;
  peakNewSpace: number;
  peakArrayBuffers: number;
}

export interface PagingResult {
  seeded: number;
  runs: PagingRun[];
}

/**
 * externalIdPrefix: what the seeded users' external ids start with. The sandbox's default ("ext-N") keeps them at 10
 * characters or fewer; V8's JSON.parse interns such unique values into old space, which a longer prefix avoids.
 */
export async function paging(counts: readonly number[] = [10_000, 100_000, 1_000_000], seeded = 1_000_000, externalIdPrefix?: string): Promise<PagingResult> {
  const seed = externalIdPrefix === undefined ? { contacts: seeded } : { contacts: seeded, externalIdPrefix };
  const sandbox = await sandboxChild({ seed, knobs: { rateLimitPerWindow: 1_000_000_000 }, requestLogLimit: 0 });
  const runs: PagingRun[] = [];
  try {
    for (const count of counts) {
      const result = await runNode(['--expose-gc', join(ROOT, 'bench', 'child', 'pager.js'), sandbox.url, String(count)], {}, 900_000);
      const run = lastJson(result, `paging ${count}`) as Omit<PagingRun, 'count'>;
      if (run.emitted !== count) throw new Error(`paging ${count}: ${run.emitted} contacts emitted`);
      runs.push({ count, ...run });
    }
  } finally {
    await sandbox.stop();
  }
  return { seeded, runs };
}

if (require.main === module) {
  ensureBuilt();
  void paging().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
