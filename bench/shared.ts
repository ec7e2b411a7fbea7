/**
 * Helpers of the benchmarks: the compiled component (benchmarks measure dist/, what the platform runs, never
 * TypeScript compiled on the fly), child processes, medians and number formatting.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/** The newest modification time below `dir`, leaving out the folder `skip` (a build's output inside its sources). */
function newestMtime(dir: string, skip?: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === skip) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path, skip) : stat.mtimeMs);
  }
  return newest;
}

/** A TypeScript project that is rebuilt when its output is older than its sources. */
interface Build {
  sources: string;
  output: string;
  tsconfig: string;
  /** A file the build emits: without it there is nothing to measure. */
  marker: string;
}

const BUILDS: readonly Build[] = [
  { sources: join(ROOT, 'lib'), output: DIST, tsconfig: join(ROOT, 'tsconfig.json'), marker: join(DIST, 'operation', 'action.js') },
  { sources: join(ROOT, 'tools'), output: join(ROOT, 'tools', 'dist'), tsconfig: join(ROOT, 'tools', 'tsconfig.json'), marker: join(ROOT, 'tools', 'dist', 'sandbox', 'index.js') },
];

/** Builds the component (dist/) and the tools (tools/dist/: the sandbox) unless each is newer than its sources. */
export function ensureBuilt(): void {
  for (const build of BUILDS) {
    if (existsSync(build.marker) && newestMtime(build.output) >= newestMtime(build.sources, build.output)) continue;
    process.stderr.write(`bench: building ${build.output} (tsc -p ${build.tsconfig})\n`);
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', build.tsconfig], { stdio: 'inherit' });
    } catch (error) {
      // tsc still emits when it reports type errors; without output there is nothing to measure.
      if (!existsSync(build.marker)) throw error;
      process.stderr.write('bench: the build reported errors; measuring what it emitted\n');
    }
  }
}

/** A module of the compiled component (callers type it as its TypeScript source). */
export function fromDist(relative: string): unknown {
  return require(join(DIST, relative)) as unknown;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const MB = 1024 * 1024;

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs `node <args>` to completion; the wall time is from spawn to exit. */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, wallMs: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });
}

/** The last line of a child's stdout, parsed as JSON (children print one result object). */
export function lastJson(result: ChildResult, what: string): unknown {
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new Error(`${what}: no JSON result (exit ${String(result.code)})\n${result.stderr.slice(-2000)}`);
  }
}

export interface SandboxChild {
  url: string;
  /** Asks the sandbox child for its counters (it answers on stdout) and returns them. */
  stats(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The sandbox in a child process of its own, so its memory and CPU are not the measured process's. */
export function sandboxChild(options: Record<string, unknown>): Promise<SandboxChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'child', 'sandbox.js'), JSON.stringify(options)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = '';
    const waiting: Array<(line: string) => void> = [];
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        waiting.shift()?.(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) reject(new Error(`sandbox child exited with ${code}`));
    });
    waiting.push((line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        stats: () =>
          new Promise((res) => {
            waiting.push((l) => res(JSON.parse(l) as Record<string, unknown>));
            child.stdin.write('stats\n');
          }),
        stop: () =>
          new Promise((res) => {
            child.once('close', () => res());
            child.stdin.end();
          }),
      });
    });
  });
}
