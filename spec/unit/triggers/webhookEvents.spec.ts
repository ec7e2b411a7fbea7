import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import trigger from '../../../lib/triggers/webhookEvents';
import { settings } from '../../../lib/runtime/settings';
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
    assert.equal((step.events('snapshot')[0] as { v: number }).v, 2);
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

  /** Delivers each body in turn, passing the snapshot on as the platform does; returns the ids emitted. */
  async function deliverAll(bodies: Array<Record<string, unknown>>, start: unknown = {}): Promise<{ emitted: string[]; snapshot: unknown; largest: number; logs: string[] }> {
    let snapshot = start;
    let largest = 0;
    const emitted: string[] = [];
    const logs: string[] = [];
    for (const body of bodies) {
      const step = await deliver(JSON.stringify(body), {}, {}, snapshot);
      emitted.push(...step.bodies().map((b) => String((b as { notification_id: unknown }).notification_id)));
      logs.push(...step.logs);
      const next = step.events('snapshot')[0];
      if (next !== undefined) {
        snapshot = next;
        largest = Math.max(largest, Buffer.byteLength(JSON.stringify(next)));
      }
    }
    return { emitted, snapshot, largest, logs };
  }
  const retry = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, delivery_attempts: 2 });

  it('ids __proto__, constructor and toString are emitted on their first delivery and dropped on their redelivery', async () => {
    const bodies = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((id) => notification('contact.user.created', id));
    const first = await deliverAll(bodies);
    assert.deepEqual(first.emitted, ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    const again = await deliverAll(bodies.map(retry), first.snapshot);
    assert.deepEqual(again.emitted, []);
  });

  it('de-duplication holds for 2,000 notifications sharing one created_at within the hour: each first delivery emitted once, every retry dropped, snapshot within 5 KB', async () => {
    const bodies = Array.from({ length: 2_000 }, (_, i) => notification('contact.user.created', `notif_${String(i).padStart(6, '0')}-8d1c-4b7a-9f3e-2a6b5c4d3e2f`));
    const first = await deliverAll(bodies);
    assert.equal(first.emitted.length, 2_000, 'no first delivery is taken for a duplicate');
    assert.equal(new Set(first.emitted).size, 2_000);
    assert.ok(first.largest <= 4_500, `largest snapshot ${first.largest} bytes`);
    // Intercom's retry of every one of them, and a platform redelivery (same attempt) of the newest.
    for (const body of [...bodies.map(retry), bodies[1_999]!]) {
      const again = await deliver(JSON.stringify(body), {}, {}, first.snapshot);
      assert.deepEqual(again.bodies(), [], `${String(body['id'])} emitted again`);
    }
  });

  it('a notification created more than 2 hours before it arrives is remembered: its retry is dropped', async () => {
    const old = { ...notification('contact.user.created', 'notif_held_back'), created_at: nowSeconds - 3 * 3600, first_sent_at: nowSeconds - 3 * 3600 };
    const first = await deliverAll([old]);
    assert.deepEqual(first.emitted, ['notif_held_back']);
    const again = await deliverAll([retry(old)], first.snapshot);
    assert.deepEqual(again.emitted, []);
  });

  it('far-future created_at values do not push real ids out: a retry of a real notification is dropped after 300 far-future ones', async () => {
    const real = notification('contact.user.created', 'notif_real');
    const future = Array.from({ length: 300 }, (_, i) => ({ ...notification('contact.user.created', `notif_future_${i}`), created_at: nowSeconds + 10 * 365 * 86_400 }));
    const run = await deliverAll([real, ...future]);
    assert.equal(run.emitted.length, 301);
    const again = await deliverAll([retry(real)], run.snapshot);
    assert.deepEqual(again.emitted, []);
  });

  /** Runs `body` with the clock `seconds` after NOW. */
  async function atSecondsAfterNow<T>(seconds: number, body: () => Promise<T>): Promise<T> {
    const saved = settings.now;
    settings.now = () => Date.parse(NOW) + seconds * 1000;
    try {
      return await body();
    } finally {
      settings.now = saved;
    }
  }
  /** 130 other notifications: more than the exact part holds (120), so only the hourly filters can remember. */
  const fillers = (tag: string): Array<Record<string, unknown>> => Array.from({ length: 130 }, (_, i) => notification('company.created', `notif_filler_${tag}_${i}`));

  // The promise: every notification is remembered for at least one hour after it arrived, and for at most two.
  for (const [label, seconds] of [
    ['1.5 hours', 5_400],
    ['1 hour 59 minutes', 7_140],
  ] as const) {
    it(`the duplicate window holds: a retry ${label} after the first delivery, behind 130 other notifications, is dropped`, async () => {
      const body = notification('contact.user.created', 'notif_window');
      const first = await deliverAll([body]);
      const again = await atSecondsAfterNow(seconds, async () => {
        const filler = await deliverAll(fillers(label), first.snapshot);
        assert.equal(filler.emitted.length, 130);
        return deliverAll([retry(body)], filler.snapshot);
      });
      assert.deepEqual(again.emitted, [], 'a retry inside the window was emitted again');
    });
  }

  it('a notification arriving just before the hourly filter turns over is still remembered a full hour later', async () => {
    // The filter generation begins with the first delivery (NOW); the notification arrives 59 minutes later, and a
    // new generation begins at 1 hour. An hour after its arrival (1 h 59 min) its retry is still dropped.
    const opener = await deliverAll([notification('company.created', 'notif_opener')]);
    const body = notification('contact.user.created', 'notif_late_in_hour');
    const first = await atSecondsAfterNow(3_540, () => deliverAll([body], opener.snapshot));
    const turned = await atSecondsAfterNow(3_660, () => deliverAll(fillers('turn'), first.snapshot));
    const again = await atSecondsAfterNow(3_540 + 3_600, () => deliverAll([retry(body)], turned.snapshot));
    assert.deepEqual(again.emitted, []);
  });

  it('the duplicate window is bounded by arrival: after two hours a notification is forgotten and the snapshot does not grow', async () => {
    const body = notification('contact.user.created', 'notif_aging');
    const first = await deliverAll([body]);
    // 2 hours and 1 minute later.
    await atSecondsAfterNow(7_260, async () => {
      const filler = await deliverAll(fillers('aging'), first.snapshot);
      const again = await deliverAll([retry(body)], filler.snapshot);
      assert.deepEqual(again.emitted, ['notif_aging'], 'older than the window: emitted again rather than kept forever');
      assert.ok(filler.largest <= 4_500);
    });
  });

  it('a damaged snapshot (a filter starting in the far future, fingerprints cut short) is reported and repaired, the delivery still emitted', async () => {
    const step = await deliver(JSON.stringify(notification('contact.user.created', 'notif_after_damage')), {}, {}, { v: 2, recent: 'abc', bloom: [{ from: 1e20, bits: '' }] });
    assert.equal(step.bodies().length, 1);
    assert.ok(step.logs.some((l) => l.startsWith('warn') && l.includes('snapshot was damaged')), step.logs.join('\n'));
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
