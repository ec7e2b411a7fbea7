import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startSandboxProcess, type SandboxProcess } from './runCli';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A day with the tool: `intercom-component sandbox` in one terminal, runs, polls and checks in another, without a
 * token. The sandbox keeps what the runs change, walks export jobs through, and poll keeps its snapshot in a file.
 */
describe('command-line runner: a running sandbox between runs (built dist)', function () {
  this.timeout(60_000);
  let sandbox: SandboxProcess;
  let dir: string;
  const cli = (args: string[]): ReturnType<typeof runCli> => runCli(args, { INTERCOM_SANDBOX_PORT: sandbox.port });

  before(async () => {
    sandbox = await startSandboxProcess(['--contacts', '5']);
    dir = mkdtempSync(join(tmpdir(), 'cli-workday-'));
  });
  after(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the banner says the sandbox keeps changes while it runs and how to use it', () => {
    assert.match(sandbox.output().stdout, /^ {2}state: kept in memory while it runs/m);
    assert.match(sandbox.output().stdout, /runs without INTERCOM_ACCESS_TOKEN use it by themselves/);
  });

  it('a contact created by one run is read by the next', async () => {
    const created = await cli(['run', 'createContact', '--input', '{"email":"kept@example.com"}']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, new RegExp(`^sandbox: INTERCOM_ACCESS_TOKEN is not set, so this run uses the running sandbox at ${sandbox.url.replace(/\./g, '\\.')}, which keeps changes until it stops$`, 'm'));
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    const read = await cli(['run', 'getContact', '--input', JSON.stringify({ contact_id: id })]);
    assert.equal(read.code, 0, read.stderr);
    assert.equal((JSON.parse(read.stdout) as { email: string }).email, 'kept@example.com');
  });

  it('a throwaway sandbox says it forgets, when none is running', async () => {
    const result = await runCli(['run', 'listTags']);
    assert.match(result.stderr, /It forgets its changes when the run ends; to keep them between runs, start "intercom-component sandbox" in another terminal/);
  });

  it('an export job walks through: job id, status moving to completed, download of the file', async () => {
    const job = await cli(['run', 'createContentDataExport', '--input', '{"created_at_after":0,"created_at_before":2000000000}']);
    assert.equal(job.code, 0, job.stderr);
    const { job_identifier: id, status } = JSON.parse(job.stdout) as { job_identifier: string; status: string };
    assert.equal(status, 'pending');
    await sleep(2_100);
    const done = await cli(['run', 'getContentDataExport', '--input', JSON.stringify({ job_identifier: id })]);
    assert.equal((JSON.parse(done.stdout) as { status: string }).status, 'completed');
    const file = await cli(['run', 'downloadContentDataExport', '--input', JSON.stringify({ job_identifier: id })]);
    assert.equal(file.code, 0, file.stderr);
    const rows = file.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: Record<string, string> });
    assert.ok(rows.length > 0);
    for (const { row } of rows) assert.equal(row['job_identifier'], id);
  });

  it("a merged contact's error names the contact it lives on once", async () => {
    // Intercom merges duplicates only (matching email or phone): the lead shares the user's phone.
    const lead = await cli(['run', 'createContact', '--input', '{"role":"lead","email":"lead@example.com","phone":"+353871234567"}']);
    const user = await cli(['run', 'createContact', '--input', '{"role":"user","email":"user@example.com","phone":"+353871234567"}']);
    const from = (JSON.parse(lead.stdout) as { id: string }).id;
    const into = (JSON.parse(user.stdout) as { id: string }).id;
    const merged = await cli(['run', 'mergeContacts', '--input', JSON.stringify({ from, into })]);
    assert.equal(merged.code, 0, merged.stderr);
    const gone = await cli(['run', 'getContact', '--input', JSON.stringify({ contact_id: from })]);
    assert.equal(gone.code, 1);
    const errors = gone.stderr.split('\n').filter((l) => l.startsWith('error: '));
    assert.equal(errors.length, 1, gone.stderr);
    assert.equal(errors[0]?.split(into).length, 2, `names ${into} exactly once: ${errors[0] ?? ''}`);
  });

  it('poll keeps the snapshot in a file: a later poll emits what changed in between, once', async () => {
    const file = join(dir, 'contacts.snapshot.json');
    await sleep(1_100); // the contacts the tests above created are older than the trigger's first second
    const first = await cli(['poll', 'newOrUpdatedContacts', '--runs', '1', '--snapshot-file', file]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /^poll: newOrUpdatedContacts every 60 s, 1 run\(s\); snapshot in .* \(first run\)$/m);
    assert.match(first.stderr, /^poll: run 1: 0 record\(s\) in \d+ ms \(0 in total\)$/m);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as object;
    assert.ok(Object.keys(saved).length > 0, 'the snapshot was written');

    await sleep(1_100); // the trigger's start second is behind us
    const created = await cli(['run', 'createContact', '--input', '{"email":"polled@example.com"}']);
    const id = (JSON.parse(created.stdout) as { id: string }).id;

    const second = await cli(['poll', 'newOrUpdatedContacts', '--runs', '2', '--every', '1', '--snapshot-file', file]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /\(continuing from it\)/);
    const records = second.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    assert.deepEqual(records.map((r) => r.id), [id], 'emitted once, in the first of the two runs');
    assert.match(second.stderr, /^poll: run 1: 1 record\(s\) in \d+ ms \(1 in total\)$/m);
    assert.match(second.stderr, /^poll: run 2: 0 record\(s\) in \d+ ms \(1 in total\)$/m);
  });

  it('poll repairs a snapshot file whose start and floor lie in the year 5138: it warns naming them, and a contact changed since is emitted', async () => {
    const file = join(dir, 'future.snapshot.json');
    const first = await cli(['poll', 'newOrUpdatedContacts', '--runs', '1', '--snapshot-file', file]);
    assert.equal(first.code, 0, first.stderr);
    const { scope } = JSON.parse(readFileSync(file, 'utf8')) as { scope: string };
    // Hand-edited (or corrupted) into the far future: a trusted floor there would silence the trigger for good.
    writeFileSync(file, JSON.stringify({ v: 2, scope, start: 100_000_000_000, floor: 100_000_000_000, cursor: 100_000_000_000, seen: [] }));
    await sleep(1_100);
    const created = await cli(['run', 'createContact', '--input', '{"email":"after-repair@example.com"}']);
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    const result = await cli(['poll', 'newOrUpdatedContacts', '--runs', '3', '--every', '1', '--snapshot-file', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^warn: newOrUpdatedContacts: the snapshot was damaged and is repaired: start 100000000000 \(5138-11-16T09:46:40Z\) lies in the future; repaired to .*; floor 100000000000 \(5138-11-16T09:46:40Z\) lies in the future; repaired to /m);
    const records = result.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string });
    assert.ok(records.some((r) => r.id === id), result.stdout);
    assert.ok((JSON.parse(readFileSync(file, 'utf8')) as { floor: number }).floor < 100_000_000_000, 'the file holds the repaired snapshot');
  });

  it('poll refuses a snapshot file that is not a snapshot, naming the file, instead of starting over', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"cursor": ');
    const result = await cli(['poll', 'newOrUpdatedContacts', '--runs', '1', '--snapshot-file', file]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --snapshot-file .*broken\.json: not valid JSON .*; fix it, or delete it to start over$/m);
    const notPolling = await cli(['poll', 'createContact']);
    assert.equal(notPolling.code, 2);
    assert.match(notPolling.stderr, /createContact is not a polling trigger/);
  });

  it('verify works against the sandbox without a token', async () => {
    const result = await cli(['verify']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { verified: true });
    assert.match(result.stderr, /uses the running sandbox/);
  });
});

describe('command-line runner: verify names the host it could not reach (built dist)', function () {
  this.timeout(30_000);
  it('a refused connection fails fast and the reason names the host', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const result = await runCli(['verify', '--base-url', 'http://127.0.0.1:1'], { INTERCOM_ACCESS_TOKEN: 'tok_verify_unreachable_1' });
    assert.equal(result.code, 1);
    const reason = (JSON.parse(result.stdout) as { reason: string }).reason;
    assert.match(reason, /^Intercom request to 127\.0\.0\.1:1 failed without a response \(ECONNREFUSED/);
    assert.match(result.stderr, /^error: not verified against http:\/\/127\.0\.0\.1:1$/m);
    assert.ok(!result.stderr.includes('tok_verify_unreachable_1'));
  });
});
