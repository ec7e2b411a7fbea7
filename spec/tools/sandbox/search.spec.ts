import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../tools/sandbox';
import { useSandbox } from './helpers';

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });

describe('sandbox: search DSL', () => {
  // 2026-03-10 23:30 in Berlin (CET, UTC+1) is 22:30 UTC.
  const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 1, minute);
  const clock = new ManualClock(berlin(10, 23, 30));
  const { sb, api } = useSandbox({ clock, timezone: 'Europe/Berlin', seed: { contacts: 40, conversations: 0, tickets: 0 } });
  const created: Record<string, { id: string; created_at: number }> = {};
  const ours = (q: object) => ({ query: { operator: 'AND', value: [f('email', '^', 'day-'), q] }, pagination: { per_page: 150 } });
  const names = (body: { data: Array<{ email: string }> }) => body.data.map((c) => c.email.slice(4, 5)).sort().join('');

  before(async () => {
    for (const [name, at] of [
      ['a', berlin(10, 23, 30)], // Tuesday late evening
      ['b', berlin(11, 0, 30)], // just after midnight: still 10 March in UTC
      ['c', berlin(11, 12, 0)],
      ['d', berlin(12, 9, 0)],
    ] as const) {
      clock.set(at);
      created[name] = (await api().call('POST', '/contacts', { email: `day-${name}@example.com` })).body;
    }
  });

  it('contacts: > matches from the start of the next local day', async () => {
    const r = await api().call('POST', '/contacts/search', ours(f('created_at', '>', created['a']!.created_at)));
    assert.equal(names(r.body), 'bcd');
    const fromB = await api().call('POST', '/contacts/search', ours(f('created_at', '>', created['b']!.created_at)));
    assert.equal(names(fromB.body), 'd', 'records later on the same day are not matched by >');
  });

  it('contacts: = matches the whole local day, < everything before that day', async () => {
    const eq = await api().call('POST', '/contacts/search', ours(f('created_at', '=', created['c']!.created_at)));
    assert.equal(names(eq.body), 'bc');
    const lt = await api().call('POST', '/contacts/search', ours(f('created_at', '<', created['c']!.created_at)));
    assert.equal(names(lt.body), 'a');
  });

  it('contacts: !=, >=, <=, IN and NIN on a date field are 400', async () => {
    for (const op of ['!=', '>=', '<=', 'IN', 'NIN']) {
      const value = op === 'IN' || op === 'NIN' ? [1] : 1;
      const r = await api().call('POST', '/contacts/search', { query: f('updated_at', op, value) });
      assert.equal(r.status, 400, op);
      assert.equal(r.body.type, 'error.list');
    }
    assert.equal((await api().call('POST', '/contacts/search', { query: f('created_at', '>', 'yesterday') })).status, 400);
  });

  it('conversations: > on a date includes the boundary second', async () => {
    const contact = created['a']!;
    clock.set(berlin(13, 10));
    const msg = (await api().call('POST', '/conversations', { from: { type: 'user', id: contact.id }, body: 'I need support now' })).body;
    const conv = (await api().call('GET', `/conversations/${msg.conversation_id}`)).body;
    const gt = await api().call('POST', '/conversations/search', { query: f('created_at', '>', conv.created_at) });
    assert.deepEqual(gt.body.conversations.map((c: { id: string }) => c.id), [conv.id]);
    const later = await api().call('POST', '/conversations/search', { query: f('created_at', '>', Number(conv.created_at) + 1) });
    assert.equal(later.body.total_count, 0);
    const word = await api().call('POST', '/conversations/search', { query: f('source.body', '=', 'support') });
    assert.equal(word.body.total_count, 1);
    const phrase = await api().call('POST', '/conversations/search', { query: f('source.body', '=', 'need support') });
    assert.equal(phrase.body.total_count, 0);
  });

  it('groups nest at most 2 levels and hold at most 15 filters', async () => {
    const leaf = f('role', '=', 'user');
    const ok = { operator: 'AND', value: [{ operator: 'OR', value: [leaf, leaf] }, { operator: 'OR', value: [leaf, leaf] }] };
    assert.equal((await api().call('POST', '/contacts/search', { query: ok })).status, 200);
    const deep = { operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [leaf] }] }] };
    const r = await api().call('POST', '/contacts/search', { query: deep });
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0].message, /nested at most 2/);
    const fifteen = { operator: 'OR', value: Array.from({ length: 15 }, () => leaf) };
    assert.equal((await api().call('POST', '/contacts/search', { query: fifteen })).status, 200);
    const sixteen = { operator: 'OR', value: Array.from({ length: 16 }, () => leaf) };
    const r16 = await api().call('POST', '/contacts/search', { query: sixteen });
    assert.equal(r16.status, 400);
    assert.match(r16.body.errors[0].message, /at most 15/);
  });

  it('rejects unknown operators, non-array IN, text operators on numbers and a missing query', async () => {
    for (const query of [f('email', 'LIKE', 'x'), f('email', 'IN', 'x'), f('custom_attributes.seats', '~', '1'), f('name', '>', 3), { operator: 'AND', value: [] }]) {
      assert.equal((await api().call('POST', '/contacts/search', { query })).status, 400, JSON.stringify(query));
    }
    const missing = await api().call('POST', '/contacts/search', {});
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].code, 'parameter_not_found');
  });

  it('supports IN/NIN, ~, !~, ^, $, != and custom attributes', async () => {
    const count = async (query: object) => (await api().call('POST', '/contacts/search', { query })).body.total_count as number;
    assert.equal(await count(f('email', 'IN', ['day-a@example.com', 'day-b@example.com'])), 2);
    assert.equal(await count({ operator: 'AND', value: [f('email', '^', 'day-'), f('email', 'NIN', ['day-a@example.com'])] }), 3);
    assert.equal(await count(f('email', '$', '-d@example.com')), 1);
    assert.equal(await count(f('email', '~', 'DAY-C')), 1);
    assert.equal(await count({ operator: 'AND', value: [f('email', '^', 'day-'), f('email', '!~', 'day-a')] }), 3);
    assert.equal(await count({ operator: 'AND', value: [f('email', '^', 'day-'), f('role', '!=', 'user')] }), 0);
    // Seeded contacts carry seats = 1 + index, so of 40 contacts the last five have more than 35.
    assert.equal(await count(f('custom_attributes.seats', '>', 35)), 5);
    assert.equal(await count(f('custom_attributes.seats', 'IN', [1, 2])), 2);
  });

  it('contact search honours sort {field, order}: newest first across pages; an unknown order answers 400 invalid_sort_order', async () => {
    const sorted = async (order: string, startingAfter?: string) =>
      api().call('POST', '/contacts/search', {
        query: f('email', '^', 'day-'),
        sort: { field: 'created_at', order },
        pagination: { per_page: 3, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      });
    const first = await sorted('descending');
    assert.deepEqual(first.body.data.map((c: { email: string }) => c.email), ['day-d@example.com', 'day-c@example.com', 'day-b@example.com']);
    const second = await sorted('descending', first.body.pages.next.starting_after);
    assert.deepEqual(second.body.data.map((c: { email: string }) => c.email), ['day-a@example.com']);
    const up = await sorted('ascending');
    assert.deepEqual(up.body.data.map((c: { email: string }) => c.email), ['day-a@example.com', 'day-b@example.com', 'day-c@example.com']);
    const bad = await sorted('desc');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].code, 'invalid_sort_order');
  });

  it('the searchIgnoresSort knob answers in storage order whatever the sort asks (a server that does not sort)', async () => {
    sb().knobs.searchIgnoresSort = true;
    try {
      const r = await api().call('POST', '/contacts/search', { query: f('email', '^', 'day-'), sort: { field: 'created_at', order: 'descending' } });
      assert.deepEqual(r.body.data.map((c: { email: string }) => c.email), ['day-a@example.com', 'day-b@example.com', 'day-c@example.com', 'day-d@example.com']);
    } finally {
      sb().knobs.searchIgnoresSort = false;
    }
  });

  it('a spread index delay (searchIndexDelayMaxSeconds): each write is searchable after its own delay within the range, so later writes can be found before earlier ones', async () => {
    sb().knobs.set({ searchIndexDelaySeconds: 0, searchIndexDelayMaxSeconds: 600 });
    const start = clock.now();
    try {
      const written: string[] = [];
      for (let i = 0; i < 20; i++) {
        clock.set(start + i * 1000);
        written.push((await api().call('POST', '/contacts', { email: `spread-${i}@example.com` })).body.id as string);
      }
      const visibleAt = async (ms: number): Promise<Set<string>> => {
        clock.set(ms);
        const r = await api().call('POST', '/contacts/search', { query: f('email', '^', 'spread-'), pagination: { per_page: 150 } });
        return new Set(r.body.data.map((c: { id: string }) => c.id));
      };
      const early = await visibleAt(start + 300_000);
      // Some but not all are indexed five minutes in, and not in write order.
      assert.ok(early.size > 0 && early.size < 20, `${early.size} of 20 visible after 5 minutes`);
      const firstHidden = written.findIndex((id) => !early.has(id));
      assert.ok(written.slice(firstHidden + 1).some((id) => early.has(id)), 'a later write is searchable before an earlier one');
      // All are indexed once the largest delay passed since the last write.
      assert.equal((await visibleAt(start + 19_000 + 600_000)).size, 20);
    } finally {
      sb().knobs.set({ searchIndexDelaySeconds: 0, searchIndexDelayMaxSeconds: 0 });
      clock.set(start);
    }
  });

  it('the index-delay knob hides fresh writes from search, not from get', async () => {
    sb().knobs.searchIndexDelaySeconds = 60;
    try {
      const c = (await api().call('POST', '/contacts', { email: 'fresh@example.com' })).body;
      const q = { query: f('email', '=', 'fresh@example.com') };
      assert.equal((await api().call('POST', '/contacts/search', q)).body.total_count, 0);
      assert.equal((await api().call('GET', `/contacts/${c.id}`)).status, 200);
      clock.advance(61_000);
      assert.equal((await api().call('POST', '/contacts/search', q)).body.total_count, 1);
    } finally {
      sb().knobs.searchIndexDelaySeconds = 0;
    }
  });
});
