/**
 * nock, not the sandbox: a request body of a chosen size; Intercom must not be called at all. Expected numbers are
 * worked out here from the body itself (its JSON length), not taken from the code under test.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { InputValidationError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';
import replyToConversationModule from '../../../lib/actions/replyToConversation';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const MiB = 1024 * 1024;
const replyToConversation = replyToConversationModule.process;

describe('one size rule for what is sent: the request body cap', () => {
  offlineRuntime();

  it('the documented default is 17 MiB, separate from the 16 MiB answer cap', () => {
    assert.equal(settings.maxRequestBytes, 17 * MiB);
    assert.equal(settings.maxResponseBytes, 16 * MiB);
  });

  it('a 30 MB text field is refused before any request with the request-size error naming the field and what to do', async () => {
    const text = 'x'.repeat(30_000_000);
    const body = { message_type: 'comment', type: 'admin', admin_id: '7', body: text };
    const expectedBytes = Buffer.byteLength(JSON.stringify(body));
    const scope = nock(TEST_BASE_URL).post('/conversations/c1/reply').reply(200, { type: 'conversation', id: 'c1' });
    const step = new FakeStep();
    const error = await forOperation('replyConversation').process.call(step, { body: { conversation_id: 'c1', ...body } }, testConfig(), {}).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof InputValidationError, String(error));
    assert.equal(
      error.message,
      `Invalid input for replyConversation: the request body would be ${expectedBytes} bytes, over the limit of ${17 * MiB} bytes (INTERCOM_MAX_REQUEST_BYTES); field body alone is ${text.length + 2} bytes: shorten it or split it over several requests`,
    );
    assert.ok(!/answer is larger/.test(error.message));
    assert.ok(!scope.isDone(), 'Intercom was not called');
    assert.equal(step.bodies().length, 0);
  });

  it('the convenience action says the same for its text (nested fields are named by their path)', async () => {
    const scope = nock(TEST_BASE_URL).post('/conversations/c2/reply').reply(200, {});
    const error = await replyToConversation
      .call(new FakeStep(), { body: { conversation_id: 'c2', admin_id: '7', body: 'y'.repeat(18 * MiB) } }, testConfig(), {})
      .then(() => undefined, (e: unknown) => e);
    assert.match((error as Error).message, /Invalid input for replyToConversation \(replyConversation\): the request body would be \d+ bytes, over the limit of 17825792 bytes \(INTERCOM_MAX_REQUEST_BYTES\); field body alone is 18874370 bytes/);
    assert.ok(!scope.isDone());
    const nested = await forOperation('createContact')
      .process.call(new FakeStep(), { body: { email: 'a@b.test', custom_attributes: { notes: 'z'.repeat(18 * MiB) } } }, testConfig(), {})
      .then(() => undefined, (e: unknown) => e);
    assert.match((nested as Error).message, /field custom_attributes\.notes alone is 18874370 bytes/);
  });
});
