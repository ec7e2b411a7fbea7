import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { parseArgs } from '../../../tools/cli/args';
import { BIN, ROOT, runCli } from './runCli';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

describe('command-line runner: the local sandbox (built dist)', function () {
  this.timeout(30_000);

  it("runs the README's command without a token against an in-process sandbox, saying so on stderr", async () => {
    const result = await runCli(['run', 'createContact', '--input', '{"email":"ada@example.com"}']);
    assert.equal(result.code, 0, result.stderr);
    const contact = JSON.parse(result.stdout.trim()) as { type: string; id: string; email: string };
    assert.equal(contact.type, 'contact');
    assert.equal(contact.email, 'ada@example.com');
    assert.match(contact.id, /^[0-9a-f]{24}$/);
    assert.match(result.stderr, /^sandbox: INTERCOM_ACCESS_TOKEN is not set, so this run calls a local Intercom sandbox with sample data at http:\/\/127\.0\.0\.1:\d+/m);
    assert.match(result.stderr, /createContact POST \/contacts -> 200/);
  });

  it('shows the progress of a long pagination on stderr, page by page', async () => {
    const result = await runCli(['run', 'listContacts', '--contacts', '450', '--config', '{"fetch":"all","emit":"individually","pageSize":150}']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 450);
    assert.equal(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size, 450);
    // Intercom's list answer carries total_count and pages.total_pages: the progress says "of" and estimates.
    assert.match(result.stderr, /^progress: listContacts: page 2 of 3, 300 of 450 items, [\d.]+ s, [\d,]+ items\/s, about [\d.]+ s left$/m);
    assert.match(result.stderr, /^progress: listContacts: page 3 of 3, 450 of 450 items, [\d.]+ s, [\d,]+ items\/s$/m);
  });

  it('a one-page read prints no progress line', async () => {
    const result = await runCli(['run', 'listContacts', '--contacts', '5', '--config', '{"fetch":"all"}']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /progress:/);
  });

  it('keeps the exit codes: invalid input fails before any request', async () => {
    const result = await runCli(['run', 'getContact', '--input', '{}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /field contact_id: is required/);
    assert.doesNotMatch(result.stderr, /GET \/contacts/);
  });

  it('an Intercom error from the sandbox exits 1 with status, code and request_id', async () => {
    const result = await runCli(['run', 'getContact', '--input', '{"contact_id":"000000000000000000000000"}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Intercom 404 not_found: .* \(request_id [0-9a-f-]{36}\) in getContact/);
  });

  it('refuses a base URL without a token instead of sending a made-up one', async () => {
    const result = await runCli(['run', 'getContact', '--input', '{"contact_id":"1"}', '--base-url', 'http://127.0.0.1:9']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Set INTERCOM_ACCESS_TOKEN/);
  });

  it('refuses sandbox options when a real token is set', async () => {
    const result = await runCli(['run', 'listContacts', '--contacts', '5'], { INTERCOM_ACCESS_TOKEN: 'tok_cli_sandbox_5a5a5a5a' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /apply only without INTERCOM_ACCESS_TOKEN/);
    assert.ok(!result.stderr.includes('tok_cli_sandbox_5a5a5a5a'));
  });

  it('`sandbox` serves on loopback, prints its URL and a token hint, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--contacts', '7'], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`sandbox exited early: ${stderr}`)));
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      assert.match(stdout, /INTERCOM_ACCESS_TOKEN=sandbox-token/);
      assert.match(stdout, new RegExp(`INTERCOM_BASE_URL=${url.replace(/\./g, '\\.')}`));
      const answer = await fetch(`${url}/contacts?per_page=50`, { headers: { Authorization: 'Bearer anything-goes', 'Intercom-Version': INTERCOM_API_VERSION } });
      assert.equal(answer.status, 200);
      assert.equal(((await answer.json()) as { data: unknown[] }).data.length, 7);
      const run = await runCli(['run', 'identifyAdmin'], { INTERCOM_ACCESS_TOKEN: 'sandbox-token', INTERCOM_BASE_URL: url });
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /^sandbox:/m, 'with a token the runner does not start its own sandbox');
      assert.equal((JSON.parse(run.stdout) as { type: string }).type, 'admin');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await closed, 0);
    assert.match(stderr, /GET \/contacts -> 200/);
    assert.match(stderr, /sandbox: stopped \(SIGINT\) after 2 request\(s\)/);
  });

  it('parses the sandbox options and rejects bad values', () => {
    const args = parseArgs(['sandbox', '--port', '4011', '--contacts', '100000', '--latency', '20', '--error-rate', '0.1', '--rate-limit', '50', '--timezone', 'Europe/Berlin']);
    assert.deepEqual(args.sandbox, { port: 4011, contacts: 100_000, latencyMs: 20, errorRate: 0.1, rateLimit: 50, timezone: 'Europe/Berlin' });
    assert.throws(() => parseArgs(['sandbox', '--port', '70000']), /--port must be a whole number from 0 to 65535/);
    assert.throws(() => parseArgs(['sandbox', '--contacts', 'many']), /--contacts must be a whole number/);
    assert.throws(() => parseArgs(['sandbox', '--error-rate', '2']), /--error-rate must be a number from 0 to 1/);
  });
});
