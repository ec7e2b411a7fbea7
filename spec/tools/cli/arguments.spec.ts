import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

/** What a person sees for each way of giving the runner its arguments, right or wrong (the real command). */
describe('command-line runner: arguments a person types (built dist)', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'cli-args-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('--input takes JSON, @file or a path, or - for standard input', () => {
    it('inline JSON, including a bare JSON string (not taken for a file name)', async () => {
      const result = await runCli(['run', 'createContact', '--input', '"just a string"']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /the message body must be a JSON object/);
      assert.doesNotMatch(result.stderr, /ENOENT/);
    });

    it('@file and a plain path read the same file', async () => {
      const file = join(dir, 'contact.json');
      writeFileSync(file, '{"email":"file@example.com"}');
      for (const form of [`@${file}`, file]) {
        const result = await runCli(['run', 'createContact', '--input', form]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal((JSON.parse(result.stdout) as { email: string }).email, 'file@example.com');
      }
    });

    it('- reads standard input', async () => {
      const result = await runCli(['run', 'createContact', '--input', '-'], {}, '{"email":"stdin@example.com"}');
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { email: string }).email, 'stdin@example.com');
    });

    it('a missing file, an unreadable one and broken JSON are errors naming the flag, exit 2, no stack', async () => {
      const missing = await runCli(['run', 'createContact', '--input', '@nope.json']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^error: --input: cannot read nope\.json: no such file$/m);
      const folder = await runCli(['run', 'createContact', '--input', `@${dir}`]);
      assert.match(folder.stderr, /^error: --input: cannot read .*: it is a folder$/m);
      const neither = await runCli(['run', 'createContact', '--input', 'nope.json']);
      assert.match(neither.stderr, /^error: --input: "nope\.json" is neither JSON nor an existing file/m);
      const broken = await runCli(['run', 'createContact', '--input', '{"email":']);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /^error: --input: not valid JSON/m);
      for (const r of [missing, folder, neither, broken]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  });

  it('a flag given twice is an error, not "the last one wins"', async () => {
    const result = await runCli(['run', 'createContact', '--input', '{"email":"a@example.com"}', '--input', '{"email":"b@example.com"}']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --input is given twice; give it once$/m);
    assert.equal(result.stdout, '');
  });

  it('-h and --help print help and exit 0, for the program and for each command', async () => {
    for (const flag of ['-h', '--help']) {
      const top = await runCli([flag]);
      assert.equal(top.code, 0);
      assert.match(top.stdout, /^Usage: intercom-component <command> \[options\]$/m);
      for (const command of ['run', 'poll', 'describe', 'actions', 'verify', 'sandbox']) {
        const help = await runCli([command, flag]);
        assert.equal(help.code, 0, `${command} ${flag}`);
        assert.match(help.stdout, new RegExp(`^Usage: intercom-component ${command}`, 'm'));
      }
    }
    const afterKey = await runCli(['run', 'createContact', '--help']);
    assert.equal(afterKey.code, 0);
    assert.match(afterKey.stdout, /--input JSON\|@file\|file\|-/);
  });

  it('an unknown command is named, with the way to the help, exit 2', async () => {
    const result = await runCli(['lsit']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: unknown command "lsit"\nRun "intercom-component --help" for the commands.\n');
  });

  it('a flag of another command says which command it belongs to', async () => {
    const result = await runCli(['describe', 'listContacts', '--every', '5']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: --every does not apply to describe \(it belongs to poll\)$/m);
  });

  describe('--config names step fields only', () => {
    it('a typo is an error naming it and the valid fields, before any request', async () => {
      const result = await runCli(['run', 'listContacts', '--config', '{"fetchh":"all"}']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^error: --config: listContacts has no step field "fetchh"; its step fields are fetch, emit, maxItems, pageSize/m);
      assert.doesNotMatch(result.stderr, /GET \/contacts/);
    });

    it('credentials are refused there: the token belongs in the environment', async () => {
      const result = await runCli(['run', 'listContacts', '--config', '{"accessToken":"tok_in_config_secret"}']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /accessToken is a credential, not a step field: the token comes from INTERCOM_ACCESS_TOKEN/);
      assert.ok(!result.stderr.includes('tok_in_config_secret'));
    });

    it('must be a JSON object', async () => {
      const result = await runCli(['run', 'listContacts', '--config', '["all"]']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--config must be a JSON object/);
    });
  });

  it('an error is printed once, and an unknown key suggests close ones', async () => {
    const failed = await runCli(['run', 'getContact', '--input', '{"contact_id":"000000000000000000000000"}']);
    assert.equal(failed.code, 1);
    // The status as the log line and the error word it; a bare /404/ also matched request ids and durations that hold 404.
    assert.equal(failed.stderr.match(/-> 404 |Intercom 404 /g)?.length, 2, 'once in the request log line, once in the error');
    assert.equal(failed.stderr.match(/^error: /gm)?.length, 1);
    const unknown = await runCli(['run', 'getcontact']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: unknown action or trigger "getcontact"; did you mean getContact\b/m);
  });
});
