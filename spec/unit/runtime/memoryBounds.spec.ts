/**
 * nock, not the sandbox: bodies of a chosen size and shape, scripted per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { ConfigurationError, IntercomApiError, LimitExceededError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

async function run(key: string, body: unknown, cfg: Record<string, unknown> = testConfig()): Promise<{ error?: unknown; step: FakeStep }> {
  const step = new FakeStep();
  try {
    await forOperation(key).process.call(step, { body }, cfg, {});
    return { step };
  } catch (error) {
    return { error, step };
  }
}

describe('memory: buffered answers, kept error bodies and built messages are bounded', () => {
  offlineRuntime();
  const saved = { maxResponseBytes: settings.maxResponseBytes, maxRetries: settings.maxRetries };
  afterEach(() => Object.assign(settings, saved));

  it('fetch all + one message stops with an error naming both fixes before the message passes the size cap, and emits nothing', async () => {
    const note = 'x'.repeat(3_000);
    let pages = 0;
    nock(TEST_BASE_URL)
      .get('/contacts')
      .query(true)
      .times(400)
      .reply((uri) => {
        pages++;
        const after = Number(new URL(uri, TEST_BASE_URL).searchParams.get('starting_after') ?? 0);
        const data = Array.from({ length: 50 }, (_, i) => ({ type: 'contact', id: String(after + i + 1), note }));
        return [200, { type: 'list', data, pages: { next: { starting_after: String(after + 50) } } }];
      });
    const { error, step } = await run('listContacts', {}, testConfig(undefined, { fetch: 'all', emit: 'oneMessage' }));
    assert.ok(error instanceof ConfigurationError, String(error));
    assert.match(error.message, /listContacts: all pages in one message would be larger than 5242880 bytes .* after \d+ item\(s\); set "emit" to one message per item \(individually\), or "maxItems" to \d+ or less/);
    assert.equal(step.bodies().length, 0);
    // About 5 MiB of 3 KB contacts is some 1,700 of them: 35 pages, not 400.
    assert.ok(pages <= 40, `${pages} pages read`);
    assert.equal(settings.maxMessageBytes, 5 * 1024 * 1024, 'the documented default');
  });

  it('a success answer larger than the buffered-body cap fails clearly instead of being read whole', async () => {
    settings.maxResponseBytes = 1024 * 1024;
    nock(TEST_BASE_URL).get('/contacts/1').reply(200, JSON.stringify({ id: '1', note: 'y'.repeat(2 * 1024 * 1024) }), { 'Content-Type': 'application/json' });
    const { error, step } = await run('getContact', { contact_id: '1' });
    assert.ok(error instanceof LimitExceededError, String(error));
    assert.match(error.message, /getContact: the answer is larger than 1048576 bytes \(INTERCOM_MAX_RESPONSE_BYTES\)/);
    assert.equal(step.bodies().length, 0);
  });

  it('an error answer larger than the cap fails the same way; a smaller one keeps at most 20 details of 1,000 characters', async () => {
    settings.maxResponseBytes = 1024 * 1024;
    settings.maxRetries = 0;
    nock(TEST_BASE_URL).get('/contacts/1').reply(500, 'z'.repeat(2 * 1024 * 1024));
    const big = await run('getContact', { contact_id: '1' });
    assert.ok(big.error instanceof LimitExceededError, String(big.error));

    const details = Array.from({ length: 100 }, (_, i) => ({ code: `code_${i}`, message: 'm'.repeat(5_000) }));
    nock(TEST_BASE_URL).get('/contacts/2').reply(400, { type: 'error.list', request_id: 'req-big', errors: details });
    const { error } = await run('getContact', { contact_id: '2' });
    assert.ok(error instanceof IntercomApiError, String(error));
    assert.equal(error.errors.length, 20);
    for (const detail of error.errors) assert.ok(detail.message.length <= 1_100, `${detail.message.length} characters kept`);
    assert.ok(error.message.length < 25_000, `message of ${error.message.length} characters`);
  });
});
