/**
 * Benchmark 4: rate-limit efficiency. Three workers — separate processes, as three replicas of a flow step
 * would be — share one token and process getContact messages back to back against the sandbox (its own
 * process) with a small allowance per 10-second window. Efficiency is the share of the allowance used in the
 * whole windows of the measured period, read from the sandbox's own per-window counts; every message must
 * end in data (no error, no rebound).
 */
import { join } from 'node:path';
import { ensureBuilt, lastJson, ROOT, runNode, sandboxChild } from './shared';

const WINDOW_MS = 10_000;

interface WorkerRun {
  data: number;
  errors: number;
  rebounds: number;
  firstError: string | null;
  paced: number;
  after429: number;
}

interface WindowCounts {
  window: number;
  accepted: number;
  limited: number;
  other: number;
}

export interface RateLimitResult {
  workers: number;
  limitPerWindow: number;
  latencyMs: number;
  windowsMeasured: number;
  accepted: number;
  allowed: number;
  efficiency: number;
  /** 429 answers per measured window (what the workers' pacing did not avoid). */
  limitedPerWindow: number;
  messages: number;
  errors: number;
  rebounds: number;
  paced: number;
  after429: number;
  perWindow: WindowCounts[];
}

export async function rateLimit(options: { workers?: number; limitPerWindow?: number; windows?: number; latencyMs?: number } = {}): Promise<RateLimitResult> {
  const workers = options.workers ?? 3;
  const latencyMs = options.latencyMs ?? 20;
  const limit = options.limitPerWindow ?? 50;
  const windows = options.windows ?? 3;
  const sandbox = await sandboxChild({ seed: { contacts: 100 }, knobs: { rateLimitPerWindow: limit, latencyMs }, requestLogLimit: 0 });
  try {
    // Start just after a window begins; the workers run a moment before it (start-up, first window) and stop
    // starting messages when the last measured window ends.
    const now = Date.now();
    const firstWindow = Math.floor(now / WINDOW_MS) + 1;
    const deadline = (firstWindow + windows) * WINDOW_MS;
    const token = 'tok_rate_limit_bench_0123456789';
    const contactId = '971dc8fee98e256c44b3051e';
    const results = await Promise.all(
      Array.from({ length: workers }, () => runNode([join(ROOT, 'bench', 'child', 'worker.js'), sandbox.url, token, String(deadline), contactId], {}, (windows + 4) * WINDOW_MS)),
    );
    const runs = results.map((r, i) => lastJson(r, `worker ${i + 1}`) as WorkerRun);
    const stats = (await sandbox.stats()) as { windows: WindowCounts[] };
    const measured = stats.windows.filter((w) => w.window >= firstWindow && w.window < firstWindow + windows).sort((a, b) => a.window - b.window);
    const accepted = measured.reduce((n, w) => n + w.accepted, 0);
    const allowed = limit * windows;
    return {
      workers,
      limitPerWindow: limit,
      latencyMs,
      windowsMeasured: measured.length,
      accepted,
      allowed,
      efficiency: accepted / allowed,
      limitedPerWindow: measured.reduce((n, w) => n + w.limited, 0) / windows,
      messages: runs.reduce((n, r) => n + r.data + r.errors + r.rebounds, 0),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      rebounds: runs.reduce((n, r) => n + r.rebounds, 0),
      paced: runs.reduce((n, r) => n + r.paced, 0),
      after429: runs.reduce((n, r) => n + r.after429, 0),
      perWindow: measured,
    };
  } finally {
    await sandbox.stop();
  }
}

if (require.main === module) {
  ensureBuilt();
  void rateLimit().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
