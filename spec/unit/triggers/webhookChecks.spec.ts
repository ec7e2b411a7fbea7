/**
 * What the webhook trigger refuses before anything is emitted, on its own: a delivery whose signature does not
 * prove it comes from Intercom (webhook/signature.ts) and a notification too old or dated ahead of this clock
 * (webhook/freshness.ts). Expected values are written by hand (the HMAC-SHA1 test vector of RFC 2104's common
 * example, minutes and seconds counted here).
 */
import assert from 'node:assert/strict';
import { verifySignature, WebhookSignatureError } from '../../../lib/triggers/webhook/signature';
import { readMaxAgeSeconds, staleness } from '../../../lib/triggers/webhook/freshness';

// HMAC-SHA1 with the key "key" of "The quick brown fox jumps over the lazy dog".
const BODY = Buffer.from('The quick brown fox jumps over the lazy dog', 'utf8');
const KEY = 'key';
const HEX = 'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9';

const refused = (header: string | undefined, message: RegExp, hint?: string): void => {
  assert.throws(
    () => verifySignature(BODY, header, KEY, hint),
    (error: unknown) => error instanceof WebhookSignatureError && error.kind === 'input' && message.test(error.message),
  );
};

describe('webhook signature check', () => {
  it('accepts the HMAC-SHA1 of the body bytes keyed with the client secret, in either case and with surrounding spaces', () => {
    assert.doesNotThrow(() => verifySignature(BODY, `sha1=${HEX}`, KEY));
    assert.doesNotThrow(() => verifySignature(BODY, `SHA1=${HEX.toUpperCase()}`, KEY));
    assert.doesNotThrow(() => verifySignature(BODY, `  sha1=${HEX}\t`, KEY));
  });

  it('refuses a header that is absent, empty or only spaces as missing, naming the hint', () => {
    refused(undefined, /^Webhook delivery rejected: the X-Hub-Signature header is missing, and a client secret is configured; why$/, '; why');
    refused('', /^Webhook delivery rejected: the X-Hub-Signature header is missing, and a client secret is configured$/);
    refused('   ', /header is missing/);
  });

  it('refuses a header that is not exactly sha1= and 40 hex digits', () => {
    const malformed = /^Webhook delivery rejected: the X-Hub-Signature header is not of the form sha1=<40 hex digits>$/;
    refused(HEX, malformed);
    refused(`sha1=${HEX.slice(0, 39)}`, malformed);
    refused(`sha1=${HEX}0`, malformed);
    refused(`xsha1=${HEX}`, malformed);
    refused(`sha1=${HEX.slice(0, 39)}g`, malformed);
    refused(`sha256=${HEX}`, malformed);
  });

  it('refuses a signature of another body or another secret, naming the hint', () => {
    const mismatch = /^Webhook delivery rejected: the X-Hub-Signature does not match the body and the configured client secret; parsed$/;
    refused(`sha1=${HEX.replace(/^d/, 'e')}`, mismatch, '; parsed');
    assert.throws(() => verifySignature(Buffer.from('The quick brown fox jumps over the lazy cat'), `sha1=${HEX}`, KEY), /does not match/);
    assert.throws(() => verifySignature(BODY, `sha1=${HEX}`, 'another key'), /does not match the body and the configured client secret$/);
  });
});

describe('webhook freshness bound', () => {
  const NOW = 1_773_100_000;
  const SKEW = 300;

  afterEach(() => {
    Reflect.deleteProperty(process.env, 'INTERCOM_WEBHOOK_MAX_AGE_MINUTES');
  });

  it('a notification exactly as old as the bound is taken, one second older is refused with its age', () => {
    assert.equal(staleness(NOW - 10_800, NOW, 10_800, SKEW), undefined);
    assert.equal(
      staleness(NOW - 10_801, NOW, 10_800, SKEW),
      'it was created 180 minutes ago (2026-03-09T20:46:39Z), longer ago than the bound of 180 minutes (step field maxAgeMinutes or INTERCOM_WEBHOOK_MAX_AGE_MINUTES)',
    );
    assert.equal(staleness(NOW, NOW, 10_800, SKEW), undefined);
  });

  it('a notification dated up to the clock difference ahead is taken, one second further is refused', () => {
    assert.equal(staleness(NOW + 300, NOW, 10_800, SKEW), undefined);
    assert.equal(staleness(NOW + 301, NOW, 10_800, SKEW), 'it is dated 2026-03-09T23:51:41Z, ahead of this clock');
  });

  it('a created_at that is not Unix seconds cannot be checked and is refused; with the bound off (0) anything is taken', () => {
    assert.equal(staleness(undefined, NOW, 10_800, SKEW), 'its created_at is missing is not a Unix time in seconds, so its age cannot be checked');
    assert.equal(staleness('1773100000', NOW, 10_800, SKEW), 'its created_at "1773100000" is not a Unix time in seconds, so its age cannot be checked');
    assert.equal(staleness(1_773_100_000_000, NOW, 10_800, SKEW), 'its created_at 1773100000000 is not a Unix time in seconds, so its age cannot be checked');
    assert.equal(staleness(undefined, NOW, 0, SKEW), undefined);
    assert.equal(staleness(1, NOW, 0, SKEW), undefined);
  });

  it('the bound: the step field, else the environment variable, else 180 minutes; up to a week; unset values fall through', () => {
    assert.equal(readMaxAgeSeconds({}), 10_800);
    assert.equal(readMaxAgeSeconds({ maxAgeMinutes: '' }), 10_800);
    assert.equal(readMaxAgeSeconds({ maxAgeMinutes: 5 }), 300);
    assert.equal(readMaxAgeSeconds({ maxAgeMinutes: '10080' }), 604_800);
    assert.equal(readMaxAgeSeconds({ maxAgeMinutes: 0 }), 0);
    process.env['INTERCOM_WEBHOOK_MAX_AGE_MINUTES'] = '20';
    assert.equal(readMaxAgeSeconds({}), 1_200);
    assert.equal(readMaxAgeSeconds({ maxAgeMinutes: 7 }), 420);
    process.env['INTERCOM_WEBHOOK_MAX_AGE_MINUTES'] = '';
    assert.equal(readMaxAgeSeconds({}), 10_800);
  });

  it('a bound beyond a week or not a whole number is a configuration error naming where it came from', () => {
    assert.throws(() => readMaxAgeSeconds({ maxAgeMinutes: 10_081 }), /^ConfigurationError: Step field "maxAgeMinutes" \(minutes; 0: no bound\) must be a whole number from 0 to 10080; got 10081/);
    process.env['INTERCOM_WEBHOOK_MAX_AGE_MINUTES'] = '1.5';
    assert.throws(() => readMaxAgeSeconds({}), /The environment variable INTERCOM_WEBHOOK_MAX_AGE_MINUTES \(minutes; 0: no bound\) must be a whole number from 0 to 10080; got "1\.5"/);
  });
});
