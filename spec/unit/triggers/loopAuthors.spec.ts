import assert from 'node:assert/strict';
import { lastChangeAuthor, readLoopOptions } from '../../../lib/triggers/loopFilter';

const part = (created_at: number, type: string, id: string): Record<string, unknown> => ({ type: 'conversation_part', id: `p${created_at}_${id}`, created_at, author: { type, id } });
const conversation = (updated_at: number | undefined, parts: unknown[]): Record<string, unknown> => ({ ...(updated_at === undefined ? {} : { updated_at }), conversation_parts: { conversation_parts: parts } });

describe('loop prevention: the author of the latest change, edge cases', () => {
  it('of two parts written in the same second, the later in the list is the newest', () => {
    assert.deepEqual(lastChangeAuthor(conversation(200, [part(200, 'user', 'c1'), part(200, 'admin', '7')])), { type: 'admin', id: '7' });
    assert.deepEqual(lastChangeAuthor(conversation(200, [part(200, 'admin', '7'), part(200, 'user', 'c1')])), { type: 'user', id: 'c1' });
  });

  it('parts listed out of order: the newest by created_at counts, not the last listed', () => {
    assert.deepEqual(lastChangeAuthor(conversation(200, [part(200, 'admin', '7'), part(100, 'user', 'c1')])), { type: 'admin', id: '7' });
  });

  it('a part without a numeric created_at is never the newest', () => {
    const undated = { type: 'conversation_part', author: { type: 'user', id: 'c1' } };
    const textDated = { type: 'conversation_part', created_at: '300', author: { type: 'user', id: 'c2' } };
    assert.deepEqual(lastChangeAuthor(conversation(200, [part(200, 'admin', '7'), undated, textDated])), { type: 'admin', id: '7' });
  });

  it('a part written 2 seconds before updated_at is the change that set it; 3 seconds before is not', () => {
    assert.deepEqual(lastChangeAuthor(conversation(200, [part(198, 'admin', '7')])), { type: 'admin', id: '7' });
    assert.equal(lastChangeAuthor(conversation(200, [part(197, 'admin', '7')])), undefined);
  });

  it('without updated_at the newest part, or without parts the opening message, is the author', () => {
    assert.deepEqual(lastChangeAuthor(conversation(undefined, [part(10, 'bot', '9')])), { type: 'bot', id: '9' });
    assert.deepEqual(lastChangeAuthor({ created_at: 50, source: { author: { type: 'admin', id: '7' } } }), { type: 'admin', id: '7' });
  });

  it('null and non-object entries (a null part list, null parts, a null source or author) are skipped, not a crash', () => {
    assert.deepEqual(lastChangeAuthor({ updated_at: 10, conversation_parts: null, ticket_parts: { ticket_parts: [part(10, 'bot', '9')] } }), { type: 'bot', id: '9' });
    assert.deepEqual(lastChangeAuthor(conversation(10, [null, 'text', 5, part(10, 'admin', '7')])), { type: 'admin', id: '7' });
    assert.equal(lastChangeAuthor({ created_at: 5, updated_at: 5, source: null }), undefined);
    assert.equal(lastChangeAuthor({ created_at: 5, updated_at: 5, source: { author: null } }), undefined);
  });

  it('a numeric author id is read as its digits; an author without an id has none', () => {
    assert.deepEqual(lastChangeAuthor(conversation(10, [{ created_at: 10, author: { type: 'admin', id: 7 } }])), { type: 'admin', id: '7' });
    assert.deepEqual(lastChangeAuthor(conversation(10, [{ created_at: 10, author: { type: 'admin' } }])), { type: 'admin' });
  });
});

describe('loop prevention: the step field "Ignore changes by", edge cases', () => {
  it('unset, null or empty text ignores nobody', () => {
    for (const ignoreAuthorIds of [undefined, null, '']) assert.deepEqual(readLoopOptions({ ignoreAuthorIds }), { includeOwn: false, authorIds: [] }, String(ignoreAuthorIds));
  });

  it('only whole numbers count as ids; a fraction, NaN or an object is refused as it was given, every bad value named', () => {
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: ['7', 1.5] }), { message: 'Step field "ignoreAuthorIds" holds values that are not admin ids: 1.5' });
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: [Number.NaN] }), { message: 'Step field "ignoreAuthorIds" holds values that are not admin ids: null' });
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: [{ id: 1 }] }), { message: 'Step field "ignoreAuthorIds" holds values that are not admin ids: {"id":1}' });
    assert.throws(() => readLoopOptions({ ignoreAuthorIds: 'a b,7,c-d' }), { message: 'Step field "ignoreAuthorIds" holds values that are not admin ids: "a b", "c-d"' });
  });
});
