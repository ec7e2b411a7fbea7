/**
 * nock, not the sandbox: search pages scripted per case and every search body recorded.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/newOrUpdatedConversations';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

function searchOnce(items: unknown[], bodies: unknown[]): nock.Scope {
  return nock(TEST_BASE_URL)
    .post('/conversations/search', (body: unknown) => {
      bodies.push(body);
      return true;
    })
    .reply(200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } });
}

// These cases script the search only: loop prevention (a GET per conversation) is off; it has its own spec.
const cfg = (extra: Record<string, unknown>): Record<string, unknown> => testConfig('tok_conversations_000001', { startTime: '2026-03-10T20:00:00Z', includeOwnChanges: true, ...extra });

describe('trigger newOrUpdatedConversations', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('new and updated: searches /conversations/search with updated_at > floor - 1 at 150 per page', async () => {
    const bodies: unknown[] = [];
    searchOnce([], bodies);
    await runSailor(trigger.process, cfg({}));
    assert.deepEqual(bodies[0], { query: { field: 'updated_at', operator: '>', value: at('2026-03-10T20:00:00Z') - 1 }, pagination: { per_page: 150 } });
  });

  it('closed: searches state = closed and follows statistics.last_close_at, so each closing is emitted once and a reopen-and-close again is emitted again', async () => {
    const closed = (id: string, closeIso: string): Record<string, unknown> => ({ id, state: 'closed', updated_at: at('2026-03-10T23:00:00Z'), statistics: { last_close_at: at(closeIso) } });
    const bodies: unknown[] = [];
    searchOnce([closed('1', '2026-03-10T21:00:00Z'), closed('2', '2026-03-10T19:00:00Z')], bodies);
    const first = await runSailor(trigger.process, cfg({ emitOn: 'closed' }));
    assert.deepEqual(bodies[0], {
      query: {
        operator: 'AND',
        value: [
          { field: 'statistics.last_close_at', operator: '>', value: at('2026-03-10T20:00:00Z') - 1 },
          { field: 'state', operator: '=', value: 'closed' },
        ],
      },
      pagination: { per_page: 150 },
    });
    assert.deepEqual(ids(first), ['1'], 'closed before the start time: not emitted');
    searchOnce([closed('1', '2026-03-10T21:00:00Z')], bodies);
    const again = await runSailor(trigger.process, cfg({ emitOn: 'closed' }), lastSnapshot(first));
    assert.deepEqual(ids(again), []);
    searchOnce([closed('1', '2026-03-10T23:10:00Z')], bodies);
    const reclosed = await runSailor(trigger.process, cfg({ emitOn: 'closed' }), lastSnapshot(first));
    assert.deepEqual(ids(reclosed), ['1']);
  });

  it('state is …: adds state = <state> and the assignee filters (ids from the selectAdmins/selectTeams dropdowns)', async () => {
    const bodies: unknown[] = [];
    searchOnce([], bodies);
    await runSailor(trigger.process, cfg({ emitOn: 'state', state: 'snoozed', adminAssigneeId: '991', teamAssigneeId: '5' }));
    assert.deepEqual((bodies[0] as { query: unknown }).query, {
      operator: 'AND',
      value: [
        { field: 'updated_at', operator: '>', value: at('2026-03-10T20:00:00Z') - 1 },
        { field: 'state', operator: '=', value: 'snoozed' },
        { field: 'admin_assignee_id', operator: '=', value: '991' },
        { field: 'team_assignee_id', operator: '=', value: '5' },
      ],
    });
    assert.equal(typeof trigger.selectAdmins, 'function');
    assert.equal(typeof trigger.selectTeams, 'function');
  });

  it('state is … without a state is a configuration error raised before any request', async () => {
    await assert.rejects(runSailor(trigger.process, cfg({ emitOn: 'state' })), /Step field "state" must be one of open, closed, snoozed/);
  });

  it('new only: follows created_at', async () => {
    const bodies: unknown[] = [];
    searchOnce([{ id: '1', created_at: at('2026-03-10T21:00:00Z'), updated_at: at('2026-03-10T22:00:00Z') }], bodies);
    const step = await runSailor(trigger.process, cfg({ emitOn: 'new' }));
    assert.equal((bodies[0] as { query: { field: string } }).query.field, 'created_at');
    assert.equal((lastSnapshot(step) as { cursor: number }).cursor, at('2026-03-10T21:00:00Z'));
  });
});
