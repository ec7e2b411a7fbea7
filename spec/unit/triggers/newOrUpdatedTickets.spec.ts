/**
 * nock, not the sandbox: search pages scripted per case and every search body recorded.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/newOrUpdatedTickets';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const ticket = (id: string, updatedIso: string): Record<string, unknown> => ({ type: 'ticket', id, created_at: at('2026-01-01T00:00:00Z'), updated_at: at(updatedIso) });

function searchOnce(items: unknown[], bodies: unknown[], next?: string): nock.Scope {
  return nock(TEST_BASE_URL)
    .post('/tickets/search', (body: unknown) => {
      bodies.push(body);
      return true;
    })
    .reply(200, { type: 'ticket.list', tickets: items, pages: { type: 'pages', ...(next ? { next: { starting_after: next } } : {}) } });
}

const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_tickets_000000001', { startTime: '2026-03-10T20:00:00Z', ...extra });

describe('trigger newOrUpdatedTickets', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('searches /tickets/search (updated_at > floor - 1, ticket type and assignee filters), reads every page from `tickets`', async () => {
    const bodies: unknown[] = [];
    searchOnce([ticket('2', '2026-03-10T21:00:00Z')], bodies, 'next-1');
    searchOnce([ticket('1', '2026-03-10T20:30:00Z')], bodies);
    const step = await runSailor(trigger.process, cfg({ ticketTypeId: '100', teamAssigneeId: '7' }));
    assert.deepEqual(bodies[0], {
      query: {
        operator: 'AND',
        value: [
          { field: 'updated_at', operator: '>', value: at('2026-03-10T20:00:00Z') - 1 },
          { field: 'ticket_type_id', operator: '=', value: '100' },
          { field: 'team_assignee_id', operator: '=', value: '7' },
        ],
      },
      pagination: { per_page: 150 },
    });
    assert.deepEqual((bodies[1] as { pagination: unknown }).pagination, { per_page: 150, starting_after: 'next-1' });
    assert.deepEqual(ids(step), ['1', '2']);
    assert.equal(typeof trigger.selectTicketTypes, 'function');
  });

  it('boundary duplicate: a ticket at the cursor second returned again by the inclusive `>` is not emitted twice', async () => {
    const bodies: unknown[] = [];
    searchOnce([ticket('1', '2026-03-10T21:00:00Z')], bodies);
    const first = await runSailor(trigger.process, cfg());
    searchOnce([ticket('1', '2026-03-10T21:00:00Z'), ticket('2', '2026-03-10T21:00:00Z')], bodies);
    const second = await runSailor(trigger.process, cfg(), lastSnapshot(first));
    assert.deepEqual(ids(second), ['2']);
  });
});
