import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Last line of defence against leftovers. Every process group and temp dir the harness creates is registered
 * here; the normal path removes them in `after` hooks, but if mocha dies, is interrupted or a hook throws,
 * the synchronous 'exit' handler below still kills and deletes them (only what we registered: no broad pkill).
 */

const groups = new Set<number>();
const dirs = new Set<string>();
const lastResorts = new Set<() => void>();

/** Register a child started with `detached: true`: its pid is also its process group id. */
export function trackGroup(pid: number): void {
  groups.add(pid);
}

export function untrackGroup(pid: number): void {
  groups.delete(pid);
}

/** Kill a whole process group (the child and whatever it spawned). Missing groups are fine. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** A temp dir under the OS temp root that is removed at the latest when the test process exits. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `intercom-e2e-${prefix}-`));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** A synchronous cleanup (e.g. killing a RabbitMQ node we cannot reach by process group). Returns an unregister. */
export function onEmergency(fn: () => void): () => void {
  lastResorts.add(fn);
  return () => lastResorts.delete(fn);
}

/** Kill every process group still registered: at the end of a run, anything left is a failed test's leak. */
export function killAllTracked(): number {
  const count = groups.size;
  for (const pid of groups) killGroup(pid);
  groups.clear();
  return count;
}

function emergencyCleanup(): void {
  for (const pid of groups) killGroup(pid);
  groups.clear();
  for (const fn of lastResorts) {
    try {
      fn();
    } catch {
      /* keep cleaning */
    }
  }
  lastResorts.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.once('exit', emergencyCleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    emergencyCleanup();
    process.exit(130);
  });
}
