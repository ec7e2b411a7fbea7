/**
 * nock, not the sandbox: scroll pages scripted per case, including a scroll that breaks mid-way.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/newOrUpdatedCompanies';
import { at, FakeStep, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const company = (id: string, updatedIso: string, createdIso = '2025-01-01T00:00:00Z'): Record<string, unknown> => ({
  type: 'company',
  id,
  name: `Company ${id}`,
  created_at: at(createdIso),
  updated_at: at(updatedIso),
});

const scrollPage = (data: unknown[], scrollParam?: string): Record<string, unknown> => ({ type: 'list', data, pages: null, total_count: null, ...(scrollParam ? { scroll_param: scrollParam } : {}) });

const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_companies_scroll_01', { startTime: '2026-03-10T20:00:00Z', ...extra });

describe('trigger newOrUpdatedCompanies', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('walks the whole scroll (until an empty page) and emits only companies new or updated since the cursor, oldest first', async () => {
    const scope = nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .reply(200, scrollPage([company('old', '2026-01-01T00:00:00Z'), company('b', '2026-03-10T22:00:00Z')], 's1'))
      .get('/companies/scroll')
      .query({ scroll_param: 's1' })
      .reply(200, scrollPage([company('a', '2026-03-10T21:00:00Z')], 's1'))
      .get('/companies/scroll')
      .query({ scroll_param: 's1' })
      .reply(200, scrollPage([]));
    const step = await runSailor(trigger.process, cfg());
    scope.done();
    assert.deepEqual(ids(step), ['a', 'b']);
    assert.equal((lastSnapshot(step) as { cursor: number }).cursor, at('2026-03-10T22:00:00Z'));
    assert.deepEqual(step.logs.filter((l) => l.startsWith('warn')), [], 'a scroll that did not break says nothing of a restart');
  });

  it('scroll restart: a 500 in the middle of the scroll starts it again from the top, and companies seen twice are emitted once', async () => {
    const scope = nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .reply(200, scrollPage([company('a', '2026-03-10T21:00:00Z')], 's1'))
      .get('/companies/scroll')
      .query({ scroll_param: 's1' })
      .reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'Request failed due to an internal network error. Please restart the scroll operation.' }] })
      .get('/companies/scroll')
      .reply(200, scrollPage([company('a', '2026-03-10T21:00:00Z')], 's2'))
      .get('/companies/scroll')
      .query({ scroll_param: 's2' })
      .reply(200, scrollPage([company('b', '2026-03-10T21:30:00Z')], 's2'))
      .get('/companies/scroll')
      .query({ scroll_param: 's2' })
      .reply(200, scrollPage([]));
    const step = await runSailor(trigger.process, cfg());
    scope.done();
    assert.deepEqual(ids(step), ['a', 'b']);
    assert.ok(step.logs.some((l) => l.startsWith('warn') && l.includes('starting it again from the top')));
  });

  it('one scroll per workspace: two runs with the same token in one process scroll one after the other', async () => {
    const order: string[] = [];
    const reply = (label: string, body: Record<string, unknown>) => (): [number, Record<string, unknown>] => {
      order.push(label);
      return [200, body];
    };
    nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .delay(30)
      .reply(reply('open', scrollPage([company('a', '2026-03-10T21:00:00Z')], 'sA')))
      .get('/companies/scroll')
      .query({ scroll_param: 'sA' })
      .reply(reply('next sA', scrollPage([])))
      .get('/companies/scroll')
      .reply(reply('open', scrollPage([company('a', '2026-03-10T21:00:00Z')], 'sB')))
      .get('/companies/scroll')
      .query({ scroll_param: 'sB' })
      .reply(reply('next sB', scrollPage([])));
    const [one, two] = await Promise.all([runSailor(trigger.process, cfg(), {}, new FakeStep()), runSailor(trigger.process, cfg(), {}, new FakeStep())]);
    assert.deepEqual(order, ['open', 'next sA', 'open', 'next sB']);
    assert.deepEqual([ids(one), ids(two)], [['a'], ['a']]);
  });

  it('new companies only: follows created_at', async () => {
    nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .reply(200, scrollPage([company('updated-old', '2026-03-10T22:00:00Z'), company('created', '2026-03-10T22:00:00Z', '2026-03-10T21:00:00Z')], 's1'))
      .get('/companies/scroll')
      .query({ scroll_param: 's1' })
      .reply(200, scrollPage([]));
    const step = await runSailor(trigger.process, cfg({ emitOn: 'new' }));
    assert.deepEqual(ids(step), ['created']);
  });
  it('runs of two workspaces (two tokens) in one process scroll side by side: neither waits for the other', async function () {
    this.timeout(15_000);
    // Workspace A's first page is answered only once workspace B's scroll has started: were B queued behind A, neither would end
    // (8 s: both runs take milliseconds, and a loaded machine must not read as a deadlock).
    let bStarted!: () => void;
    const started = new Promise<void>((resolve) => (bStarted = resolve));
    nock(TEST_BASE_URL, { reqheaders: { authorization: 'Bearer tok_companies_work_A1' } })
      .get('/companies/scroll')
      .reply((_uri, _body, callback) => {
        void started.then(() => callback(null, [200, scrollPage([company('a', '2026-03-10T21:00:00Z')])]));
      });
    nock(TEST_BASE_URL, { reqheaders: { authorization: 'Bearer tok_companies_work_B1' } })
      .get('/companies/scroll')
      .reply(() => {
        bStarted();
        return [200, scrollPage([company('b', '2026-03-10T21:00:00Z')])];
      });
    const both = Promise.all([
      runSailor(trigger.process, testConfig('tok_companies_work_A1', { startTime: '2026-03-10T20:00:00Z' }), {}, new FakeStep()),
      runSailor(trigger.process, testConfig('tok_companies_work_B1', { startTime: '2026-03-10T20:00:00Z' }), {}, new FakeStep()),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), 8_000)));
    const outcome = await Promise.race([both, stuck]);
    clearTimeout(timer);
    assert.notEqual(outcome, 'stuck', 'the run of workspace B waited for the scroll of workspace A');
    const [a, b] = outcome as [FakeStep, FakeStep];
    assert.deepEqual([ids(a), ids(b)], [['a'], ['b']]);
  });
});
