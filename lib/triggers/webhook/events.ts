import { WEBHOOK_FIELDS } from '../../catalogue/fields';
import { readCredentials } from '../../runtime/credentials';
import { InputValidationError } from '../../runtime/errors';
import { configSecret } from '../../runtime/configValues';
import { settings } from '../../runtime/settings';
import type { StepDefinition } from '../../operation/componentModule';
import { type Config, type IncomingMessage, readInput, step, type StepContext } from '../../runtime/step';
import { ignoredAuthors, isIgnored, isTeammate, lastChangeAuthor, readLoopOptions } from '../loopFilter';
import { FUTURE_SKEW_SECONDS } from '../polling/time';
import { check, contentKey, GENERATION_SECONDS, readDedupe, RECENT_LIMIT, remember, toDedupeSnapshot } from './dedupe';
import { readMaxAgeSeconds, staleness } from './freshness';
import { verifySignature } from './signature';

const KEY = 'webhookEvents';

interface Notification {
  type: 'notification_event';
  id?: string | number;
  topic: string;
  app_id?: string;
  created_at?: number;
  data?: { item?: unknown };
  [key: string]: unknown;
}

interface Delivery {
  /** The body bytes as received, when the platform passed them (`consumesRawData`: `msg.body.rawData`). */
  raw?: Buffer;
  body: unknown;
  headers: Record<string, unknown>;
}

function readDelivery(msg: IncomingMessage): Delivery {
  const body = readInput(msg);
  const headers = (typeof msg.headers === 'object' && msg.headers !== null ? msg.headers : {}) as Record<string, unknown>;
  const rawData = typeof body === 'object' && body !== null ? (body as { rawData?: unknown }).rawData : undefined;
  if (rawData === undefined) return { body, headers };
  const raw =
    typeof rawData === 'string'
      ? Buffer.from(rawData, 'utf8')
      : Buffer.isBuffer(rawData)
        ? rawData
        : isSerializedBuffer(rawData)
          ? Buffer.from(rawData.data)
          : undefined;
  if (!raw) throw new InputValidationError(KEY, ['field rawData: the raw request body must be a string']);
  return { raw, body: undefined, headers };
}

function isSerializedBuffer(value: unknown): value is { type: 'Buffer'; data: number[] } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data);
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}

function parseNotification(delivery: Delivery): Notification {
  let body = delivery.body;
  if (delivery.raw) {
    try {
      body = JSON.parse(delivery.raw.toString('utf8')) as unknown;
    } catch {
      throw new InputValidationError(KEY, ['the webhook body is not JSON; Intercom notifications are JSON documents']);
    }
  }
  const candidate = body as Partial<Notification> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.type !== 'notification_event' || typeof candidate.topic !== 'string') {
    throw new InputValidationError(KEY, ['the webhook body is not an Intercom notification (expected type "notification_event" and a topic)']);
  }
  return candidate as Notification;
}

function readTopics(config: Config): Set<string> {
  const raw = config[WEBHOOK_FIELDS.topics];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  return new Set(list.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean));
}

function readSecret(config: Config): string | undefined {
  // A secret of the wrong type is an error: read as "no secret" it would switch signature checking off.
  return configSecret(config[WEBHOOK_FIELDS.clientSecret], `Step field "${WEBHOOK_FIELDS.clientSecret}"`);
}

/** The emitted message: the notification's item, plus where it came from. */
export function eventMessage(notification: Notification): Record<string, unknown> {
  const item = notification.data?.item;
  return {
    ...(typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {}),
    topic: notification.topic,
    app_id: notification.app_id ?? null,
    notification_id: notification.id ?? null,
    notification_created_at: notification.created_at ?? null,
  };
}

async function answerPing(ctx: StepContext, notification: Notification): Promise<void> {
  ctx.logger.info(`${KEY}: ping from Intercom (notification ${notification.id ?? 'without id'}); answered, nothing emitted`);
  const incomingHeaders = ctx.incoming.headers as Record<string, unknown> | undefined;
  // Only a synchronous (request-reply) webhook flow carries reply_to; otherwise the platform answered already.
  if (incomingHeaders && typeof incomingHeaders['reply_to'] === 'string') {
    await ctx.emit('httpReply', { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ received: 'ping' }) });
  }
}

async function handle(ctx: StepContext, config: Config, snapshot: unknown): Promise<void> {
  const msg = ctx.incoming;
  const delivery = readDelivery(msg);
  const secret = readSecret(config);
  const maxAge = readMaxAgeSeconds(config);
  if (!secret) {
    ctx.logger.warn(`${KEY}: no client secret is set (step field ${WEBHOOK_FIELDS.clientSecret}), so deliveries are not signature-checked and anyone who knows this webhook's address can send notifications; set the app's client secret`);
  } else {
    if (delivery.raw) {
      verifySignature(delivery.raw, header(delivery.headers, 'x-hub-signature'), secret);
    } else {
      // No raw bytes (the platform parsed the body): its compact re-serialisation is what Intercom sends in practice.
      ctx.logger.warn(`${KEY}: the raw body was not passed (msg.body.rawData); checking the signature against the re-serialised JSON`);
      verifySignature(
        Buffer.from(JSON.stringify(delivery.body), 'utf8'),
        header(delivery.headers, 'x-hub-signature'),
        secret,
        '; the raw body was not available, so the parsed body was re-serialised, which may differ from the bytes Intercom signed',
      );
    }
  }
  const notification = parseNotification(delivery);
  if (notification.topic === 'ping') {
    await answerPing(ctx, notification);
    return;
  }
  const topics = readTopics(config);
  if (topics.size > 0 && !topics.has(notification.topic)) {
    ctx.logger.info(`${KEY}: topic ${notification.topic} is not selected; nothing emitted`);
    return;
  }
  const now = Math.floor(settings.now() / 1000);
  const id = typeof notification.id === 'string' || typeof notification.id === 'number' ? String(notification.id) : undefined;
  const name = `notification ${id ?? 'without id'} (${notification.topic})`;
  const stale = staleness(notification.created_at, now, maxAge, FUTURE_SKEW_SECONDS);
  if (stale) {
    ctx.logger.warn(`${KEY}: ${name} is not emitted: ${stale}`);
    return;
  }
  if (await writtenByIgnoredAuthor(ctx, config, notification)) return;
  const { state, problems } = readDedupe(snapshot, now, FUTURE_SKEW_SECONDS);
  if (problems.length > 0) ctx.logger.warn(`${KEY}: the snapshot was damaged and is repaired: ${problems.join('; ')}`);
  // Without an id, the notification's content is its identity: a retry or replay of it has the same.
  const key = id ?? contentKey(notification);
  const verdict = check(state, key);
  if (verdict === 'duplicate') {
    ctx.logger.info(`${KEY}: ${name} was already emitted; duplicate delivery dropped`);
    return;
  }
  if (verdict === 'probable-duplicate') {
    ctx.logger.warn(`${KEY}: ${name} matches one emitted earlier (a retry or a replay; about one chance in a million that it is new); duplicate delivery dropped`);
    return;
  }
  await ctx.emitData(eventMessage(notification));
  const remembered = remember(state, key, now, Math.max(GENERATION_SECONDS, maxAge));
  if (remembered.filled) ctx.logger.info(`${KEY}: many notifications arrive; the oldest are now remembered for less than ${Math.max(GENERATION_SECONDS, maxAge) / 60} minutes (the exact last ${RECENT_LIMIT} and the filter's last few hundred)`);
  await ctx.emit('snapshot', toDedupeSnapshot(remembered.state));
  ctx.logger.info(`${KEY}: ${notification.topic} emitted (notification ${id ?? 'without id'}, delivery attempt ${typeof notification['delivery_attempts'] === 'number' ? notification['delivery_attempts'] : 1})`);
}

/**
 * Loop prevention: a conversation or ticket notification whose latest change was written by the token's admin
 * (unless the step includes it) or a chosen admin is not emitted. Only read when the notification names such
 * an author, so other deliveries cost no `GET /me`.
 */
async function writtenByIgnoredAuthor(ctx: StepContext, config: Config, notification: Notification): Promise<boolean> {
  const author = lastChangeAuthor(notification.data?.item);
  if (!isTeammate(author)) return false;
  const options = readLoopOptions(config);
  const ignored = await ignoredAuthors(options, readCredentials(config), ctx.logger, KEY);
  if (!isIgnored(ignored, author)) return false;
  ctx.logger.info(`${KEY}: ${notification.topic} (notification ${notification.id ?? 'without id'}) left out, written by ${author.type ?? ''} ${author.id} (loop prevention)`);
  return true;
}

/** The webhook trigger. Its key in messages is KEY, the catalogue's. */
export const trigger: StepDefinition = { process: (key) => step(key, ({ ctx, cfg, snapshot }) => handle(ctx, cfg, snapshot), { kind: 'trigger' }) };
