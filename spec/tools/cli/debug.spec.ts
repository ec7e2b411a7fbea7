import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../tools/sandbox';
import { ROOT, runCli } from './runCli';

const TOKEN = 'tok_debug_lines_7c7c7c7c7c7c';

/**
 * Issue 22, newcomer finding 3: DEBUG shows debug lines worth having (requests, answers, retries, paging
 * decisions), through the component's own logger, with secrets scrubbed. The real command, with a token, against
 * a sandbox in this process that accepts that token only.
 */
describe('command-line runner: DEBUG shows what the component does (built dist)', function () {
  this.timeout(30_000);
  let sb: SandboxHandle;
  const run = (args: string[], env: Record<string, string> = {}): ReturnType<typeof runCli> =>
    runCli([...args, '--base-url', sb.url], { INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_RETRY_BASE_MS: '10', INTERCOM_RETRY_MAX_MS: '20', ...env });

  before(async () => {
    sb = await startSandbox({ tokens: [TOKEN], seed: { contacts: 12 } });
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.requests.clear();
    sb.knobs.reset();
  });

  it('without DEBUG there is no debug line', async () => {
    const result = await run(['run', 'listContacts', '--config', '{"fetch":"all","pageSize":5}']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /^debug: /m);
  });

  it('with DEBUG: each request as sent and each answer, with the rate-limit window', async () => {
    const result = await run(['run', 'listContacts', '--config', '{"fetch":"all","pageSize":5}'], { DEBUG: '1' });
    assert.equal(result.code, 0, result.stderr);
    const requests = result.stderr.match(/^debug: listContacts request: GET \/contacts\?per_page=5(&starting_after=[\w-]+)?$/gm) ?? [];
    assert.equal(requests.length, 3, result.stderr);
    assert.equal(requests.length, sb.requests.total, 'one line per request the sandbox received');
    assert.match(result.stderr, /^debug: listContacts response: 200 application\/json; charset=utf-8, \d+ bytes, rate limit \d+ of \d+ left in this window$/m);
  });

  it('with DEBUG: the paging decisions, page by page, and why it stopped', async () => {
    const all = await run(['run', 'listContacts', '--config', '{"fetch":"all","pageSize":5}'], { DEBUG: '1' });
    assert.match(all.stderr, /^debug: listContacts paging \(cursor\): page 1 had 5 item\(s\), 5 in all; next page: per_page=5&starting_after=\S+$/m);
    assert.match(all.stderr, /^debug: listContacts paging \(cursor\): page 3 had 2 item\(s\), 12 in all; no next page, done$/m);
    const capped = await run(['run', 'listContacts', '--config', '{"fetch":"all","pageSize":5,"maxItems":7}'], { DEBUG: '1' });
    assert.match(capped.stderr, /^debug: listContacts paging: the maximum number of items \(7\) is reached; no further page is read$/m);
  });

  it('with DEBUG: a retry shows the failed answer, the wait and the attempt that follows', async () => {
    sb.knobs.failNext(1, 503, { method: 'GET', path: '/admins' });
    const result = await run(['run', 'listAdmins'], { DEBUG: '1' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^debug: listAdmins response: 503 /m);
    assert.match(result.stderr, /^warn: listAdmins: Intercom answered 503 .*retrying in \d+ ms \(retry 1 of 3\)$/m);
    assert.match(result.stderr, /^debug: listAdmins request: GET \/admins \(attempt 2\)$/m);
  });

  it('with DEBUG: a body is summarised by size and field names, never its values; a create says it is not repeated', async () => {
    const result = await run(['run', 'createContact', '--input', '{"email":"debug-secret-value@example.com","name":"Ada"}'], { DEBUG: '1' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^debug: createContact request: POST \/contacts, body \d+ bytes with email, name \(not repeated after a failure: it may have been applied\)$/m);
    assert.ok(!result.stderr.includes('debug-secret-value'), 'the body values stay out of the log');
  });

  it('with DEBUG: the token never appears, not even when an answer echoes it', async () => {
    sb.knobs.failNext(1, 400, { method: 'GET', path: '/admins', echoAuthorization: true });
    const result = await run(['run', 'listAdmins'], { DEBUG: '1' });
    assert.match(result.stderr, /^debug: /m);
    assert.ok(!result.stderr.includes(TOKEN) && !result.stdout.includes(TOKEN), 'the token is scrubbed from every line');
  });

  it('the runner documentation says what DEBUG shows', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'runner.md'), 'utf8');
    assert.match(doc, /\| `DEBUG` \| every command \| [^|]*request[^|]*response[^|]*retries[^|]*paging[^|]*\|/);
  });
});
