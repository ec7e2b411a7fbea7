import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN, FAST_WAITS_ENV, assertBuilt, assertIntercomHeaders } from './harness/component';
import { FakePlatform, PLATFORM_API_KEY } from './harness/fakePlatform';
import { startFerryman } from './harness/ferryman';
import { bodyOf, quietIntercom, requestsTo, seededContactId, servedContact, servedContactByEmail, startIntercom, type SandboxHandle } from './harness/intercom';
import { LeakWatch } from './harness/leakWatch';
import { OihTopology, type OrchestratorToken } from './harness/oihTopology';
import type { RabbitNode } from './harness/rabbit';
import { runService } from './harness/sailor';
import { withSailorStep, type SailorStep } from './harness/sailorStep';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

/** A distinct token per sign-in, so the sandbox's token tag tells which one a request carried. */
const token = (name: string): string => `tok_e2e_SECRET_${name}_${randomBytes(10).toString('hex')}`;
const SECRET_TOKEN = token('platform_secret');
const STALE_TOKEN = token('platform_stale');
const REFRESHED_TOKEN = token('platform_refreshed');
const OAUTH_BLOCK_TOKEN = token('oauth_block');
const OIH_OAUTH_TOKEN = token('oih_oauth');
const OIH_REFRESH_TOKEN = token('oih_refresh');
const OIH_KEY_TOKEN = token('oih_key');
/** Everything that must never be published or logged. STALE_TOKEN is sent (and refused), so it is secret too. */
const SECRETS = [SECRET_TOKEN, STALE_TOKEN, REFRESHED_TOKEN, OAUTH_BLOCK_TOKEN, ACCESS_TOKEN, OIH_OAUTH_TOKEN, OIH_REFRESH_TOKEN, OIH_KEY_TOKEN, PLATFORM_API_KEY];

/** The workspace the harness's sailor runs in (ELASTICIO_WORKSPACE_ID in harness/sailor.ts). */
const WORKSPACE = 'workspace-e2e';
const QUIET_MS = 400;

/**
 * Every sign-in the component offers, through the real runtimes: elastic.io's auth-client secret (read through a
 * loopback stand-in of the platform's secrets API, refreshed there on a 401), elastic.io's older OAuth form
 * (cfg.oauth), the pasted access token, and under ferryman OIH's OAuth2 and API-key secrets. The sandbox accepts
 * every token above except STALE_TOKEN; which token each request carried is read from its log.
 */
describe('e2e: sign-in forms (elastic.io OAuth both ways, access token, OIH secrets)', function () {
  this.timeout(90_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let sb: SandboxHandle;
  const leaks = new LeakWatch();

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    sb = await startIntercom({ tokens: [ACCESS_TOKEN, SECRET_TOKEN, REFRESHED_TOKEN, OAUTH_BLOCK_TOKEN, OIH_OAUTH_TOKEN, OIH_KEY_TOKEN], seed: { contacts: 5 } });
  });

  after(async () => {
    await sb?.close();
    await platform?.close();
  });

  beforeEach(() => quietIntercom(sb));

  describe('elastic.io sailor: createContact with each sign-in', () => {
    /** Credential fields of one form (plus the sandbox as the host), as the platform merges them into cfg. */
    const createWith = async (credential: Record<string, unknown>, email: string, body: (s: SailorStep) => Promise<void> = async () => {}): Promise<void> => {
      assert.equal(sb.state.contactByEmail(email), undefined, 'the contact does not exist yet');
      await withSailorStep(
        {
          componentRoot: COMPONENT_ROOT,
          amqpUrl: rabbit.url,
          platform,
          functionName: 'createContact',
          config: { _account: 'account-e2e', region: 'auto', baseUrl: sb.url, ...credential },
          extraEnv: FAST_WAITS_ENV,
          leakWatch: leaks,
        },
        async (s) => {
          s.topology.publish({ email });
          const [out] = await s.topology.data.waitFor(1, 15_000);
          await body(s);
          await sleep(QUIET_MS);
          assert.deepEqual(out?.value?.body, servedContactByEmail(sb, email));
          assert.deepEqual(s.topology.counts(), { data: 1, errors: 0, rebounds: 0, snapshots: 0, rejected: 0 });
        },
      );
    };

    it('(a) auth-client secret: the token is read from the platform secret and sent as the bearer token', async () => {
      platform.setPlatformSecret(WORKSPACE, 'secret-a', { accessToken: SECRET_TOKEN });
      await createWith({ secretId: 'secret-a' }, 'oauth-a@b.co');
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.equal(posts.length, 1);
      assert.deepEqual(bodyOf(posts[0]), { email: 'oauth-a@b.co' });
      assertIntercomHeaders(sb, posts[0], SECRET_TOKEN);
      const calls = platform.platformSecretCalls('secret-a');
      assert.deepEqual(calls.map((r) => `${r.method} ${r.path}`), [`GET /v2/workspaces/${WORKSPACE}/secrets/secret-a`]);
    });

    it('(b) older OAuth form: cfg.oauth.access_token is sent as the bearer token', async () => {
      await createWith({ oauth: { access_token: OAUTH_BLOCK_TOKEN, token_type: 'bearer' } }, 'oauth-b@b.co');
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.equal(posts.length, 1);
      assertIntercomHeaders(sb, posts[0], OAUTH_BLOCK_TOKEN);
    });

    it('(c) access token: cfg.accessToken is sent as the bearer token', async () => {
      await createWith({ accessToken: ACCESS_TOKEN }, 'oauth-c@b.co');
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.equal(posts.length, 1);
      assertIntercomHeaders(sb, posts[0], ACCESS_TOKEN);
    });

    it('(a) with a token Intercom refuses, still in the secret: read again, exactly one refresh, one retry, one contact', async () => {
      platform.setPlatformSecret(WORKSPACE, 'secret-stale', { accessToken: STALE_TOKEN, refreshTo: REFRESHED_TOKEN });
      await createWith({ secretId: 'secret-stale' }, 'oauth-refresh@b.co', async ({ sailor }) => {
        await sailor.waitForLine(/still holds the refused token; asking the platform to refresh it/, 5_000);
      });
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.deepEqual(posts.map((r) => r.status), [401, 200]);
      assertIntercomHeaders(sb, posts[0], STALE_TOKEN);
      assertIntercomHeaders(sb, posts[1], REFRESHED_TOKEN);
      assert.deepEqual(bodyOf(posts[1]), { email: 'oauth-refresh@b.co' });
      const calls = platform.platformSecretCalls('secret-stale').map((r) => `${r.method} ${r.path}`);
      const read = `GET /v2/workspaces/${WORKSPACE}/secrets/secret-stale`;
      assert.deepEqual(calls, [read, read, `POST /v2/workspaces/${WORKSPACE}/secrets/secret-stale/refresh`]);
    });

    it('(a) with a token Intercom refuses that another replica replaced meanwhile: the new token, no refresh', async () => {
      platform.setPlatformSecret(WORKSPACE, 'secret-rotated', { accessToken: STALE_TOKEN, rotateAfterRead: REFRESHED_TOKEN });
      await createWith({ secretId: 'secret-rotated' }, 'oauth-rotated@b.co');
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.deepEqual(posts.map((r) => r.status), [401, 200]);
      assertIntercomHeaders(sb, posts[0], STALE_TOKEN);
      assertIntercomHeaders(sb, posts[1], REFRESHED_TOKEN);
      const read = `GET /v2/workspaces/${WORKSPACE}/secrets/secret-rotated`;
      assert.deepEqual(platform.platformSecretCalls('secret-rotated').map((r) => `${r.method} ${r.path}`), [read, read]);
    });

    it('(d) No Auth credential: the access token pasted into the credential (a field of the secret) is sent', async () => {
      platform.setPlatformSecret(WORKSPACE, 'secret-noauth', { type: 'noauth', fields: { accessToken: ACCESS_TOKEN } });
      await createWith({ secretId: 'secret-noauth' }, 'noauth-d@b.co');
      const posts = requestsTo(sb, 'POST', '/contacts');
      assert.equal(posts.length, 1);
      assertIntercomHeaders(sb, posts[0], ACCESS_TOKEN);
    });
  });

  describe('elastic.io service mode: verifyCredentials says which sign-in it used', () => {
    it('auth-client secret: verified through GET /me with the secret\'s token; the log names the form, no secret', async () => {
      platform.setPlatformSecret(WORKSPACE, 'secret-verify', { accessToken: SECRET_TOKEN });
      const run = await runService({
        componentRoot: COMPONENT_ROOT,
        method: 'verifyCredentials',
        cfg: { secretId: 'secret-verify', baseUrl: sb.url },
        platform,
        extraEnv: { ELASTICIO_WORKSPACE_ID: WORKSPACE },
      });
      assert.deepEqual(run.result.body, { status: 'success', data: { verified: true } });
      const [me] = sb.requests.entries();
      assert.equal(me?.path, '/me');
      assertIntercomHeaders(sb, me, SECRET_TOKEN);
      // Bunyan's JSON lines escape the quotes around the field name.
      assert.match(run.process.text(), /verified with elastic\.io auth-client secret \(OAuth, or a No Auth credential's pasted token; read from the platform secret in \\"secretId\\"\)/);
      leaks.add('verifyCredentials log', run.process.text());
    });
  });

  describe('OIH ferryman: getContact with an OAuth2 secret and with an API-key secret', () => {
    let topology: OihTopology;
    let ferryman: Awaited<ReturnType<typeof startFerryman>>['process'];

    before(async () => {
      // As OIH's secret service serves them (ferryman merges `value` into cfg).
      platform.setSecret('secret-oih-oauth', {
        type: 'OA2_AUTHORIZATION_CODE',
        value: { authClientId: 'client-1', accessToken: OIH_OAUTH_TOKEN, refreshToken: OIH_REFRESH_TOKEN, scope: '', expires: '2099-01-01T00:00:00.000Z', externalId: 'admin-1' },
      });
      platform.setSecret('secret-oih-key', { type: 'API_KEY', value: { key: OIH_KEY_TOKEN, headerName: 'Authorization' } });
      topology = await OihTopology.declare(rabbit.url);
      ferryman = (await startFerryman({ componentRoot: COMPONENT_ROOT, amqpUrl: rabbit.url, topology, platform, extraEnv: FAST_WAITS_ENV })).process;
    });

    after(async () => {
      const exit = await ferryman?.stop();
      if (ferryman) leaks.add('ferryman log', ferryman.text());
      if (topology) leaks.add('ferryman outputs', topology.allOutputText());
      await topology?.close();
      assert.equal(exit?.code, 0, ferryman?.tail());
    });

    const tokenFor = (secretId: string): OrchestratorToken => ({
      flowId: topology.flowId,
      stepId: topology.stepId,
      userId: 'oih-user-1',
      function: 'getContact',
      flowExecId: 'oih-exec-1',
      secretId,
      apiKey: 'oih-iam-token',
      fields: { region: 'auto', baseUrl: sb.url },
      nodeSettings: {},
      tenant: 'tenant-1',
    });

    for (const [name, secretId, expected] of [
      ['OAuth2 secret (accessToken)', 'secret-oih-oauth', () => OIH_OAUTH_TOKEN],
      ['API-key secret (key)', 'secret-oih-key', () => OIH_KEY_TOKEN],
    ] as const) {
      it(`${name}: the contact arrives, fetched with that secret's token`, async () => {
        const id = seededContactId(sb, secretId === 'secret-oih-oauth' ? 0 : 1);
        topology.output.clear();
        topology.publish({ data: { contact_id: id } }, tokenFor(secretId));
        const [out] = await topology.output.waitFor(1, 15_000);
        await sleep(300);
        assert.deepEqual(out?.value?.data, servedContact(sb, id));
        assert.equal(topology.errors.messages.length, 0);
        const gets = requestsTo(sb, 'GET', `/contacts/${id}`);
        assert.equal(gets.length, 1);
        assertIntercomHeaders(sb, gets[0], expected());
        assert.ok(platform.requests.some((r) => r.path === `/secrets/${secretId}` && r.headers['authorization'] === 'Bearer oih-iam-token'));
      });
    }
  });

  // Its own (last) block: mocha runs a suite's own tests before its child suites, whose logs it checks.
  describe('secrecy', () => {
    it('no token, refresh token or platform key in any published message or log line (all cases above)', () => {
      assert.ok(leaks.size > 5_000, `too little was collected to make this meaningful (${leaks.size} chars)`);
      for (const secret of SECRETS) {
        assert.deepEqual(leaks.find(secret), [], `a secret leaked:\n${leaks.find(secret).join('\n')}`);
        assert.deepEqual(leaks.find(secret.slice(-12)), [], 'the tail of a secret leaked');
      }
    });
  });
});
