/**
 * No server at all: every case must fail while reading its configuration, before any request. nock refuses any
 * connection, so a request that slipped through would fail differently.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readCredentials } from '../../../lib/runtime/credentials';
import { ConfigurationError } from '../../../lib/runtime/errors';
import { readPagingOptions } from '../../../lib/runtime/paging';
import { parseStartTime, readPollingOptions } from '../../../lib/triggers/polling/options';
import webhookTrigger from '../../../lib/triggers/webhookEvents';
import { FakeStep, offlineRuntime } from '../../helpers/context';

const TOKEN = 'tok_settings_errors_0123456789';

describe('settings: a value of the wrong type or form is a configuration error naming the field', () => {
  offlineRuntime();

  for (const region of [5, ['us'], {}, true]) {
    it(`region ${JSON.stringify(region)} is an error, not "auto" (which would send the token to three hosts)`, () => {
      assert.throws(() => readCredentials({ accessToken: TOKEN, region }), (error: unknown) => error instanceof ConfigurationError && /Credential field "region" must be text/.test(error.message));
    });
  }

  it('a token or base URL that is not text is an error naming its field', () => {
    assert.throws(() => readCredentials({ accessToken: 12345678901 }), (error: Error) => /Credential field "accessToken" must be text; got a number/.test(error.message) && !error.message.includes('12345678901'));
    assert.throws(() => readCredentials({ accessToken: TOKEN, baseUrl: { host: 'x' } }), /Credential field "baseUrl" must be text; got an object/);
  });

  for (const startTime of ['-5', '-1700000000', 'May 1', '1 2 3', 'tomorrow', '2026-1-5']) {
    it(`startTime ${JSON.stringify(startTime)} is an error, not a date Date.parse guessed`, () => {
      assert.throws(() => readPollingOptions({ startTime }), (error: unknown) => error instanceof ConfigurationError && /Step field "startTime" must be an ISO 8601 date/.test(error.message));
    });
  }

  it('ISO 8601 start times are still read, with and without a zone', () => {
    assert.equal(parseStartTime('2026-01-31'), Date.parse('2026-01-31T00:00:00Z') / 1000);
    assert.equal(parseStartTime('2026-01-31T08:00:00+02:00'), Date.parse('2026-01-31T06:00:00Z') / 1000);
    assert.equal(parseStartTime('2026-01-31T08:00'), Date.parse('2026-01-31T08:00:00Z') / 1000);
  });

  for (const maxItems of [true, [5], '0x10', '1e3', '-3', ' 2.5 ']) {
    it(`maxItems ${JSON.stringify(maxItems)} is an error, not a number JavaScript coerced it to`, () => {
      assert.throws(() => readPagingOptions({ fetch: 'all', maxItems }), /Step field "maxItems" must be a whole number of at least 1/);
    });
  }

  it('overlapMinutes "0x10" or a list is an error, not 16 or 5', () => {
    assert.throws(() => readPollingOptions({ overlapMinutes: '0x10' }), /Step field "overlapMinutes" must be a whole number from 0 to 1440/);
    assert.throws(() => readPollingOptions({ overlapMinutes: [5] }), /Step field "overlapMinutes" must be a whole number from 0 to 1440/);
  });

  for (const clientSecret of [12345678, { secret: 'x' }, ['s3cr3t-value']]) {
    it(`webhook clientSecret ${JSON.stringify(clientSecret)} is an error: an unsigned delivery is not accepted as if no secret were set`, async () => {
      const raw = JSON.stringify({ type: 'notification_event', id: 'n1', topic: 'contact.user.created', created_at: Math.floor(Date.now() / 1000), data: { item: { id: 'c1' } } });
      const step = new FakeStep();
      const forged = `sha1=${createHmac('sha1', 'attacker').update(raw).digest('hex')}`;
      await assert.rejects(
        webhookTrigger.process.call(step, { body: { rawData: raw }, headers: { 'x-hub-signature': forged }, attachments: {}, metadata: {} }, { clientSecret }, {}),
        /Step field "clientSecret" must be text/,
      );
      assert.equal(step.events('data').length, 0);
    });
  }
});
