import { strict as assert } from 'node:assert';
import { FAST_WAITS_ENV, assertBuilt, assertIntercomHeaders, stepConfig } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { IntercomStandIn, contact } from './harness/intercomStandIn';
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
  let standIn: IntercomStandIn;

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    standIn = await IntercomStandIn.start();
  });

  after(async () => {
    await standIn?.close();
    await platform?.close();
  });

  it('the snapshot emitted by one poll is what the next poll starts from: each contact version once, oldest first, a cut backfill continued', async () => {
    // What contact search currently returns (unsorted, like Intercom); each poll changes it.
    let workspace: Array<Record<string, unknown>> = [];
    standIn.route('GET', '/me', { status: 200, body: { type: 'admin', id: '1', app: { id_code: 'ws_e2e', timezone: 'UTC' } } });
    standIn.route('POST', '/contacts/search', () => ({ status: 200, body: { type: 'list', data: workspace, total_count: workspace.length, pages: { type: 'pages' } } }));
    const updated = (id: string, offset: number): Record<string, unknown> => contact(id, { updated_at: START + offset });

    await withSailorStep(
      {
        componentRoot: COMPONENT_ROOT,
        amqpUrl: rabbit.url,
        platform,
        functionName: 'newOrUpdatedContacts',
        config: stepConfig(standIn.url, { startTime: new Date(START * 1000).toISOString(), maxPerRun: '2' }),
        extraEnv: FAST_WAITS_ENV,
      },
      async ({ topology }) => {
        const poll = async (expectedData: number, expectedSnapshots: number): Promise<void> => {
          topology.publish({}); // the scheduler's tick
          await topology.snapshots.waitFor(expectedSnapshots, 15_000);
          await topology.data.waitFor(expectedData, 15_000);
        };
        const emittedIds = (): string[] => topology.data.values.map((v) => (v.body as { id: string }).id);
        const snapshot = (n: number): { cursor: number; idsAtCursor: string[] } => topology.snapshots.values[n] as { cursor: number; idsAtCursor: string[] };

        // Poll 1: three contacts since the start, at most two per run: the two oldest.
        workspace = [updated('c3', 20), updated('c1', 10), updated('c2', 20)];
        await poll(2, 1);
        assert.deepEqual(emittedIds(), ['c1', 'c2']);
        assert.deepEqual([snapshot(0).cursor, snapshot(0).idsAtCursor], [START + 20, ['c2']]);

        // Poll 2: the sailor hands back poll 1's snapshot: c3 (same second as c2) and the new c4 follow, c1/c2 do not repeat.
        workspace = [updated('c2', 20), updated('c4', 30), updated('c1', 10), updated('c3', 20)];
        await poll(4, 2);
        assert.deepEqual(emittedIds(), ['c1', 'c2', 'c3', 'c4']);
        assert.equal(snapshot(1).cursor, START + 30);

        // Poll 3: only c1 changed since: its new version is emitted once more.
        workspace = [updated('c4', 30), updated('c1', 40), updated('c3', 20), updated('c2', 20)];
        await poll(5, 3);
        await sleep(QUIET_MS);
        assert.deepEqual(emittedIds(), ['c1', 'c2', 'c3', 'c4', 'c1']);
        assert.equal((topology.data.values[4]?.body as { updated_at: number }).updated_at, START + 40);
        assert.deepEqual(snapshot(2).idsAtCursor, ['c1']);
        assert.deepEqual(topology.counts(), { data: 5, errors: 0, rebounds: 0, snapshots: 3, rejected: 0 });
        assert.equal(await topology.inputDepth(), 0, 'every tick was acked');
      },
    );
    // The workspace timezone was asked once, and every poll searched from the start of the floor's UTC day
    // (the floor never drops below the configured start, although the overlap reaches back further).
    assert.equal(standIn.requestsFor('GET', '/me').length, 1);
    const searches = standIn.requestsFor('POST', '/contacts/search');
    searches.forEach(assertIntercomHeaders);
    assert.deepEqual(
      searches.map((s) => s.body),
      [START_DAY - 1, START_DAY - 1, START_DAY - 1].map((value) => ({ query: { field: 'updated_at', operator: '>', value }, pagination: { per_page: 150 } })),
    );
  });
});
