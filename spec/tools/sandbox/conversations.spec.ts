import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../tools/sandbox';
import { useSandbox } from './helpers';

describe('sandbox: conversations are stateful', () => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 9));
  const { api } = useSandbox({ clock, seed: { contacts: 5, conversations: 4 } });
  let admin = '';
  let team = '';
  let contactId = '';
  let conversationId = '';

  before(async () => {
    admin = (await api().call('GET', '/me')).body.id;
    team = (await api().call('GET', '/teams')).body.teams[0].id;
    contactId = (await api().call('GET', '/contacts?per_page=1')).body.data[0].id;
  });

  it('create answers the user message; the conversation is then listed, fetched and searchable', async () => {
    const msg = await api().call('POST', '/conversations', { from: { type: 'user', id: contactId }, body: 'Where is my order?' });
    assert.equal(msg.status, 200);
    assert.equal(msg.body.type, 'user_message');
    assert.equal(msg.body.message_type, 'inapp');
    conversationId = msg.body.conversation_id;
    const conv = (await api().call('GET', `/conversations/${conversationId}`)).body;
    assert.equal(conv.state, 'open');
    assert.equal(conv.source.body, '<p>Where is my order?</p>');
    assert.deepEqual(conv.contacts.contacts.map((c: { id: string }) => c.id), [contactId]);
    assert.equal(conv.conversation_parts.total_count, 0);
    const list = await api().call('GET', '/conversations?per_page=150');
    assert.equal(list.body.total_count, 5);
    assert.ok(list.body.conversations.some((c: { id: string }) => c.id === conversationId));
    const found = await api().call('POST', '/conversations/search', { query: { field: 'contact_ids', operator: '=', value: contactId } });
    assert.ok(found.body.conversations.some((c: { id: string }) => c.id === conversationId));
    assert.equal((await api().call('POST', '/conversations', { from: { type: 'user', id: 'nobody' }, body: 'x' })).status, 404);
  });

  it('reply, close, snooze, open and assignment each add a part and change the state', async () => {
    clock.advance(60_000);
    const replied = await api().call('POST', `/conversations/${conversationId}/reply`, { type: 'admin', message_type: 'comment', admin_id: admin, body: 'On its way' });
    assert.equal(replied.body.conversation_parts.conversation_parts[0].part_type, 'comment');
    assert.equal(replied.body.conversation_parts.conversation_parts[0].author.id, admin);
    assert.equal(replied.body.updated_at, Math.floor(clock.now() / 1000));

    const closed = await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'close', type: 'admin', admin_id: admin });
    assert.equal(closed.body.state, 'closed');
    assert.equal(closed.body.open, false);
    const userReply = await api().call('POST', `/conversations/${conversationId}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: contactId, body: 'Thanks!' });
    assert.equal(userReply.body.state, 'open', 'a user reply reopens');

    const until = Math.floor(clock.now() / 1000) + 3600;
    const snoozed = await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'snoozed', admin_id: admin, snoozed_until: until });
    assert.equal(snoozed.body.state, 'snoozed');
    assert.equal(snoozed.body.snoozed_until, until);
    const opened = await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'open', admin_id: admin });
    assert.equal(opened.body.state, 'open');

    const assigned = await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'assignment', type: 'team', admin_id: admin, assignee_id: team });
    assert.equal(assigned.body.team_assignee_id, Number(team));
    const parts = assigned.body.conversation_parts.conversation_parts;
    assert.deepEqual(parts.map((p: { part_type: string }) => p.part_type), ['comment', 'close', 'comment', 'snoozed', 'open', 'assignment']);
    assert.deepEqual(parts.at(-1).assigned_to, { type: 'team', id: team });

    assert.equal((await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'dance', admin_id: admin })).status, 400);
    assert.equal((await api().call('POST', `/conversations/${conversationId}/parts`, { message_type: 'close', type: 'admin', admin_id: '1' })).body.errors[0].code, 'admin_not_found');
  });

  it('tags attach and detach; update and contacts change the record', async () => {
    const tag = (await api().call('POST', '/tags', { name: 'Shipping' })).body;
    const applied = await api().call('POST', `/conversations/${conversationId}/tags`, { id: tag.id, admin_id: admin });
    assert.equal(applied.body.applied_by.id, admin);
    assert.equal((await api().call('GET', `/conversations/${conversationId}`)).body.tags.tags[0].name, 'Shipping');
    const byTag = await api().call('POST', '/conversations/search', { query: { field: 'tag_ids', operator: 'IN', value: [tag.id] } });
    assert.equal(byTag.body.total_count, 1);
    await api().call('DELETE', `/conversations/${conversationId}/tags/${tag.id}`, { admin_id: admin });
    assert.equal((await api().call('GET', `/conversations/${conversationId}`)).body.tags.tags.length, 0);
    assert.equal((await api().call('DELETE', `/conversations/${conversationId}/tags/${tag.id}`, { admin_id: admin })).body.errors[0].code, 'tag_not_found');

    const updated = await api().call('PUT', `/conversations/${conversationId}`, { read: true, title: 'Order', custom_attributes: { order_number: 'A-1' } });
    assert.equal(updated.body.title, 'Order');
    assert.equal(updated.body.custom_attributes.order_number, 'A-1');

    const other = (await api().call('GET', '/contacts?per_page=2')).body.data[1];
    const withTwo = await api().call('POST', `/conversations/${conversationId}/customers`, { admin_id: admin, customer: { intercom_user_id: other.id } });
    assert.equal(withTwo.body.contacts.contacts.length, 2);
    const withOne = await api().call('DELETE', `/conversations/${conversationId}/customers/${other.id}`, { admin_id: admin });
    assert.equal(withOne.body.contacts.contacts.length, 1);
  });

  it('redacts a part and the source', async () => {
    const conv = (await api().call('GET', `/conversations/${conversationId}`)).body;
    const part = conv.conversation_parts.conversation_parts[0];
    const r = await api().call('POST', '/conversations/redact', { type: 'conversation_part', conversation_id: conversationId, conversation_part_id: part.id });
    assert.equal(r.body.conversation_parts.conversation_parts[0].redacted, true);
    assert.equal(r.body.conversation_parts.conversation_parts[0].body, '');
    const s = await api().call('POST', '/conversations/redact', { type: 'source', conversation_id: conversationId, source_id: conv.source.id });
    assert.equal(s.body.source.redacted, true);
    const missing = await api().call('POST', '/conversations/redact', { type: 'source', conversation_id: conversationId, source_id: '1' });
    assert.equal(missing.body.errors[0].code, 'conversation_part_or_message_not_found');
  });

  it('delete: gone from get/list, present in /conversations/deleted', async () => {
    const del = await api().call('DELETE', `/conversations/${conversationId}`);
    assert.deepEqual(del.body, { id: conversationId, object: 'conversation', deleted: true });
    assert.equal((await api().call('GET', `/conversations/${conversationId}`)).status, 404);
    assert.equal((await api().call('GET', '/conversations')).body.total_count, 4);
    const deleted = await api().call('GET', '/conversations/deleted');
    assert.equal(deleted.body.conversations[0].id, conversationId);
    assert.equal(deleted.body.conversations[0].deleted_at, Math.floor(clock.now() / 1000));
  });

  it('a reply keeps its attachment_files as upload attachments with the decoded size; bad files are refused', async () => {
    const files = [
      { name: 'a.txt', content_type: 'text/plain', data: 'aGVsbG8=' },
      { name: 'b.bin', content_type: 'application/octet-stream', data: '' },
    ];
    conversationId = (await api().call('POST', '/conversations', { from: { type: 'user', id: contactId }, body: 'Files follow' })).body.conversation_id;
    const replied = await api().call('POST', `/conversations/${conversationId}/reply`, { type: 'admin', message_type: 'note', admin_id: admin, body: 'files', attachment_files: files });
    assert.equal(replied.status, 200);
    const part = replied.body.conversation_parts.conversation_parts.at(-1);
    assert.deepEqual(
      part.attachments.map((a: { name: string; content_type: string; filesize: number; type: string }) => [a.type, a.name, a.content_type, a.filesize]),
      [
        ['upload', 'a.txt', 'text/plain', 5],
        ['upload', 'b.bin', 'application/octet-stream', 0],
      ],
    );
    const tooMany = Array.from({ length: 11 }, () => files[0]);
    assert.equal((await api().call('POST', `/conversations/${conversationId}/reply`, { type: 'admin', message_type: 'note', admin_id: admin, body: 'x', attachment_files: tooMany })).status, 400);
    const notBase64 = await api().call('POST', `/conversations/${conversationId}/reply`, { type: 'admin', message_type: 'note', admin_id: admin, body: 'x', attachment_files: [{ name: 'x', content_type: 'text/plain', data: 'not base64!' }] });
    assert.equal(notBase64.status, 400);
    assert.match(notBase64.text, /attachment_files\[0\]\.data must be base64/);
  });
});
