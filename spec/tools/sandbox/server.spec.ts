import { strict as assert } from 'node:assert';
import { startSandbox } from '../../../tools/sandbox';
import { client, TOKEN, useSandbox, UUID } from './helpers';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

describe('sandbox: auth, version, routing', () => {
  const { sb, api } = useSandbox({ timezone: 'Europe/Berlin' });

  it('401 error.list without a bearer token, and no rate-limit headers', async () => {
    const r = await client(sb(), null).call('GET', '/me');
    assert.equal(r.status, 401);
    assert.equal(r.body.type, 'error.list');
    assert.match(r.body.request_id, UUID);
    assert.deepEqual(r.body.errors, [{ code: 'unauthorized', message: 'Access Token Invalid' }]);
    assert.equal(r.headers.get('x-ratelimit-limit'), null);
  });

  it('401 for a Basic scheme or an empty bearer', async () => {
    for (const auth of ['Basic abc', 'Bearer ', 'Bearer']) {
      const r = await fetch(`${sb().url}/me`, { headers: { Authorization: auth } });
      assert.equal(r.status, 401, auth);
    }
  });

  it('answers GET /me as admin_with_app with the configured timezone', async () => {
    const r = await api().call('GET', '/me');
    assert.equal(r.status, 200);
    assert.equal(r.body.type, 'admin');
    assert.equal(r.body.app.type, 'app');
    assert.equal(r.body.app.region, 'US');
    assert.equal(r.body.app.timezone, 'Europe/Berlin');
    assert.match(r.body.app.id_code, /^[0-9a-z]{8}$/);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  it('accepts the pinned Intercom-Version or none, refuses another with 400 intercom_version_invalid', async () => {
    assert.equal((await api().call('GET', '/me', undefined, { 'Intercom-Version': INTERCOM_API_VERSION })).status, 200);
    const none = await fetch(`${sb().url}/me`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(none.status, 200);
    const r = await api().call('GET', '/me', undefined, { 'Intercom-Version': '2.9' });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].code, 'intercom_version_invalid');
  });

  it('404 for an unknown path and for an unsupported method on a known path', async () => {
    const unknown = await api().call('GET', '/no/such/thing');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.errors[0].code, 'not_found');
    const method = await api().call('PATCH', '/me', {});
    assert.equal(method.status, 404);
  });

  it('400 parameter_invalid for a malformed JSON body', async () => {
    const r = await api().call('POST', '/contacts', '{"email": ');
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].code, 'parameter_invalid');
  });

  it('406 when Accept rules out JSON', async () => {
    const r = await api().call('GET', '/me', undefined, { Accept: 'text/csv' });
    assert.equal(r.status, 406);
  });

  it('decodes path parameters and never routes an encoded slash to another endpoint', async () => {
    const r = await api().call('GET', '/contacts/..%2Fadmins');
    assert.equal(r.status, 404);
    assert.equal(r.body.errors[0].message, 'User Not Found');
  });

  it('only the configured tokens are accepted when a token set is given', async () => {
    const strict = await startSandbox({ tokens: ['good'], operationsFile: null });
    try {
      assert.equal((await client(strict, 'good').call('GET', '/me')).status, 200);
      assert.equal((await client(strict, 'bad').call('GET', '/me')).status, 401);
    } finally {
      await strict.close();
    }
  });

  it('a token without scopes passes /me but gets 403 forbidden elsewhere', async () => {
    const scoped = await startSandbox({ forbiddenTokens: ['no-scopes'], operationsFile: null });
    try {
      assert.equal((await client(scoped, 'no-scopes').call('GET', '/me')).status, 200);
      const r = await client(scoped, 'no-scopes').call('GET', '/contacts');
      assert.equal(r.status, 403);
      assert.equal(r.body.errors[0].code, 'forbidden');
      assert.notEqual(r.headers.get('x-ratelimit-limit'), null);
    } finally {
      await scoped.close();
    }
  });

  it('ids and request ids are deterministic for the same seed', async () => {
    const a = await startSandbox({ seed: { key: 'same' }, operationsFile: null });
    const b = await startSandbox({ seed: { key: 'same' }, operationsFile: null });
    try {
      const ra = await client(a).call('GET', '/contacts?per_page=3');
      const rb = await client(b).call('GET', '/contacts?per_page=3');
      assert.deepEqual(ra.body, rb.body);
      assert.match(ra.body.data[0].id, /^[0-9a-f]{24}$/);
      const ea = await client(a).call('GET', '/nope');
      const eb = await client(b).call('GET', '/nope');
      assert.equal(ea.body.request_id, eb.body.request_id);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('records requests without tokens', async () => {
    await api().call('GET', '/admins');
    assert.ok(sb().requests.count('GET', '/admins') >= 1);
    assert.ok(!JSON.stringify(sb().requests.entries()).includes(TOKEN));
  });
});
