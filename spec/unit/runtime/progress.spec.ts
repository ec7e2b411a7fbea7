/** Page progress reports (lib/runtime/progress.ts): totals only when Intercom gives believable ones. */
import assert from 'node:assert/strict';
import { onProgress, type PageProgress, reportPage } from '../../../lib/runtime/progress';

describe('runtime: page progress', () => {
  const seen: PageProgress[] = [];
  beforeEach(() => {
    seen.length = 0;
    onProgress((p) => seen.push(p));
  });
  after(() => onProgress(undefined));

  it('a page with Intercom\'s totals reports them', () => {
    reportPage('listContacts', 2, 100, { pages: { total_pages: 7 }, total_count: 650 });
    assert.deepEqual(seen, [{ operation: 'listContacts', page: 2, items: 100, totalPages: 7, totalItems: 650 }]);
  });

  it('totals that are missing, zero pages, negative, fractional or not numbers are left out; zero items is a total', () => {
    reportPage('a', 1, 0, { pages: { total_pages: 0 }, total_count: 0 });
    reportPage('b', 1, 5, { pages: { total_pages: 2.5 }, total_count: -1 });
    reportPage('c', 1, 5, { pages: { total_pages: '3' }, total_count: '10' });
    reportPage('d', 1, 5, { pages: null, total_count: 2 ** 53 });
    reportPage('e', 1, 5, 'not a document');
    reportPage('f', 1, 5, null);
    assert.deepEqual(seen, [
      { operation: 'a', page: 1, items: 0, totalItems: 0 },
      { operation: 'b', page: 1, items: 5 },
      { operation: 'c', page: 1, items: 5 },
      { operation: 'd', page: 1, items: 5 },
      { operation: 'e', page: 1, items: 5 },
      { operation: 'f', page: 1, items: 5 },
    ]);
  });

  it('one page of one total page is reported as such', () => {
    reportPage('listTags', 1, 3, { pages: { total_pages: 1 }, total_count: 3 });
    assert.deepEqual(seen, [{ operation: 'listTags', page: 1, items: 3, totalPages: 1, totalItems: 3 }]);
  });

  it('without a listener nothing is reported, and a listener can be removed', () => {
    onProgress(undefined);
    reportPage('listContacts', 1, 1, {});
    assert.deepEqual(seen, []);
  });
});
