import { strict as assert } from 'node:assert';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useSandbox } from './helpers';

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

describe('sandbox: signed webhook deliveries', () => {
  const { sb } = useSandbox();
  let receiver: Server;
  let url = '';
  const received: Received[] = [];
  let answer = 200;

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.writeHead(answer).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/intercom`;
  });
  after(() => new Promise<void>((r) => receiver.close(() => r())));

  it('POSTs a notification_event envelope signed with HMAC-SHA1 of the raw body', async () => {
    const item = { type: 'contact', id: 'abc', email: 'ünïcode@example.com' };
    const delivery = await sb().sendWebhook({ url, topic: 'contact.user.created', item, clientSecret: 's3cret' });
    assert.equal(delivery.status, 200);
    const got = received.at(-1)!;
    const expected = `sha1=${createHmac('sha1', 's3cret').update(got.raw).digest('hex')}`;
    const header = String(got.headers['x-hub-signature']);
    assert.match(header, /^sha1=[0-9a-f]{40}$/);
    assert.ok(timingSafeEqual(Buffer.from(header), Buffer.from(expected)));
    assert.equal(header, delivery.signature);
    assert.equal(got.headers['user-agent'], 'intercom-parrot-service-client/1.0');
    assert.equal(got.headers['content-type'], 'application/json');
    const envelope = JSON.parse(got.raw.toString('utf8'));
    assert.equal(envelope.type, 'notification_event');
    assert.match(envelope.id, /^notif_[0-9a-f]{24}$/);
    assert.equal(envelope.topic, 'contact.user.created');
    assert.equal(envelope.app_id, sb().state.settings.appId);
    assert.equal(envelope.delivery_attempts, 1);
    assert.equal(typeof envelope.created_at, 'number');
    assert.equal(envelope.first_sent_at, envelope.created_at);
    assert.deepEqual(envelope.data, { type: 'notification_event_data', item });
    assert.ok(got.raw.equals(delivery.rawBody));
  });

  it('reports the receiver status and lets a test forge a bad signature', async () => {
    answer = 401;
    const delivery = await sb().sendWebhook({ url, topic: 'ping', item: { type: 'ping', message: 'hi' }, clientSecret: 'x', headers: { 'X-Hub-Signature': 'sha1=0000' } });
    assert.equal(delivery.status, 401);
    assert.equal(received.at(-1)!.headers['x-hub-signature'], 'sha1=0000');
    answer = 200;
  });

  it('notification ids differ per delivery and do not depend on the clock', async () => {
    const a = await sb().sendWebhook({ url, topic: 'ping', item: {}, clientSecret: 'k', createdAt: 1 });
    const b = await sb().sendWebhook({ url, topic: 'ping', item: {}, clientSecret: 'k', createdAt: 1 });
    assert.notEqual(a.envelope['id'], b.envelope['id']);
  });
});
