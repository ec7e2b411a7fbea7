/**
 * Benchmark 2: cold start. Fresh `node` processes on dist/ require one action module and make its first call
 * to a local server (bench/child/coldStart.js times itself); bare `node` processes run beside them, in turn,
 * for the whole-process comparison, and so does axios alone making the same first request
 * (bench/child/coldAxios.js): the share of the figure that is the transport's. Memory: RSS after loading no
 * module, one action module, and every action and trigger module (bench/child/modules.js, after a full GC).
 *
 * The local server answers one fixed contact, not the sandbox: the figure is the component's start-up, and the
 * sandbox's work on that first request (routing, rendering a stored contact) would be counted in it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensureBuilt, lastJson, median, ROOT, runNode } from './shared';

interface ColdRun {
  bootMs: number;
  requireMs: number;
  firstCallMs: number;
  totalMs: number;
  requireCpuMs: number;
  totalCpuMs: number;
  emitted: number;
  rss: number;
}

/** CPU milliseconds each part of a cold start adds (bench/child/coldParts.js), in the order they load. */
export interface ColdParts {
  undici: number;
  formData: number;
  axios: number;
  component: number;
  firstCall: number;
  total: number;
}

interface ModulesRun {
  modules: number;
  rss: number;
  heapUsed: number;
}

export interface ColdStartResult {
  runs: number;
  key: string;
  requireMs: number;
  firstCallMs: number;
  totalMs: number;
  /** CPU time of all the process's threads for the require and for require + first call. */
  requireCpuMs: number;
  totalCpuMs: number;
  bootMs: number;
  /** Whole process (spawn to exit) of the action's cold start, and of a bare `node -e ''`. */
  processWallMs: number;
  bareNodeWallMs: number;
  memory: { idle: ModulesRun; one: ModulesRun; all: ModulesRun };
  /** Medians of each part over the same number of fresh processes. */
  parts: ColdParts;
  /** axios alone, required and making the same first request (bench/child/coldAxios.js): the transport's share. */
  axiosAlone: { requireCpuMs: number; totalCpuMs: number };
}

const CONTACT = JSON.stringify({ type: 'contact', id: '6543', email: 'ada@example.com', name: 'Ada' });

export async function coldStart(runs = 9, key = 'getContact'): Promise<ColdStartResult> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(CONTACT);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cold: ColdRun[] = [];
  const coldWall: number[] = [];
  const bareWall: number[] = [];
  const parts: ColdParts[] = [];
  const axiosAlone: Array<{ requireCpuMs: number; totalCpuMs: number }> = [];
  try {
    // One unmeasured run of each warms the file-system cache.
    await runNode([join(ROOT, 'bench', 'child', 'coldStart.js'), key, url]);
    await runNode(['-e', '']);
    for (let i = 0; i < runs; i++) {
      const result = await runNode([join(ROOT, 'bench', 'child', 'coldStart.js'), key, url]);
      const run = lastJson(result, 'cold start') as ColdRun;
      if (run.emitted !== 1) throw new Error(`cold start: ${run.emitted} messages emitted`);
      cold.push(run);
      coldWall.push(result.wallMs);
      bareWall.push((await runNode(['-e', ''])).wallMs);
      parts.push(lastJson(await runNode([join(ROOT, 'bench', 'child', 'coldParts.js'), key, url]), 'cold start parts') as ColdParts);
      axiosAlone.push(lastJson(await runNode([join(ROOT, 'bench', 'child', 'coldAxios.js'), key, url]), 'cold start of axios alone') as { requireCpuMs: number; totalCpuMs: number });
    }
  } finally {
    server.close();
  }
  const memory = async (which: 'none' | 'one' | 'all'): Promise<ModulesRun> => {
    const samples: ModulesRun[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await runNode(['--expose-gc', join(ROOT, 'bench', 'child', 'modules.js'), which]);
      samples.push(lastJson(result, `modules ${which}`) as ModulesRun);
    }
    const rss = median(samples.map((s) => s.rss));
    return samples.find((s) => s.rss === rss) ?? samples[0]!;
  };
  const idle = await memory('none');
  const one = await memory('one');
  const all = await memory('all');
  return {
    runs,
    key,
    requireMs: median(cold.map((c) => c.requireMs)),
    firstCallMs: median(cold.map((c) => c.firstCallMs)),
    totalMs: median(cold.map((c) => c.totalMs)),
    requireCpuMs: median(cold.map((c) => c.requireCpuMs)),
    totalCpuMs: median(cold.map((c) => c.totalCpuMs)),
    bootMs: median(cold.map((c) => c.bootMs)),
    processWallMs: median(coldWall),
    bareNodeWallMs: median(bareWall),
    memory: { idle, one, all },
    parts: {
      undici: median(parts.map((p) => p.undici)),
      formData: median(parts.map((p) => p.formData)),
      axios: median(parts.map((p) => p.axios)),
      component: median(parts.map((p) => p.component)),
      firstCall: median(parts.map((p) => p.firstCall)),
      total: median(parts.map((p) => p.total)),
    },
    axiosAlone: { requireCpuMs: median(axiosAlone.map((a) => a.requireCpuMs)), totalCpuMs: median(axiosAlone.map((a) => a.totalCpuMs)) },
  };
}

if (require.main === module) {
  ensureBuilt();
  void coldStart().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
