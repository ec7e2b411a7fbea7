import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from './runCli';

/**
 * Issue 22, newcomer finding 7, from where a newcomer starts: the command's own help leads to documentation that
 * exists, and the README it leads to is short enough to read (spec/contract/docs.spec.ts checks the rest).
 */
describe('command-line runner: the help leads to the documentation (built dist)', () => {
  it('intercom-component --help names the README, docs/runner.md and docs/actions.md, which exist, and the exit codes', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    const named = [...help.stdout.matchAll(/\b((?:docs\/)?[\w-]+\.md)\b/g)].map((m) => m[1] ?? '');
    assert.deepEqual([...new Set(named)].sort(), ['README.md', 'docs/actions.md', 'docs/runner.md']);
    for (const file of named) assert.ok(existsSync(join(ROOT, file)), file);
    assert.match(help.stdout, /Exit codes: 0 done, 1 the step failed, 2 a command-line mistake/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.split('\n').length < 450);
    assert.match(readme, /^## Contents$/m);
  });

  it('the designer is one of the commands, with its own help', async () => {
    const help = await runCli(['designer', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: intercom-component designer \[options\]$/m);
    assert.match(help.stdout, /--listen N/);
  });
});
