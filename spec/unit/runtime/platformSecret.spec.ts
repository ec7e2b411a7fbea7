/**
 * nock, not the sandbox: elastic.io's secrets API and Intercom's regional https hosts, scripted per case (the
 * sandbox is Intercom only). The e2e suite runs the same sign-in through the real sailor.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import verifyCredentials from '../../../lib/verifyCredentials';
import { FakeStep, netError, offlineRuntime, sleeps, TEST_BASE_URL } from '../../helpers/context';

const PLATFORM = 'https://platform.example.test';
const ENV = {
  ELASTICIO_API_URI: `${PLATFORM}/`,
  ELASTICIO_API_USERNAME: 'robot@example.com',
  ELASTICIO_API_KEY: 'platform-key-0123456789',
  ELASTICIO_WORKSPACE_ID: 'ws 1',
};
const SECRET_PATH = '/v2/workspaces/ws%201/secrets/sec_1';
const unauthorized = { type: 'error.list', request_id: 'req-401', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] };

function secret(token: string): nock.Body {
  return { data: { id: 'sec_1', type: 'auth-secret', attributes: { state: 'ready', credentials: { access_token: token } } } };
}

/** The platform's secrets API, answering only with the component's basic-auth credentials. */
function platform(): nock.Scope {
  return nock(PLATFORM).matchHeader('authorization', `Basic ${Buffer.from(`${ENV.ELASTICIO_API_USERNAME}:${ENV.ELASTICIO_API_KEY}`).toString('base64')}`);
}

function intercom(host = TEST_BASE_URL, token: string): nock.Scope {
  return nock(host).matchHeader('authorization', `Bearer ${token}`);
}

describe('runtime: elastic.io auth-client sign-in (token read from the platform secret)', () => {
  offlineRuntime();
  const saved: Record<string, string | undefined> = {};
  before(() => {
    for (const [name, value] of Object.entries(ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });

  const cfg = { secretId: 'sec_1', baseUrl: TEST_BASE_URL };
  const createContact = (step: FakeStep, config: Record<string, unknown> = cfg): Promise<unknown> =>
    forOperation('createContact').process.call(step, { body: { email: 'a@b.co' } }, config);

  it('reads the token from the secret (encoded path, basic auth) and sends it as the bearer token', async () => {
    const api = platform().get(SECRET_PATH).reply(200, secret('tok_secret_first_1'));
    const created = intercom(TEST_BASE_URL, 'tok_secret_first_1').post('/contacts', { email: 'a@b.co' }).reply(200, { type: 'contact', id: 'c9' });
    const step = new FakeStep();
    await createContact(step);
    api.done();
    created.done();
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c9' }]);
  });

  it('a 401 from Intercom, the secret still holding that token: read again, one refresh through the platform, one retry with the new token', async () => {
    const api = platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_stale_2')).post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_secret_fresh_2'));
    const stale = intercom(TEST_BASE_URL, 'tok_secret_stale_2').post('/contacts').reply(401, unauthorized);
    const fresh = intercom(TEST_BASE_URL, 'tok_secret_fresh_2').post('/contacts', { email: 'a@b.co' }).reply(200, { type: 'contact', id: 'c10' });
    const step = new FakeStep();
    await createContact(step);
    api.done();
    stale.done();
    fresh.done();
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c10' }]);
    assert.ok(step.logs.some((l) => l.includes('still holds the refused token; asking the platform to refresh it')), step.logs.join('\n'));
  });

  it('a 401 from Intercom, the secret holding another token by now: that token is used, no refresh is asked', async () => {
    // Another replica (or a new sign-in) replaced the token between the first read and Intercom's answer.
    const api = platform().get(SECRET_PATH).reply(200, secret('tok_secret_old_6')).get(SECRET_PATH).reply(200, secret('tok_secret_new_6'));
    const refresh = platform().post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_secret_refreshed_6'));
    const old = intercom(TEST_BASE_URL, 'tok_secret_old_6').post('/contacts').reply(401, unauthorized);
    const current = intercom(TEST_BASE_URL, 'tok_secret_new_6').post('/contacts', { email: 'a@b.co' }).reply(200, { type: 'contact', id: 'c12' });
    const step = new FakeStep();
    await createContact(step);
    api.done();
    old.done();
    current.done();
    assert.equal(refresh.isDone(), false, 'no refresh was asked');
    nock.cleanAll();
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c12' }]);
    assert.ok(step.logs.some((l) => l.includes('holds another token now (refreshed elsewhere); trying once more with it, no refresh asked')), step.logs.join('\n'));
  });

  it('a 401 again after the refresh is the error: no second refresh, no third request', async () => {
    platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_stale_3')).post(`${SECRET_PATH}/refresh`).once().reply(200, secret('tok_secret_fresh_3'));
    const stale = intercom(TEST_BASE_URL, 'tok_secret_stale_3').post('/contacts').reply(401, unauthorized);
    const fresh = intercom(TEST_BASE_URL, 'tok_secret_fresh_3').post('/contacts').once().reply(401, unauthorized);
    await assert.rejects(createContact(new FakeStep()), /Intercom 401 unauthorized: Access Token Invalid \(request_id req-401\) in createContact/);
    stale.done();
    fresh.done();
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('a refresh that returns the same token is not retried and says to sign in again', async () => {
    platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_same_4')).post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_secret_same_4'));
    const only = intercom(TEST_BASE_URL, 'tok_secret_same_4').post('/contacts').once().reply(401, unauthorized);
    await assert.rejects(createContact(new FakeStep()), /the platform refreshed the secret but it holds the same token; sign in with Intercom again/);
    only.done();
  });

  it('a refresh the platform cannot do: Intercom\'s 401 with its request_id, and why, in one error', async () => {
    platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_norefresh_5')).post(`${SECRET_PATH}/refresh`).reply(400, { errors: [{ title: 'no refresh token' }] });
    intercom(TEST_BASE_URL, 'tok_secret_norefresh_5').post('/contacts').once().reply(401, unauthorized);
    await assert.rejects(
      createContact(new FakeStep()),
      /Intercom 401 unauthorized: Access Token Invalid; refreshing the platform secret failed \(elastic.io answered 400 when refreshing elastic.io secret sec_1\); sign in with Intercom again \(request_id req-401\) in createContact/,
    );
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('region auto with a refreshed token: the stale one is refused everywhere, the new one is detected and used', async () => {
    platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_stale_5')).post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_secret_fresh_5'));
    for (const host of ['https://api.intercom.io', 'https://api.eu.intercom.io', 'https://api.au.intercom.io']) {
      intercom(host, 'tok_secret_stale_5').get('/me').reply(401, unauthorized);
    }
    intercom('https://api.intercom.io', 'tok_secret_fresh_5').get('/me').reply(401, unauthorized);
    const eu = intercom('https://api.eu.intercom.io', 'tok_secret_fresh_5').get('/me').reply(200, { type: 'admin', id: '1' })
      .post('/contacts').reply(200, { type: 'contact', id: 'c11' });
    const step = new FakeStep();
    await createContact(step, { secretId: 'sec_1' });
    eu.done();
    assert.deepEqual(nock.pendingMocks(), []);
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c11' }]);
  });

  it('a No Auth secret: the access token pasted into the credential (kept among its fields, or merged into cfg) is used', async () => {
    const noauth = (credentials: Record<string, unknown>): nock.Body => ({ data: { id: 'sec_1', type: 'auth-secret', attributes: { type: 'noauth', state: 'ready', credentials } } });
    platform().get(SECRET_PATH).reply(200, noauth({ fields: { accessToken: 'tok_noauth_field_7' } }));
    const first = intercom(TEST_BASE_URL, 'tok_noauth_field_7').post('/contacts').reply(200, { type: 'contact', id: 'c13' });
    await createContact(new FakeStep());
    first.done();
    platform().get(SECRET_PATH).reply(200, noauth({}));
    const second = intercom(TEST_BASE_URL, 'tok_noauth_cfg_7').post('/contacts').reply(200, { type: 'contact', id: 'c14' });
    await createContact(new FakeStep(), { ...cfg, accessToken: 'tok_noauth_cfg_7' });
    second.done();
    platform().get(SECRET_PATH).reply(200, noauth({}));
    await assert.rejects(createContact(new FakeStep()), /elastic.io secret sec_1 holds no access_token \(secret state: ready\): sign in with Intercom again \(a No Auth credential: paste an access token into "accessToken"\)/);
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('a No Auth secret whose token Intercom refuses: read again, nothing to refresh, one 401 naming why', async () => {
    const noauth = { data: { id: 'sec_1', type: 'auth-secret', attributes: { type: 'noauth', state: 'ready', credentials: { fields: { accessToken: 'tok_noauth_bad_8' } } } } };
    platform().get(SECRET_PATH).twice().reply(200, noauth);
    const refresh = platform().post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_never_8'));
    intercom(TEST_BASE_URL, 'tok_noauth_bad_8').post('/contacts').once().reply(401, unauthorized);
    await assert.rejects(createContact(new FakeStep()), /Intercom 401 unauthorized: Access Token Invalid; the credential holds a pasted access token, which has nothing to refresh/);
    assert.equal(refresh.isDone(), false);
    nock.cleanAll();
  });

  it('platform failures are clear errors and Intercom is never called', async () => {
    platform().get(SECRET_PATH).reply(404, { errors: [{ title: 'Not found' }] });
    await assert.rejects(createContact(new FakeStep()), /elastic.io answered 404 when reading elastic.io secret sec_1: no such secret in workspace ws 1/);
    platform().get(SECRET_PATH).reply(200, { data: { attributes: { state: 'failed', credentials: {} } } });
    await assert.rejects(createContact(new FakeStep()), /elastic.io secret sec_1 holds no access_token \(secret state: failed\): sign in with Intercom again/);
    // A GET is retried after a 5xx (three retries by default), then given up.
    platform().get(SECRET_PATH).times(4).reply(503, 'busy');
    await assert.rejects(createContact(new FakeStep()), /elastic.io answered 503 when reading elastic.io secret sec_1/);
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('a secretId that is not exactly one path segment is refused before any request (., .., slashes, encoded forms)', async () => {
    // Any request would fail differently: nock allows no connection and no interceptor is set.
    for (const secretId of ['.', '..', '...', ' .. ', 'a/b', '../secrets', 'a\\b', '%2e%2e', '%2E', 'a%2Fb', 'a b', 'a?b', 'a#b', '']) {
      const step = new FakeStep();
      if (secretId.trim() === '') {
        // An empty secretId is no secret sign-in at all: with nothing else configured, the token field is named.
        await assert.rejects(createContact(step, { secretId, baseUrl: TEST_BASE_URL }), /Credential field "accessToken" is required/);
        continue;
      }
      await assert.rejects(
        createContact(step, { secretId, baseUrl: TEST_BASE_URL }),
        /Credential field "secretId" must be the id of one elastic.io secret \(letters, digits, "-", "_", "~" or "\.", not "\." or "\.\."\)/,
        JSON.stringify(secretId),
      );
    }
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('the secret read follows the retry policy: a 408, a 502 and a reset connection are asked again, backing off', async () => {
    const api = platform()
      .get(SECRET_PATH)
      .reply(408, 'timeout')
      .get(SECRET_PATH)
      .reply(502, '<html><title>502 Bad Gateway</title></html>')
      .get(SECRET_PATH)
      .replyWithError(netError('ECONNRESET'))
      .get(SECRET_PATH)
      .reply(200, secret('tok_secret_retried_12'));
    const created = intercom(TEST_BASE_URL, 'tok_secret_retried_12').post('/contacts').reply(200, { type: 'contact', id: 'c12' });
    const step = new FakeStep();
    await createContact(step);
    api.done();
    created.done();
    assert.deepEqual(sleeps, [750, 1500, 3000]);
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c12' }]);
  });

  it('the refresh is sent once after a 5xx or a reset connection (the platform may have refreshed), again only after a refused connection', async () => {
    const refreshFails = async (reply: (scope: nock.Interceptor) => nock.Scope, token: string, reason: RegExp): Promise<void> => {
      // Read, then read again after the 401 (still the refused token, so a refresh is asked).
      platform().get(SECRET_PATH).twice().reply(200, secret(token));
      reply(platform().post(`${SECRET_PATH}/refresh`).once());
      intercom(TEST_BASE_URL, token).post('/contacts').once().reply(401, unauthorized);
      await assert.rejects(createContact(new FakeStep()), reason);
      assert.deepEqual(nock.pendingMocks(), []);
    };
    await refreshFails((i) => i.reply(503, 'busy'), 'tok_secret_refresh503_13', /refreshing the platform secret failed \(elastic.io answered 503 when refreshing elastic.io secret sec_1\)/);
    await refreshFails((i) => i.replyWithError(netError('ECONNRESET')), 'tok_secret_refreshreset_14', /elastic.io did not answer when refreshing elastic.io secret sec_1 \(ECONNRESET\)/);
    assert.deepEqual(sleeps, []);

    platform().get(SECRET_PATH).twice().reply(200, secret('tok_secret_stale_15')).post(`${SECRET_PATH}/refresh`).replyWithError(netError('ECONNREFUSED')).post(`${SECRET_PATH}/refresh`).reply(200, secret('tok_secret_fresh_15'));
    intercom(TEST_BASE_URL, 'tok_secret_stale_15').post('/contacts').reply(401, unauthorized);
    intercom(TEST_BASE_URL, 'tok_secret_fresh_15').post('/contacts').reply(200, { type: 'contact', id: 'c15' });
    const step = new FakeStep();
    await createContact(step);
    assert.deepEqual(nock.pendingMocks(), []);
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c15' }]);
    assert.deepEqual(sleeps, [750]);
  });

  it('a missing platform environment variable names it', async () => {
    const key = process.env['ELASTICIO_WORKSPACE_ID'];
    delete process.env['ELASTICIO_WORKSPACE_ID'];
    try {
      await assert.rejects(createContact(new FakeStep()), /Credential field "secretId" \(elastic.io OAuth\) needs the platform API, but the environment variable ELASTICIO_WORKSPACE_ID is not set/);
    } finally {
      process.env['ELASTICIO_WORKSPACE_ID'] = key;
    }
  });

  it('verifyCredentials reads the secret, calls GET /me and logs which sign-in it used, never a secret', async () => {
    platform().get(SECRET_PATH).reply(200, secret('tok_secret_verify_6'));
    intercom(TEST_BASE_URL, 'tok_secret_verify_6').get('/me').reply(200, { type: 'admin', id: '7', email: 'ops@example.com', app: { id_code: 'w1' } });
    const step = new FakeStep();
    assert.deepEqual(await verifyCredentials.call(step, cfg), { verified: true });
    assert.ok(step.logs.some((l) => l.includes(`verified with elastic.io auth-client secret (OAuth, or a No Auth credential's pasted token; read from the platform secret in "secretId")`)), step.logs.join('\n'));
    const text = step.logs.join('\n');
    for (const secretText of ['tok_secret_verify_6', ENV.ELASTICIO_API_KEY]) assert.ok(!text.includes(secretText), `${secretText} is in the logs`);
  });
});

describe('runtime: elastic.io older OAuth form and the other sign-ins through verifyCredentials', () => {
  offlineRuntime();

  it('cfg.oauth.access_token: sent as the bearer token; the log names the form', async () => {
    intercom(TEST_BASE_URL, 'tok_oauth_block_7').get('/me').reply(200, { type: 'admin', id: '8', app: { id_code: 'w2' } });
    const step = new FakeStep();
    const result = await verifyCredentials.call(step, { oauth: { access_token: 'tok_oauth_block_7', refresh_token: 'rt_block_secret_7' }, baseUrl: TEST_BASE_URL });
    assert.deepEqual(result, { verified: true });
    assert.ok(step.logs.some((l) => l.includes('verified with elastic.io OAuth (token in credential field "oauth")')), step.logs.join('\n'));
  });

  it('an OAuth token with region auto: /me finds its region, the action goes there', async () => {
    intercom('https://api.intercom.io', 'tok_oauth_auto_8').get('/me').reply(401, unauthorized);
    const au = intercom('https://api.au.intercom.io', 'tok_oauth_auto_8').get('/me').reply(200, { type: 'admin', id: '9' }).get('/contacts/c1').reply(200, { id: 'c1' });
    intercom('https://api.eu.intercom.io', 'tok_oauth_auto_8').get('/me').reply(401, unauthorized);
    const step = new FakeStep();
    await forOperation('getContact').process.call(step, { body: { contact_id: 'c1' } }, { oauth: { access_token: 'tok_oauth_auto_8' } });
    au.done();
    assert.deepEqual(step.bodies(), [{ id: 'c1' }]);
  });

  it('a refused OAuth token is not refreshed (nothing to refresh): one 401, the reason names the sign-in', async () => {
    intercom(TEST_BASE_URL, 'tok_oauth_refused_9').get('/me').once().reply(401, unauthorized);
    const result = await verifyCredentials.call(new FakeStep(), { oauth: { access_token: 'tok_oauth_refused_9' }, baseUrl: TEST_BASE_URL });
    assert.equal(result.verified, false);
    assert.equal(result.reason, 'Intercom 401 unauthorized: Access Token Invalid (request_id req-401) in identifyAdmin (sign-in used: elastic.io OAuth (token in credential field "oauth"))');
    assert.deepEqual(nock.pendingMocks(), []);
  });
});
