/**
 * nock, not the sandbox: Intercom's three regional https hosts answering in turn (the sandbox is one loopback host).
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { readCredentials } from '../../../lib/runtime/credentials';
import { forOperation } from '../../../lib/operation/action';
import { FakeStep, offlineRuntime } from '../../helpers/context';

describe('runtime: credentials and region', () => {
  offlineRuntime();

  it('reads accessToken, region (default auto) and baseUrl', () => {
    assert.deepEqual(readCredentials({ accessToken: ' tok_abcdefgh ' }), { signIn: 'accessToken', accessToken: 'tok_abcdefgh', region: 'auto' });
    assert.deepEqual(readCredentials({ accessToken: 'tok_abcdefgh', region: 'EU' }), { signIn: 'accessToken', accessToken: 'tok_abcdefgh', region: 'eu' });
    assert.equal(readCredentials({ accessToken: 'tok_abcdefgh', baseUrl: 'https://proxy.example.com/intercom/' }).baseUrl, 'https://proxy.example.com/intercom');
  });

  it('reads every sign-in: platform secret, cfg.oauth.access_token, accessToken, OIH secrets', () => {
    assert.deepEqual(readCredentials({ secretId: ' 5f0c0ffee ' }), { signIn: 'platformSecret', secretId: '5f0c0ffee', region: 'auto' });
    assert.deepEqual(readCredentials({ oauth: { access_token: 'tok_oauth_block_1', token_type: 'bearer' } }), { signIn: 'oauth', accessToken: 'tok_oauth_block_1', region: 'auto' });
    // What ferryman merges from an OIH OAuth2 secret (OA2_AUTHORIZATION_CODE) and from an API-key secret.
    assert.deepEqual(readCredentials({ accessToken: 'tok_oih_oauth_1', refreshToken: 'rt_oih_1', expires: '2030-01-01' }), { signIn: 'accessToken', accessToken: 'tok_oih_oauth_1', region: 'auto' });
    assert.deepEqual(readCredentials({ key: 'tok_from_oih_secret', headerName: 'Authorization' }), { signIn: 'oihApiKey', accessToken: 'tok_from_oih_secret', region: 'auto' });
  });

  it('precedence: platform secret, then cfg.oauth, then accessToken, then key; empty fields do not count', () => {
    const all = { secretId: 's1', oauth: { access_token: 'tok_oauth_2' }, accessToken: 'tok_pasted_2', key: 'tok_key_2' };
    assert.equal(readCredentials(all).signIn, 'platformSecret');
    assert.equal(readCredentials({ ...all, secretId: '' }).accessToken, 'tok_oauth_2');
    assert.equal(readCredentials({ ...all, secretId: null, oauth: undefined }).accessToken, 'tok_pasted_2');
    assert.equal(readCredentials({ key: 'tok_key_2', accessToken: '  ', oauth: '' }).accessToken, 'tok_key_2');
  });

  it('refuses missing or malformed sign-ins with the field name, before any request', () => {
    assert.throws(() => readCredentials({}), /Credential field "accessToken" is required: an Intercom access token \(or sign in with Intercom through the credential field "oauth"\)/);
    assert.throws(() => readCredentials({ oauth: { refresh_token: 'rt_1' } }), /Credential field "oauth.access_token" is empty: sign in with Intercom again/);
    assert.throws(() => readCredentials({ oauth: 'tok_as_text', accessToken: 'tok_pasted_3' }), /Credential field "oauth" must hold the tokens the platform stored/);
    assert.throws(() => readCredentials({ secretId: 42 }), /Credential field "secretId" must be the id of an elastic.io secret \(text\); got number/);
  });

  it('refuses unknown regions and unsafe base URLs with the field name', () => {
    assert.throws(() => readCredentials({ accessToken: 'tok_abcdefgh', region: 'mars' }), /Credential field "region" must be one of auto, us, eu, au/);
    for (const url of ['http://10.1.2.3:8080', 'http://intercom.example.com', 'ftp://127.0.0.1', 'not a url', 'https://u:p@proxy.example.com']) {
      assert.throws(() => readCredentials({ accessToken: 'tok_abcdefgh', baseUrl: url }), /Credential field "baseUrl"/, url);
    }
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:1', 'http://[::1]:9', 'https://api.eu.intercom.io']) {
      assert.doesNotThrow(() => readCredentials({ accessToken: 'tok_abcdefgh', baseUrl: url }), url);
    }
  });

  it('uses the chosen region host', async () => {
    const scope = nock('https://api.au.intercom.io').get('/contacts/c1').reply(200, { id: 'c1' });
    await forOperation('getContact').process.call(new FakeStep(), { body: { contact_id: 'c1' } }, { accessToken: 'tok_region_au_123', region: 'au' });
    scope.done();
  });

  it('auto: asks /me on the US host, then EU, then AU on 401, and caches the region per token', async () => {
    const unauthorized = { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] };
    const us = nock('https://api.intercom.io').get('/me').reply(401, unauthorized);
    const eu = nock('https://api.eu.intercom.io').get('/me').reply(200, { type: 'admin', id: '1', app: { region: 'Europe' } })
      .get('/contacts/c1').twice().reply(200, { id: 'c1' });
    const cfg = { accessToken: 'tok_region_auto_eu_1' };
    await forOperation('getContact').process.call(new FakeStep(), { body: { contact_id: 'c1' } }, cfg);
    await forOperation('getContact').process.call(new FakeStep(), { body: { contact_id: 'c1' } }, cfg);
    us.done();
    eu.done();
  });

  it('auto: a token refused everywhere is one clear 401 error', async () => {
    const unauthorized = { type: 'error.list', request_id: 'req-us', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] };
    nock('https://api.intercom.io').get('/me').reply(401, unauthorized);
    nock('https://api.eu.intercom.io').get('/me').reply(401, unauthorized);
    nock('https://api.au.intercom.io').get('/me').reply(401, unauthorized);
    await assert.rejects(
      forOperation('getContact').process.call(new FakeStep(), { body: { contact_id: 'c1' } }, { accessToken: 'tok_refused_everywhere' }),
      /Intercom 401 unauthorized: Access Token Invalid; the access token was refused in every region \(US, EU, AU\) \(request_id req-us\) in identifyAdmin/,
    );
  });
});
