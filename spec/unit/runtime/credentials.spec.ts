/**
 * nock, not the sandbox: Intercom's three regional https hosts answering in turn (the sandbox is one loopback host).
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { readCredentials } from '../../../lib/runtime/credentials';
import { forOperation } from '../../../lib/runtime/action';
import { FakeStep, offlineRuntime } from '../../helpers/context';

describe('runtime: credentials and region', () => {
  offlineRuntime();

  it('reads accessToken, region (default auto) and baseUrl', () => {
    assert.deepEqual(readCredentials({ accessToken: ' tok_abcdefgh ' }), { accessToken: 'tok_abcdefgh', region: 'auto' });
    assert.deepEqual(readCredentials({ accessToken: 'tok_abcdefgh', region: 'EU' }), { accessToken: 'tok_abcdefgh', region: 'eu' });
    assert.equal(readCredentials({ accessToken: 'tok_abcdefgh', baseUrl: 'https://proxy.example.com/intercom/' }).baseUrl, 'https://proxy.example.com/intercom');
  });

  it('accepts an OIH API-key secret merged into cfg as the token', () => {
    assert.equal(readCredentials({ key: 'tok_from_oih_secret' }).accessToken, 'tok_from_oih_secret');
  });

  it('refuses missing tokens, unknown regions and unsafe base URLs with the field name', () => {
    assert.throws(() => readCredentials({}), /Credential field "accessToken" is required/);
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
