/**
 * Upsert Object's own rules, with nock answering as Intercom's description shapes it: which operation each type's
 * key leads to, and the errors before any request. Expected requests are written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import upsertObjectModule from '../../../lib/actions/upsertObject';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const upsertObject = upsertObjectModule.process;

async function upsert(objectType: string, body: Record<string, unknown>): Promise<FakeStep> {
  const step = new FakeStep();
  await upsertObject.call(step, { body, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType }), {});
  return step;
}

describe('upsertObject: the Intercom id updates, otherwise the type\'s own key decides', () => {
  offlineRuntime();

  it('a contact with its Intercom id: that contact is updated with the other fields', async () => {
    const scope = nock(TEST_BASE_URL).put('/contacts/c1', { name: 'Ann' }).reply(200, { type: 'contact', id: 'c1', name: 'Ann' });
    const step = await upsert('contacts', { id: 'c1', name: 'Ann' });
    scope.done();
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c1', name: 'Ann' }]);
  });

  it('a company without an Intercom id: Intercom\'s create-or-update by company_id', async () => {
    const scope = nock(TEST_BASE_URL).post('/companies', { company_id: 'acme', name: 'Acme' }).reply(200, { type: 'company', id: 'co1' });
    const step = await upsert('companies', { company_id: 'acme', name: 'Acme' });
    scope.done();
    assert.deepEqual(step.bodies(), [{ type: 'company', id: 'co1' }]);
  });

  it('a company with its Intercom id: updated by that id', async () => {
    const scope = nock(TEST_BASE_URL).put('/companies/co1', { name: 'Acme' }).reply(200, { type: 'company', id: 'co1' });
    await upsert('companies', { id: 'co1', name: 'Acme' });
    scope.done();
  });

  it('a contact without id, external_id or email: an error naming the field, nothing sent', async () => {
    await assert.rejects(upsert('contacts', { name: 'Ann' }), /field id: give the Intercom id, an external_id or an email/);
  });

  it('a contact by email: found by search, then updated (as upsertContact does)', async () => {
    const scope = nock(TEST_BASE_URL)
      .post('/contacts/search')
      .reply(200, { type: 'list', data: [{ type: 'contact', id: 'c9', email: 'ann@example.test' }], total_count: 1 })
      .put('/contacts/c9', { email: 'ann@example.test', name: 'Ann' })
      .reply(200, { type: 'contact', id: 'c9', name: 'Ann' });
    const step = await upsert('contacts', { email: 'ann@example.test', name: 'Ann' });
    scope.done();
    assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c9', name: 'Ann' }]);
    assert.ok(step.logs.some((line) => line.includes('upsertObject: contact updated (matched by email)')), step.logs.join('\n'));
  });

  it('"." as the id is refused before any request', async () => {
    await assert.rejects(upsert('contacts', { id: '.', name: 'x' }), /field id: "\." is not a valid id/);
  });

  it('an object type without upsert is a configuration error naming the step field', async () => {
    await assert.rejects(upsert('admins', { id: '1' }), /upsertObject: step field "objectType" "admins" is not an object type this action supports/);
    await assert.rejects(upsert('', { id: '1' }), /upsertObject: step field "objectType" is required/);
  });

  it('custom object instances: their type identifier is required; an Intercom id is refused (they are matched by external_id)', async () => {
    await assert.rejects(upsert('customObjectInstances', { external_id: 'x1' }), /field custom_object_type_identifier: is required for custom object instances/);
    await assert.rejects(
      upsert('customObjectInstances', { custom_object_type_identifier: 'Order', id: '5' }),
      /field id: custom object instances are matched by their own key, not by Intercom id; leave it empty/,
    );
  });
});
