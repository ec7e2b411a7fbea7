import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli, startSandboxProcess, type SandboxProcess } from './runCli';

/**
 * What the README promises about the command line, checked through the real command: exit code 2 is a
 * command-line mistake, whatever the mistake (newcomer findings 1 and 2 of issue 22).
 */
describe('command-line runner: exit codes and the sandbox port, as documented (built dist)', function () {
  this.timeout(30_000);

  const usageMistake = (result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void => {
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /^Run "intercom-component .*--help"/m, 'points to the help');
    assert.doesNotMatch(result.stderr, /^sandbox: /m, 'no sandbox was started for a mistake');
    assert.equal(result.stdout, '');
  };

  it('an unknown action or trigger is a command-line mistake (exit 2), for run, poll and describe', async () => {
    usageMistake(await runCli(['run', 'listContact']), /^error: unknown action or trigger "listContact"; did you mean listContacts\b/m);
    usageMistake(await runCli(['poll', 'newContactz']), /^error: unknown action or trigger "newContactz"/m);
    usageMistake(await runCli(['describe', 'nope']), /^error: unknown action or trigger "nope"/m);
  });

  it('an unknown resource is a command-line mistake (exit 2) that lists the resources', async () => {
    usageMistake(await runCli(['actions', '--resource', 'Nope']), /^error: unknown resource "Nope"; resources: .*\bContacts\b.*\bTickets\b/m);
  });

  it('a word that matches nothing is no mistake of the command line: exit 1, as grep does', async () => {
    const result = await runCli(['actions', 'zzzzz']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: nothing matches "zzzzz"$/m);
  });

  it('a region Intercom does not have is refused (exit 2), on the command line and in INTERCOM_REGION', async () => {
    usageMistake(await runCli(['run', 'listAdmins', '--region', 'mars']), /^error: --region must be one of auto, us, eu, au; got "mars"$/m);
    const fromEnv = await runCli(['run', 'listAdmins'], { INTERCOM_ACCESS_TOKEN: 'tok_exit_codes_5a5a5a5a', INTERCOM_REGION: 'mars' });
    assert.equal(fromEnv.code, 2, fromEnv.stderr);
    assert.match(fromEnv.stderr, /^error: INTERCOM_REGION must be one of auto, us, eu, au; got "mars"$/m);
  });

  it('a base URL that is no URL is refused (exit 2) before any request', async () => {
    const result = await runCli(['run', 'listAdmins', '--base-url', 'api.intercom.io'], { INTERCOM_ACCESS_TOKEN: 'tok_exit_codes_5a5a5a5a' });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^error: --base-url must be an absolute URL such as https:\/\/api\.eu\.intercom\.io; got "api\.intercom\.io"$/m);
  });

  it('an unknown option and a trigger that does not poll are mistakes too (exit 2)', async () => {
    usageMistake(await runCli(['run', 'getAdmin', '--nope', '1']), /^error: unknown option --nope for run$/m);
    usageMistake(await runCli(['poll', 'createContact']), /^error: createContact is not a polling trigger/m);
  });

  it('the README and the help state these exit codes', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /Exit codes: 0 done, 1 the step failed, 2 a command-line mistake/);
    const help = await runCli(['run', '--help']);
    assert.match(help.stdout, /2 a command-line mistake \(an unknown command, action, trigger, resource or option, or a bad option value\)/);
  });

  describe('--port: the sandbox a run without a token uses', () => {
    let sandbox: SandboxProcess;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cli-port-'));
      sandbox = await startSandboxProcess(['--contacts', '3']);
    });
    after(async () => {
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('run and poll take --port, as the README says, and use the sandbox running there (its changes stay)', async () => {
      const created = await runCli(['run', 'createContact', '--port', sandbox.port, '--input', '{"email":"port@example.com"}']);
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stderr, new RegExp(`uses the running sandbox at http://127\\.0\\.0\\.1:${sandbox.port}`));
      const id = (JSON.parse(created.stdout) as { id: string }).id;
      const read = await runCli(['run', 'getContact', '--port', sandbox.port, '--input', JSON.stringify({ contact_id: id })]);
      assert.equal(read.code, 0, read.stderr);
      assert.equal((JSON.parse(read.stdout) as { email: string }).email, 'port@example.com', 'the second run saw what the first one created');
      const polled = await runCli(['poll', 'newOrUpdatedContacts', '--port', sandbox.port, '--runs', '1', '--snapshot-file', join(dir, 'snapshot.json'), '--config', '{"startTime":"2000-01-01T00:00:00Z"}']);
      assert.equal(polled.code, 0, polled.stderr);
      assert.match(polled.stdout, /port@example\.com/);
    });

    it('--port with a token is a mistake: a workspace has no port', async () => {
      const result = await runCli(['run', 'getAdmin', '--port', sandbox.port], { INTERCOM_ACCESS_TOKEN: 'tok_exit_codes_5a5a5a5a' });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /sandbox options \(--port, --contacts, --latency …\) apply only without INTERCOM_ACCESS_TOKEN/);
    });
  });
});
