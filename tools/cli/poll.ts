/**
 * `poll <trigger>`: the platform's scheduler on a laptop. Runs a polling trigger every N seconds, keeps its
 * snapshot in a file between runs (so a later `poll` continues where this one stopped) and prints records as
 * they come. The snapshot file is written only after a run succeeded, as the platform keeps a snapshot only
 * after the records it covers went out.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './args';
import type { FunctionInfo } from './manifest';
import type { Printer } from './output';
import { runStep } from './runStep';

export const DEFAULT_POLL_SECONDS = 60;

export function defaultSnapshotFile(key: string): string {
  return join('.intercom-component', `${key}.snapshot.json`);
}

/** The saved snapshot, `{}` when the file does not exist yet; a file that is not a JSON object is an error, not a fresh start. */
export function readSnapshotFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--snapshot-file ${path}: not valid JSON (${(error as Error).message}); fix it, or delete it to start over`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`--snapshot-file ${path}: not a snapshot (a JSON object); delete it to start over`);
  }
  return value as Record<string, unknown>;
}

/** Written to a temporary file and renamed, so Ctrl-C never leaves half a snapshot. */
function writeSnapshotFile(path: string, snapshot: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(snapshot)}\n`);
  renameSync(temporary, path);
}

export interface PollPlan {
  info: FunctionInfo;
  cfg: Record<string, unknown>;
  snapshotFile: string;
  everySeconds: number;
  /** Stop after this many runs; undefined: until stopped. */
  runs?: number;
  /** Resolves when the user asks to stop (Ctrl-C); checked between runs. */
  stopped: Promise<string>;
}

/** Returns the exit code: 0 when every run succeeded, else the last failing run's code. */
export async function pollLoop(plan: PollPlan, out: Printer): Promise<number> {
  let snapshot: unknown = readSnapshotFile(plan.snapshotFile);
  out.note(
    `poll: ${plan.info.key} every ${plan.everySeconds} s${plan.runs !== undefined ? `, ${plan.runs} run(s)` : ', until Ctrl-C'}; snapshot in ${plan.snapshotFile}` +
      (Object.keys(snapshot as object).length > 0 ? ' (continuing from it)' : ' (first run)'),
  );
  let stop = false;
  void plan.stopped.then(() => (stop = true));
  let code = 0;
  let total = 0;
  for (let run = 1; plan.runs === undefined || run <= plan.runs; run++) {
    const started = Date.now();
    const outcome = await runStep(plan.info, {}, plan.cfg, snapshot, out);
    total += outcome.dataMessages;
    if (outcome.code === 0 && outcome.snapshot !== undefined) {
      snapshot = outcome.snapshot;
      writeSnapshotFile(plan.snapshotFile, snapshot);
    }
    if (outcome.code !== 0) code = outcome.code;
    const result = outcome.code === 0 ? `${outcome.dataMessages} record(s)` : outcome.code === 75 ? 'rebound; the snapshot is kept for the next run' : 'failed; the snapshot is kept for the next run';
    out.note(`poll: run ${run}: ${result} in ${Date.now() - started} ms (${total} in total)`);
    if (stop || (plan.runs !== undefined && run >= plan.runs)) break;
    const waited = await sleepUnless(plan.stopped, plan.everySeconds * 1000);
    if (waited === 'stopped' || stop) break;
  }
  return code;
}

/** Waits `ms`, or less when `stopped` resolves first; never leaves a timer behind that keeps the process alive. */
async function sleepUnless(stopped: Promise<string>, ms: number): Promise<'elapsed' | 'stopped'> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<'elapsed'>((resolve) => (timer = setTimeout(() => resolve('elapsed'), ms)));
  try {
    return await Promise.race([stopped.then(() => 'stopped' as const), elapsed]);
  } finally {
    clearTimeout(timer);
  }
}
