import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import trigger from '../../../lib/triggers/webhookEvents';
import { remember, readWebhookState, DUPLICATE_WINDOW_SECONDS } from '../../../lib/triggers/webhook/events';
import { FakeStep, triggerHooks } from './helpers';

const SECRET = 'client-secret-for-unit-tests';
const NOW = '2026-03-10T23:30:00Z';
const nowSeconds = Math.floor(Date.parse(NOW) / 1000);

const notification = (topic: string, id = 'notif_1', item: Record<string, unknown> = { type: 'contact', id: 'c1', created_at: 1700000000, email: 'a@b.co' }): Record<string, unknown> => ({
  type: 'notification_event',
  id,
  topic,
  app_id: 'abc123',
  created_at: nowSeconds - 5,
  delivery_attempts: 1,
  first_sent_at: nowSeconds - 5,
  data: { type: 'notification_event_data', item },
});

const sign = (raw: string, secret = SECRET): string => `sha1=${createHmac('sha1', secret).update(Buffer.from(raw, 'utf8')).digest('hex')}`;

/** A delivery as the elastic.io webhook gateway passes it with consumesRawData: body.rawData unparsed, HTTP headers in msg.headers. */
async function deliver(raw: string, headers: Record<string, string>, cfg: Record<string, unknown> = { clientSecret: SECRET }, snapshot: unknown = {}, step = new FakeStep()): Promise<FakeStep> {
  await trigger.process.call(step, { body: { rawData: raw }, headers, attachments: {}, metadata: {} }, cfg, snapshot);
  return step;
}

describe('trigger webhookEvents', () => {
  triggerHooks(NOW);

  it('good signature: verifies X-Hub-Signature (HMAC-SHA1 of the raw body) and emits the item plus topic, app_id, notification id and time', async () => {
    // Spacing and key order as sent: a re-serialisation would not match this signature.
    const raw = JSON.stringify(notification('contact.user.created'), null, 1);
    const step = await deliver(raw, { 'x-hub-signature': sign(raw), 'user-agent': 'intercom-parrot-service-client/1.0' });
    assert.deepEqual(step.bodies(), [
      { type: 'contact', id: 'c1', created_at: 1700000000, email: 'a@b.co', topic: 'contact.user.created', app_id: 'abc123', notification_id: 'notif_1', notification_created_at: nowSeconds - 5 },
    ]);
    assert.deepEqual(step.events('snapshot'), [{ v: 1, seen: { notif_1: nowSeconds - 5 } }]);
  });

  it('bad signature: a clear error and nothing emitted (no data, no snapshot)', async () => {
    const raw = JSON.stringify(notification('contact.user.created'));
    const step = new FakeStep();
    await assert.rejects(deliver(raw, { 'X-Hub-Signature': sign(raw, 'another-secret') }, undefined, {}, step), /X-Hub-Signature does not match/);
    const tampered = new FakeStep();
    await assert.rejects(deliver(raw.replace('a@b.co', 'x@y.co'), { 'x-hub-signature': sign(raw) }, undefined, {}, tampered), /does not match/);
    const malformed = new FakeStep();
    await assert.rejects(deliver(raw, { 'x-hub-signature': 'md5=abc' }, undefined, {}, malformed), /not of the form sha1=/);
    assert.deepEqual([...step.emitted, ...tampered.emitted, ...malformed.emitted], []);
  });

  it('missing signature while a client secret is configured: a clear error and nothing emitted', async () => {
    const step = new FakeStep();
    await assert.rejects(deliver(JSON.stringify(notification('company.created')), {}, undefined, {}, step), /X-Hub-Signature header is missing/);
    assert.deepEqual(step.emitted, []);
  });

  it('without a client secret the delivery is accepted unsigned', async () => {
    const step = await deliver(JSON.stringify(notification('company.created')), {}, {});
    assert.equal(step.bodies().length, 1);
  });

  it('ping is answered and not emitted (an httpReply only when the flow is synchronous and carries reply_to)', async () => {
    const raw = JSON.stringify(notification('ping', 'notif_ping', { type: 'ping', message: 'something' }));
    const step = await deliver(raw, { 'x-hub-signature': sign(raw) });
    assert.deepEqual(step.emitted, []);
    assert.ok(step.logs.some((l) => l.includes('ping')));
    const sync = await deliver(raw, { 'x-hub-signature': sign(raw), reply_to: 'amq.rabbitmq.reply-to.xyz' });
    assert.deepEqual(sync.emitted.map((e) => e.event), ['httpReply']);
    assert.equal((sync.emitted[0]?.payload as { statusCode: number }).statusCode, 200);
  });

  it('topic filter: only selected topics are emitted', async () => {
    const raw = JSON.stringify(notification('conversation.user.created'));
    const skipped = await deliver(raw, { 'x-hub-signature': sign(raw) }, { clientSecret: SECRET, topics: ['contact.user.created', 'company.created'] });
    assert.deepEqual(skipped.emitted, []);
    const kept = await deliver(raw, { 'x-hub-signature': sign(raw) }, { clientSecret: SECRET, topics: ['conversation.user.created'] });
    assert.equal(kept.bodies().length, 1);
  });

  it('duplicate notification: an id already in the snapshot’s window is dropped (Intercom retries a delivery)', async () => {
    const raw = JSON.stringify(notification('contact.user.created', 'notif_dup'));
    const first = await deliver(raw, { 'x-hub-signature': sign(raw) });
    const again = await deliver(raw, { 'x-hub-signature': sign(raw) }, undefined, first.events('snapshot')[0]);
    assert.deepEqual(again.emitted, []);
    assert.ok(again.logs.some((l) => l.includes('duplicate delivery dropped')));
  });

  it('the duplicate window forgets ids older than 2 hours and stays within the snapshot budget', () => {
    let state = readWebhookState({});
    for (let i = 0; i < 200; i++) state = remember(state, `notif_${'x'.repeat(36)}_${i}`, nowSeconds - i, nowSeconds);
    assert.ok(Buffer.byteLength(JSON.stringify(state)) <= 4500);
    assert.ok(`notif_${'x'.repeat(36)}_0` in state.seen, 'the newest is kept');
    const aged = remember(readWebhookState({ v: 1, seen: { old: nowSeconds - DUPLICATE_WINDOW_SECONDS - 1 } }), 'new', nowSeconds, nowSeconds);
    assert.deepEqual(aged.seen, { new: nowSeconds });
  });

  it('under ferryman (parsed body in msg.data, no rawData) the signature is checked against the compact JSON', async () => {
    const body = notification('company.created', 'notif_oih');
    const step = new FakeStep();
    await trigger.process.call(step, { data: body, headers: { 'x-hub-signature': sign(JSON.stringify(body)) }, metadata: {} }, { clientSecret: SECRET }, {}, {}, { function: 'webhookEvents' });
    assert.equal((step.events('data')[0] as { data: { topic: string } }).data.topic, 'company.created');
    const bad = new FakeStep();
    await assert.rejects(
      trigger.process.call(bad, { data: body, headers: { 'x-hub-signature': sign('{}') }, metadata: {} }, { clientSecret: SECRET }, {}, {}, { function: 'webhookEvents' }),
      /re-serialised/,
    );
  });

  it('a body that is not an Intercom notification is a clear error', async () => {
    await assert.rejects(deliver('{"hello":"world"}', {}, {}), /not an Intercom notification/);
    await assert.rejects(deliver('not json', {}, {}), /not JSON/);
  });
});
