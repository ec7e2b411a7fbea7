/**
 * Polling sources at edges earlier tests left open: a page that ends exactly at the floor second (deleted
 * conversations, contact search), equal times in a newest-first search, the company scroll lock handed on
 * through three runs, and tickets on "new only". nock scripts each page; expectations are written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import companies from '../../../lib/triggers/newOrUpdatedCompanies';
import contacts from '../../../lib/triggers/newOrUpdatedContacts';
import deletedConversations from '../../../lib/triggers/deletedConversations';
import tickets from '../../../lib/triggers/newOrUpdatedTickets';
import { at, FakeStep, ids, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const deleted = (id: string, iso: string): Record<string, unknown> => ({ type: 'conversation', id, deleted_at: at(iso), metrics_retained: false });
const deletedPage = (n: number, items: unknown[]): Record<string, unknown> => ({
  type: 'conversations.list',
  total_count: 999,
  pages: { type: 'pages', page: n, per_page: 60, total_pages: 3 },
  conversations: items,
});

const contact = (id: string, updatedIso: string): Record<string, unknown> => ({ type: 'contact', id, created_at: at('2026-01-01T00:00:00Z'), updated_at: at(updatedIso) });

/** The contact search answering the given pages in turn; each body is recorded. */
function contactPages(pages: unknown[][], bodies: unknown[]): void {
  const scope = nock(TEST_BASE_URL);
  pages.forEach((data, i) => {
    scope
      .post('/contacts/search', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .reply(200, { type: 'list', data, total_count: 0, pages: { type: 'pages', ...(i < pages.length - 1 ? { next: { starting_after: `after-${i + 1}` } } : {}) } });
  });
}

const company = (id: string, updatedIso: string): Record<string, unknown> => ({ type: 'company', id, created_at: at('2026-01-01T00:00:00Z'), updated_at: at(updatedIso) });
const scrollPage = (data: unknown[], scrollParam?: string): Record<string, unknown> => ({ type: 'list', data, pages: null, total_count: null, ...(scrollParam ? { scroll_param: scrollParam } : {}) });

describe('polling sources: gaps left by earlier tests', () => {
  triggerHooks('2026-03-10T23:30:00Z');
  afterEach(() => nock.cleanAll());

  it('deleted conversations: a page ending exactly at the floor second is not the last one read, so a deletion in that second on the next page is emitted', async () => {
    nock(TEST_BASE_URL)
      .get('/conversations/deleted')
      .query({ order: 'desc', per_page: '60' })
      .reply(200, deletedPage(1, [deleted('9', '2026-03-10T23:00:00Z'), deleted('8', '2026-03-10T20:00:00Z')]))
      .get('/conversations/deleted')
      .query({ order: 'desc', per_page: '60', page: '2' })
      .reply(200, deletedPage(2, [deleted('7', '2026-03-10T20:00:00Z'), deleted('6', '2026-03-10T19:00:00Z')]));
    const step = await runSailor(deletedConversations.process, testConfig('tok_source_gaps_del01', { startTime: '2026-03-10T20:00:00Z' }));
    assert.deepEqual(ids(step), ['7', '8', '9']);
  });

  it('contacts: a search page ending exactly at the floor second is not the last one read, so a contact updated in that second on the next page is emitted', async () => {
    nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1', app: { id_code: 'abc', timezone: 'UTC' } });
    const bodies: unknown[] = [];
    contactPages(
      [
        [contact('c2', '2026-03-10T22:20:00Z'), contact('c1', '2026-03-10T22:00:00Z')],
        [contact('c0', '2026-03-10T22:00:00Z'), contact('old', '2026-03-10T21:00:00Z')],
      ],
      bodies,
    );
    const step = await runSailor(contacts.process, testConfig('tok_source_gaps_con01', { startTime: '2026-03-10T22:00:00Z' }));
    assert.equal(bodies.length, 2);
    assert.deepEqual(ids(step), ['c0', 'c1', 'c2']);
  });

  it('contacts: equal times in a row are still newest first: no warning, and reading stops at the page that reaches below the floor', async () => {
    nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1', app: { id_code: 'abc', timezone: 'UTC' } });
    const bodies: unknown[] = [];
    contactPages(
      [
        [contact('c3', '2026-03-10T22:30:00Z'), contact('c2', '2026-03-10T22:20:00Z')],
        [contact('c1', '2026-03-10T22:20:00Z'), contact('old', '2026-03-10T21:00:00Z')],
        [contact('older', '2026-03-10T20:00:00Z')],
      ],
      bodies,
    );
    const step = await runSailor(contacts.process, testConfig('tok_source_gaps_con02', { startTime: '2026-03-10T22:00:00Z' }));
    assert.equal(bodies.length, 2, 'the third page is below the floor and never asked for');
    assert.ok(!step.logs.some((l) => l.includes('did not return the search newest first')), step.logs.join('\n'));
    assert.deepEqual(ids(step), ['c1', 'c2', 'c3']);
  });

  it('companies: a run that starts while the second of two queued runs scrolls waits for it (the lock is handed on, not dropped by the first)', async () => {
    const cfg = testConfig('tok_source_gaps_com01', { startTime: '2026-03-10T20:00:00Z' });
    const order: string[] = [];
    let third: Promise<FakeStep> | undefined;
    const reply =
      (label: string, body: Record<string, unknown>, then?: () => void) =>
      (): [number, Record<string, unknown>] => {
        order.push(label);
        then?.();
        return [200, body];
      };
    nock(TEST_BASE_URL)
      .get('/companies/scroll')
      .reply(reply('open A', scrollPage([company('a', '2026-03-10T21:00:00Z')], 'sA')))
      .get('/companies/scroll')
      .query({ scroll_param: 'sA' })
      .reply(reply('next sA', scrollPage([])))
      .get('/companies/scroll')
      .delay(30)
      // The first run has finished; the third starts while the second's scroll is open.
      .reply(reply('open B', scrollPage([company('a', '2026-03-10T21:00:00Z')], 'sB'), () => {
        third = runSailor(companies.process, cfg, {}, new FakeStep());
      }))
      .get('/companies/scroll')
      .query({ scroll_param: 'sB' })
      .reply(reply('next sB', scrollPage([])))
      .get('/companies/scroll')
      .reply(reply('open C', scrollPage([company('a', '2026-03-10T21:00:00Z')], 'sC')))
      .get('/companies/scroll')
      .query({ scroll_param: 'sC' })
      .reply(reply('next sC', scrollPage([])));
    const [one, two] = await Promise.all([runSailor(companies.process, cfg, {}, new FakeStep()), runSailor(companies.process, cfg, {}, new FakeStep())]);
    assert.ok(third, 'the third run was started');
    const three = await third;
    assert.deepEqual(order, ['open A', 'next sA', 'open B', 'next sB', 'open C', 'next sC']);
    assert.deepEqual([ids(one), ids(two), ids(three)], [['a'], ['a'], ['a']]);
  });

  it('tickets, new only: searches and follows created_at, so an old ticket updated since the start is not emitted', async () => {
    const bodies: unknown[] = [];
    nock(TEST_BASE_URL)
      .post('/tickets/search', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .reply(200, {
        type: 'ticket.list',
        tickets: [
          { type: 'ticket', id: '1', created_at: at('2026-01-01T00:00:00Z'), updated_at: at('2026-03-10T22:00:00Z') },
          { type: 'ticket', id: '2', created_at: at('2026-03-10T21:00:00Z'), updated_at: at('2026-03-10T21:30:00Z') },
        ],
        pages: { type: 'pages' },
      });
    const step = await runSailor(tickets.process, testConfig('tok_source_gaps_tic01', { startTime: '2026-03-10T20:00:00Z', emitOn: 'new' }));
    assert.deepEqual(bodies[0], { query: { field: 'created_at', operator: '>', value: at('2026-03-10T20:00:00Z') - 1 }, pagination: { per_page: 150 } });
    assert.deepEqual(ids(step), ['2']);
  });
});
