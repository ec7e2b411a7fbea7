/**
 * nock, not the sandbox: the deleted-conversation pages are scripted per case and every request is recorded.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/deletedConversations';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const deleted = (id: string, iso: string): Record<string, unknown> => ({ type: 'conversation', id, deleted_at: at(iso), metrics_retained: false });
const page = (n: number, total: number, items: unknown[]): Record<string, unknown> => ({
  type: 'conversations.list',
  total_count: 999,
  pages: { type: 'pages', page: n, per_page: 60, total_pages: total },
  conversations: items,
});

const cfg = (): Record<string, unknown> => testConfig('tok_deleted_convs_0001', { startTime: '2026-03-10T20:00:00Z' });

describe('trigger deletedConversations', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('lists GET /conversations/deleted newest first (order=desc, 60 per page), stops at the page that reaches before the floor, emits oldest first', async () => {
    const scope = nock(TEST_BASE_URL)
      .get('/conversations/deleted')
      .query({ order: 'desc', per_page: '60' })
      .reply(200, page(1, 3, [deleted('9', '2026-03-10T23:00:00Z'), deleted('8', '2026-03-10T22:00:00Z')]))
      .get('/conversations/deleted')
      .query({ order: 'desc', per_page: '60', page: '2' })
      .reply(200, page(2, 3, [deleted('7', '2026-03-10T21:00:00Z'), deleted('6', '2026-03-10T19:00:00Z')]));
    const step = await runSailor(trigger.process, cfg());
    scope.done(); // page 3 was never asked for
    assert.deepEqual(ids(step), ['7', '8', '9']);
    assert.equal((lastSnapshot(step) as { cursor: number }).cursor, at('2026-03-10T23:00:00Z'));
  });

  it('a deletion already emitted is not emitted again on the next run', async () => {
    nock(TEST_BASE_URL).get('/conversations/deleted').query(true).reply(200, page(1, 1, [deleted('9', '2026-03-10T23:00:00Z')]));
    const first = await runSailor(trigger.process, cfg());
    nock(TEST_BASE_URL).get('/conversations/deleted').query(true).reply(200, page(1, 1, [deleted('10', '2026-03-10T23:10:00Z'), deleted('9', '2026-03-10T23:00:00Z')]));
    const second = await runSailor(trigger.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['10']);
  });
});
