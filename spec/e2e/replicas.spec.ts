import { strict as assert } from 'node:assert';
import { PlatformTopology } from './harness/amqp';
import { ACCESS_TOKEN, FAST_WAITS_ENV, assertBuilt, stepConfig } from './harness/component';
import { randomCipherSettings } from './harness/crypto';
import { FakePlatform } from './harness/fakePlatform';
import { seededContactIds, servedContact, startIntercom, type SandboxHandle } from './harness/intercom';
import { metric } from './harness/metrics';
import type { RabbitNode } from './harness/rabbit';
import type { RuntimeProcess } from './harness/runtimeProcess';
import { startSailor } from './harness/sailor';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

const REPLICAS = 3;
const MESSAGES = 300;

/**
 * Horizontal scaling as the platform does it: several containers of one step consume the same queue
 * (prefetch 1 each). Every message must be processed by exactly one of them, and none may be lost.
 */
describe('e2e: three sailor replicas on one step queue', function () {
  this.timeout(120_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let sb: SandboxHandle;
  let topology: PlatformTopology;
  const sailors: RuntimeProcess[] = [];

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    // One seeded contact per message; the log keeps every request of the run.
    sb = await startIntercom({ seed: { contacts: MESSAGES }, requestLogLimit: MESSAGES * 2 });
    topology = await PlatformTopology.declare(rabbit.url, randomCipherSettings());
  });

  after(async () => {
    const exits = await Promise.all(sailors.map((s) => s.stop()));
    const logs = sailors.map((s) => s.text()).join('\n');
    await topology?.close();
    await sb?.close();
    await platform?.close();
    assert.ok(!logs.includes(ACCESS_TOKEN) && !topology?.allOutputText().includes(ACCESS_TOKEN), 'token leaked');
    exits.forEach((exit, i) => assert.equal(exit.code, 0, `replica ${i} did not stop cleanly`));
  });

  it(`${MESSAGES} getContact messages: each processed exactly once, none lost`, async () => {
    const started = await Promise.all(
      Array.from({ length: REPLICAS }, (_, i) =>
        startSailor({
          componentRoot: COMPONENT_ROOT,
          functionName: 'getContact',
          amqpUrl: rabbit.url,
          topology,
          platform,
          config: stepConfig(sb.url),
          extraEnv: FAST_WAITS_ENV,
          containerId: `replica-${i}`,
        }),
      ),
    );
    sailors.push(...started.map((s) => s.process));
    started.forEach((s, i) => metric(`replica_${i}_ready_ms`, s.readyMs, 'three started in parallel'));

    const peakRss = new Map<number, number>();
    const sampleRss = (): void =>
      sailors.forEach((s, i) => peakRss.set(i, Math.max(peakRss.get(i) ?? 0, s.rssMb() ?? 0)));
    const sampler = setInterval(sampleRss, 100);
    try {
      const ids = seededContactIds(sb, MESSAGES);
      const begin = Date.now();
      for (const id of ids) topology.publish({ contact_id: id });
      await topology.data.waitFor(MESSAGES, 90_000);
      const seconds = (Date.now() - begin) / 1000;
      sampleRss();
      await sleep(500); // anything extra (a redelivery, a duplicate) would show up now

      const outIds = topology.data.values.map((v) => (v.body as { id: string }).id);
      assert.equal(outIds.length, MESSAGES, 'no duplicates after the last expected message');
      assert.deepEqual([...new Set(outIds)].sort(), [...ids].sort(), 'every input produced exactly one data message');
      for (const body of topology.data.values) assert.deepEqual(body.body, servedContact(sb, (body.body as { id: string }).id));
      // Per id, how often Intercom was asked: exactly once each, and for nothing else.
      const perId = new Map<string, number>();
      for (const r of sb.requests.entries()) perId.set(r.path, (perId.get(r.path) ?? 0) + 1);
      assert.equal(sb.requests.total, MESSAGES, 'Intercom was called once per message');
      assert.deepEqual(
        ids.filter((id) => perId.get(`/contacts/${id}`) !== 1),
        [],
        'ids not requested exactly once',
      );
      assert.ok(sb.requests.entries().every((r) => r.status === 200));
      assert.deepEqual(topology.counts(), { data: MESSAGES, errors: 0, rebounds: 0, snapshots: 0, rejected: 0 });
      assert.equal(await topology.inputDepth(), 0);

      const perReplica = new Map<string, number>();
      for (const m of topology.data.messages) {
        const container = String(m.headers['containerId']);
        perReplica.set(container, (perReplica.get(container) ?? 0) + 1);
      }
      metric('replica_throughput_msg_per_s', MESSAGES / seconds, `${MESSAGES} messages of full contacts, ${REPLICAS} sailors, first publish to last data`);
      for (let i = 0; i < REPLICAS; i++) {
        metric(`replica_${i}_messages`, perReplica.get(`replica-${i}`) ?? 0);
        metric(`replica_${i}_rss_peak_mb`, peakRss.get(i) ?? NaN);
      }
      assert.equal(perReplica.size, REPLICAS, `all replicas took part: ${JSON.stringify([...perReplica])}`);
    } finally {
      clearInterval(sampler);
    }
  });
});
