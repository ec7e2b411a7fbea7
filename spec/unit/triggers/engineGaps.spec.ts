/**
 * The polling engine's edges that earlier tests left open: a closed-conversations poll meeting a record without
 * `statistics`, and a backfill cut at a slice's end while the cursor is already beyond it. nock stands in for
 * the conversation search, honouring its date bounds as the docs describe them (inclusive).
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { settings } from '../../../lib/runtime/settings';
import conversations from '../../../lib/triggers/newOrUpdatedConversations';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

type Filter = { field?: string; operator: string; value: number | string };

/** A stand-in search over `data` that applies the `>`/`<` bounds on updated_at inclusively. */
function searchOver(data: Array<Record<string, unknown>>): nock.Scope {
  return nock(TEST_BASE_URL)
    .post('/conversations/search')
    .times(20)
    .reply((_uri, body) => {
      const query = (body as { query: Filter & { value: unknown } }).query;
      const filters = (Array.isArray(query.value) ? query.value : [query]) as Filter[];
      const items = data.filter((c) => filters.every((f) => f.field !== 'updated_at' || (f.operator === '>' ? (c['updated_at'] as number) >= (f.value as number) : (c['updated_at'] as number) <= (f.value as number))));
      return [200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } }];
    });
}

const conversation = (id: string, updatedIso: string): Record<string, unknown> => ({ type: 'conversation', id, updated_at: at(updatedIso) });

describe('polling engine: gaps left by earlier tests', () => {
  triggerHooks('2026-03-10T23:30:00Z');
  afterEach(() => nock.cleanAll());

  it('closed conversations: a record without statistics is skipped and counted, the others are emitted (no crash reading statistics.last_close_at)', async () => {
    nock(TEST_BASE_URL)
      .post('/conversations/search')
      .reply(200, {
        type: 'conversation.list',
        conversations: [
          { id: '1', state: 'closed', updated_at: at('2026-03-10T22:00:00Z') },
          { id: '2', state: 'closed', updated_at: at('2026-03-10T22:00:00Z'), statistics: { last_close_at: at('2026-03-10T21:00:00Z') } },
        ],
        pages: { type: 'pages' },
      });
    const step = await runSailor(conversations.process, testConfig('tok_engine_gaps_00001', { startTime: '2026-03-10T20:00:00Z', includeOwnChanges: true, emitOn: 'closed' }));
    assert.deepEqual(ids(step), ['2']);
    assert.ok(step.logs.some((l) => l.includes('1 record(s) without an id or statistics.last_close_at were skipped')), step.logs.join('\n'));
  });

  it('a backfill cut at a slice end keeps its floor at that end, even when the cursor is already past it: the record after the cut is emitted next run', async () => {
    // Run 1 (not sliced: the start is under eight days back) emits two of six and reads them all, so the
    // cursor reaches 2026-03-10T22:00 while the floor waits at c3 (2026-03-03T03:00).
    const data = [
      conversation('c1', '2026-03-03T01:00:00Z'),
      conversation('c2', '2026-03-03T02:00:00Z'),
      conversation('c3', '2026-03-03T03:00:00Z'),
      conversation('c4', '2026-03-04T00:00:00Z'),
      conversation('c5', '2026-03-10T12:00:00Z'),
      conversation('c6', '2026-03-10T22:00:00Z'),
    ];
    searchOver(data);
    const cfg = testConfig('tok_engine_gaps_00001', { startTime: '2026-03-03T00:00:00Z', includeOwnChanges: true, maxPerRun: 2 });
    const first = await runSailor(conversations.process, cfg);
    assert.deepEqual(ids(first), ['c1', 'c2']);
    // Run 2, a day and a half later: the floor is now over eight days back, so the read is sliced; the first
    // week (to 2026-03-10T03:00) holds c3 and c4, the maximum, so the run stops there.
    settings.now = () => Date.parse('2026-03-12T12:00:00Z');
    const second = await runSailor(conversations.process, cfg, lastSnapshot(first));
    assert.deepEqual(ids(second), ['c3', 'c4']);
    // Nothing from 2026-03-10T03:00 on was read in run 2: the floor may not pass it, whatever the cursor says.
    assert.equal((lastSnapshot(second) as { floor: number }).floor, at('2026-03-10T03:00:00Z'));
    const third = await runSailor(conversations.process, cfg, lastSnapshot(second));
    assert.deepEqual(ids(third), ['c5', 'c6']);
  });

  it('a record already emitted that comes back still moves the cursor when it lies up to five minutes ahead of this clock (here exactly five), after a damaged cursor was repaired to the floor', async () => {
    const cfg = testConfig('tok_engine_gaps_00001', { startTime: '2026-03-10T22:00:00Z', includeOwnChanges: true });
    const ahead = conversation('a1', '2026-03-10T23:35:00Z');
    nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: [ahead], pages: { type: 'pages' } });
    const first = await runSailor(conversations.process, cfg);
    assert.deepEqual(ids(first), ['a1']);
    // The floor settles at 23:35 minus the 15-minute overlap; a cursor that is no time is repaired to it.
    const damaged: Record<string, unknown> = { ...(lastSnapshot(first) as Record<string, unknown>), cursor: 'not a time' };
    assert.equal(damaged['floor'], at('2026-03-10T23:20:00Z'));
    nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: [ahead], pages: { type: 'pages' } });
    const second = await runSailor(conversations.process, cfg, damaged);
    assert.deepEqual(ids(second), []);
    assert.equal((lastSnapshot(second) as { cursor: number }).cursor, at('2026-03-10T23:35:00Z'));
  });

  it('before a future start time, a record ahead of this clock by more than five minutes (and before the start) never moves the cursor', async () => {
    const cfg = testConfig('tok_engine_gaps_00001', { startTime: '2026-03-12T00:00:00Z', includeOwnChanges: true });
    nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: [], pages: { type: 'pages' } });
    const first = await runSailor(conversations.process, cfg);
    // The floor waits at the start; this snapshot's cursor is behind it, at 22:00 today (readState accepts it).
    const snapshot: Record<string, unknown> = { ...(lastSnapshot(first) as Record<string, unknown>), cursor: at('2026-03-10T22:00:00Z') };
    assert.equal(snapshot['floor'], at('2026-03-12T00:00:00Z'));
    nock(TEST_BASE_URL)
      .post('/conversations/search')
      .reply(200, { type: 'conversation.list', conversations: [conversation('f1', '2026-03-11T06:00:00Z')], pages: { type: 'pages' } });
    const second = await runSailor(conversations.process, cfg, snapshot);
    assert.deepEqual(ids(second), []);
    const cursor = (lastSnapshot(second) as { cursor: number } | undefined)?.cursor ?? snapshot['cursor'];
    assert.equal(cursor, at('2026-03-10T22:00:00Z'));
  });
  /** Records the query of every search the run sends, answering from `data` inclusively (as searchOver does). */
  function recordedSearch(data: Array<Record<string, unknown>>): Array<Filter | { operator: string; value: Filter[] }> {
    const queries: Array<Filter | { operator: string; value: Filter[] }> = [];
    nock(TEST_BASE_URL)
      .post('/conversations/search')
      .times(20)
      .reply((_uri, body) => {
        const query = (body as { query: Filter & { value: unknown } }).query;
        queries.push(query);
        const filters = (Array.isArray(query.value) ? query.value : [query]) as Filter[];
        const items = data.filter((c) => filters.every((f) => f.field !== 'updated_at' || (f.operator === '>' ? (c['updated_at'] as number) >= (f.value as number) : (c['updated_at'] as number) <= (f.value as number))));
        return [200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } }];
      });
    return queries;
  }

  it('a backfill is read in slices only when the first week ends more than a day before now: a start exactly eight days back is read in one search', async () => {
    // Now is 2026-03-10T23:30:00Z: a start at 2026-03-02T23:30:00Z puts the first week's end exactly one day back.
    const exact = recordedSearch([]);
    await runSailor(conversations.process, testConfig('tok_engine_gaps_00001', { startTime: '2026-03-02T23:30:00Z', includeOwnChanges: true }));
    assert.deepEqual(exact, [{ field: 'updated_at', operator: '>', value: at('2026-03-02T23:29:59Z') }]);
    nock.cleanAll();
    // One second earlier the week ends a second before that: a first slice up to it, then the rest.
    const earlier = recordedSearch([]);
    await runSailor(conversations.process, testConfig('tok_engine_gaps_00001', { startTime: '2026-03-02T23:29:59Z', includeOwnChanges: true }));
    assert.deepEqual(earlier, [
      { operator: 'AND', value: [{ field: 'updated_at', operator: '>', value: at('2026-03-02T23:29:58Z') }, { field: 'updated_at', operator: '<', value: at('2026-03-09T23:29:59Z') }] },
      { field: 'updated_at', operator: '>', value: at('2026-03-09T23:29:58Z') },
    ]);
  });

  it('a record exactly at a slice end belongs to the next slice: it does not fill the first one, so the run reads on and knows more are pending', async () => {
    // Start 2026-03-01T00:00Z: the first slice ends at 2026-03-08T00:00Z, and the search returns its end too.
    const queries = recordedSearch([
      conversation('a', '2026-03-01T01:00:00Z'),
      conversation('b', '2026-03-08T00:00:00Z'),
      conversation('c', '2026-03-09T00:00:00Z'),
      conversation('d', '2026-03-10T20:00:00Z'),
    ]);
    const step = await runSailor(conversations.process, testConfig('tok_engine_gaps_00001', { startTime: '2026-03-01T00:00:00Z', includeOwnChanges: true, maxPerRun: 2 }));
    assert.deepEqual(ids(step), ['a', 'b']);
    assert.equal(queries.length, 2, 'the first slice held one record in it (b lies at its end), so the second slice was read');
    assert.ok(
      step.logs.includes('info newOrUpdatedConversations: 2 conversation(s) emitted from 5 read; updated_at cursor 2026-03-10T20:00:00Z; more are pending, the next run continues (maximum 2 per run)'),
      step.logs.join('\n'),
    );
  });
});
