/**
 * nock, not the sandbox: search pages scripted per case (the day rule's extra records, a timezone from /me) and
 * every search body recorded.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/newOrUpdatedContacts';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const contact = (id: string, updatedIso: string, createdIso = '2026-01-01T00:00:00Z'): Record<string, unknown> => ({
  type: 'contact',
  id,
  email: `${id}@example.com`,
  created_at: at(createdIso),
  updated_at: at(updatedIso),
});

const me = (timezone: string | null): nock.Scope =>
  nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1', app: { id_code: 'abc', ...(timezone ? { timezone } : {}) } });

/** Records each search body and answers with the given pages in turn. */
function search(pages: Array<{ data: unknown[]; next?: string }>, bodies: unknown[]): nock.Scope {
  const scope = nock(TEST_BASE_URL);
  for (const page of pages) {
    scope
      .post('/contacts/search', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .reply(200, { type: 'list', data: page.data, total_count: 0, pages: { type: 'pages', ...(page.next ? { next: { starting_after: page.next } } : {}) } });
  }
  return scope;
}

describe('trigger newOrUpdatedContacts', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('searches updated_at from the start of the cursor’s local day in the workspace timezone (> local midnight - 1 s), newest first, every page down to the floor, 150 per page', async () => {
    me('America/Los_Angeles');
    const bodies: unknown[] = [];
    const scope = search([{ data: [contact('c2', '2026-03-10T22:20:00Z')], next: 'cursor-2' }, { data: [contact('c1', '2026-03-10T22:10:00Z')] }], bodies);
    const step = await runSailor(trigger.process, testConfig('tok_contacts_day_000001', { startTime: '2026-03-10T22:00:00Z' }));
    scope.done();
    // 2026-03-10 starts at 07:00Z in Los Angeles (PDT, UTC-7).
    const dayStart = at('2026-03-10T07:00:00Z');
    const sort = { field: 'updated_at', order: 'descending' };
    assert.deepEqual(bodies[0], { query: { field: 'updated_at', operator: '>', value: dayStart - 1 }, sort, pagination: { per_page: 150 } });
    assert.deepEqual(bodies[1], { query: { field: 'updated_at', operator: '>', value: dayStart - 1 }, sort, pagination: { per_page: 150, starting_after: 'cursor-2' } });
    assert.deepEqual(ids(step), ['c1', 'c2']);
  });

  it('same-day contact: one updated later on the cursor’s own day is emitted, one updated earlier that day (before the cursor) is not', async () => {
    me('America/Los_Angeles');
    const bodies: unknown[] = [];
    search(
      [
        {
          data: [
            contact('before-cursor-same-day', '2026-03-10T21:59:59Z'),
            contact('morning-same-day', '2026-03-10T08:00:00Z'),
            contact('later-same-day', '2026-03-10T22:45:00Z'),
            contact('at-cursor', '2026-03-10T22:00:00Z'),
          ],
        },
      ],
      bodies,
    );
    const step = await runSailor(trigger.process, testConfig('tok_contacts_day_000002', { startTime: '2026-03-10T22:00:00Z' }));
    assert.deepEqual(ids(step), ['at-cursor', 'later-same-day']);
    assert.deepEqual(lastSnapshot(step), {
      v: 2,
      scope: (lastSnapshot(step) as { scope: string }).scope,
      start: at('2026-03-10T22:00:00Z'),
      floor: at('2026-03-10T22:30:00Z'),
      cursor: at('2026-03-10T22:45:00Z'),
      // Remembered as seconds after the floor: 22:45 is 900 s after 22:30.
      seen: [[900, 'later-same-day']],
    });
  });

  it('asks /me for the timezone once per token and reuses it on later runs', async () => {
    const meScope = me('Europe/Berlin');
    const bodies: unknown[] = [];
    search([{ data: [] }, { data: [] }], bodies);
    const cfg = testConfig('tok_contacts_tz_cache_01', { startTime: '2026-03-10T00:30:00Z' });
    const first = await runSailor(trigger.process, cfg);
    await runSailor(trigger.process, cfg, lastSnapshot(first));
    meScope.done();
    // Berlin is UTC+1 in March: 2026-03-10T00:30Z is 01:30 local, the day began at 2026-03-09T23:00Z.
    assert.equal((bodies[0] as { query: { value: number } }).query.value, at('2026-03-09T23:00:00Z') - 1);
    assert.equal(bodies.length, 2);
  });

  it('an unknown workspace timezone widens the search by one more day instead of risking a missed day', async () => {
    me(null);
    const bodies: unknown[] = [];
    search([{ data: [] }], bodies);
    const step = await runSailor(trigger.process, testConfig('tok_contacts_no_tz_0001', { startTime: '2026-03-10T12:00:00Z' }));
    assert.equal((bodies[0] as { query: { value: number } }).query.value, at('2026-03-09T00:00:00Z') - 1);
    assert.ok(step.logs.some((l) => l.startsWith('warn') && l.includes('timezone is unknown')));
  });

  it('new contacts only: searches and follows created_at, so an updated old contact is not emitted', async () => {
    me('UTC');
    const bodies: unknown[] = [];
    search([{ data: [contact('old-but-updated', '2026-03-10T22:10:00Z', '2025-12-01T00:00:00Z'), contact('new', '2026-03-10T22:10:00Z', '2026-03-10T22:05:00Z')] }], bodies);
    const step = await runSailor(trigger.process, testConfig('tok_contacts_new_only_1', { startTime: '2026-03-10T22:00:00Z', emitOn: 'new' }));
    assert.equal((bodies[0] as { query: { field: string } }).query.field, 'created_at');
    assert.deepEqual(ids(step), ['new']);
    assert.equal((lastSnapshot(step) as { cursor: number }).cursor, at('2026-03-10T22:05:00Z'));
  });

  it('role and tag filters are ANDed with the date filter', async () => {
    me('UTC');
    const bodies: unknown[] = [];
    search([{ data: [] }], bodies);
    await runSailor(trigger.process, testConfig('tok_contacts_filters_01', { startTime: '2026-03-10T22:00:00Z', role: 'lead', tagId: '77' }));
    assert.deepEqual((bodies[0] as { query: unknown }).query, {
      operator: 'AND',
      value: [
        { field: 'updated_at', operator: '>', value: at('2026-03-10T00:00:00Z') - 1 },
        { field: 'role', operator: '=', value: 'lead' },
        { field: 'tag_id', operator: '=', value: '77' },
      ],
    });
  });

  it('a backfill slice bounds the search with `<` more than a day past the slice end, so day-granular matching still returns the whole slice', async () => {
    me('UTC');
    const bodies: unknown[] = [];
    search([{ data: [contact('a', '2026-02-02T00:00:00Z'), contact('b', '2026-02-08T10:00:00Z')] }], bodies);
    const step = await runSailor(trigger.process, testConfig('tok_contacts_slices_001', { startTime: '2026-02-01T00:00:00Z', maxPerRun: 1 }));
    assert.deepEqual((bodies[0] as { query: unknown }).query, {
      operator: 'AND',
      value: [
        { field: 'updated_at', operator: '>', value: at('2026-02-01T00:00:00Z') - 1 },
        { field: 'updated_at', operator: '<', value: at('2026-02-09T01:00:00Z') },
      ],
    });
    // b lies past the slice end (2026-02-08T00:00Z): it is left for the slice that owns it.
    assert.deepEqual(ids(step), ['a']);
  });

  it('exports the selectTags model its tag dropdown names', () => {
    assert.equal(typeof trigger.selectTags, 'function');
  });
  it('the debug log names the local day searched: from its midnight, in the workspace timezone, or in UTC when /me names none', async () => {
    me('America/Los_Angeles');
    search([{ data: [] }], []);
    const known = await runSailor(trigger.process, testConfig('tok_contacts_day_000001', { startTime: '2026-03-10T22:00:00Z' }));
    assert.ok(
      known.logs.includes('debug newOrUpdatedContacts: searching contacts with updated_at from 2026-03-10T07:00:00Z (America/Los_Angeles day of 2026-03-10T22:00:00Z)'),
      known.logs.join('\n'),
    );
    me(null);
    search([{ data: [] }], []);
    const unnamed = await runSailor(trigger.process, testConfig('tok_contacts_day_000002', { startTime: '2026-03-10T22:00:00Z' }));
    // No zone: the UTC day, and the day before it (one extra day covers every offset).
    assert.ok(
      unnamed.logs.includes('debug newOrUpdatedContacts: searching contacts with updated_at from 2026-03-09T00:00:00Z (UTC day of 2026-03-10T22:00:00Z)'),
      unnamed.logs.join('\n'),
    );
  });

  it('a search page holding null among the contacts: it is skipped and counted, the others are emitted (reading newest first does not stop at it)', async () => {
    me('UTC');
    search([{ data: [contact('c2', '2026-03-10T22:20:00Z'), null, contact('c1', '2026-03-10T22:10:00Z')] }], []);
    const step = await runSailor(trigger.process, testConfig('tok_contacts_day_000003', { startTime: '2026-03-10T22:00:00Z' }));
    assert.deepEqual(ids(step), ['c1', 'c2']);
    assert.ok(step.logs.includes('warn newOrUpdatedContacts: 1 record(s) without an id or updated_at were skipped'), step.logs.join('\n'));
  });
});
