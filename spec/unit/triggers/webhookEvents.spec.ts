import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import trigger from '../../../lib/triggers/webhookEvents';
import { settings } from '../../../lib/runtime/settings';
import { BLOOM_BITS, GENERATION_SECONDS } from '../../../lib/triggers/webhook/dedupe';
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

  it('2,000 notifications within the hour: each first delivery emitted once (the filter claims none), the retries of the last 300 dropped, snapshot within 5 KB', async () => {
    const bodies = Array.from({ length: 2_000 }, (_, i) => notification('contact.user.created', `notif_${String(i).padStart(6, '0')}-8d1c-4b7a-9f3e-2a6b5c4d3e2f`));
    const first = await deliverAll(bodies);
    assert.equal(first.emitted.length, 2_000, 'no first delivery is taken for a duplicate');
    assert.equal(new Set(first.emitted).size, 2_000);
    assert.ok(first.largest <= 4_500, `largest snapshot ${first.largest} bytes`);
    // Intercom's retry of each of the last 300, and a platform redelivery (same attempt) of the newest.
    for (const body of [...bodies.slice(-300).map(retry), bodies[1_999]!]) {
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

  it('far-future created_at values are refused as ahead of the clock and do not push real ids out: a retry of a real notification is dropped after 300 of them', async () => {
    const real = notification('contact.user.created', 'notif_real');
    const future = Array.from({ length: 300 }, (_, i) => ({ ...notification('contact.user.created', `notif_future_${i}`), created_at: nowSeconds + 10 * 365 * 86_400 }));
    const run = await deliverAll([real, ...future]);
    assert.deepEqual(run.emitted, ['notif_real']);
    assert.ok(run.logs.some((l) => /^warn webhookEvents: notification notif_future_0 \(contact\.user\.created\) is not emitted: it is dated 2036-.*, ahead of this clock$/.test(l)), run.logs.join('\n'));
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
  /** 130 other notifications created when they arrive: more than the exact part holds (120), so only the filter can remember. */
  const fillers = (tag: string, seconds: number): Array<Record<string, unknown>> =>
    Array.from({ length: 130 }, (_, i) => ({ ...notification('company.created', `notif_filler_${tag}_${i}`), created_at: nowSeconds + seconds - 5 }));

  // With the default freshness bound (180 minutes) a filter generation lasts 180 minutes, so every notification is
  // remembered for at least 180 minutes after it arrived, the time within which a copy of it is still fresh.
  for (const [label, seconds] of [
    ['1.5 hours', 5_400],
    ['2 hours 59 minutes', 10_740],
  ] as const) {
    it(`the duplicate window holds: a retry ${label} after the first delivery, behind 130 other notifications, is dropped`, async () => {
      const body = notification('contact.user.created', 'notif_window');
      const first = await deliverAll([body]);
      const again = await atSecondsAfterNow(seconds, async () => {
        const filler = await deliverAll(fillers(label, seconds), first.snapshot);
        assert.equal(filler.emitted.length, 130);
        return deliverAll([retry(body)], filler.snapshot);
      });
      assert.deepEqual(again.emitted, [], 'a retry inside the window was emitted again');
    });
  }

  it('a notification arriving just before the filter turns over is still remembered an hour later', async () => {
    // The generation begins with the first delivery (NOW); the notification arrives 179 minutes later, a new
    // generation begins at 180 minutes, and an hour after its arrival its retry (still fresh) is dropped.
    const opener = await deliverAll([notification('company.created', 'notif_opener')]);
    const body = { ...notification('contact.user.created', 'notif_late_in_generation'), created_at: nowSeconds + 10_740 - 5 };
    const first = await atSecondsAfterNow(10_740, () => deliverAll([body], opener.snapshot));
    const turned = await atSecondsAfterNow(10_860, () => deliverAll(fillers('turn', 10_860), first.snapshot));
    const again = await atSecondsAfterNow(10_740 + 3_600, () => deliverAll([retry(body)], turned.snapshot));
    assert.deepEqual(again.emitted, []);
  });

  it('the duplicate window is bounded by arrival and the freshness bound covers what it forgets: two generations later a retry is refused as too old, and the snapshot does not grow', async () => {
    const body = notification('contact.user.created', 'notif_aging');
    const first = await deliverAll([body]);
    const generation = 180 * 60; // the default freshness bound (3 hours) is longer than an hour, so a generation lasts that long
    const later = Date.parse(NOW) + (2 * generation + 60) * 1000;
    const saved = settings.now;
    settings.now = () => later;
    try {
      const fresh = (id: string): Record<string, unknown> => ({ ...notification('company.created', id), created_at: Math.floor(later / 1000) - 5 });
      const filler = await deliverAll(Array.from({ length: 130 }, (_, i) => fresh(`notif_filler_${i}`)), first.snapshot);
      assert.equal(filler.emitted.length, 130);
      const again = await deliverAll([retry(body)], filler.snapshot);
      assert.deepEqual(again.emitted, [], 'forgotten by the filter, but older than the freshness bound');
      assert.ok(again.logs.some((l) => /notif_aging .* is not emitted: it was created 36\d minutes ago/.test(l)), again.logs.join('\n'));
      assert.ok(filler.largest <= 4_500);
    } finally {
      settings.now = saved;
    }
    assert.ok(GENERATION_SECONDS <= generation);
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

describe('trigger webhookEvents: replays, stale and id-less notifications, unsigned steps, saturated filters', () => {
  triggerHooks(NOW);

  /** Signed deliveries in turn, the snapshot passed on as the platform does. */
  async function signedRun(raws: string[], cfg: Record<string, unknown> = { clientSecret: SECRET }, start: unknown = {}): Promise<{ emitted: unknown[]; snapshot: unknown; logs: string[] }> {
    let snapshot = start;
    const emitted: unknown[] = [];
    const logs: string[] = [];
    for (const raw of raws) {
      const step = await deliver(raw, { 'x-hub-signature': sign(raw) }, cfg, snapshot);
      emitted.push(...step.bodies());
      logs.push(...step.logs);
      snapshot = step.events('snapshot')[0] ?? snapshot;
    }
    return { emitted, snapshot, logs };
  }
  const idsOf = (bodies: unknown[]): string[] => bodies.map((b) => String((b as { notification_id: unknown }).notification_id));

  it('a signed first-attempt delivery replayed after 120, then 250 other notifications is dropped, not emitted again', async () => {
    const captured = JSON.stringify(notification('contact.user.created', 'notif_captured'));
    const others = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => JSON.stringify(notification('company.created', `notif_${tag}_${i}`)));
    const run = await signedRun([captured, ...others(120, 'a'), captured, ...others(130, 'b'), captured]);
    assert.deepEqual(idsOf(run.emitted).filter((id) => id === 'notif_captured'), ['notif_captured'], 'emitted once');
    assert.equal(run.emitted.length, 251);
    assert.equal(run.logs.filter((l) => /^warn webhookEvents: notification notif_captured \(contact\.user\.created\) matches one emitted earlier/.test(l)).length, 2);
  });

  it('a signed notification dated 2010 is not emitted: a warning names it, its age and the bound', async () => {
    const old = JSON.stringify({ ...notification('contact.user.created', 'notif_2010'), created_at: Date.parse('2010-06-01T00:00:00Z') / 1000 });
    const run = await signedRun([old]);
    assert.deepEqual(run.emitted, []);
    assert.ok(
      run.logs.some((l) => /^warn webhookEvents: notification notif_2010 \(contact\.user\.created\) is not emitted: it was created \d+ minutes ago \(2010-06-01T00:00:00Z\), longer ago than the bound of 180 minutes \(step field maxAgeMinutes or INTERCOM_WEBHOOK_MAX_AGE_MINUTES\)$/.test(l)),
      run.logs.join('\n'),
    );
  });

  it('the freshness bound is the step field maxAgeMinutes, else INTERCOM_WEBHOOK_MAX_AGE_MINUTES; 0 turns it off; a bad value is a configuration error', async () => {
    const aged = JSON.stringify({ ...notification('contact.user.created', 'notif_45_min'), created_at: nowSeconds - 45 * 60 });
    assert.equal((await signedRun([aged])).emitted.length, 1, 'within the default of 180 minutes');
    assert.equal((await signedRun([aged], { clientSecret: SECRET, maxAgeMinutes: '30' })).emitted.length, 0);
    process.env['INTERCOM_WEBHOOK_MAX_AGE_MINUTES'] = '30';
    try {
      assert.equal((await signedRun([aged])).emitted.length, 0, 'the environment variable sets the default');
      assert.equal((await signedRun([aged], { clientSecret: SECRET, maxAgeMinutes: 60 })).emitted.length, 1, 'the step field wins');
    } finally {
      Reflect.deleteProperty(process.env, 'INTERCOM_WEBHOOK_MAX_AGE_MINUTES');
    }
    const ancient = JSON.stringify({ ...notification('contact.user.created', 'notif_ancient'), created_at: 1_300_000_000 });
    assert.equal((await signedRun([ancient], { clientSecret: SECRET, maxAgeMinutes: 0 })).emitted.length, 1);
    await assert.rejects(signedRun([aged], { clientSecret: SECRET, maxAgeMinutes: 'soon' }), /Step field "maxAgeMinutes" \(minutes; 0: no bound\) must be a whole number from 0 to 10080; got "soon"/);
  });

  it('notifications without an id are de-duplicated by their content: a retry, a redelivery and a re-serialised copy are dropped, another item is emitted', async () => {
    const { id: _unused, ...withoutId } = notification('contact.user.created', 'x');
    const raw = JSON.stringify(withoutId);
    const retried = JSON.stringify({ ...withoutId, delivery_attempts: 2, delivery_status: 'retry' });
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(withoutId).reverse()), null, 2);
    const other = JSON.stringify({ ...withoutId, data: { type: 'notification_event_data', item: { type: 'contact', id: 'c2' } } });
    const run = await signedRun([raw, raw, retried, reordered, other]);
    assert.deepEqual(run.emitted.map((b) => (b as { id: string }).id), ['c1', 'c2']);
  });

  it('without a client secret every delivery logs a warning that it is unsigned (a ping too); with one, none', async () => {
    for (const topic of ['contact.user.created', 'ping']) {
      const step = await deliver(JSON.stringify(notification(topic, `notif_unsigned_${topic}`)), {}, {});
      assert.ok(step.logs.some((l) => /^warn webhookEvents: no client secret is set \(step field clientSecret\), so deliveries are not signature-checked/.test(l)), step.logs.join('\n'));
    }
    const signed = await signedRun([JSON.stringify(notification('contact.user.created', 'notif_signed'))]);
    assert.ok(!signed.logs.some((l) => l.includes('no client secret')));
  });

  it('a snapshot whose filter is all ones is detected as saturated and reset with a warning: a retry of an unseen notification is emitted', async () => {
    const allOnes = Buffer.alloc(BLOOM_BITS / 8, 0xff).toString('base64url');
    const crafted = { v: 2, recent: '', bloom: [{ from: nowSeconds - 60, bits: allOnes }, { from: nowSeconds - 30, bits: allOnes, k: 16 }] };
    const unseen = JSON.stringify({ ...notification('contact.user.created', 'notif_unseen'), delivery_attempts: 2 });
    const run = await signedRun([unseen], { clientSecret: SECRET }, crafted);
    assert.deepEqual(idsOf(run.emitted), ['notif_unseen']);
    assert.equal(run.logs.filter((l) => /^warn webhookEvents: the snapshot was damaged and is repaired: .*is saturated \(100 % of its bits set\) and would take new notifications for duplicates; reset/.test(l)).length, 1);
    const bloom = (run.snapshot as { bloom: Array<{ bits: string }> }).bloom;
    assert.ok(bloom.every((g) => g.bits !== allOnes), 'the saturated generations are gone');
  });
});
