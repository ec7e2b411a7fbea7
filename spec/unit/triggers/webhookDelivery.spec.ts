import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import trigger from '../../../lib/triggers/webhookEvents';
import { FakeStep, triggerHooks } from './helpers';

const SECRET = 'client-secret-for-delivery-tests';
const NOW = '2026-03-10T23:30:00Z';
const nowSeconds = Math.floor(Date.parse(NOW) / 1000);

const notification = (topic: string, id: unknown = 'notif_1', item: unknown = { type: 'contact', id: 'c1' }): Record<string, unknown> => ({
  type: 'notification_event',
  ...(id === null ? {} : { id }),
  topic,
  app_id: 'abc123',
  created_at: nowSeconds - 5,
  delivery_attempts: 1,
  data: { type: 'notification_event_data', item },
});
const sign = (raw: string | Buffer): string => `sha1=${createHmac('sha1', SECRET).update(raw).digest('hex')}`;

async function run(msg: Record<string, unknown>, cfg: Record<string, unknown> = { clientSecret: SECRET }, snapshot: unknown = {}): Promise<FakeStep> {
  const step = new FakeStep();
  await trigger.process.call(step, { attachments: {}, metadata: {}, ...msg }, cfg, snapshot);
  return step;
}
const unsigned = (body: Record<string, unknown>, cfg: Record<string, unknown> = {}, snapshot: unknown = {}): Promise<FakeStep> => run({ body: { rawData: JSON.stringify(body) }, headers: {} }, cfg, snapshot);

describe('trigger webhookEvents: the forms a delivery arrives in', () => {
  triggerHooks(NOW);

  it('the raw body as a Buffer or as a serialised Buffer ({type: "Buffer", data}) is signature-checked and emitted', async () => {
    const raw = Buffer.from(JSON.stringify(notification('company.created', 'notif_buffer')));
    for (const rawData of [raw, { type: 'Buffer', data: [...raw] }]) {
      const step = await run({ body: { rawData }, headers: { 'x-hub-signature': sign(raw) } });
      assert.deepEqual(step.bodies().map((b) => (b as { notification_id: unknown }).notification_id), ['notif_buffer']);
    }
  });

  it('a raw body that is neither text nor bytes is refused naming the field rawData, nothing emitted', async () => {
    for (const rawData of [42, { type: 'Buffer' }, { type: 'Other', data: [1, 2] }, ['{}']]) {
      const step = new FakeStep();
      await assert.rejects(trigger.process.call(step, { body: { rawData }, headers: {}, attachments: {}, metadata: {} }, { clientSecret: SECRET }, {}), /field rawData: the raw request body must be a string/, JSON.stringify(rawData));
      assert.deepEqual(step.emitted, []);
    }
  });

  it('the signature header is found among other headers, in any case, also as a list of values', async () => {
    const raw = JSON.stringify(notification('company.created', 'notif_headers'));
    for (const headers of [
      { 'user-agent': 'intercom-parrot-service-client/1.0', 'X-Hub-Signature': sign(raw) },
      { accept: '*/*', 'x-hub-signature': [sign(raw)] },
    ]) {
      const step = await run({ body: { rawData: raw }, headers });
      assert.equal(step.bodies().length, 1, JSON.stringify(Object.keys(headers)));
    }
  });

  it('a raw body of null is refused naming the field rawData, not failed on reading into it', async () => {
    const step = new FakeStep();
    await assert.rejects(trigger.process.call(step, { body: { rawData: null }, headers: {}, attachments: {}, metadata: {} }, { clientSecret: SECRET }, {}), /field rawData: the raw request body must be a string/);
    assert.deepEqual(step.emitted, []);
  });

  it('a signature header whose list of values does not start with text is no signature: refused as missing', async () => {
    const raw = JSON.stringify(notification('company.created', 'notif_header_list'));
    for (const value of [[], [42, sign(raw)]]) {
      await assert.rejects(run({ body: { rawData: raw }, headers: { 'x-hub-signature': value } }), /^WebhookSignatureError: Webhook delivery rejected: the X-Hub-Signature header is missing, and a client secret is configured$/, JSON.stringify(value));
    }
  });

  it('a null body, or a notification without a topic or of another type, is refused as not an Intercom notification', async () => {
    await assert.rejects(run({ body: null, headers: {} }, {}), /the webhook body is not an Intercom notification \(expected type "notification_event" and a topic\)/);
    const { topic: _topic, ...withoutTopic } = notification('company.created');
    await assert.rejects(unsigned(withoutTopic), /not an Intercom notification/);
    await assert.rejects(unsigned({ ...notification('company.created'), type: 'event' }), /not an Intercom notification/);
  });

  it('topics as comma-separated text are trimmed; empty text or a list with empty or non-text entries selects them all', async () => {
    const body = notification('company.created', 'notif_topics');
    assert.equal((await unsigned(body, { topics: ' contact.user.created , company.created ' })).bodies().length, 1);
    assert.equal((await unsigned(body, { topics: '' })).bodies().length, 1);
    assert.equal((await unsigned(body, { topics: [null, 7, 'company.created'] })).bodies().length, 1);
    assert.equal((await unsigned(body, { topics: [''] })).bodies().length, 1);
    const skipped = await unsigned(body, { topics: 'contact.user.created' });
    assert.deepEqual(skipped.emitted, []);
    assert.ok(skipped.logs.includes('info webhookEvents: topic company.created is not selected; nothing emitted'), skipped.logs.join('\n'));
  });

  it('an item that is not an object adds no fields of its own to the message', async () => {
    for (const item of ['abc', null, ['x']]) {
      const step = await unsigned(notification('company.created', 'notif_item', item));
      assert.deepEqual(step.bodies(), [{ topic: 'company.created', app_id: 'abc123', notification_id: 'notif_item', notification_created_at: nowSeconds - 5 }], JSON.stringify(item));
    }
  });

  it('a synchronous ping is answered 200 with a JSON body saying the ping was received', async () => {
    const step = await run({ body: { rawData: JSON.stringify(notification('ping', 'notif_ping')) }, headers: { reply_to: 'amq.rabbitmq.reply-to.abc' } }, {});
    assert.deepEqual(step.events('httpReply'), [{ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"received":"ping"}' }]);
    assert.ok(step.logs.includes('info webhookEvents: ping from Intercom (notification notif_ping); answered, nothing emitted'), step.logs.join('\n'));
    const idless = await unsigned(notification('ping', null));
    assert.ok(idless.logs.includes('info webhookEvents: ping from Intercom (notification without id); answered, nothing emitted'), idless.logs.join('\n'));
  });

  it('a numeric notification id names the notification in warnings and is its identity: a redelivery with changed content is dropped', async () => {
    const stale = await unsigned({ ...notification('company.created', 42), created_at: nowSeconds - 10 * 3600 });
    assert.ok(stale.logs.some((l) => l.startsWith('warn webhookEvents: notification 42 (company.created) is not emitted: ')), stale.logs.join('\n'));
    const idless = await unsigned({ ...notification('company.created', null), created_at: nowSeconds - 10 * 3600 });
    assert.ok(idless.logs.some((l) => l.startsWith('warn webhookEvents: notification without id (company.created) is not emitted: ')), idless.logs.join('\n'));
    const first = await unsigned(notification('company.created', 42));
    const again = await unsigned(notification('company.created', 42, { type: 'company', id: 'co9' }), {}, first.events('snapshot')[0]);
    assert.deepEqual(again.bodies(), []);
  });

  it('each emitted notification is logged with its id and delivery attempt (1 when Intercom does not say)', async () => {
    const retried = await unsigned({ ...notification('company.created', 'notif_retry'), delivery_attempts: 3 });
    assert.ok(retried.logs.includes('info webhookEvents: company.created emitted (notification notif_retry, delivery attempt 3)'), retried.logs.join('\n'));
    const { delivery_attempts: _attempts, ...unsaid } = notification('company.created', null);
    const idless = await unsigned(unsaid);
    assert.ok(idless.logs.includes('info webhookEvents: company.created emitted (notification without id, delivery attempt 1)'), idless.logs.join('\n'));
  });

  it('a sound snapshot gives no repair warning; a damaged one lists each problem, separated by semicolons', async () => {
    const first = await unsigned(notification('company.created', 'notif_a'));
    const second = await unsigned(notification('company.created', 'notif_b'), {}, first.events('snapshot')[0]);
    assert.ok(!second.logs.some((l) => l.includes('damaged')), second.logs.join('\n'));
    const damaged = await unsigned(notification('company.created', 'notif_c'), {}, { v: 2, recent: 'abc', bloom: [{ from: 1e20, bits: '' }] });
    const warning = damaged.logs.find((l) => l.startsWith('warn webhookEvents: the snapshot was damaged and is repaired: '));
    assert.ok(warning !== undefined && warning.split('; ').length >= 2, damaged.logs.join('\n'));
    assert.equal(
      warning,
      'warn webhookEvents: the snapshot was damaged and is repaired: recent is not a list of fingerprints; left out; a filter generation (from 100000000000000000000) is not readable or starts in the future; left out',
    );
  });

  it('under ferryman without rawData a warning says the signature is checked against the re-serialised JSON', async () => {
    const body = notification('company.created', 'notif_parsed');
    const step = await run({ data: body, headers: { 'x-hub-signature': sign(JSON.stringify(body)) } });
    assert.ok(step.logs.includes('warn webhookEvents: the raw body was not passed (msg.body.rawData); checking the signature against the re-serialised JSON'), step.logs.join('\n'));
  });

  it('a notification written by an ignored admin is left out with a log naming the author', async () => {
    const item = { type: 'conversation', id: 'conv1', created_at: nowSeconds - 60, updated_at: nowSeconds - 10, conversation_parts: { conversation_parts: [{ type: 'conversation_part', created_at: nowSeconds - 10, author: { type: 'admin', id: '7' } }] } };
    const cfg = { accessToken: 'tok_delivery_unit_test_0123', includeOwnChanges: true, ignoreAuthorIds: ['7'] };
    const step = await unsigned(notification('conversation.admin.replied', 'notif_loop', item), cfg);
    assert.deepEqual(step.bodies(), []);
    assert.ok(step.logs.includes('info webhookEvents: conversation.admin.replied (notification notif_loop) left out, written by admin 7 (loop prevention)'), step.logs.join('\n'));
    const idless = await unsigned(notification('conversation.admin.replied', null, item), cfg);
    assert.ok(idless.logs.includes('info webhookEvents: conversation.admin.replied (notification without id) left out, written by admin 7 (loop prevention)'), idless.logs.join('\n'));
  });

  it('once the filter fills up, an info line says for how long the oldest are still remembered, not on every delivery', async () => {
    let snapshot: unknown = {};
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      const step = await unsigned(notification('company.created', `notif_fill_${i}`), {}, snapshot);
      snapshot = step.events('snapshot')[0] ?? snapshot;
      lines.push(...step.logs.filter((l) => l.includes('many notifications arrive')));
    }
    assert.ok(lines.length >= 1 && lines.length <= 4, `${lines.length} lines`);
    assert.equal(lines[0], 'info webhookEvents: many notifications arrive; the oldest are now remembered for less than 180 minutes (the exact last 120 and the filter\'s last few hundred)');
  });
});
