/**
 * newConversationParts against scripted answers (nock): damaged part lists, Intercom's cap of 500 parts per
 * conversation, a part written exactly at the floor, numeric and missing conversation ids, and what loop
 * prevention logs. Expected parts and log lines are written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import parts from '../../../lib/triggers/newConversationParts';
import { at, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const FLOOR = at('2026-03-10T20:00:00Z');
const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_parts_edges_0001', { startTime: '2026-03-10T20:00:00Z', includeOwnChanges: true, ...extra });
const part = (id: string, created_at: number, author: Record<string, unknown> = { type: 'user', id: 'c1' }): Record<string, unknown> => ({ type: 'conversation_part', id, created_at, author });

function search(ids: unknown[]): void {
  nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: ids.map((id) => ({ type: 'conversation', ...(id === undefined ? {} : { id }), updated_at: FLOOR + 100 })), pages: { type: 'pages' } });
}
function conversation(id: string, body: Record<string, unknown>): void {
  nock(TEST_BASE_URL).get(`/conversations/${id}`).query(true).reply(200, { type: 'conversation', id, ...body });
}
const emittedParts = (step: { bodies(): unknown[] }): string[] => step.bodies().map((b) => `${String((b as { conversation_id: unknown }).conversation_id)}/${String((b as { id: unknown }).id)}`);
const own = (logs: string[]): string[] => logs.filter((l) => l.includes('newConversationParts:'));

describe('trigger newConversationParts: edges', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('a missing part list, a null one and null or text entries in it are skipped without a crash or a warning', async () => {
    search(['1', '2', '3']);
    conversation('1', {});
    conversation('2', { conversation_parts: null });
    conversation('3', { conversation_parts: { type: 'conversation_part.list', conversation_parts: [null, 'text', part('p1', FLOOR + 50)] } });
    const step = await runSailor(parts.process, cfg());
    assert.deepEqual(emittedParts(step), ['3/p1']);
    assert.deepEqual(own(step.logs).filter((l) => l.startsWith('warn')), []);
  });

  it('a numeric conversation id is read as its digits; a search result without an id is passed over', async () => {
    search([42, undefined]);
    conversation('42', { conversation_parts: { conversation_parts: [part('p9', FLOOR + 10)], total_count: 1 } });
    const step = await runSailor(parts.process, cfg());
    assert.deepEqual(emittedParts(step), ['42/p9']);
  });

  it('a part written exactly at the floor is emitted; one a second before it is not', async () => {
    search(['1']);
    conversation('1', { conversation_parts: { conversation_parts: [part('before', FLOOR - 1), part('at', FLOOR)], total_count: 2 } });
    const step = await runSailor(parts.process, cfg());
    assert.deepEqual(emittedParts(step), ['1/at']);
  });

  it('more parts than Intercom returns: a warning names the conversation and the unreadable stretch from the floor to its oldest returned part', async () => {
    search(['1', '2', '3', '4']);
    conversation('1', { conversation_parts: { conversation_parts: [part('a', FLOOR + 600), part('b', FLOOR + 60), part('c', FLOOR + 3600)], total_count: 600 } });
    conversation('2', { conversation_parts: { conversation_parts: [part('d', FLOOR), part('e', FLOOR + 60)], total_count: 900 } });
    conversation('3', { conversation_parts: { conversation_parts: [part('f', FLOOR - 60), part('g', FLOOR + 60)], total_count: 900 } });
    conversation('4', { conversation_parts: { conversation_parts: [part('h', FLOOR + 60)], total_count: 1 } });
    const step = await runSailor(parts.process, cfg());
    assert.deepEqual(own(step.logs).filter((l) => l.startsWith('warn')), [
      'warn newConversationParts: conversation 1 has 600 parts and Intercom returns the latest 500; parts between 2026-03-10T20:00:00Z and 2026-03-10T20:01:00Z cannot be read (597 older parts are out of reach)',
    ]);
  });

  it('parts by ignored admins are left out with one line naming them; with none left out no such line', async () => {
    search(['1']);
    conversation('1', { conversation_parts: { conversation_parts: [part('p1', FLOOR + 10, { type: 'admin', id: '7' }), part('p2', FLOOR + 20, { type: 'bot', id: '9' }), part('p3', FLOOR + 30)], total_count: 3 } });
    const step = await runSailor(parts.process, cfg({ ignoreAuthorIds: ['9', '7'] }));
    assert.deepEqual(emittedParts(step), ['1/p3']);
    assert.ok(own(step.logs).includes('info newConversationParts: 2 part(s) written by 7, 9 left out (loop prevention)'), step.logs.join('\n'));
    search(['1']);
    conversation('1', { conversation_parts: { conversation_parts: [part('p3', FLOOR + 30)], total_count: 1 } });
    const quiet = await runSailor(parts.process, cfg({ ignoreAuthorIds: ['7'] }));
    assert.ok(!quiet.logs.some((l) => l.includes('left out (loop prevention)')), quiet.logs.join('\n'));
  });
});
