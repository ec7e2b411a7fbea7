import { strict as assert } from 'node:assert';
import { ManualClock, SCROLL_RESTART_MESSAGE, startSandbox, type SandboxHandle } from '../../../tools/sandbox';
import { client, useSandbox, type Client } from './helpers';

/** Follow a cursor-style list to its end; returns ids and the number of pages. */
async function drainCursor(api: Client, path: string, perPage: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const r = await api.call('GET', `${path}?per_page=${perPage}${after === undefined ? '' : `&starting_after=${after}`}`);
    assert.equal(r.status, 200);
    pages++;
    const items = r.body.data ?? r.body.conversations;
    ids.push(...items.map((x: { id: string }) => x.id));
    assert.equal(r.body.pages.page, pages);
    after = r.body.pages.next?.starting_after;
    if (after === undefined) return { ids, pages };
  }
}

describe('sandbox: the five pagination styles end', () => {
  const clock = new ManualClock(Date.UTC(2026, 4, 1));
  const { sb, api } = useSandbox({ clock, seed: { contacts: 310, companies: 23, conversations: 45 }, scrollPageSize: 10 });

  it('cursor: GET /contacts walks every contact once and stops without pages.next', async () => {
    const { ids, pages } = await drainCursor(api(), '/contacts', 150);
    assert.equal(ids.length, 310);
    assert.equal(new Set(ids).size, 310);
    assert.equal(pages, 3);
  });

  it('cursor: per_page is capped at 150 and GET /conversations ends too', async () => {
    const r = await api().call('GET', '/contacts?per_page=500');
    assert.equal(r.body.data.length, 150);
    assert.equal(r.body.pages.per_page, 150);
    assert.equal(r.body.pages.total_pages, 3);
    const { ids } = await drainCursor(api(), '/conversations', 20);
    assert.equal(ids.length, 45);
    assert.equal((await api().call('GET', '/contacts?starting_after=garbage')).status, 400);
  });

  it('searchBody: the cursor comes back in pages.next.starting_after and the last page has none', async () => {
    const query = { field: 'role', operator: '=', value: 'lead' };
    const seen: string[] = [];
    let after: string | undefined;
    let total: number;
    do {
      const r = await api().call('POST', '/contacts/search', { query, pagination: { per_page: 25, ...(after === undefined ? {} : { starting_after: after }) } });
      assert.equal(r.status, 200);
      total = r.body.total_count;
      seen.push(...r.body.data.map((c: { id: string; role: string }) => (assert.equal(c.role, 'lead'), c.id)));
      after = r.body.pages.next?.starting_after;
    } while (after !== undefined);
    assert.equal(total, 62);
    assert.equal(seen.length, 62);
    const conv = await api().call('POST', '/conversations/search', { query: { field: 'state', operator: '=', value: 'closed' }, pagination: { per_page: 150 } });
    assert.equal(conv.body.type, 'conversation.list');
    assert.equal(conv.body.conversations.length, 15);
    assert.equal(conv.body.pages.next, undefined);
  });

  it('page: POST /companies/list links pages.next as a URL until the last page', async () => {
    let url: string | null = `${sb().url}/companies/list?per_page=10`;
    const names: string[] = [];
    let pages = 0;
    while (url !== null) {
      const r = await api().call('POST', url.slice(sb().url.length));
      pages++;
      names.push(...r.body.data.map((c: { id: string }) => c.id));
      assert.equal(r.body.pages.page, pages);
      assert.equal(r.body.pages.total_pages, 3);
      url = r.body.pages.next;
      if (url !== null) assert.ok(url.startsWith(`${sb().url}/companies/list?`));
    }
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 23);
  });

  it('page: notes of a contact and deleted conversations (per_page max 60) page and end', async () => {
    const contact = (await api().call('GET', '/contacts?per_page=1')).body.data[0];
    for (let i = 0; i < 5; i++) await api().call('POST', `/contacts/${contact.id}/notes`, { body: `note ${i}` });
    const p1 = await api().call('GET', `/contacts/${contact.id}/notes?per_page=2`);
    assert.equal(p1.body.total_count, 5);
    assert.equal(p1.body.data[0].body, '<p>note 4</p>', 'newest first');
    const p3 = await api().call('GET', `/contacts/${contact.id}/notes?per_page=2&page=3`);
    assert.equal(p3.body.data.length, 1);
    assert.equal(p3.body.pages.next, null);

    const convs = (await api().call('GET', '/conversations?per_page=3')).body.conversations;
    for (const c of convs) await api().call('DELETE', `/conversations/${c.id}`);
    const deleted = await api().call('GET', '/conversations/deleted?per_page=100');
    assert.equal(deleted.body.type, 'conversations.list');
    assert.equal(deleted.body.pages.per_page, 60);
    assert.deepEqual(deleted.body.conversations.map((d: { id: string }) => d.id), convs.map((c: { id: string }) => c.id).reverse());
    assert.equal(deleted.body.pages.next, null);
  });

  it('scroll: pages until an empty data page, then the scroll param is gone', async () => {
    let r = await api().call('GET', '/companies/scroll');
    const param = r.body.scroll_param;
    const ids: string[] = r.body.data.map((c: { id: string }) => c.id);
    while (r.body.data.length > 0) {
      r = await api().call('GET', `/companies/scroll?scroll_param=${param}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.scroll_param, param);
      ids.push(...r.body.data.map((c: { id: string }) => c.id));
    }
    assert.equal(ids.length, 23);
    assert.equal((await api().call('GET', `/companies/scroll?scroll_param=${param}`)).status, 404);
  });

  it('nextCursor: merge history (see contacts.spec) — an unknown cursor is a 400', async () => {
    const user = (await api().call('GET', '/contacts?per_page=1')).body.data[0];
    assert.equal((await api().call('GET', `/contacts/${user.id}/merge_history?cursor=%%%`)).status, 400);
    const empty = await api().call('GET', `/contacts/${user.id}/merge_history`);
    assert.deepEqual(empty.body, { type: 'list', data: [], has_more: false });
  });
});

describe('sandbox: scroll rules', () => {
  let sb: SandboxHandle;
  let api: Client;
  const clock = new ManualClock(Date.UTC(2026, 4, 1));
  beforeEach(async () => {
    sb = await startSandbox({ clock, seed: { companies: 30 }, scrollPageSize: 10, operationsFile: null });
    api = client(sb);
  });
  afterEach(() => sb.close());

  it('one open scroll per workspace: a second start is 400 scroll_exists', async () => {
    assert.equal((await api.call('GET', '/companies/scroll')).status, 200);
    const second = await api.call('GET', '/companies/scroll');
    assert.equal(second.status, 400);
    assert.equal(second.body.errors[0].code, 'scroll_exists');
  });

  it('expires after a minute unused; then a new scroll can start', async () => {
    const first = await api.call('GET', '/companies/scroll');
    clock.advance(59_000);
    assert.equal((await api.call('GET', `/companies/scroll?scroll_param=${first.body.scroll_param}`)).status, 200);
    clock.advance(60_001);
    assert.equal((await api.call('GET', `/companies/scroll?scroll_param=${first.body.scroll_param}`)).status, 404);
    const again = await api.call('GET', '/companies/scroll');
    assert.equal(again.status, 200);
    assert.notEqual(again.body.scroll_param, first.body.scroll_param);
  });

  it('the fault knob makes a page 500 with the restart message; a restart then works', async () => {
    sb.knobs.scrollFailOnPage = 2;
    const first = await api.call('GET', '/companies/scroll');
    const failed = await api.call('GET', `/companies/scroll?scroll_param=${first.body.scroll_param}`);
    assert.equal(failed.status, 500);
    assert.equal(failed.body.errors[0].message, SCROLL_RESTART_MESSAGE);
    assert.equal(sb.knobs.scrollFailOnPage, null);
    assert.equal((await api.call('GET', `/companies/scroll?scroll_param=${first.body.scroll_param}`)).status, 404);
    const restart = await api.call('GET', '/companies/scroll');
    assert.equal(restart.status, 200);
    assert.equal(restart.body.data[0].id, first.body.data[0].id);
  });
});
