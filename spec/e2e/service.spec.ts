import { strict as assert } from 'node:assert';
import { ACCESS_TOKEN, assertBuilt, assertIntercomHeaders, stepConfig } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { quietIntercom, startIntercom, type SandboxHandle } from './harness/intercom';
import { metric } from './harness/metrics';
import { runService } from './harness/sailor';
import { COMPONENT_ROOT } from './harness/suite';

const BAD_TOKEN = 'tok_e2e_SECRET_bad_0123456789abcdef';

/** Service mode needs no RabbitMQ: runService.js gets cfg from the environment and POSTs its result. */
describe('e2e: verifyCredentials through the sailor service mode (runService.js)', function () {
  this.timeout(60_000);
  let platform: FakePlatform;
  let sb: SandboxHandle;

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    platform = await FakePlatform.start();
    // The sandbox accepts ACCESS_TOKEN only and answers Intercom's 401 error.list to any other token.
    sb = await startIntercom();
  });

  after(async () => {
    await sb?.close();
    await platform?.close();
  });

  beforeEach(() => quietIntercom(sb));

  it('a good token: {verified: true}', async () => {
    const run = await runService({ componentRoot: COMPONENT_ROOT, method: 'verifyCredentials', cfg: stepConfig(sb.url), platform });
    metric('service_verify_credentials_ms', run.ms, 'runService.js spawn to exit');
    assert.deepEqual(run.result.body, { status: 'success', data: { verified: true } });
    assert.equal((await run.process.exited).code, 0);
    const [me] = sb.requests.entries();
    assert.equal(sb.requests.total, 1);
    assert.equal(me?.path, '/me');
    assert.equal(me?.status, 200);
    assertIntercomHeaders(sb, me);
    assert.ok(!run.process.text().includes(ACCESS_TOKEN), 'the token is in the service log');
  });

  it('a bad token (Intercom 401): {verified: false, reason} naming the 401, without the token', async () => {
    const cfg = { ...stepConfig(sb.url), accessToken: BAD_TOKEN };
    const run = await runService({ componentRoot: COMPONENT_ROOT, method: 'verifyCredentials', cfg, platform });
    const { status, data } = run.result.body as { status: string; data: { verified: boolean; reason?: string } };
    assert.equal(status, 'success');
    assert.equal(data.verified, false);
    assert.match(data.reason ?? '', /401/);
    assert.match(data.reason ?? '', /unauthorized|Access Token Invalid/);
    const [me] = sb.requests.entries();
    assert.equal(sb.requests.total, 1);
    assert.equal(me?.status, 401);
    assertIntercomHeaders(sb, me, BAD_TOKEN);
    for (const text of [JSON.stringify(run.result.body), run.process.text()]) {
      assert.ok(!text.includes(BAD_TOKEN), `the bad token leaked: ${text.slice(0, 2000)}`);
    }
  });
});
