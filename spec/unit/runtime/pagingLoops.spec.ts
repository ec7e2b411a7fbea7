/**
 * nock, not the sandbox: the sandbox pages correctly; these cases script a server that never stops.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

async function run(key: string, body: unknown): Promise<{ error?: unknown; step: FakeStep }> {
  const step = new FakeStep();
  try {
    await forOperation(key).process.call(step, { body }, testConfig(undefined, { fetch: 'all', emit: 'individually' }), {});
    return { step };
  } catch (error) {
    return { error, step };
  }
}

describe('paging: a walk that repeats itself stops with a clear error instead of running to the page limit', () => {
  offlineRuntime();

  it('a scroll that keeps answering the same scroll_param with the same companies stops at the first repeated page', async () => {
    let calls = 0;
    nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .query(true)
      .times(50)
      .reply(() => {
        calls++;
        return [200, { type: 'company.list', data: [{ type: 'company', id: 'co1' }, { type: 'company', id: 'co2' }], scroll_param: 'stuck' }];
      });
    const { error, step } = await run('scrollCompanies', {});
    assert.match(String(error), /scrollCompanies: Intercom returned the same 2 item\(s\) again on page 2; stopping to avoid an endless loop/);
    assert.equal(calls, 2);
    assert.deepEqual(step.bodies().map((b) => (b as { id: string }).id), ['co1', 'co2']);
  });

  it('a page-numbered list that echoes every page number asked for with the same calls stops on the second page', async () => {
    let calls = 0;
    nock(TEST_BASE_URL)
      .get('/calls')
      .query(true)
      .times(50)
      .reply((uri) => {
        calls++;
        const page = Number(new URL(uri, TEST_BASE_URL).searchParams.get('page') ?? 1);
        return [200, { type: 'list', data: [{ type: 'call', id: 'call1' }], pages: { type: 'pages', page, per_page: 1, total_pages: 1_000_000, next: `${TEST_BASE_URL}/calls?page=${page + 1}` } }];
      });
    const { error } = await run('listCalls', {});
    assert.match(String(error), /listCalls: Intercom returned the same 1 item\(s\) again on page 2; stopping to avoid an endless loop/);
    assert.equal(calls, 2);
  });

  it('a scroll that was restarted after a server error may repeat its items without being taken for a loop', async () => {
    nock(TEST_BASE_URL)
      .get('/companies/scroll').query(true).reply(200, { data: [{ id: 'co1' }], scroll_param: 's1' })
      .get('/companies/scroll').query(true).reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'restart the scroll' }] })
      .get('/companies/scroll').query(true).reply(200, { data: [{ id: 'co1' }], scroll_param: 's2' })
      .get('/companies/scroll').query(true).reply(200, { data: [{ id: 'co2' }], scroll_param: 's2' })
      .get('/companies/scroll').query(true).reply(200, { data: [], scroll_param: 's2' });
    const { error, step } = await run('scrollCompanies', {});
    assert.equal(error, undefined);
    assert.deepEqual(step.bodies().map((b) => (b as { id: string }).id), ['co1', 'co2']);
  });
});
