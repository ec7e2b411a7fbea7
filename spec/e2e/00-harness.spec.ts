import { strict as assert } from 'node:assert';
import { PlatformTopology } from './harness/amqp';
import { removeTempDir } from './harness/cleanup';
import { randomCipherSettings } from './harness/crypto';
import { FakePlatform } from './harness/fakePlatform';
import { startFerryman } from './harness/ferryman';
import { metric } from './harness/metrics';
import { OihTopology } from './harness/oihTopology';
import { writeProbeComponent } from './harness/probeComponent';
import type { RabbitNode } from './harness/rabbit';
import { runService, startSailor } from './harness/sailor';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

/**
 * Harness self-test with a probe component that knows nothing about Intercom: if this is red, look at the
 * harness or the machine (RabbitMQ, ports), not at the component.
 */
describe('e2e harness self-test (probe component)', function () {
  this.timeout(90_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let probeRoot: string;

  before(async () => {
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    probeRoot = writeProbeComponent(COMPONENT_ROOT);
  });

  after(async () => {
    await platform?.close();
    if (probeRoot) removeTempDir(probeRoot);
  });

  it('sailor: encrypted message in, decrypted data out; errors and rebounds come back', async () => {
    const topology = await PlatformTopology.declare(rabbit.url, randomCipherSettings());
    const { process: sailor, readyMs } = await startSailor({
      componentRoot: probeRoot,
      functionName: 'echo',
      amqpUrl: rabbit.url,
      topology,
      platform,
      config: { apiKey: 'good', stepField: 'from-step-info' },
      extraEnv: { ELASTICIO_REBOUND_INITIAL_EXPIRATION: '200', ELASTICIO_REBOUND_LIMIT: '2' },
    });
    try {
      metric('probe_sailor_ready_ms', readyMs);
      const sent = topology.publish({ hello: 'e2e' });
      const [out] = await topology.data.waitFor(1, 10_000);
      assert.deepEqual(out?.value?.body, { echo: { hello: 'e2e' }, step: 'from-step-info' });
      assert.equal(out?.headers['parentMessageId'], sent.messageId);

      topology.publish({ fail: 'boom' });
      const [err] = await topology.errors.waitFor(1, 10_000);
      assert.equal(err?.value?.error.message, 'probe failure boom');
      assert.deepEqual((err?.value?.errorInput as { body: unknown }).body, { fail: 'boom' });
      await topology.rejected.waitFor(1, 5_000);

      // Rebound path: 200 ms, 400 ms through the rebounds queue, then the limit (2) turns it into an error.
      topology.publish({ rebound: true });
      await topology.rebounds.waitFor(2, 10_000);
      await topology.errors.waitFor(2, 10_000);
      assert.equal(topology.errors.messages[1]?.value?.error.message, 'Rebound limit exceeded');
      assert.deepEqual(
        topology.rebounds.messages.map((m) => [m.headers['reboundIteration'], m.properties.expiration]),
        [
          [1, '200'],
          [2, '400'],
        ],
      );
      await sleep(200);
      assert.equal(topology.data.messages.length, 1);
      assert.equal(await topology.inputDepth(), 0);
    } finally {
      const exit = await sailor.stop();
      await topology.close();
      assert.equal(exit.code, 0, sailor.tail());
    }
  });

  it('runService.js: verifyCredentials result is posted to the fake platform', async () => {
    const good = await runService({ componentRoot: probeRoot, method: 'verifyCredentials', cfg: { apiKey: 'good' }, platform });
    assert.deepEqual(good.result.body, { status: 'success', data: { verified: true } });
    assert.match(good.result.authorization ?? '', /^Basic /);
    const bad = await runService({ componentRoot: probeRoot, method: 'verifyCredentials', cfg: { apiKey: 'nope' }, platform });
    assert.deepEqual(bad.result.body, { status: 'success', data: { verified: false, reason: 'probe: bad key' } });
    metric('probe_service_run_ms', good.ms);
  });

  it('ferryman: plain JSON with orchestratorToken in, {data, metadata} on the backchannel', async () => {
    const topology = await OihTopology.declare(rabbit.url);
    platform.setSecret('secret-probe', { type: 'API_KEY', value: { key: 'probe-key' } });
    const { process: ferryman, readyMs } = await startFerryman({ componentRoot: probeRoot, amqpUrl: rabbit.url, topology, platform });
    try {
      metric('probe_ferryman_ready_ms', readyMs);
      topology.publish(
        { data: { hello: 'oih' }, metadata: { recordUid: 'r-1', applicationUid: 'app-1' } },
        {
          flowId: topology.flowId,
          stepId: topology.stepId,
          userId: 'user-oih',
          function: 'echo',
          flowExecId: 'exec-oih',
          secretId: 'secret-probe',
          apiKey: 'oih-api-key',
          fields: {},
          nodeSettings: {},
        },
      );
      const [out] = await topology.output.waitFor(1, 10_000);
      assert.deepEqual(out?.value?.data, { echo: { hello: 'oih' }, fn: 'echo', key: 'probe-key' });
      assert.deepEqual(out?.value?.metadata, { recordUid: 'r-1', applicationUid: 'app-1' });
      await topology.states.waitFor(1, 5_000);
    } finally {
      await ferryman.stop();
      await topology.close();
    }
  });
});
