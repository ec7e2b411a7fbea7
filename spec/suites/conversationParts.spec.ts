import assert from 'node:assert/strict';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { ManualClock, startSandbox, type SandboxHandle } from '../../tools/sandbox';
import { FakeStep, loadModule, manifest, tuneRuntime } from './helpers';

/**
 * Conversation parts and loop prevention against the sandbox: parts are written through the API between runs
 * and the expected parts are the ones those writes returned, not what the trigger computes.
 */
const START = Date.UTC(2026, 2, 10, 12, 0, 0);
const TOKEN = 'tok_parts_suite_0000001';

interface Part {
  id: string;
  part_type: string;
  author: { type: string; id: string };
  conversation_id?: string;
}

describe('conversation parts and loop prevention (against the sandbox)', function () {
  this.timeout(60_000);
  const clock = new ManualClock(START);
  let sb: SandboxHandle;
  let restore: () => void;
  let me: string;
  let other: string;
  let conversations: string[];

  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const r = await fetch(`${sb.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Intercom-Version': INTERCOM_API_VERSION, Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.equal(r.status, 200, await r.clone().text());
    return (await r.json()) as Record<string, unknown>;
  };
  /** An admin reply, answered with the conversation; the new part is the last one. */
  const reply = async (conversationId: string, adminId: string, text: string, messageType = 'comment'): Promise<string> => {
    const conversation = await call('POST', `/conversations/${conversationId}/reply`, { type: 'admin', message_type: messageType, admin_id: adminId, body: text });
    const parts = (conversation['conversation_parts'] as { conversation_parts: Part[] }).conversation_parts;
    return (parts[parts.length - 1] as Part).id;
  };
  const run = async (key: string, cfg: Record<string, unknown>, snapshot: unknown = {}): Promise<FakeStep> => {
    const mod = loadModule(manifest().triggers[key]?.main ?? '');
    const step = new FakeStep();
    await (mod.process).call(step, { body: {}, headers: {}, attachments: {}, metadata: {} }, { accessToken: TOKEN, baseUrl: sb.url, ...cfg }, snapshot);
    return step;
  };
  const lastSnapshot = (step: FakeStep): unknown => step.events('snapshot').at(-1);
  const partIds = (step: FakeStep): string[] => step.bodies().map((b) => (b as Part).id);

  before(async () => {
    sb = await startSandbox({ clock, seed: { conversations: 4, admins: 3 } });
    restore = tuneRuntime({ now: () => clock.now() });
    me = String((await call('GET', '/me'))['id']);
    other = sb.state.admins.map((a) => a.id).find((id) => id !== me) ?? '';
    conversations = ((await call('POST', '/conversations/search', { query: { field: 'updated_at', operator: '>', value: 0 } }))['conversations'] as Array<{ id: string }>).map((c) => c.id);
    assert.ok(conversations.length >= 2 && other !== '');
  });
  after(async () => {
    restore();
    await sb.close();
  });

  it('newConversationParts emits every new part exactly once across runs, with parts added between runs, and leaves out the token admin’s', async () => {
    const cfg = { startTime: new Date(START).toISOString() };
    const [a = '', b = ''] = conversations;
    clock.advance(60_000);
    const first = [await reply(a, other, 'first answer'), await reply(b, other, 'a note', 'note')];
    const own = await reply(a, me, 'written by the flow');
    clock.advance(60_000);
    const run1 = await run('newConversationParts', cfg);
    assert.deepEqual(new Set(partIds(run1)), new Set(first), 'both parts of the other admin, not the flow’s own');
    assert.ok(!partIds(run1).includes(own));
    for (const body of run1.bodies()) assert.ok([a, b].includes((body as Part).conversation_id ?? ''), 'each part names its conversation');
    assert.ok(run1.logs.some((l) => /1 part\(s\) written by .* left out \(loop prevention\)/.test(l)));

    clock.advance(60_000);
    const second = [await reply(b, other, 'later answer'), await reply(a, other, 'and another')];
    clock.advance(60_000);
    const run2 = await run('newConversationParts', cfg, lastSnapshot(run1));
    assert.deepEqual(partIds(run2), second, 'only the parts added since, oldest first');

    const run3 = await run('newConversationParts', cfg, lastSnapshot(run2));
    assert.deepEqual(partIds(run3), [], 'nothing twice');
  });

  it('with "Include changes made by this connection" the flow’s own parts are emitted too; chosen admins are left out', async () => {
    const from = new Date(clock.now()).toISOString();
    clock.advance(60_000);
    const [a = ''] = conversations;
    const own = await reply(a, me, 'own');
    const others = await reply(a, other, 'other');
    clock.advance(60_000);
    const included = await run('newConversationParts', { startTime: from, includeOwnChanges: true });
    assert.deepEqual(partIds(included), [own, others]);
    const chosen = await run('newConversationParts', { startTime: from, includeOwnChanges: 'on', ignoreAuthorIds: [other] });
    assert.deepEqual(partIds(chosen), [own]);
    await assert.rejects(run('newConversationParts', { startTime: from, ignoreAuthorIds: [{ id: 1 }] }), /Step field "ignoreAuthorIds" holds values that are not admin ids/);
  });

  it('a conversation that gained more than 500 parts between runs: the latest 500 are emitted and the gap is reported', async () => {
    const from = new Date(clock.now()).toISOString();
    const [, , c = ''] = conversations;
    for (let i = 0; i < 510; i++) {
      clock.advance(1_000);
      await reply(c, other, `burst ${i}`);
    }
    // Past the overlap window: a burst this size inside it would be spread over runs by the snapshot budget.
    clock.advance(20 * 60_000);
    const step = await run('newConversationParts', { startTime: from, maxPerRun: 1000 });
    assert.equal(step.bodies().length, 500);
    assert.ok(step.logs.some((l) => l.startsWith('warn ') && l.includes(`conversation ${c} has`) && l.includes('Intercom returns the latest 500')), step.logs.join('\n'));
  });

  it('the conversations trigger emits each conversation with its parts when asked, and leaves out one whose last change is the flow’s own', async () => {
    const from = new Date(clock.now()).toISOString();
    clock.advance(60_000);
    const [a = '', b = ''] = conversations;
    await reply(a, other, 'customer-facing answer');
    clock.advance(1_000);
    await reply(b, me, 'the flow answered');
    clock.advance(60_000);
    const step = await run('newOrUpdatedConversations', { startTime: from, withParts: true });
    const emitted = step.bodies() as Array<{ id: string; conversation_parts?: { conversation_parts: Part[] } }>;
    assert.deepEqual(emitted.map((c) => c.id), [a]);
    assert.equal(emitted[0]?.conversation_parts?.conversation_parts.at(-1)?.author.id, other);
    assert.ok(step.logs.some((l) => l.includes(`conversation ${b} left out`)));

    const plain = await run('newOrUpdatedConversations', { startTime: from, includeOwnChanges: true });
    assert.deepEqual(new Set(plain.bodies().map((c) => (c as { id: string }).id)), new Set([a, b]));
  });

  it('webhookEvents leaves out a conversation notification written by the token’s admin, and emits one by another admin', async () => {
    const notification = (authorId: string, id: string): Record<string, unknown> => ({
      type: 'notification_event',
      id,
      topic: 'conversation.admin.replied',
      app_id: 'a13y82or',
      created_at: Math.floor(clock.now() / 1000),
      data: {
        item: {
          type: 'conversation',
          id: conversations[0],
          updated_at: Math.floor(clock.now() / 1000),
          conversation_parts: { type: 'conversation_part.list', conversation_parts: [{ id: `p-${id}`, part_type: 'comment', created_at: Math.floor(clock.now() / 1000), author: { type: 'admin', id: authorId } }] },
        },
      },
    });
    const deliver = async (body: unknown, cfg: Record<string, unknown> = {}): Promise<FakeStep> => {
      const mod = loadModule(manifest().triggers['webhookEvents']?.main ?? '');
      const step = new FakeStep();
      await (mod.process).call(step, { body, headers: {}, attachments: {}, metadata: {} }, { accessToken: TOKEN, baseUrl: sb.url, ...cfg }, {});
      return step;
    };
    assert.equal((await deliver(notification(me, 'n1'))).bodies().length, 0);
    assert.equal((await deliver(notification(other, 'n2'))).bodies().length, 1);
    assert.equal((await deliver(notification(me, 'n3'), { includeOwnChanges: true })).bodies().length, 1);
  });
});
