import { createHmac, timingSafeEqual } from 'node:crypto';
import { ComponentError } from '../../runtime/errors';

/** A delivery that does not prove it comes from Intercom: nothing of it is emitted. */
export class WebhookSignatureError extends ComponentError {
  readonly kind = 'input';
}

const SIGNATURE = /^sha1=([0-9a-f]{40})$/i;

/**
 * Checks `X-Hub-Signature` (`sha1=<hex>`: HMAC-SHA1 of the raw body bytes keyed with the app's client secret) against the body bytes as received, comparing in constant time. Throws
 * WebhookSignatureError when the header is missing, malformed or does not match.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, secret: string, hint = ''): void {
  if (header === undefined || header.trim() === '') {
    throw new WebhookSignatureError(`Webhook delivery rejected: the X-Hub-Signature header is missing, and a client secret is configured${hint}`);
  }
  const match = SIGNATURE.exec(header.trim());
  if (!match) throw new WebhookSignatureError('Webhook delivery rejected: the X-Hub-Signature header is not of the form sha1=<40 hex digits>');
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  const received = Buffer.from((match[1] as string).toLowerCase(), 'hex');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new WebhookSignatureError(`Webhook delivery rejected: the X-Hub-Signature does not match the body and the configured client secret${hint}`);
  }
}
