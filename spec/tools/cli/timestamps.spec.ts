import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../../../tools/sandbox';
import { runCli } from './runCli';

const TOKEN = 'tok_timestamps_3d3d3d3d3d';

/** Unix seconds written by hand from the calendar: 2026-01-01T00:00:00Z. */
const NEW_YEAR_2026 = 1_767_225_600;

/**
 * Issue 22, newcomer finding 5: every input that takes a Unix timestamp also takes ISO 8601 with a zone, converted
 * exactly; without a zone it is an error naming the field, and nothing is sent. The real command, with a token,
 * against a sandbox in this process that records the bodies it receives.
 */
describe('command-line runner: moments as ISO 8601 wherever Unix seconds are taken (built dist)', function () {
  this.timeout(30_000);
  let sb: SandboxHandle;
  const run = (args: string[]): ReturnType<typeof runCli> => runCli([...args, '--base-url', sb.url], { INTERCOM_ACCESS_TOKEN: TOKEN });
  const sent = (): unknown => JSON.parse(sb.requests.entries()[0]?.body ?? 'null');

  before(async () => {
    // Export jobs finish at once: each case starts one, and Intercom allows one pending content export.
    sb = await startSandbox({ tokens: [TOKEN], seed: { contacts: 3 }, requestBodyLogBytes: 8192, exportJobMs: 0 });
  });
  after(() => sb.close());
  beforeEach(() => sb.requests.clear());

  it('createContentDataExport takes ISO 8601 with Z or an offset, and sends the same Unix seconds', async () => {
    const result = await run(['run', 'createContentDataExport', '--input', '{"created_at_after":"2026-01-01T00:00:00Z","created_at_before":"2026-01-02T00:00:00+01:00"}']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(sent(), { created_at_after: NEW_YEAR_2026, created_at_before: NEW_YEAR_2026 + 23 * 3600 });
  });

  it('Unix seconds still work, and a fraction of .000 is still exact', async () => {
    const result = await run(['run', 'createContentDataExport', '--input', `{"created_at_after":${NEW_YEAR_2026},"created_at_before":"2026-01-01T00:00:10.000Z"}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(sent(), { created_at_after: NEW_YEAR_2026, created_at_before: NEW_YEAR_2026 + 10 });
  });

  it('a date and time without a zone is an error naming the field; nothing is sent', async () => {
    const result = await run(['run', 'createContentDataExport', '--input', '{"created_at_after":"2026-01-01T00:00:00","created_at_before":"2026-01-02"}']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /field created_at_after: must be Unix seconds or an ISO 8601 date and time with a zone \(e\.g\. 2026-05-01T09:00:00Z\): "2026-01-01T00:00:00" names no time zone; add Z for UTC or an offset such as \+02:00/,
    );
    assert.match(result.stderr, /field created_at_before: must be Unix seconds or an ISO 8601 date and time with a zone .*: "2026-01-02" is a date without a time and zone/);
    assert.equal(sb.requests.total, 0);
  });

  it('a fraction of a second is refused rather than rounded', async () => {
    const result = await run(['run', 'createContentDataExport', '--input', '{"created_at_after":"2026-01-01T00:00:00.5Z","created_at_before":1767312000}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /field created_at_after: .*has a fraction of a second; Unix time here counts whole seconds/);
    assert.equal(sb.requests.total, 0);
  });

  it('a query parameter (listMacros updated_since) and a nested field (createNewsItem newsfeed_assignments[].published_at) too', async () => {
    const macros = await run(['run', 'listMacros', '--input', '{"updated_since":"2026-01-01T01:00:00+01:00"}']);
    assert.equal(macros.code, 0, macros.stderr);
    assert.equal(new URL(`http://x${sb.requests.entries()[0]?.target ?? ''}`).searchParams.get('updated_since'), String(NEW_YEAR_2026));
    sb.requests.clear();
    const news = await run([
      'run',
      'createNewsItem',
      '--input',
      JSON.stringify({ title: 'Hello', sender_id: 1, newsfeed_assignments: [{ newsfeed_id: 2, published_at: '2026-01-01T00:00:00Z' }] }),
    ]);
    assert.equal(news.code, 0, news.stderr);
    assert.deepEqual((sent() as { newsfeed_assignments: unknown }).newsfeed_assignments, [{ newsfeed_id: 2, published_at: NEW_YEAR_2026 }]);
  });

  it('the search terms follow the same rule: a moment without a zone is refused naming the term', async () => {
    const noZone = await run(['run', 'searchContacts', '--input', '{"searchTerm1":{"fieldName":"created_at","condition":">","fieldValue":"2026-01-01T00:00:00"}}']);
    assert.equal(noZone.code, 1);
    assert.match(noZone.stderr, /field searchTerm1\.fieldValue: "2026-01-01T00:00:00" names no time zone/);
    assert.equal(sb.requests.total, 0);
    const zoned = await run(['run', 'searchContacts', '--input', '{"searchTerm1":{"fieldName":"created_at","condition":">","fieldValue":"2026-01-01T00:00:00Z"}}']);
    assert.equal(zoned.code, 0, zoned.stderr);
    assert.deepEqual((sent() as { query: unknown }).query, { field: 'created_at', operator: '>', value: NEW_YEAR_2026 });
  });

  it('describe tells the user the field takes ISO 8601 too', async () => {
    const result = await runCli(['describe', 'createContentDataExport']);
    assert.match(result.stdout, /created_at_after .*\n.*ISO 8601 date and time with a zone is taken too, e\.g\. 2026-05-01T09:00:00Z/);
  });
});
