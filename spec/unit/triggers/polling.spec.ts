/**
 * nock, not the sandbox: search pages with the edge cases Intercom produces (unsorted pages, late-indexed records,
 * boundary duplicates) scripted per case, every search body recorded.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { settings } from '../../../lib/runtime/settings';
import conversations from '../../../lib/triggers/newOrUpdatedConversations';
import { at, eventOrder, FakeStep, ids, lastSnapshot, runFerryman, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const conversation = (id: string, updatedIso: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'conversation',
  id,
  created_at: at('2026-01-01T00:00:00Z'),
  updated_at: at(updatedIso),
  ...extra,
});

/** Answers each conversation search with the next page of `pages`, recording the bodies. */
function searches(pages: Array<{ items: unknown[]; next?: string }>, bodies: unknown[] = []): nock.Scope {
  const scope = nock(TEST_BASE_URL);
  for (const page of pages) {
    scope
      .post('/conversations/search', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .reply(200, { type: 'conversation.list', conversations: page.items, pages: { type: 'pages', ...(page.next ? { next: { starting_after: page.next } } : {}) } });
  }
  return scope;
}

const START = '2026-03-10T20:00:00Z';
// These cases script the search only: loop prevention (a GET per conversation) is off; it has its own spec.
const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_polling_engine_0001', { startTime: START, includeOwnChanges: true, ...extra });

describe('polling triggers: cursor, snapshot and delivery rules', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('emits one message per record, oldest first, although Intercom returns them unsorted across pages', async () => {
    searches([
      { items: [conversation('30', '2026-03-10T21:30:00Z'), conversation('10', '2026-03-10T21:10:00Z')], next: 'p2' },
      { items: [conversation('5', '2026-03-10T21:50:00Z'), conversation('20', '2026-03-10T21:10:00Z')] },
    ]);
    const step = await runSailor(conversations.process, cfg());
    assert.deepEqual(ids(step), ['10', '20', '30', '5']);
    assert.equal(step.events('data').length, 4);
  });

  it('emits the snapshot only after every record it covers was emitted', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T22:00:00Z')] }]);
    const step = await runSailor(conversations.process, cfg());
    assert.deepEqual(eventOrder(step), ['data', 'data', 'snapshot']);
  });

  it('a failed emit leaves the snapshot untouched (none emitted), and the next run repeats the window', async () => {
    const page = [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T22:00:00Z')];
    searches([{ items: page }, { items: page }]);
    const failing = new FakeStep();
    failing.failEmitOn = (event, payload) => event === 'data' && (payload as { body: { id: string } }).body.id === '2';
    await assert.rejects(runSailor(conversations.process, cfg(), {}, failing), /emit data failed/);
    assert.deepEqual(failing.events('snapshot'), []);
    // The platform keeps the old (here: empty) snapshot; the next run emits both records again.
    const retry = await runSailor(conversations.process, cfg(), {});
    assert.deepEqual(ids(retry), ['1', '2']);
    assert.equal((lastSnapshot(retry) as { cursor: number }).cursor, at('2026-03-10T22:00:00Z'));
  });

  it('a run that fails at Intercom emits no record and no snapshot; the error names the trigger', async () => {
    nock(TEST_BASE_URL).post('/conversations/search').times(4).reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'boom' }] });
    const step = new FakeStep();
    await assert.rejects(runSailor(conversations.process, cfg(), {}, step), /Intercom 500 server_error: boom.*newOrUpdatedConversations/);
    assert.deepEqual(step.emitted, []);
  });

  it('rate-limit exhaustion hands the message back (rebound) without emitting records or a snapshot', async () => {
    settings.maxRateLimitRetries = 0;
    try {
      nock(TEST_BASE_URL).post('/conversations/search').reply(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] });
      const step = await runSailor(conversations.process, cfg());
      assert.deepEqual(eventOrder(step), ['rebound']);
    } finally {
      settings.maxRateLimitRetries = 5;
    }
  });

  it('each (id, updated_at) is emitted once across runs; a later update of the same record is emitted again', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }]);
    const first = await runSailor(conversations.process, cfg());
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }]);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), []);
    assert.deepEqual(second.events('snapshot'), [], 'an unchanged state is not emitted again');
    searches([{ items: [conversation('1', '2026-03-10T23:00:00Z')] }]);
    const third = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(third), ['1']);
  });

  it('boundary duplicate: search `>` returns the cursor second again; records already emitted there are dropped, new ones at that second are emitted', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T21:00:00Z')] }]);
    const first = await runSailor(conversations.process, cfg({ maxPerRun: 1 }));
    assert.deepEqual(ids(first), ['1']);
    const bodies: unknown[] = [];
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T21:00:00Z'), conversation('3', '2026-03-10T21:00:00Z')] }], bodies);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['2', '3']);
    // Asked from one second before the floor (cursor - 15 min overlap), whichever way Intercom reads `>`.
    assert.deepEqual((bodies[0] as { query: unknown }).query, { field: 'updated_at', operator: '>', value: at('2026-03-10T20:45:00Z') - 1 });
  });

  it('overlap window: a record Intercom indexed late (older than the cursor, within the overlap) is emitted; re-read ones are not', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T21:20:00Z')] }]);
    const first = await runSailor(conversations.process, cfg());
    assert.deepEqual(lastSnapshot(first), {
      v: 2,
      scope: (lastSnapshot(first) as { scope: string }).scope,
      start: at(START),
      floor: at('2026-03-10T21:05:00Z'),
      cursor: at('2026-03-10T21:20:00Z'),
      seen: [[15 * 60, '2']],
    });
    searches([
      {
        items: [
          conversation('1', '2026-03-10T21:00:00Z'), // before the floor: settled
          conversation('late', '2026-03-10T21:10:00Z'), // inside the overlap, not seen before
          conversation('2', '2026-03-10T21:20:00Z'), // already emitted
          conversation('3', '2026-03-10T21:25:00Z'),
        ],
      },
    ]);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['late', '3']);
    // Floor 21:10 (cursor 21:25 - 15 min): late at +0 s, 2 at +600 s, 3 at +900 s.
    assert.equal((lastSnapshot(second) as { floor: number }).floor, at('2026-03-10T21:10:00Z'));
    assert.deepEqual((lastSnapshot(second) as { seen: unknown }).seen, [[0, 'late'], [600, '2'], [900, '3']]);
  });

  it('backfill larger than the per-run maximum continues where it stopped on the next run, nothing twice, nothing lost', async () => {
    const all = [
      conversation('a', '2026-03-01T10:00:00Z'),
      conversation('b', '2026-03-02T10:00:00Z'),
      conversation('c', '2026-03-02T10:00:00Z'),
      conversation('d', '2026-03-03T10:00:00Z'),
      conversation('e', '2026-03-04T10:00:00Z'),
    ];
    const backfill = (extra: Record<string, unknown> = {}): Record<string, unknown> => cfg({ startTime: '2026-03-01T00:00:00Z', maxPerRun: 2, ...extra });
    const perRun: string[][] = [];
    const logs: string[][] = [];
    let snapshot: unknown = {};
    for (let run = 0; run < 4; run++) {
      // Intercom returns the whole window each time, in its own order.
      searches([{ items: [...all].reverse() }]);
      const step = await runSailor(conversations.process, backfill(), snapshot);
      perRun.push(ids(step));
      logs.push(step.logs);
      snapshot = lastSnapshot(step) ?? snapshot;
    }
    // b and c share one second: the first run stops between them and the second run starts with c.
    assert.deepEqual(perRun, [['a', 'b'], ['c', 'd'], ['e'], []]);
    assert.ok(logs[0]?.some((l) => l.includes('more are pending')));
    assert.ok(!logs[2]?.some((l) => l.includes('more are pending')));
  });

  it('a long backfill is read in time slices (a week, then doubling) and a run stops reading once it holds its maximum', async () => {
    const data = [conversation('r1', '2026-01-03T00:00:00Z'), conversation('r2', '2026-01-20T00:00:00Z'), conversation('r3', '2026-02-25T00:00:00Z'), conversation('r4', '2026-03-10T00:00:00Z')];
    const bodies: Array<{ query: { value: Array<{ operator: string; value: number }> | number } }> = [];
    // A stand-in that honours the date bounds, inclusively as the docs describe them.
    nock(TEST_BASE_URL)
      .post('/conversations/search')
      .times(10)
      .reply((_uri, body) => {
        const request = body as (typeof bodies)[number];
        bodies.push(request);
        const filters = Array.isArray(request.query.value) ? request.query.value : [request.query as unknown as { operator: string; value: number }];
        const items = data.filter((c) => filters.every((f) => (f.operator === '>' ? (c['updated_at'] as number) >= f.value : (c['updated_at'] as number) <= f.value)));
        return [200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } }];
      });
    const backfill = cfg({ startTime: '2026-01-01T00:00:00Z', maxPerRun: 2 });
    const first = await runSailor(conversations.process, backfill);
    assert.deepEqual(ids(first), ['r1', 'r2']);
    const bounds = (b: (typeof bodies)[number]): unknown => (Array.isArray(b.query.value) ? b.query.value.map((f) => `${f.operator}${new Date(f.value * 1000).toISOString()}`) : b.query);
    assert.deepEqual(bodies.map(bounds), [
      ['>2025-12-31T23:59:59.000Z', '<2026-01-08T00:00:00.000Z'],
      ['>2026-01-07T23:59:59.000Z', '<2026-01-22T00:00:00.000Z'],
    ]);
    bodies.length = 0;
    const second = await runSailor(conversations.process, backfill, lastSnapshot(first));
    assert.deepEqual(ids(second), ['r3', 'r4']);
    // Slices of one, two, then (reaching now) an open end.
    assert.equal(bodies.length, 3);
    assert.deepEqual((bodies[2]?.query as unknown as { field: string; operator: string }).operator, '>');
  });

  it('first run without a start time starts now: nothing older is emitted and the start is saved in the snapshot', async () => {
    searches([{ items: [conversation('old', '2026-03-10T23:00:00Z'), conversation('new', '2026-03-10T23:30:00Z')] }]);
    const step = await runSailor(conversations.process, testConfig('tok_polling_engine_0001', { includeOwnChanges: true }));
    assert.deepEqual(ids(step), ['new']);
    assert.equal((lastSnapshot(step) as { start: number }).start, at('2026-03-10T23:30:00Z'));
  });

  it('a changed start time starts over from it; a changed filter continues from the cursor under the new filter', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }]);
    const first = await runSailor(conversations.process, cfg());
    const bodies: unknown[] = [];
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }], bodies);
    const restarted = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T18:00:00Z' }), lastSnapshot(first));
    assert.deepEqual(ids(restarted), ['1']);
    searches([{ items: [] }], bodies);
    const refiltered = await runSailor(conversations.process, cfg({ adminAssigneeId: '42' }), lastSnapshot(first));
    assert.deepEqual((bodies[1] as { query: { value: unknown[] } }).query.value[0], { field: 'updated_at', operator: '>', value: at('2026-03-10T21:00:00Z') - 1 });
    assert.equal((lastSnapshot(refiltered) as { start: number }).start, at(START));
  });

  it('under ferryman: the snapshot comes from the snapshot service argument and records go out as {data, metadata}', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }]);
    const first = await runFerryman(conversations.process, cfg());
    const [message] = first.events('data') as Array<{ data: { id: string }; metadata: unknown }>;
    assert.equal(message?.data.id, '1');
    // The tick's oihUid is not the record's: a trigger's records carry their own Intercom id only.
    assert.deepEqual(message?.metadata, { recordUid: '1' });
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), conversation('2', '2026-03-10T21:30:00Z')] }]);
    const second = await runFerryman(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(second.events('data').map((m) => (m as { data: { id: string } }).data.id), ['2']);
  });

  it('a record with updated_at in milliseconds, 1e20, negative or ten years ahead is named in a warning, not emitted, and never moves the cursor: later runs still emit', async () => {
    const bad = [
      conversation('in-ms', '2026-03-10T21:05:00Z', { updated_at: at('2026-03-10T21:05:00Z') * 1000 }),
      conversation('huge', '2026-03-10T21:05:00Z', { updated_at: 1e20 }),
      conversation('negative', '2026-03-10T21:05:00Z', { updated_at: -5 }),
      conversation('ten-years-ahead', '2026-03-10T21:05:00Z', { updated_at: at('2036-03-10T21:05:00Z') }),
    ];
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), ...bad] }]);
    const first = await runSailor(conversations.process, cfg());
    assert.deepEqual(ids(first), ['1']);
    const warnings = first.logs.filter((l) => l.startsWith('warn')).join('\n');
    for (const id of ['in-ms', 'huge', 'negative', 'ten-years-ahead']) assert.ok(warnings.includes(id), `${id} is not named: ${warnings}`);
    assert.match(warnings, /milliseconds/);
    assert.equal((lastSnapshot(first) as { cursor: number }).cursor, at('2026-03-10T21:00:00Z'));
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z'), ...bad, conversation('2', '2026-03-10T21:30:00Z')] }]);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['2']);
  });

  it('a record a little ahead of this clock (within 5 minutes) is emitted; one further ahead is held back until its time comes, then emitted once', async () => {
    const ahead = conversation('ahead', '2026-03-10T23:40:00Z');
    searches([{ items: [conversation('skewed', '2026-03-10T23:33:00Z'), ahead] }]);
    const first = await runSailor(conversations.process, cfg());
    assert.deepEqual(ids(first), ['skewed']);
    settings.now = () => Date.parse('2026-03-10T23:41:00Z');
    searches([{ items: [conversation('skewed', '2026-03-10T23:33:00Z'), ahead] }]);
    const second = await runSailor(conversations.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['ahead']);
  });

  it('a crafted snapshot (floor and cursor 1e20) is reported and repaired, never a RangeError: the last overlap window is read again', async () => {
    searches([{ items: [] }]);
    const first = await runSailor(conversations.process, cfg());
    const { scope } = lastSnapshot(first) as { scope: string };
    // The v1 format the previous release wrote, as a crafted or corrupted copy would arrive.
    const crafted = { v: 1, scope, start: at(START), floor: 1e20, cursor: 1e20, idsAtCursor: [], recent: { x: 1e20 } };
    const bodies: unknown[] = [];
    searches([{ items: [conversation('old', '2026-03-10T22:00:00Z'), conversation('recent', '2026-03-10T23:25:00Z')] }], bodies);
    const step = await runSailor(conversations.process, cfg(), crafted);
    assert.ok(step.logs.some((l) => l.startsWith('warn') && l.includes('snapshot was damaged') && l.includes('floor 100000000000000000000')), step.logs.join('\n'));
    // Repaired to the start of the overlap window (15 min) and the clock margin (1 min) before now (23:30).
    assert.deepEqual((bodies[0] as { query: unknown }).query, { field: 'updated_at', operator: '>', value: at('2026-03-10T23:14:00Z') - 1 });
    assert.deepEqual(ids(step), ['recent']);
    assert.ok((lastSnapshot(step) as { floor: number }).floor <= at('2026-03-10T23:30:00Z'));
  });

  describe('a snapshot whose start or floor lies in the future is repaired, whatever wrote it', () => {
    // 1e11 s is the year 5138: a plausible Unix time, so only "in the future" can catch it.
    const YEAR_5138 = 100_000_000_000;
    const scopeOf = async (config: Record<string, unknown>): Promise<string> => {
      searches([{ items: [] }]);
      return (lastSnapshot(await runSailor(conversations.process, config)) as { scope: string }).scope;
    };
    const warnings = (step: FakeStep): string => step.logs.filter((l) => l.startsWith('warn')).join('\n');

    it('without a start time: start and floor in 5138 are reset with a warning naming each, and three runs emit what changed', async () => {
      const config = testConfig('tok_polling_engine_0001', { includeOwnChanges: true });
      const crafted = { v: 2, scope: await scopeOf(config), start: YEAR_5138, floor: YEAR_5138, cursor: YEAR_5138, seen: [] };
      let snapshot: unknown = crafted;
      const emitted: string[] = [];
      for (const [n, minute] of [[1, '20'], [2, '31'], [3, '32']] as const) {
        settings.now = () => Date.parse(`2026-03-10T23:${minute}:30Z`);
        searches([{ items: [conversation(`c${n}`, `2026-03-10T23:${minute}:00Z`)] }]);
        const step = await runSailor(conversations.process, config, snapshot);
        if (n === 1) {
          assert.match(warnings(step), /snapshot was damaged and is repaired: start 100000000000 \(5138-11-16T09:46:40Z\) lies in the future; repaired to .*; floor 100000000000 \(5138-11-16T09:46:40Z\) lies in the future; repaired to/);
        }
        emitted.push(...ids(step));
        snapshot = lastSnapshot(step) ?? snapshot;
      }
      assert.deepEqual(emitted, ['c1', 'c2', 'c3']);
      assert.ok((snapshot as { start: number }).start < YEAR_5138);
    });

    it('with a start time in the past: the future start is reset to it (no second backfill), the floor to the overlap window', async () => {
      const crafted = { v: 2, scope: await scopeOf(cfg()), start: YEAR_5138, floor: YEAR_5138, cursor: YEAR_5138, seen: [] };
      const bodies: unknown[] = [];
      searches([{ items: [conversation('recent', '2026-03-10T23:25:00Z')] }], bodies);
      const step = await runSailor(conversations.process, cfg(), crafted);
      assert.match(warnings(step), new RegExp(`start 100000000000 \\(5138-11-16T09:46:40Z\\) lies in the future; repaired to ${at(START)} \\(2026-03-10T20:00:00Z\\)`));
      assert.match(warnings(step), /floor 100000000000 \(5138-11-16T09:46:40Z\) lies in the future/);
      assert.deepEqual((bodies[0] as { query: unknown }).query, { field: 'updated_at', operator: '>', value: at('2026-03-10T23:14:00Z') - 1 });
      assert.deepEqual(ids(step), ['recent']);
    });

    it('with a start time in the future (the user\'s choice), the floor waits there without a warning; a floor beyond it is reset to it', async () => {
      const future = '2026-04-01T00:00:00Z';
      const config = cfg({ startTime: future });
      const scope = await scopeOf(config);
      searches([{ items: [] }]);
      const waiting = await runSailor(conversations.process, config, { v: 2, scope, start: at(future), floor: at(future), cursor: at(future), seen: [] });
      assert.equal(warnings(waiting), '');
      searches([{ items: [] }]);
      const beyond = await runSailor(conversations.process, config, { v: 2, scope, start: at(future), floor: YEAR_5138, cursor: YEAR_5138, seen: [] });
      assert.match(warnings(beyond), new RegExp(`floor 100000000000 \\(5138-11-16T09:46:40Z\\) lies in the future; repaired to ${at(future)}`));
      assert.equal((lastSnapshot(beyond) as { floor: number }).floor, at(future));
    });
  });

  it('an unreadable snapshot is treated as a first run and a bad step field fails before any request', async () => {
    searches([{ items: [conversation('1', '2026-03-10T21:00:00Z')] }]);
    const step = await runSailor(conversations.process, cfg(), { v: 99, junk: true });
    assert.deepEqual(ids(step), ['1']);
    await assert.rejects(runSailor(conversations.process, cfg({ maxPerRun: 'lots' })), /Step field "maxPerRun" must be a whole number/);
    await assert.rejects(runSailor(conversations.process, cfg({ startTime: 'yesterday' })), /Step field "startTime" must be an ISO 8601/);
  });
});
