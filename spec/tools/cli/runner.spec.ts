import assert from 'node:assert/strict';
import { renderContact, startSandbox, type SandboxHandle } from '../../../tools/sandbox';
import { runCli } from './runCli';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

const TOKEN = 'tok_cli_runner_5a5a5a5a5a';

/** The runner with a token and --base-url, against the sandbox in this process (accepting that token only). */
describe('command-line runner (built dist)', function () {
  this.timeout(20_000);
  let sb: SandboxHandle;
  const run = (args: string[]): ReturnType<typeof runCli> => runCli([...args, '--base-url', sb.url], { INTERCOM_ACCESS_TOKEN: TOKEN });

  before(async () => {
    sb = await startSandbox({ tokens: [TOKEN], seed: { contacts: 3 }, requestBodyLogBytes: 4096 });
  });
  after(() => sb.close());
  beforeEach(() => sb.requests.clear());

  it('runs an action the platform way and prints the emitted message as a JSON line', async () => {
    const result = await run(['run', 'createContact', '--input', '{"email":"ada@example.com"}']);
    assert.equal(result.code, 0, result.stderr);
    const index = sb.state.contactByEmail('ada@example.com');
    assert.ok(index !== undefined, 'the contact was created in the sandbox');
    const stored = sb.state.contacts.get(index);
    assert.ok(stored);
    assert.deepEqual(JSON.parse(result.stdout.trim()), renderContact(sb.state, stored));
    const [request] = sb.requests.entries();
    assert.equal(sb.requests.total, 1);
    assert.deepEqual([request?.method, request?.path, request?.status], ['POST', '/contacts', 200]);
    assert.deepEqual(JSON.parse(request?.body ?? 'null'), { email: 'ada@example.com' });
    assert.equal(request?.tokenTag, sb.tokenTag(TOKEN), 'Authorization: Bearer <the token>');
    assert.equal(request?.version, INTERCOM_API_VERSION);
    assert.ok(!result.stderr.includes(TOKEN) && !result.stdout.includes(TOKEN));
  });

  it('exits non-zero with the Intercom error on stderr', async () => {
    const result = await run(['run', 'getContact', '--input', '{"contact_id":"nope"}']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const match = /Intercom 404 not_found: User Not Found \(request_id ([0-9a-f-]{36})\) in getContact/.exec(result.stderr);
    assert.ok(match, result.stderr);
    assert.equal(match[1], sb.requests.entries()[0]?.requestId, 'the request_id of the answer the sandbox gave');
  });

  it('rejects invalid input without calling the server', async () => {
    const result = await run(['run', 'getContact', '--input', '{}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /field contact_id: is required/);
    assert.equal(sb.requests.total, 0);
  });

  it('lists the actions', async () => {
    const result = await runCli(['actions']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^createContact +action +write +Contacts: Create$/m);
    assert.match(result.stdout, /^deleteContact +action +destructive +Contacts: Delete/m);
    assert.match(result.stdout, /^newOrUpdatedContacts +trigger \(polling\) +read +Contacts: New or updated/m);
  });
});
