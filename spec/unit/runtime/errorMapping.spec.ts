/**
 * errorFromResponse (lib/runtime/errorMapping.ts) on its own: every body shape an error answer comes in, and the
 * message each gives, written out by hand.
 */
import assert from 'node:assert/strict';
import { errorFromResponse } from '../../../lib/runtime/errorMapping';
import { IntercomApiError, RateLimitExhaustedError } from '../../../lib/runtime/errors';

const fromBody = (status: number, body: unknown, headers: Record<string, string> = {}): IntercomApiError => errorFromResponse(status, body, headers, 'getContact');

describe('runtime: Intercom error answers become one IntercomApiError', () => {
  it('an error.list: the codes (each once), every message with its field, the request_id', () => {
    const error = fromBody(422, {
      type: 'error.list',
      request_id: 'req-1',
      errors: [
        { code: 'parameter_invalid', message: 'Email is invalid', field: 'email' },
        { code: 'parameter_invalid', message: 'Name is too long' },
        { code: 'conflict', message: '' },
      ],
    });
    assert.equal(error.message, 'Intercom 422 parameter_invalid,conflict: Email is invalid (field email); Name is too long (request_id req-1) in getContact');
    assert.deepEqual(error.errors, [
      { code: 'parameter_invalid', message: 'Email is invalid', field: 'email' },
      { code: 'parameter_invalid', message: 'Name is too long' },
      { code: 'conflict', message: '' },
    ]);
    assert.equal(error.requestId, 'req-1');
    assert.equal(error.status, 422);
    assert.ok(!(error instanceof RateLimitExhaustedError));
  });

  it('the body as JSON text is read the same; entries that are not objects are skipped; a code or message of the wrong type is "unknown" / empty', () => {
    const error = fromBody(400, JSON.stringify({ errors: ['nope', null, { code: 7, message: 'Seven', field: 3 }, { code: 'x' }] }));
    assert.deepEqual(error.errors, [
      { code: 'unknown', message: 'Seven' },
      { code: 'x', message: '' },
    ]);
    assert.equal(error.message, 'Intercom 400 unknown,x: Seven in getContact');
  });

  it('the request_id comes from the X-Request-Id header when the body has none; the body wins when both have one', () => {
    assert.equal(fromBody(500, { errors: [{ code: 'server_error', message: 'boom' }] }, { 'x-request-id': 'hdr-9' }).requestId, 'hdr-9');
    assert.equal(fromBody(500, { request_id: 'body-1', errors: [] }, { 'x-request-id': 'hdr-9' }).requestId, 'body-1');
    assert.equal(fromBody(500, { request_id: 12, errors: [] }).requestId, undefined);
  });

  it('a gateway\'s {error: {code, message}} and a bare {message} are kept', () => {
    assert.equal(fromBody(403, { error: { code: 'forbidden', message: 'Access denied' } }).message, 'Intercom 403 forbidden: Access denied in getContact');
    assert.equal(fromBody(403, { error: { code: 5 } }).message, 'Intercom 403 unknown: no error details in the response in getContact');
    assert.equal(fromBody(401, { message: 'Token expired' }).message, 'Intercom 401 unknown: Token expired in getContact');
    assert.equal(fromBody(401, { message: 5 }).message, 'Intercom 401 http_error: empty response body in getContact');
  });

  it('bodies that are not JSON: the HTML title (or first heading), the text itself (200 characters at most), or "empty response body"', () => {
    assert.equal(fromBody(504, '<html><head><title> Gateway Timeout </title></head></html>').message, 'Intercom 504 server_error: Gateway Timeout (HTML response) in getContact');
    assert.equal(fromBody(502, '<body><h1>Bad Gateway</h1></body>').message, 'Intercom 502 server_error: Bad Gateway (HTML response) in getContact');
    assert.equal(fromBody(400, `  ${'x'.repeat(250)}  `).errors[0]?.message, 'x'.repeat(200));
    assert.equal(fromBody(404, '   ').message, 'Intercom 404 http_error: empty response body in getContact');
    assert.equal(fromBody(429, undefined).message, 'Intercom 429 rate_limit_exceeded: empty response body in getContact');
    assert.equal(fromBody(500, ['a list']).message, 'Intercom 500 server_error: empty response body in getContact');
    assert.equal(fromBody(499, '').errors[0]?.code, 'http_error');
  });

  it('at most 20 details are kept, each text cut at 1,000 characters saying how much more there was', () => {
    const long = 'y'.repeat(1_005);
    const error = fromBody(400, { errors: Array.from({ length: 25 }, (_, i) => ({ code: `c${i}`, message: i === 0 ? long : `m${i}` })) });
    assert.equal(error.errors.length, 20);
    assert.equal(error.errors[19]?.code, 'c19');
    assert.equal(error.errors[0]?.message, `${'y'.repeat(1_000)}… (5 more characters)`);
    assert.equal(fromBody(400, { errors: [{ code: 'c', message: 'z'.repeat(1_000) }] }).errors[0]?.message, 'z'.repeat(1_000), 'exactly 1,000 characters are kept whole');
  });

  it('410 with a Link to the contact it was merged into names that contact (decoded), unless the text already does', () => {
    const merged = fromBody(410, { errors: [{ code: 'contact_merged', message: 'Contact was merged' }] }, { link: '</contacts/65%2F43>; rel="canonical"' });
    assert.equal(merged.mergedInto, '65/43');
    assert.equal(merged.message, 'Intercom 410 contact_merged: Contact was merged; the contact was merged into contact 65/43 in getContact');
    const named = fromBody(410, { errors: [{ code: 'contact_merged', message: 'Merged into 6543' }] }, { link: '<https://api.intercom.io/contacts/6543?x=1>; rel="canonical"' });
    assert.equal(named.message, 'Intercom 410 contact_merged: Merged into 6543 in getContact');
    assert.equal(fromBody(404, { errors: [] }, { link: '</contacts/6543>' }).mergedInto, undefined, 'only a 410 is a merge');
    assert.equal(fromBody(410, { errors: [] }, { link: '</companies/1>' }).mergedInto, undefined);
  });

  it('a rate limit past its retries is a RateLimitExhaustedError; a note is added to the message', () => {
    assert.ok(errorFromResponse(429, {}, {}, 'getContact', true) instanceof RateLimitExhaustedError);
    assert.equal(errorFromResponse(500, { errors: [{ code: 'server_error', message: 'boom' }] }, {}, 'createContact', false, 'not retried').message, 'Intercom 500 server_error: boom; not retried in createContact');
  });
});
