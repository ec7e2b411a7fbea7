import { strict as assert } from 'node:assert';
import { startSandbox } from '../../../tools/sandbox';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';
import { client, TOKEN, useSandbox } from './helpers';

/** What a test can learn from the request log without the log holding a token: the e2e suite and the CLI tests rely on it. */
describe('sandbox: request log entries', () => {
  const { sb, api } = useSandbox({ seed: { contacts: 3 } });
  beforeEach(() => sb().requests.clear());

  it('carry the request_id the answer carried', async () => {
    const r = await api().call('GET', '/contacts/not-there');
    assert.equal(r.status, 404);
    assert.equal(sb().requests.entries()[0]?.requestId, r.body.request_id);
    sb().knobs.failNext(1, 503);
    const injected = await api().call('GET', '/me');
    assert.equal(sb().requests.entries()[1]?.requestId, injected.body.request_id);
  });

  it('keep the Intercom-Version header as received, and nothing when none was sent', async () => {
    await api().call('GET', '/me');
    await api().call('GET', '/me', undefined, { 'Intercom-Version': 'Unstable' });
    await fetch(`${sb().url}/me`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const [sent, other, none] = sb().requests.entries();
    assert.equal(sent?.version, INTERCOM_API_VERSION);
    assert.equal(other?.version, 'Unstable');
    assert.equal(other?.status, 400, 'a version the sandbox does not serve is still refused');
    assert.equal(none !== undefined && 'version' in none, false);
  });

  it('tag the bearer token: equal tags for the same token, never the token itself', async () => {
    await api().call('GET', '/me');
    await client(sb(), 'another-token-entirely').call('GET', '/me');
    await client(sb(), null).call('GET', '/me');
    const [mine, theirs, anonymous] = sb().requests.entries();
    assert.equal(mine?.tokenTag, sb().tokenTag(TOKEN));
    assert.equal(theirs?.tokenTag, sb().tokenTag('another-token-entirely'));
    assert.notEqual(mine?.tokenTag, theirs?.tokenTag);
    assert.equal(anonymous?.tokenTag, undefined);
    assert.equal(anonymous?.status, 401);
    assert.ok(!JSON.stringify(sb().requests.entries()).includes(TOKEN));
  });

  it('tag faulted requests too (the fault answers before the bearer check)', async () => {
    sb().knobs.failNext(1, 429);
    assert.equal((await api().call('GET', '/me')).status, 429);
    const entry = sb().requests.entries()[0];
    assert.equal(entry?.fault, '429');
    assert.equal(entry?.tokenTag, sb().tokenTag(TOKEN));
    assert.equal(entry?.version, INTERCOM_API_VERSION);
  });

  it('tags differ between sandboxes, so a tag means nothing outside the run', async () => {
    const other = await startSandbox({ operationsFile: null });
    try {
      assert.notEqual(other.tokenTag(TOKEN), sb().tokenTag(TOKEN));
    } finally {
      await other.close();
    }
  });

  it('leave bodies out unless requestBodyLogBytes asks for them, then keep that many bytes', async () => {
    await api().call('POST', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' } });
    assert.equal(sb().requests.entries()[0]?.body, undefined);
    const keeping = await startSandbox({ operationsFile: null, requestBodyLogBytes: 24 });
    try {
      const body = { query: { field: 'role', operator: '=', value: 'user' } };
      assert.equal((await client(keeping).call('POST', '/contacts/search', body)).status, 200);
      await client(keeping).call('GET', '/me');
      const [search, me] = keeping.requests.entries();
      assert.equal(search?.body, JSON.stringify(body).slice(0, 24));
      assert.equal(me?.body, undefined, 'no body, nothing recorded');
    } finally {
      await keeping.close();
    }
    await assert.rejects(startSandbox({ requestBodyLogBytes: -1 }), /requestBodyLogBytes/);
  });
});
