/**
 * Webhook deliveries as Intercom sends them: a `notification_event` envelope, signed with
 * `X-Hub-Signature: sha1=<HMAC-SHA1 of the exact body bytes, keyed with the app's client secret>`.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface WebhookInput {
  url: string;
  topic: string;
  item: unknown;
  clientSecret: string;
  /** Defaults to the sandbox's app id. */
  appId?: string;
  /** Defaults to a deterministic `notif_…` id. */
  id?: string;
  /** Unix seconds; defaults to the sandbox clock. */
  createdAt?: number;
  deliveryAttempts?: number;
  firstSentAt?: number;
  /** Extra top-level envelope fields (e.g. `self`). */
  extra?: Record<string, unknown>;
  /** Extra or overriding request headers (a test can send a wrong signature). */
  headers?: Record<string, string>;
  /** Abort after this many milliseconds (Intercom allows 5 s). */
  timeoutMs?: number;
}

export interface WebhookDelivery {
  status: number;
  responseBody: string;
  /** The exact bytes sent, and their signature. */
  rawBody: Buffer;
  signature: string;
  envelope: Record<string, unknown>;
}

export const WEBHOOK_USER_AGENT = 'intercom-parrot-service-client/1.0';

export function signBody(rawBody: Buffer | string, clientSecret: string): string {
  return `sha1=${createHmac('sha1', clientSecret).update(rawBody).digest('hex')}`;
}

export function buildEnvelope(input: WebhookInput & { appId: string; id: string; createdAt: number }): Record<string, unknown> {
  return {
    type: 'notification_event',
    app_id: input.appId,
    data: { type: 'notification_event_data', item: input.item },
    links: {},
    id: input.id,
    topic: input.topic,
    delivery_status: 'pending',
    delivery_attempts: input.deliveryAttempts ?? 1,
    delivered_at: 0,
    first_sent_at: input.firstSentAt ?? input.createdAt,
    created_at: input.createdAt,
    ...(input.extra ?? {}),
  };
}

export function postWebhook(url: string, rawBody: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(rawBody.length) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`webhook delivery timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(rawBody);
  });
}
