/**
 * What a polling run tells the integration engineer in its log (lib/triggers/polling/engine.ts): the records it
 * skipped and why, those held back, how many went out and whether more are pending. Every line written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import conversations from '../../../lib/triggers/newOrUpdatedConversations';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const conversation = (id: string | undefined, updated: number): Record<string, unknown> => ({ type: 'conversation', ...(id === undefined ? {} : { id }), created_at: at('2026-01-01T00:00:00Z'), updated_at: updated });

function answer(items: unknown[]): void {
  nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } });
}

const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_polling_logs_0001', { startTime: '2026-03-10T20:00:00Z', includeOwnChanges: true, ...extra });

describe('polling triggers: what a run logs', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('names skipped, rejected and future records (five by name, then a count), what went out and that more are pending', async () => {
    answer([
      conversation(undefined, at('2026-03-10T21:00:00Z')),
      { type: 'conversation', id: 'no-time' },
      ...[1, 2, 3, 4, 5, 6].map((n) => conversation(`r${n}`, -n)),
      conversation('f', at('2026-03-11T00:00:00Z')),
      conversation('a', at('2026-03-10T21:00:00Z')),
      conversation('b', at('2026-03-10T21:10:00Z')),
      conversation('c', at('2026-03-10T21:20:00Z')),
    ]);
    const step = await runSailor(conversations.process, cfg({ maxPerRun: 2 }));
    assert.deepEqual(ids(step), ['a', 'b']);
    assert.deepEqual(step.logs.filter((l) => l.includes('newOrUpdatedConversations:')), [
      'info newOrUpdatedConversations: first run, starting at 2026-03-10T20:00:00Z (backfill)',
      'warn newOrUpdatedConversations: 2 record(s) without an id or updated_at were skipped',
      'warn newOrUpdatedConversations: 6 record(s) skipped, their updated_at is not a Unix time in seconds (they are not emitted and do not move the cursor): ' +
        'r1 (updated_at -1 is negative), r2 (updated_at -2 is negative), r3 (updated_at -3 is negative), r4 (updated_at -4 is negative), r5 (updated_at -5 is negative) and 1 more',
      'warn newOrUpdatedConversations: 1 record(s) with updated_at in the future are held back until that time (more than 5 minutes ahead of this clock): f (updated_at 2026-03-11T00:00:00Z)',
      'info newOrUpdatedConversations: 2 conversation(s) emitted from 12 read; updated_at cursor 2026-03-10T21:20:00Z; more are pending, the next run continues (maximum 2 per run)',
    ]);
  });

  it('five rejected records are all named without a count; a quiet run says only what went out', async () => {
    answer([...[1, 2, 3, 4, 5].map((n) => conversation(`r${n}`, -n)), conversation('a', at('2026-03-10T21:00:00Z'))]);
    const first = await runSailor(conversations.process, cfg());
    assert.ok(first.logs.includes('warn newOrUpdatedConversations: 5 record(s) skipped, their updated_at is not a Unix time in seconds (they are not emitted and do not move the cursor): ' +
      'r1 (updated_at -1 is negative), r2 (updated_at -2 is negative), r3 (updated_at -3 is negative), r4 (updated_at -4 is negative), r5 (updated_at -5 is negative)'), first.logs.join('\n'));
    answer([conversation('a', at('2026-03-10T21:00:00Z'))]);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(second.logs.filter((l) => l.includes('newOrUpdatedConversations:')), [
      'info newOrUpdatedConversations: 0 conversation(s) emitted from 1 read; updated_at cursor 2026-03-10T21:00:00Z',
    ]);
  });
});
