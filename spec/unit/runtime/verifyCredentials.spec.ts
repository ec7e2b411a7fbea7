/**
 * nock, not the sandbox: Intercom's regional https hosts and a refused token, scripted per case.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import nock from 'nock';
import verifyCredentials from '../../../lib/verifyCredentials';
import { FakeStep, offlineRuntime, TEST_BASE_URL } from '../../helpers/context';

const ROOT = join(__dirname, '..', '..', '..');

describe('verifyCredentials (GET /me)', () => {
  offlineRuntime();

  it('answers {verified: true} and logs admin email, workspace id_code and region', async () => {
    nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '9', email: 'ops@example.com', app: { id_code: 'abc123', region: 'US', timezone: 'Europe/Berlin' } });
    const step = new FakeStep();
    const result = await verifyCredentials.call(step, { accessToken: 'tok_verify_good_1', baseUrl: TEST_BASE_URL });
    assert.deepEqual(result, { verified: true });
    assert.ok(step.logs.some((l) => l.includes('ops@example.com') && l.includes('abc123')));
  });

  it('answers {verified: false, reason} with status, code and request_id for a bad token — never a bare false', async () => {
    nock(TEST_BASE_URL).get('/me').reply(401, { type: 'error.list', request_id: 'req-me-401', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] });
    const result = await verifyCredentials.call(new FakeStep(), { accessToken: 'tok_verify_bad_1', baseUrl: TEST_BASE_URL });
    assert.equal(result.verified, false);
    assert.equal(
      result.reason,
      'Intercom 401 unauthorized: Access Token Invalid (request_id req-me-401) in identifyAdmin (sign-in used: access token (field "accessToken": pasted, or from an OIH OAuth2 secret))',
    );
  });

  it('answers {verified: false, reason} on a network failure and on a missing token', async () => {
    nock(TEST_BASE_URL).get('/me').times(10).replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    const network = await verifyCredentials.call(new FakeStep(), { accessToken: 'tok_verify_net_1', baseUrl: TEST_BASE_URL });
    assert.equal(network.verified, false);
    assert.match(network.reason ?? '', /ECONNREFUSED/);
    const missing = await verifyCredentials.call(new FakeStep(), {});
    assert.deepEqual(missing, {
      verified: false,
      reason: 'Credential field "accessToken" is required: an Intercom access token (or sign in with Intercom through the credential field "oauth")',
    });
  });

  it('the root verifyCredentials.js loads as a function after the build (a module that fails to load counts as verified)', () => {
    const type = execFileSync(process.execPath, ['-e', "process.stdout.write(typeof require('./verifyCredentials.js'))"], { cwd: ROOT }).toString();
    assert.equal(type, 'function');
  });
});
