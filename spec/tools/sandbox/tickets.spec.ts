import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../tools/sandbox';
import { useSandbox } from './helpers';

describe('sandbox: tickets are stateful', () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 1, 8));
  const { api } = useSandbox({ clock, seed: { contacts: 4, tickets: 3 } });
  let admin = '';
  let contact: { id: string; email: string } = { id: '', email: '' };
  let typeId = '';
  let ticketId = '';

  before(async () => {
    admin = (await api().call('GET', '/me')).body.id;
    contact = (await api().call('GET', '/contacts?per_page=1')).body.data[0];
    typeId = (await api().call('GET', '/ticket_types')).body.data[0].id;
  });

  it('create, get and search see the new ticket', async () => {
    const t = await api().call('POST', '/tickets', { ticket_type_id: typeId, contacts: [{ id: contact.id }], ticket_attributes: { _default_title_: 'Broken login' } });
    assert.equal(t.status, 200);
    assert.equal(t.body.type, 'ticket');
    assert.equal(t.body.ticket_state.category, 'submitted');
    assert.equal(t.body.ticket_id, '4');
    ticketId = t.body.id;
    assert.equal((await api().call('GET', `/tickets/${ticketId}`)).body.ticket_attributes._default_title_, 'Broken login');
    const found = await api().call('POST', '/tickets/search', { query: { field: 'title', operator: '~', value: 'login' } });
    assert.equal(found.body.type, 'ticket.list');
    assert.deepEqual(found.body.tickets.map((x: { id: string }) => x.id), [ticketId]);
    const inclusive = await api().call('POST', '/tickets/search', { query: { field: 'created_at', operator: '>=', value: t.body.created_at } });
    assert.equal(inclusive.body.total_count, 1);
    const byCategory = await api().call('POST', '/tickets/search', { query: { field: 'category', operator: '=', value: 'request' } });
    assert.ok(byCategory.body.total_count >= 1);
    assert.equal((await api().call('POST', '/tickets', { ticket_type_id: 'x', contacts: [{ id: contact.id }] })).status, 400);
  });

  it('update changes state (recording a part), assignment and attributes', async () => {
    const states = (await api().call('GET', '/ticket_states')).body.data;
    const resolved = states.find((s: { category: string }) => s.category === 'resolved');
    clock.advance(30_000);
    const u = await api().call('PUT', `/tickets/${ticketId}`, { ticket_state_id: resolved.id, assignee_id: admin, ticket_attributes: { _default_description_: 'Fixed' } });
    assert.equal(u.body.ticket_state.category, 'resolved');
    assert.equal(u.body.open, false);
    assert.equal(u.body.admin_assignee_id, Number(admin));
    assert.equal(u.body.ticket_attributes._default_description_, 'Fixed');
    assert.equal(u.body.ticket_parts.ticket_parts[0].previous_ticket_state, 'submitted');
    const bad = await api().call('PUT', `/tickets/${ticketId}`, { ticket_state_id: '1' });
    assert.equal(bad.body.errors[0].code, 'ticket_state_id_invalid');
    assert.equal((await api().call('PUT', `/tickets/${ticketId}`, { assignee_id: '42' })).body.errors[0].code, 'assignee_not_found');
  });

  it('replies from an admin and from the contact; tags attach and detach', async () => {
    const note = await api().call('POST', `/tickets/${ticketId}/reply`, { type: 'admin', message_type: 'note', admin_id: admin, body: 'internal' });
    assert.equal(note.body.type, 'ticket_part');
    assert.equal(note.body.part_type, 'note');
    const fromUser = await api().call('POST', `/tickets/${ticketId}/reply`, { type: 'user', message_type: 'comment', email: contact.email, body: 'still broken' });
    assert.equal(fromUser.body.author.id, contact.id);
    assert.equal((await api().call('GET', `/tickets/${ticketId}`)).body.ticket_parts.total_count, 3);

    const tag = (await api().call('POST', '/tags', { name: 'Urgent' })).body;
    assert.equal((await api().call('POST', `/tickets/${ticketId}/tags`, { id: tag.id, admin_id: admin })).body.id, tag.id);
    assert.equal((await api().call('DELETE', `/tickets/${ticketId}/tags/${tag.id}`, { admin_id: admin })).body.id, tag.id);
    assert.equal((await api().call('POST', '/tickets/999/tags', { id: tag.id, admin_id: admin })).body.errors[0].code, 'ticket_not_found');
  });

  it('delete removes the ticket', async () => {
    assert.equal((await api().call('DELETE', `/tickets/${ticketId}`)).body.deleted, true);
    assert.equal((await api().call('GET', `/tickets/${ticketId}`)).status, 404);
  });
});
