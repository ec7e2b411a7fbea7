import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from './runCli';

/** Issue 22, newcomer finding 4: an input that moved to a step field says where it went (the real command). */
describe('command-line runner: per_page on a list points to the "Page size" step field (built dist)', function () {
  this.timeout(30_000);

  it('run listContacts with per_page fails naming the step field that replaced it, before any request', async () => {
    const result = await runCli(['run', 'listContacts', '--input', '{"per_page":5}']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: listContacts failed: Invalid input for listContacts: field per_page: is not an input of this action; the page size is the step field "Page size" \(pageSize\) since 1\.2\.0; set it there \(at most 150\)$/m,
    );
    assert.equal(result.stderr.match(/per_page/g)?.length, 1, 'said once, not also as a generic unknown input');
    assert.doesNotMatch(result.stderr, /-> \d{3}/, 'no request was sent');
  });

  it('the step field it points to does what per_page did', async () => {
    const result = await runCli(['run', 'listContacts', '--contacts', '12', '--config', '{"pageSize":5}']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { data: unknown[] }).data.length, 5);
  });

  it('an action that never had it still says only that it is not an input', async () => {
    const result = await runCli(['run', 'getAdmin', '--input', '{"admin_id":"1","per_page":5}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /field per_page: is not an input of this action$/m);
  });

  it("the changelog's upgrade notes for 1.2.0 say so", () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const release = changelog.slice(changelog.indexOf('## 1.2.0'), changelog.indexOf('## 1.1.0'));
    assert.match(release, /### Upgrading from 1\.1[\s\S]*`per_page`[\s\S]*\*Page size\*/);
  });
});
