import { strict as assert } from 'node:assert';
import { readState } from '../../lib/triggers/polling/state';
import { FUTURE_SKEW_SECONDS } from '../../lib/triggers/polling/time';
import { ManualClock } from '../../tools/sandbox';
import { FAST_WAITS_ENV, assertBuilt, assertIntercomHeaders, stepConfig } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { bodyOf, callIntercom, servedContact, startIntercom, type LogEntry, type SandboxHandle } from './harness/intercom';
import type { RabbitNode } from './harness/rabbit';
import { withSailorStep } from './harness/sailorStep';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

const QUIET_MS = 400;
/** The flow's configured start time: an hour ago, so the first poll is a (small) backfill read in one search. */
const START = Math.floor(Date.now() / 1000) - 3600;
const START_DAY = Math.floor(START / 86_400) * 86_400;

describe('e2e: polling trigger newOrUpdatedContacts under the real sailor, three polls', function () {
  this.timeout(90_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let sb: SandboxHandle;
  // Records get the sandbox's time when written: the test sets it to the second each version should carry.
  const clock = new ManualClock(START * 1000);

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    // The seeded contacts are dated at least a day before the start: the search must leave them out.
    sb = await startIntercom({ clock, seed: { contacts: 5, epoch: START_DAY - 86_400 } });
  });

  after(async () => {
    await sb?.close();
    await platform?.close();
  });

  /** Writes a contact through the API at START + offset seconds; returns its id. */
  const writeAt = async (offset: number, method: 'POST' | 'PUT', path: string, body: Record<string, unknown>): Promise<string> => {
    clock.set((START + offset) * 1000);
    const written = await callIntercom(sb, method, path, body);
    assert.equal(written['updated_at'], START + offset);
    return String(written['id']);
  };

  it('the snapshot emitted by one poll is what the next poll starts from: each contact version once, oldest first, a cut backfill continued', async () => {
    const seen: LogEntry[] = [];
    await withSailorStep(
      {
        componentRoot: COMPONENT_ROOT,
        amqpUrl: rabbit.url,
        platform,
        functionName: 'newOrUpdatedContacts',
        config: stepConfig(sb.url, { startTime: new Date(START * 1000).toISOString(), maxPerRun: '2' }),
        extraEnv: FAST_WAITS_ENV,
      },
      async ({ topology }) => {
        /** One scheduler tick; the test's own writes before it are left out of `seen`. */
        const poll = async (expectedData: number, expectedSnapshots: number): Promise<void> => {
          sb.requests.clear();
          topology.publish({});
          await topology.snapshots.waitFor(expectedSnapshots, 15_000);
          await topology.data.waitFor(expectedData, 15_000);
          seen.push(...sb.requests.entries());
        };
        const emittedIds = (): string[] => topology.data.values.map((v) => (v.body as { id: string }).id);
        const snapshot = (n: number): { cursor: number } => topology.snapshots.values[n] as { cursor: number };
        /** What the n-th snapshot remembers: {id: updated_at} (read with the trigger's own snapshot reader). */
        const remembered = (n: number): Record<string, number> =>
          Object.fromEntries(readState(topology.snapshots.values[n], Math.floor(Date.now() / 1000), 0, FUTURE_SKEW_SECONDS).state?.seen ?? []);

        // Poll 1: three contacts since the start, at most two per run: the two oldest. Two share a second;
        // the trigger orders those by id (lib/triggers/polling/state.ts), so the smaller id goes first.
        const c1 = await writeAt(10, 'POST', '/contacts', { email: 'poll-c1@example.com' });
        const twinA = await writeAt(20, 'POST', '/contacts', { email: 'poll-c2@example.com' });
        const twinB = await writeAt(20, 'POST', '/contacts', { email: 'poll-c3@example.com' });
        const [c2, c3] = [twinA, twinB].sort() as [string, string];
        await poll(2, 1);
        assert.deepEqual(emittedIds(), [c1, c2]);
        assert.deepEqual([snapshot(0).cursor, remembered(0)], [START + 20, { [c1]: START + 10, [c2]: START + 20 }]);

        // Poll 2: the sailor hands back poll 1's snapshot: c3 (same second as c2) and the new c4 follow, c1/c2 do not repeat.
        const c4 = await writeAt(30, 'POST', '/contacts', { email: 'poll-c4@example.com' });
        await poll(4, 2);
        assert.deepEqual(emittedIds(), [c1, c2, c3, c4]);
        assert.equal(snapshot(1).cursor, START + 30);

        // Poll 3: only c1 changed since: its new version is emitted once more.
        await writeAt(40, 'PUT', `/contacts/${c1}`, { name: 'Changed since poll 2' });
        await poll(5, 3);
        await sleep(QUIET_MS);
        assert.deepEqual(emittedIds(), [c1, c2, c3, c4, c1]);
        assert.deepEqual(topology.data.values[4]?.body, servedContact(sb, c1));
        assert.equal((topology.data.values[4]?.body as { updated_at: number }).updated_at, START + 40);
        assert.equal(remembered(2)[c1], START + 40);
        assert.deepEqual(topology.counts(), { data: 5, errors: 0, rebounds: 0, snapshots: 3, rejected: 0 });
        assert.equal(await topology.inputDepth(), 0, 'every tick was acked');
      },
    );
    // The workspace timezone was asked once, and every poll searched from the start of the floor's UTC day
    // (the floor never drops below the configured start, although the overlap reaches back further).
    const inPolls = (method: string, path: string): LogEntry[] => seen.filter((e) => e.method === method && e.path === path);
    assert.equal(inPolls('GET', '/me').length, 1);
    const searches = inPolls('POST', '/contacts/search');
    searches.forEach((s) => assertIntercomHeaders(sb, s));
    assert.deepEqual(
      searches.map(bodyOf),
      [START_DAY - 1, START_DAY - 1, START_DAY - 1].map((value) => ({ query: { field: 'updated_at', operator: '>', value }, sort: { field: 'updated_at', order: 'descending' }, pagination: { per_page: 150 } })),
    );
    assert.deepEqual(
      seen.map((e) => `${e.method} ${e.path}`).filter((e) => e !== 'GET /me' && e !== 'POST /contacts/search'),
      [],
      'nothing else was asked',
    );
  });
});
