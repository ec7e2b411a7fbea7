/**
 * Benchmark 5: the contacts polling trigger at scale, against the sandbox on a simulated clock (the sandbox's
 * ManualClock and the component's `settings.now` read the same time; every request still goes over loopback
 * through the compiled component, dist/).
 *
 * - Late indexing: N contacts change within one 15-minute overlap window, each searchable only after its own
 *   delay of 0-10 minutes (the sandbox's spread index delay); the trigger polls every minute until everything
 *   settled. Every (id, updated_at) must be emitted exactly once: misses and repeats are counted.
 * - Cost per poll: M contacts updated earlier the same day, then 5 new ones; the search requests of the poll
 *   that emits the 5, with the server sorting (newest first, stopping below the floor) and without (full read).
 */
import { join } from 'node:path';
import type { RuntimeSettings } from '../lib/runtime/settings';
import type { ProcessFunction } from '../lib/runtime/step';
import type { ContactRecord } from '../tools/sandbox/store/records';
import type { ManualClock as ManualClockType, SandboxHandle, SandboxOptions } from '../tools/sandbox';
import { ensureBuilt, fromDist, ROOT } from './shared';

export interface SandboxModule {
  startSandbox(options: SandboxOptions): Promise<SandboxHandle>;
  ManualClock: new (ms: number) => ManualClockType;
}
export interface ContactsModule {
  blankContact(id: string, now: number): ContactRecord;
}
export type Process = ProcessFunction;

const MINUTE = 60;
const WINDOW = 15 * MINUTE;
const MAX_INDEX_DELAY = 10 * MINUTE;
/** 2026-03-10T10:00:00Z: every change of a run falls on this UTC day. */
const T0 = 1_773_136_800;

/** What a run needs: the compiled modules by default (the benchmark), the TypeScript sources in the suite. */
export interface TriggerModules {
  sandbox: SandboxModule;
  contacts: ContactsModule;
  trigger: { process: Process };
  settings: RuntimeSettings;
}

function compiled(): TriggerModules {
  const sandbox = require(join(ROOT, 'tools', 'dist', 'sandbox', 'index.js')) as SandboxModule;
  const contacts = require(join(ROOT, 'tools', 'dist', 'sandbox', 'resources', 'contacts.js')) as ContactsModule;
  const trigger = fromDist('triggers/newOrUpdatedContacts.js') as { process: Process };
  const { settings } = fromDist('runtime/settings.js') as { settings: RuntimeSettings };
  return { sandbox, contacts, trigger, settings };
}

interface PollHarness {
  sb: SandboxHandle;
  clock: ManualClockType;
  /** Runs the trigger once at the clock's time; returns the records it emitted. */
  poll(): Promise<Array<{ id: string; updated_at: number }>>;
  searches: number;
  warnings: string[];
  maxSnapshotBytes: number;
  close(): Promise<void>;
}

async function harness(modules: TriggerModules, startTime: number, knobs: SandboxOptions['knobs']): Promise<PollHarness> {
  const { sandbox, trigger, settings } = modules;
  const clock = new sandbox.ManualClock(startTime * 1000);
  const h = {
    searches: 0,
    warnings: [] as string[],
    maxSnapshotBytes: 0,
  } as PollHarness;
  const sb = await sandbox.startSandbox({
    clock,
    seed: { contacts: 0, companies: 0, conversations: 0, tickets: 0 },
    knobs: { rateLimitPerWindow: 1_000_000_000, ...knobs },
    requestLogLimit: 1,
    onRequest: (entry) => {
      if (entry.method === 'POST' && entry.path === '/contacts/search') h.searches++;
    },
  });
  settings.now = () => clock.now();
  let snapshot: unknown = {};
  const cfg = { accessToken: 'tok_bench_triggers_0001', baseUrl: sb.url, startTime: String(startTime) };
  h.sb = sb;
  h.clock = clock;
  h.poll = async () => {
    const emitted: Array<{ id: string; updated_at: number }> = [];
    const step = {
      logger: { debug() {}, info() {}, warn: (m: string) => h.warnings.push(m), error: (m: string) => h.warnings.push(m) },
      emit: (event: string, message: { body: unknown }) => {
        if (event === 'data') emitted.push(message.body as { id: string; updated_at: number });
        if (event === 'snapshot') {
          snapshot = message;
          h.maxSnapshotBytes = Math.max(h.maxSnapshotBytes, Buffer.byteLength(JSON.stringify(message)));
        }
        return Promise.resolve();
      },
    };
    await trigger.process.call(step, { body: {} }, cfg, snapshot);
    return emitted;
  };
  h.close = async () => {
    settings.now = Date.now;
    await sb.close();
  };
  return h;
}

/** Writes a new contact at `at` (Unix seconds): created_at = updated_at = at, searchable after its index delay. */
function writeContact(h: PollHarness, contacts: ContactsModule, at: number, n: number): string {
  h.clock.set(at * 1000);
  const record = h.sb.state.insertContact((id) => ({ ...contacts.blankContact(id, at), email: `late-${n}@example.com` }));
  return record.id;
}

export interface LateIndexingRun {
  changes: number;
  missed: number;
  repeated: number;
  polls: number;
  /** Emitted later than their own index delay allowed by more than a poll interval: held back by the budget. */
  delayed: number;
  /** Largest time from updated_at to emission, in minutes. */
  maxDelayMinutes: number;
  maxSnapshotBytes: number;
  delayWarnings: number;
}

export async function lateIndexing(changes: number, modules: TriggerModules = compiled()): Promise<LateIndexingRun> {
  const { contacts } = modules;
  const h = await harness(modules, T0, { searchIndexDelaySeconds: 0, searchIndexDelayMaxSeconds: MAX_INDEX_DELAY });
  try {
    // Changes spread evenly over one window, starting a minute after the trigger's start.
    const times = Array.from({ length: changes }, (_, i) => T0 + MINUTE + Math.floor((i * WINDOW) / changes));
    const expected = new Map<string, number>();
    const emittedAt = new Map<string, number[]>();
    let next = 0;
    let polls = 0;
    const end = T0 + MINUTE + WINDOW + MAX_INDEX_DELAY + 3 * WINDOW;
    for (let now = T0; now <= end; now += MINUTE) {
      while (next < times.length && (times[next] as number) <= now) {
        const at = times[next] as number;
        expected.set(writeContact(h, contacts, at, next), at);
        next++;
      }
      h.clock.set(now * 1000);
      polls++;
      for (const record of await h.poll()) {
        const key = `${record.id}@${record.updated_at}`;
        emittedAt.set(key, [...(emittedAt.get(key) ?? []), now]);
      }
    }
    let missed = 0;
    let repeated = 0;
    let delayed = 0;
    let maxDelay = 0;
    for (const [id, at] of expected) {
      const when = emittedAt.get(`${id}@${at}`) ?? [];
      if (when.length === 0) missed++;
      repeated += Math.max(0, when.length - 1);
      const first = when[0];
      if (first !== undefined) {
        maxDelay = Math.max(maxDelay, first - at);
        if (first - at > MAX_INDEX_DELAY + MINUTE) delayed++;
      }
    }
    // Anything emitted that no change produced counts as a repeat too (there is nothing else in the workspace).
    for (const [key, when] of emittedAt) if (!expected.has(key.slice(0, key.lastIndexOf('@')))) repeated += when.length;
    return {
      changes,
      missed,
      repeated,
      polls,
      delayed,
      maxDelayMinutes: maxDelay / MINUTE,
      maxSnapshotBytes: h.maxSnapshotBytes,
      delayWarnings: h.warnings.filter((w) => w.includes('are delayed, not lost')).length,
    };
  } finally {
    await h.close();
  }
}

export interface CostRun {
  sameDay: number;
  sorted: number;
  unsorted: number;
  bound: number;
  /** Whether the poll without sorting logged that it fell back to reading every page (and the sorted one did not). */
  fallbackLogged: boolean;
}

/** Search requests of the poll that emits 5 new contacts after `sameDay` contacts were updated earlier that day. */
export async function costPerPoll(sameDay: number, modules: TriggerModules = compiled()): Promise<CostRun> {
  const { contacts } = modules;
  const result: CostRun = { sameDay, sorted: 0, unsorted: 0, bound: Math.ceil(5 / 150) + 1, fallbackLogged: false };
  for (const ignoreSort of [false, true]) {
    const noon = T0 + 2 * 3600;
    const h = await harness(modules, noon, { searchIgnoresSort: ignoreSort });
    try {
      // Spread over the morning of the same UTC day (midnight to 11:30).
      for (let i = 0; i < sameDay; i++) writeContact(h, contacts, T0 - 10 * 3600 + Math.floor((i * 11.5 * 3600) / sameDay), i);
      h.clock.set(noon * 1000);
      await h.poll();
      for (let i = 0; i < 5; i++) writeContact(h, contacts, noon + 10 + i, sameDay + i);
      h.clock.set((noon + MINUTE) * 1000);
      h.searches = 0;
      const emitted = await h.poll();
      if (emitted.length !== 5) throw new Error(`cost ${sameDay}: ${emitted.length} contacts emitted, expected 5`);
      const fellBack = h.warnings.some((w) => w.includes('did not return the search newest first'));
      if (ignoreSort) {
        result.unsorted = h.searches;
        result.fallbackLogged = fellBack;
      } else {
        result.sorted = h.searches;
        if (fellBack) result.fallbackLogged = false;
      }
    } finally {
      await h.close();
    }
  }
  return result;
}

export interface TriggerResult {
  late: LateIndexingRun[];
  cost: CostRun[];
}

export async function triggers(lateCounts: readonly number[] = [600, 2_000, 10_000], sameDayCounts: readonly number[] = [3_000, 100_000]): Promise<TriggerResult> {
  const late: LateIndexingRun[] = [];
  for (const n of lateCounts) late.push(await lateIndexing(n));
  const cost: CostRun[] = [];
  for (const n of sameDayCounts) cost.push(await costPerPoll(n));
  return { late, cost };
}

if (require.main === module) {
  ensureBuilt();
  void triggers().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
