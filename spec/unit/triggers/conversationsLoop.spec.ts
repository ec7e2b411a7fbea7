/**
 * newOrUpdatedConversations reading each conversation whole (lib/triggers/polling/sources/conversations.ts): with
 * loop prevention on it leaves out a conversation whose last change an ignored admin wrote, even without "with
 * parts", and says so in the log; with parts and no one ignored it emits the conversation as read whole. nock
 * answers the search and GET /conversations/{id}; every expected line is written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import conversations from '../../../lib/triggers/newOrUpdatedConversations';
import { at, ids, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const found = (id: string, updatedIso: string): Record<string, unknown> => ({ type: 'conversation', id, created_at: at('2026-03-01T00:00:00Z'), updated_at: at(updatedIso) });

function whole(id: string, updatedIso: string, author: Record<string, unknown>): Record<string, unknown> {
  const part = { type: 'conversation_part', id: `p${id}`, part_type: 'comment', body: '<p>hi</p>', created_at: at(updatedIso), author };
  return { ...found(id, updatedIso), conversation_parts: { type: 'conversation_part.list', conversation_parts: [part], total_count: 1 } };
}

function searchFinds(items: Array<Record<string, unknown>>): void {
  nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } });
}

const cfg = (extra: Record<string, unknown>): Record<string, unknown> => testConfig('tok_conversations_loop_1', { startTime: '2026-03-10T20:00:00Z', includeOwnChanges: true, ...extra });

describe('trigger newOrUpdatedConversations: loop prevention and parts', () => {
  triggerHooks('2026-03-10T23:30:00Z');
  afterEach(() => nock.cleanAll());

  it('without "with parts", a conversation whose last change an ignored admin wrote is still read whole and left out; the run counts it as left out', async () => {
    searchFinds([found('1', '2026-03-10T21:00:00Z'), found('2', '2026-03-10T21:10:00Z')]);
    const reads = nock(TEST_BASE_URL)
      .get('/conversations/1')
      .query(true)
      .reply(200, whole('1', '2026-03-10T21:00:00Z', { type: 'admin', id: '7', name: 'Flow admin' }))
      .get('/conversations/2')
      .query(true)
      .reply(200, whole('2', '2026-03-10T21:10:00Z', { type: 'user', id: 'u9' }));
    const step = await runSailor(conversations.process, cfg({ ignoreAuthorIds: ['7'] }));
    reads.done();
    assert.deepEqual(ids(step), ['2']);
    assert.deepEqual(step.bodies(), [found('2', '2026-03-10T21:10:00Z')], 'without "with parts" the conversation as the search found it');
    assert.deepEqual(
      step.logs.filter((l) => l.startsWith('info newOrUpdatedConversations:')),
      [
        'info newOrUpdatedConversations: first run, starting at 2026-03-10T20:00:00Z (backfill)',
        'info newOrUpdatedConversations: conversation 1 left out, its last change was written by admin 7 (loop prevention)',
        'info newOrUpdatedConversations: 1 conversation(s) emitted from 2 read (1 left out); updated_at cursor 2026-03-10T21:10:00Z',
      ],
    );
  });

  it('with "with parts" and no one ignored, each conversation goes out as read whole, parts included', async () => {
    searchFinds([found('3', '2026-03-10T21:00:00Z')]);
    nock(TEST_BASE_URL).get('/conversations/3').query(true).reply(200, whole('3', '2026-03-10T21:00:00Z', { type: 'admin', id: '7' }));
    const step = await runSailor(conversations.process, cfg({ withParts: true }));
    assert.deepEqual(step.bodies(), [whole('3', '2026-03-10T21:00:00Z', { type: 'admin', id: '7' })]);
    assert.ok(step.logs.includes('info newOrUpdatedConversations: 1 conversation(s) emitted from 1 read; updated_at cursor 2026-03-10T21:00:00Z'), step.logs.join('\n'));
  });
});
