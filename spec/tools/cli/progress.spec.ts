import assert from 'node:assert/strict';
import { runCli } from './runCli';

/** Progress, retries and --quiet as a person sees them on stderr; stdout stays the emitted data only. */
describe('command-line runner: progress (built dist)', function () {
  this.timeout(60_000);

  it('a trigger backfill reports its search pages with totals', async () => {
    const result = await runCli(['run', 'newOrUpdatedContacts', '--contacts', '2000', '--config', '{"startTime":"2000-01-01T00:00:00Z","maxPerRun":"10000"}']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 2000);
    const progress = result.stderr.split('\n').filter((l) => l.startsWith('progress: '));
    assert.ok(progress.length >= 10, result.stderr);
    for (const line of progress) assert.match(line, /^progress: newOrUpdatedContacts: page \d+ of \d+, [\d,]+ of [\d,]+ items, [\d.]+ s/);
  });

  it('every retry gets a line with its reason and wait; the data is the same as without faults', async () => {
    // The sandbox draws its faults from its seed: the same run fails the same requests every time.
    const result = await runCli(['run', 'listContacts', '--contacts', '300', '--error-rate', '0.3', '--config', '{"fetch":"all","emit":"individually","pageSize":"50"}']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 300);
    const retries = result.stderr.split('\n').filter((l) => / retrying in \d+ ms \(retry \d of 3\)$/.test(l));
    assert.ok(retries.length > 0, result.stderr);
    for (const line of retries) assert.match(line, /^warn: listContacts(: Intercom answered 5\d\d \(request_id [0-9a-f-]{36}\)| GET \/contacts failed without response: \w+ after \d+ ms);/);
  });

  it('rawRequest pages an Intercom list by itself when asked for all items, and says which fields an unknown path needs', async () => {
    const listed = await runCli(['run', 'rawRequest', '--contacts', '120', '--input', '{"path":"/contacts"}', '--config', '{"fetch":"all","emit":"individually","pageSize":"50"}']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(new Set(listed.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).size, 120);
    assert.equal(listed.stderr.match(/rawRequest GET \/contacts -> 200/g)?.length, 3, 'three pages of 50');
    const unknown = await runCli(['run', 'rawRequest', '--input', '{"path":"/custom/things"}', '--config', '{"fetch":"all"}']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /GET \/custom\/things is not an Intercom list this component knows, so it cannot tell how it pages; set paginate .* and items_path/);
    assert.doesNotMatch(unknown.stderr, /-> \d{3}/, 'no request was sent');
  });

  it('--quiet prints no progress or log lines, and the same data on stdout', async () => {
    const args = ['run', 'listContacts', '--contacts', '400', '--config', '{"fetch":"all","emit":"individually","pageSize":"100"}'];
    const loud = await runCli(args);
    const quiet = await runCli([...args, '--quiet']);
    assert.equal(quiet.code, 0);
    assert.match(loud.stderr, /^progress: /m);
    assert.equal(quiet.stderr, '');
    assert.equal(quiet.stdout, loud.stdout);
  });

  it('--quiet still prints an error, once', async () => {
    const result = await runCli(['run', 'getContact', '--quiet', '--input', '{"contact_id":"000000000000000000000000"}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: getContact failed: Intercom 404 not_found: .* in getContact\n$/);
  });
});
