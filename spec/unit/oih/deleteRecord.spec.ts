/**
 * OIH deletePerson under ferryman: which record it deletes. An id in the message wins over OIH's ID linking
 * (metadata.recordUid); the recordUid is used only when the message has none (a blank id counts as none).
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import deletePerson from '../../../lib/actions/deletePerson';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

// Intercom contact ids: 24 hexadecimal characters.
const GIVEN = '65a1b2c3d4e5f60718293a4b';
const LINKED = '65a1b2c3d4e5f60718293a4d';

describe('OIH deletePerson: the contact it deletes', () => {
  offlineRuntime();
  const run = async (data: Record<string, unknown>): Promise<void> => {
    await deletePerson.process.call(new FakeStep(), { data: { ...data, deleteRequested: '1642683883' }, metadata: { recordUid: LINKED }, attachments: {} }, testConfig(undefined, { deletes: true }), {}, {}, { function: 'deletePerson', flowId: 'f', stepId: 's' });
  };

  it('an id in the message is deleted, not the linked recordUid', async () => {
    const given = nock(TEST_BASE_URL).delete(`/contacts/${GIVEN}`).reply(200, { type: 'contact', id: GIVEN, deleted: true });
    const linked = nock(TEST_BASE_URL).delete(`/contacts/${LINKED}`).reply(200, { type: 'contact', id: LINKED, deleted: true });
    await run({ id: GIVEN });
    assert.deepEqual([given.isDone(), linked.isDone()], [true, false]);
  });

  it('without an id, or with a blank one, the linked recordUid is deleted', async () => {
    for (const data of [{}, { id: '  ' }]) {
      const linked = nock(TEST_BASE_URL).delete(`/contacts/${LINKED}`).reply(200, { type: 'contact', id: LINKED, deleted: true });
      await run(data);
      assert.ok(linked.isDone(), JSON.stringify(data));
    }
  });
});
