import assert from 'node:assert/strict';
import { isIgnored, lastChangeAuthor, readLoopOptions } from '../../../lib/triggers/loopFilter';

const part = (created_at: number, type: string, id: string): Record<string, unknown> => ({ type: 'conversation_part', id: `p${created_at}`, created_at, author: { type, id } });

describe('loop prevention: whose change it was', () => {
  it('the newest part is the author of the change that moved updated_at', () => {
    const conversation = { updated_at: 200, conversation_parts: { conversation_parts: [part(100, 'user', 'c1'), part(200, 'admin', '7')] } };
    assert.deepEqual(lastChangeAuthor(conversation), { type: 'admin', id: '7' });
  });

  it('a change that left no part (attributes, tags) has no known author', () => {
    const conversation = { updated_at: 500, conversation_parts: { conversation_parts: [part(200, 'admin', '7')] } };
    assert.equal(lastChangeAuthor(conversation), undefined);
  });

  it("a conversation without parts: its opening message's author, only while it is unchanged", () => {
    assert.deepEqual(lastChangeAuthor({ created_at: 50, updated_at: 50, source: { author: { type: 'admin', id: '7' } } }), { type: 'admin', id: '7' });
    assert.equal(lastChangeAuthor({ created_at: 50, updated_at: 90, source: { author: { type: 'admin', id: '7' } } }), undefined);
  });

  it('ticket parts count like conversation parts', () => {
    assert.deepEqual(lastChangeAuthor({ updated_at: 10, ticket_parts: { ticket_parts: [part(10, 'bot', '9')] } }), { type: 'bot', id: '9' });
  });

  it('only teammates are ignored: a contact with the same id as an admin is never left out', () => {
    const ignored = new Set(['7']);
    assert.equal(isIgnored(ignored, { type: 'admin', id: '7' }), true);
    assert.equal(isIgnored(ignored, { type: 'bot', id: '7' }), true);
    assert.equal(isIgnored(ignored, { type: 'user', id: '7' }), false);
    assert.equal(isIgnored(ignored, { type: 'admin', id: '8' }), false);
    assert.equal(isIgnored(ignored, undefined), false);
  });

  it('reads the step fields: a list or a comma-separated text of ids, numbers as digits; anything else is a clear error', () => {
    assert.deepEqual(readLoopOptions({}), { includeOwn: false, authorIds: [] });
    assert.deepEqual(readLoopOptions({ includeOwnChanges: 'on', ignoreAuthorIds: ['9', 7, '9'] }), { includeOwn: true, authorIds: ['7', '9'] });
    assert.deepEqual(readLoopOptions({ ignoreAuthorIds: '5, 6' }), { includeOwn: false, authorIds: ['5', '6'] });
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: { id: 1 } }), /must be a list of admin ids/);
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: ['a b'] }), /not admin ids: "a b"/);
  });
});
