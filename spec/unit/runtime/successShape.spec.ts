/**
 * nock, not the sandbox: the sandbox answers every JSON operation with an object; these cases script the bodies
 * that are not.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import closeConversation from '../../../lib/actions/closeConversation';
import { forOperation } from '../../../lib/operation/action';
import { IntercomApiError } from '../../../lib/runtime/errors';
import type { ProcessFunction } from '../../../lib/runtime/step';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

async function run(process: ProcessFunction, body: unknown): Promise<{ error?: unknown; step: FakeStep }> {
  const step = new FakeStep();
  try {
    await process.call(step, { body }, testConfig(), {});
    return { step };
  } catch (error) {
    return { error, step };
  }
}

describe('responses: a 2xx that is not the object a JSON operation answers with is an error, not a success', () => {
  offlineRuntime();

  it('getContact answered 200 with JSON null: an error carrying the request_id, nothing emitted', async () => {
    nock(TEST_BASE_URL).get('/contacts/c1').times(4).reply(200, 'null', { 'Content-Type': 'application/json', 'X-Request-Id': 'req-null-1' });
    const { error, step } = await run(forOperation('getContact').process, { contact_id: 'c1' });
    assert.ok(error instanceof IntercomApiError, String(error));
    assert.match(error.message, /^Intercom 200 unexpected_response: Intercom answered 200 with null where this operation returns an object \(request_id req-null-1\) in getContact$/);
    assert.equal(step.events('data').length, 0);
  });

  it('createContact answered 200 with a bare JSON string: an error, sent once, nothing emitted', async () => {
    const scope = nock(TEST_BASE_URL).post('/contacts').once().reply(200, '"ok"', { 'Content-Type': 'application/json', 'X-Request-Id': 'req-str-1' });
    const { error, step } = await run(forOperation('createContact').process, { email: 'a@example.com' });
    scope.done();
    assert.ok(error instanceof IntercomApiError, String(error));
    assert.match(error.message, /Intercom answered 200 with a bare string where this operation returns an object \(request_id req-str-1\) in createContact$/);
    assert.equal(step.events('data').length, 0);
  });

  it('a convenience action (closeConversation) answered 200 with null fails the same way', async () => {
    nock(TEST_BASE_URL).post('/conversations/1/parts').times(4).reply(200, 'null', { 'Content-Type': 'application/json' });
    const { error, step } = await run(closeConversation.process, { conversation_id: '1', admin_id: '2' });
    assert.match(String(error), /Intercom answered 200 with null where this operation returns an object/);
    assert.equal(step.events('data').length, 0);
  });

  it('operations that answer without a body still succeed: a 204 delete and a 202 event', async () => {
    nock(TEST_BASE_URL).delete('/audiences/a1').reply(204).post('/events').reply(202, '');
    const deleted = await run(forOperation('deleteAudience').process, { id: 'a1' });
    assert.equal(deleted.error, undefined);
    assert.deepEqual(deleted.step.bodies(), [{ id: 'a1', deleted: true, status: 204 }]);
    const event = await run(forOperation('submitDataEvent').process, { event_name: 'ordered', created_at: 1700000000, user_id: 'u1' });
    assert.equal(event.error, undefined, String(event.error));
    assert.deepEqual(event.step.bodies(), [{ status: 202 }]);
  });
});
