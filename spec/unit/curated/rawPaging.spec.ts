import { strict as assert } from 'node:assert';
import { knownPaging, rawPaging } from '../../../lib/curated/rawPaging';
import type { PagingOptions } from '../../../lib/runtime/paging';

const ALL: PagingOptions = { fetch: 'all', emit: 'individually' };
const ONE: PagingOptions = { fetch: 'page', emit: 'oneMessage' };

/** Expected styles and item paths written from Intercom's reference pages of these lists, not from the table. */
describe('rawRequest: how a raw path pages', () => {
  it('recognises Intercom lists by method and path, ids included', () => {
    assert.deepEqual(knownPaging('GET', '/contacts'), { style: 'cursor', itemsPath: 'data' });
    assert.deepEqual(knownPaging('POST', '/contacts/search'), { style: 'searchBody', itemsPath: 'data' });
    assert.deepEqual(knownPaging('POST', '/conversations/search'), { style: 'searchBody', itemsPath: 'conversations' });
    assert.deepEqual(knownPaging('GET', '/companies/scroll'), { style: 'scroll', itemsPath: 'data' });
    assert.deepEqual(knownPaging('GET', '/contacts/6543abc/notes'), { style: 'page', itemsPath: 'data' });
    assert.deepEqual(knownPaging('GET', '/admins'), { style: 'whole', itemsPath: 'admins' });
    assert.deepEqual(knownPaging('GET', '/contacts/6543abc/merge_history'), { style: 'nextCursor', itemsPath: 'data', maxPageSize: 150 });
  });

  it('a fixed segment wins over an id: /contacts/search is the search, GET /contacts/123 answers one document', () => {
    assert.equal(knownPaging('GET', '/contacts/123'), null);
    assert.equal(knownPaging('GET', '/me'), null);
    assert.equal(knownPaging('GET', '/no/such/list'), undefined);
    assert.equal(knownPaging('DELETE', '/contacts'), undefined, 'the method counts');
  });

  it('all pages or one message per item of a known list page as that list does', () => {
    assert.deepEqual(rawPaging('GET', '/tags', undefined, undefined, ALL), { style: 'whole', itemsPath: 'data' });
    assert.deepEqual(rawPaging('GET', '/contacts', undefined, 'data', { fetch: 'page', emit: 'individually' }), { style: 'cursor', itemsPath: 'data' });
    assert.deepEqual(rawPaging('GET', '/contacts', undefined, undefined, { fetch: 'page', emit: 'oneMessage', maxItems: 5 }), { style: 'cursor', itemsPath: 'data' });
  });

  it('one page as one message needs no paging, whatever the path', () => {
    assert.equal(rawPaging('GET', '/no/such/list', undefined, undefined, ONE), undefined);
    assert.equal(rawPaging('GET', '/contacts', undefined, undefined, ONE), undefined);
  });

  it("the user's paginate and items_path win; items_path defaults to the known list's", () => {
    assert.deepEqual(rawPaging('GET', '/custom/list', 'cursor', 'rows', ALL), { style: 'cursor', itemsPath: 'rows' });
    assert.deepEqual(rawPaging('GET', '/admins', 'page', undefined, ALL), { style: 'page', itemsPath: 'admins' });
    assert.deepEqual(rawPaging('GET', '/custom/list', 'page', undefined, ALL), { style: 'page', itemsPath: 'data' });
  });

  it('says which fields it needs instead of making one request and stopping', () => {
    assert.throws(() => rawPaging('GET', '/no/such/list', undefined, undefined, ALL), /GET \/no\/such\/list is not an Intercom list this component knows.*set paginate .* and items_path/);
    assert.throws(() => rawPaging('GET', '/me', undefined, undefined, ALL), /GET \/me answers one document, not pages/);
    assert.throws(() => rawPaging('GET', '/contacts', 'none', undefined, ALL), /paginate is "none", but the step fields ask for all pages/);
  });
});
