/**
 * OIH record identity under ferryman: what ferryman's ID linking reads from an emitted message
 * (`metadata.recordUid` for the node's `applicationUid`) must describe Intercom's record.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { emittedRecordId, outgoingMessage } from '../../../lib/runtime/step';
import upsertContact from '../../../lib/actions/upsertContact';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const TOKEN_DATA = { function: 'x', flowId: 'f', stepId: 's' };
const incoming = { recordUid: 'crm-42', applicationUid: 'app-crm', oihUid: 'oih-7' };

async function underFerryman(key: string, data: unknown, metadata: Record<string, unknown>, cfg = testConfig()): Promise<FakeStep> {
  const step = new FakeStep();
  await forOperation(key).process.call(step, { data, metadata, attachments: {} }, cfg, {}, {}, TOKEN_DATA);
  return step;
}

describe('OIH identity: metadata of what the component emits under ferryman', () => {
  offlineRuntime();

  describe('the record rule (emittedRecordId)', () => {
    it('an Intercom object is its own record; its id is the recordUid, numbers as text', () => {
      assert.equal(emittedRecordId({ type: 'contact', id: '6657a' }), '6657a');
      assert.equal(emittedRecordId({ type: 'note', id: 17 }), '17');
      assert.equal(emittedRecordId({ object: 'company', id: 'c9', deleted: true }), 'c9');
    });

    it('a body wrapping exactly one Intercom object names that one', () => {
      assert.equal(emittedRecordId({ result: 'created', contact: { type: 'contact', id: 'k1' } }), 'k1');
      assert.equal(emittedRecordId({ found: true, count: 2, contact: { type: 'contact', id: 'k2' }, contacts: [{ type: 'contact', id: 'k2' }, { type: 'contact', id: 'k3' }] }), 'k2');
    });

    it('lists, summaries, rows and ambiguous bodies carry no recordUid', () => {
      assert.equal(emittedRecordId({ type: 'list', data: [{ type: 'contact', id: 'a' }], pages: { type: 'pages' } }), undefined);
      assert.equal(emittedRecordId({ type: 'conversation.list', conversations: [] }), undefined);
      assert.equal(emittedRecordId({ row: { id: 'r' } }), undefined);
      assert.equal(emittedRecordId({ id: 'no-type' }), undefined);
      assert.equal(emittedRecordId({ a: { type: 'tag', id: '1' }, b: { type: 'contact', id: '2' } }), undefined);
      assert.equal(emittedRecordId([{ type: 'contact', id: 'a' }]), undefined);
    });
  });

  describe('the envelope', () => {
    it('ferryman: recordUid is the emitted record, oihUid kept, applicationUid from the node settings; the source app\'s ids dropped', () => {
      const out = outgoingMessage('ferryman', { data: {}, metadata: incoming }, { type: 'contact', id: 'ic-1' }, { nodeSettings: { applicationUid: 'app-intercom' } });
      assert.deepEqual(out, { data: { type: 'contact', id: 'ic-1' }, metadata: { oihUid: 'oih-7', recordUid: 'ic-1', applicationUid: 'app-intercom' } });
    });

    it('ferryman, a list: no identity at all (an oihUid alone would be linked without an Intercom id), never the incoming ids', () => {
      const out = outgoingMessage('ferryman', { data: {}, metadata: incoming }, { type: 'list', data: [] }, {});
      assert.deepEqual(out['metadata'], {});
    });

    it('list items emitted one by one are records the step found: each its own recordUid, not the incoming oihUid', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts')
        .reply(200, { type: 'list', data: [{ type: 'contact', id: 'a' }, { type: 'contact', id: 'b' }], pages: { type: 'pages', next: null } });
      const step = await underFerryman('listContacts', {}, { oihUid: 'oih-7', recordUid: 'crm-1' }, testConfig(undefined, { emit: 'individually' }));
      assert.deepEqual(step.events('data').map((m) => (m as { metadata: unknown }).metadata), [{ recordUid: 'a' }, { recordUid: 'b' }]);
    });

    it('the sailor envelope is unchanged (empty metadata)', () => {
      const out = outgoingMessage('sailor', { body: {}, metadata: incoming }, { type: 'contact', id: 'ic-1' }, { nodeSettings: { applicationUid: 'x' } });
      assert.deepEqual(out['metadata'], {});
    });
  });

  describe('the Intercom id handed in as metadata.recordUid', () => {
    it('updateContact with only metadata.recordUid updates that contact', async () => {
      const scope = nock(TEST_BASE_URL).put('/contacts/ic-5', { name: 'New' }).reply(200, { type: 'contact', id: 'ic-5', name: 'New' });
      const step = await underFerryman('updateContact', { name: 'New' }, { recordUid: 'ic-5', oihUid: 'o1' });
      scope.done();
      assert.deepEqual(step.events('data'), [{ data: { type: 'contact', id: 'ic-5', name: 'New' }, metadata: { oihUid: 'o1', recordUid: 'ic-5' } }]);
    });

    it('upsertContact updates the contact metadata.recordUid names, with no external_id or email in the body', async () => {
      const scope = nock(TEST_BASE_URL)
        .get('/contacts/ic-9')
        .reply(200, { type: 'contact', id: 'ic-9' })
        .put('/contacts/ic-9', { name: 'Linked' })
        .reply(200, { type: 'contact', id: 'ic-9', name: 'Linked' });
      const step = new FakeStep();
      await upsertContact.process.call(step, { data: { name: 'Linked' }, metadata: { recordUid: 'ic-9' } }, testConfig(), {}, {}, TOKEN_DATA);
      scope.done();
      const [message] = step.events('data') as Array<{ data: { result: string; matched_by: string }; metadata: unknown }>;
      assert.equal(message?.data.matched_by, 'recordUid');
      assert.deepEqual(message?.metadata, { recordUid: 'ic-9' });
    });

    it('a contact_id in the body wins over metadata.recordUid', async () => {
      const scope = nock(TEST_BASE_URL).delete('/contacts/given').reply(200, { type: 'contact', id: 'given', deleted: true });
      await underFerryman('deleteContact', { contact_id: 'given', deleteRequested: true }, { recordUid: 'other' }, testConfig(undefined, { deletes: true }));
      scope.done();
    });

    it('a create or a sub-resource is not about the linked record: recordUid does not fill its path', async () => {
      await assert.rejects(underFerryman('createContactNote', { body: 'hi' }, { recordUid: 'ic-5' }), /field contact_id: is required/);
    });

    it('under the sailor metadata.recordUid is not read', async () => {
      const step = new FakeStep();
      await assert.rejects(
        forOperation('updateContact').process.call(step, { body: { name: 'x' }, metadata: { recordUid: 'ic-5' }, headers: {}, attachments: {} }, testConfig(), {}),
        /field contact_id: is required/,
      );
    });
  });
});
