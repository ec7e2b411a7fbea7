/**
 * The OIH functions under both runtimes: transformation contract (default mapping, customMapping, skipTransformation),
 * identity of what they emit, and deletes (OIH's protocol under ferryman, "treat not found as deleted" under the sailor).
 * nock answers each request as Intercom's description shapes it.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/runtime/action';
import * as deletePerson from '../../../lib/oih/deletePerson';
import * as deleteOrganization from '../../../lib/oih/deleteOrganization';
import * as upsertPerson from '../../../lib/oih/upsertPerson';
import * as upsertOrganization from '../../../lib/oih/upsertOrganization';
import getOrganizationsPolling from '../../../lib/triggers/getOrganizationsPolling';
import getPersonsPolling from '../../../lib/triggers/getPersonsPolling';
import { FakeStep, TEST_BASE_URL, testConfig } from '../../helpers/context';
import { at, runFerryman, runSailor, triggerHooks } from '../triggers/helpers';

type Process = (this: unknown, msg: Record<string, unknown>, cfg: unknown, snapshot?: unknown, headers?: unknown, tokenData?: unknown) => Promise<void>;
const TOKEN_DATA = { function: 'x', flowId: 'f', stepId: 's' };
const NOW = '2026-03-10T23:30:00Z';

async function sailor(process: Process, body: unknown, cfg: Record<string, unknown> = testConfig()): Promise<FakeStep> {
  const step = new FakeStep();
  await process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
}

async function ferryman(process: Process, data: unknown, metadata: Record<string, unknown>, cfg: Record<string, unknown> = testConfig()): Promise<FakeStep> {
  const step = new FakeStep();
  await process.call(step, { data, metadata, attachments: {} }, cfg, {}, {}, TOKEN_DATA);
  return step;
}

const contact = { type: 'contact', id: 'c1', name: 'Ada Lovelace', email: 'ada@example.test', phone: null, avatar: { type: 'avatar', image_url: 'https://img.test/ada.png' }, created_at: at('2026-03-10T22:00:00Z'), updated_at: at('2026-03-10T22:10:00Z') };
const ada = { firstName: 'Ada', lastName: 'Lovelace', photo: 'https://img.test/ada.png', contactData: [{ type: 'email', value: 'ada@example.test' }] };

function contactsAnswer(): void {
  nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1', app: { id_code: 'abc', timezone: 'UTC' } });
  nock(TEST_BASE_URL).post('/contacts/search').reply(200, { type: 'list', data: [contact], total_count: 1, pages: { type: 'pages' } });
}

describe('OIH functions', () => {
  triggerHooks(NOW);
  const start = { startTime: '2026-03-10T21:00:00Z' };

  describe('getPersonsPolling', () => {
    it('emits each contact as an OIH Person; under ferryman recordUid is the contact\'s Intercom id, applicationUid from the node', async () => {
      contactsAnswer();
      const step = await runFerryman(getPersonsPolling.process, testConfig(undefined, { ...start, nodeSettings: { applicationUid: 'app-ic' } }));
      assert.deepEqual(step.events('data'), [{ data: ada, metadata: { recordUid: 'c1', applicationUid: 'app-ic' } }]);
      assert.equal(step.events('snapshot').length, 1, 'the cursor still follows the records');
    });

    it('skipTransformation: the Intercom contact as it is', async () => {
      contactsAnswer();
      const step = await runSailor(getPersonsPolling.process, testConfig(undefined, { ...start, skipTransformation: 'on' }));
      assert.deepEqual(step.bodies(), [contact]);
    });

    it('customMapping: the JSONata expression instead of the default mapping', async () => {
      contactsAnswer();
      const step = await runSailor(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: '{ "mail": email, "fullName": name }' }));
      // JSONata builds its objects without a prototype; what goes on the wire is their JSON.
      assert.deepEqual(JSON.parse(JSON.stringify(step.bodies())), [{ mail: 'ada@example.test', fullName: 'Ada Lovelace' }]);
    });

    it('a customMapping that is not JSONata fails the step naming the field (ferryman would pass records on unmapped)', async () => {
      contactsAnswer();
      await assert.rejects(runSailor(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: '{ "a": ' })), /Step field "customMapping" is not a valid JSONata expression/);
    });
  });

  describe('getOrganizationsPolling', () => {
    it('emits each company as an OIH Organization', async () => {
      const company = { type: 'company', id: 'co1', name: 'Engines', website: 'https://engines.test', industry: null, created_at: at('2026-03-10T22:00:00Z'), updated_at: at('2026-03-10T22:10:00Z') };
      nock(TEST_BASE_URL).get('/companies/scroll').reply(200, { type: 'list', data: [company], scroll_param: 's1' }).get('/companies/scroll').query({ scroll_param: 's1' }).reply(200, { type: 'list', data: [], scroll_param: 's1' });
      const step = await runFerryman(getOrganizationsPolling.process, testConfig(undefined, start));
      assert.deepEqual(step.events('data'), [{ data: { organizationName: 'Engines', contactData: [{ type: 'url', value: 'https://engines.test' }] }, metadata: { recordUid: 'co1' } }]);
    });
  });

  describe('upsertPerson / upsertOrganization', () => {
    it('upsertPerson under ferryman: the linked contact (metadata.recordUid) is updated with the mapped Person', async () => {
      const scope = nock(TEST_BASE_URL)
        .get('/contacts/c1')
        .reply(200, contact)
        .put('/contacts/c1', { name: 'Ada Lovelace', avatar: 'https://img.test/ada.png', email: 'ada@example.test' })
        .reply(200, contact);
      const step = await ferryman(upsertPerson.process, ada, { recordUid: 'c1', oihUid: 'oih-1' });
      scope.done();
      assert.deepEqual(step.events('data'), [{ data: { result: 'updated', matched_by: 'recordUid', contact }, metadata: { oihUid: 'oih-1', recordUid: 'c1' } }]);
    });

    it('upsertPerson with skipTransformation takes Contacts: Create or update inputs, checked by their rules before any request', async () => {
      await assert.rejects(sailor(upsertPerson.process, ada, testConfig(undefined, { skipTransformation: true })), /Invalid input for upsertContact: .*field firstName: is not an input of this action/);
      const scope = nock(TEST_BASE_URL).get('/contacts/find_by_external_id/x-1').reply(200, contact).put('/contacts/c1', { name: 'Raw', external_id: 'x-1' }).reply(200, contact);
      await sailor(upsertPerson.process, { external_id: 'x-1', name: 'Raw' }, testConfig(undefined, { skipTransformation: true }));
      scope.done();
    });

    it('upsertOrganization: the linked company is updated; gone (404): created or updated by the record\'s oihUid as company_id', async () => {
      const company = { type: 'company', id: 'co1', company_id: 'oih-9', name: 'Engines' };
      const scope = nock(TEST_BASE_URL)
        .put('/companies/co1', { name: 'Engines' })
        .reply(404, { type: 'error.list', errors: [{ code: 'company_not_found', message: 'Company Not Found' }] })
        .post('/companies', { name: 'Engines', company_id: 'oih-9' })
        .reply(200, company);
      const step = await ferryman(upsertOrganization.process, { organizationName: 'Engines' }, { recordUid: 'co1', oihUid: 'oih-9' });
      scope.done();
      assert.deepEqual(step.events('data'), [{ data: { result: 'createdOrUpdated', matched_by: 'company_id', company }, metadata: { oihUid: 'oih-9', recordUid: 'co1' } }]);
    });

    for (const [status, code] of [
      [403, 'forbidden'],
      [409, 'conflict'],
      [422, 'parameter_invalid'],
      [500, 'server_error'],
    ] as const) {
      it(`upsertOrganization: an update refused with ${status} fails the message; it does not fall through to create-or-update by company_id`, async () => {
        const update = nock(TEST_BASE_URL)
          .put('/companies/co1')
          .reply(status, { type: 'error.list', request_id: `r-${status}`, errors: [{ code, message: `refused with ${status}` }] })
          .persist();
        const create = nock(TEST_BASE_URL).post('/companies').reply(200, { type: 'company', id: 'co2' });
        const step = new FakeStep();
        await assert.rejects(
          upsertOrganization.process.call(step, { data: { organizationName: 'Engines' }, metadata: { recordUid: 'co1', oihUid: 'oih-9' }, attachments: {} }, testConfig(), {}, {}, TOKEN_DATA),
          new RegExp(`Intercom ${status} ${code}: refused with ${status} \\(request_id r-${status}\\)`),
        );
        assert.ok(update.isDone(), 'the update was not tried');
        assert.equal(create.isDone(), false, 'a company was created or updated by company_id after the update was refused');
        assert.deepEqual(step.events('data'), []);
        update.persist(false);
      });
    }

    it('upsertOrganization without any id: an error naming company_id, nothing sent', async () => {
      await assert.rejects(sailor(upsertOrganization.process, { organizationName: 'Engines' }), /field company_id/);
    });
  });

  describe('deletes under ferryman: OIH\'s delete protocol', () => {
    const answer = (id: string, outcome: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ data: { id, delete: outcome, timestamp: NOW.replace('Z', '.000Z'), ...extra }, metadata: { recordUid: id } });

    it('confirmed: deletePerson deletes the linked contact (metadata.recordUid)', async () => {
      const scope = nock(TEST_BASE_URL).delete('/contacts/c1').reply(200, { type: 'contact', id: 'c1', deleted: true });
      const step = await ferryman(deletePerson.process, {}, { recordUid: 'c1' }, testConfig(undefined, { deletes: true }));
      scope.done();
      assert.deepEqual(step.events('data'), [answer('c1', 'confirmed')]);
    });

    it('confirmed: a record already gone (404) counts as deleted', async () => {
      nock(TEST_BASE_URL).delete('/companies/co1').reply(404, { type: 'error.list', errors: [{ code: 'company_not_found', message: 'Company Not Found' }] });
      const step = await ferryman(deleteOrganization.process, {}, { recordUid: 'co1' });
      assert.deepEqual(step.events('data'), [answer('co1', 'confirmed')]);
    });

    it('denied: the flow sets deletes: false; Intercom is not called', async () => {
      const scope = nock(TEST_BASE_URL).delete('/contacts/c1').reply(200, {});
      const step = await ferryman(deletePerson.process, { id: 'c1' }, {}, testConfig(undefined, { deletes: false }));
      assert.equal(scope.isDone(), false);
      assert.deepEqual(step.events('data'), [answer('c1', 'denied')]);
    });

    for (const text of ['false', 'FALSE', ' False ', 'off', '0', 'no']) {
      it(`denied: the flow sets deletes as the text ${JSON.stringify(text)}; Intercom is not called`, async () => {
        const scope = nock(TEST_BASE_URL).delete('/contacts/c1').reply(200, {});
        const step = await ferryman(deletePerson.process, { id: 'c1' }, {}, testConfig(undefined, { deletes: text }));
        assert.equal(scope.isDone(), false, 'the DELETE was sent');
        assert.deepEqual(step.events('data'), [answer('c1', 'denied')]);
      });
    }

    it('allowed: the flow sets deletes as the text "true"; the contact is deleted', async () => {
      const scope = nock(TEST_BASE_URL).delete('/contacts/c1').reply(200, { type: 'contact', id: 'c1', deleted: true });
      const step = await ferryman(deletePerson.process, { id: 'c1' }, {}, testConfig(undefined, { deletes: 'true' }));
      scope.done();
      assert.deepEqual(step.events('data'), [answer('c1', 'confirmed')]);
    });

    it('denied: Intercom refuses (403)', async () => {
      nock(TEST_BASE_URL).delete('/contacts/c1').reply(403, { type: 'error.list', request_id: 'r-403', errors: [{ code: 'forbidden', message: 'Forbidden' }] });
      const step = await ferryman(deletePerson.process, { id: 'c1' }, {});
      const [message] = step.events('data') as Array<{ data: Record<string, unknown> }>;
      assert.equal(message?.data['delete'], 'denied');
      assert.match(String(message?.data['error']), /Intercom 403 forbidden: Forbidden \(request_id r-403\)/);
    });

    it('failed: any other error is answered failed with the error, and logged', async () => {
      nock(TEST_BASE_URL).delete('/contacts/c1').reply(400, { type: 'error.list', request_id: 'r-400', errors: [{ code: 'parameter_invalid', message: 'Bad id' }] });
      const step = await ferryman(forOperation('deleteContact').process, { contact_id: 'c1' }, {});
      const [message] = step.events('data') as Array<{ data: Record<string, unknown>; metadata: unknown }>;
      assert.equal(message?.data['delete'], 'failed');
      assert.match(String(message?.data['error']), /Bad id/);
      assert.deepEqual(message?.metadata, { recordUid: 'c1' });
      assert.ok(step.logs.some((line) => line.startsWith('error ') && line.includes('failed')));
    });

    it('generated record deletes follow the protocol too (deleteCompany, id from metadata.recordUid)', async () => {
      nock(TEST_BASE_URL).delete('/companies/co2').reply(200, { id: 'co2', object: 'company', deleted: true });
      const step = await ferryman(forOperation('deleteCompany').process, {}, { recordUid: 'co2' });
      assert.deepEqual(step.events('data'), [answer('co2', 'confirmed')]);
    });
  });

  describe('deletes under the sailor: "Treat not found as deleted"', () => {
    const notFound = (): nock.Scope => nock(TEST_BASE_URL).delete('/contacts/gone').reply(404, { type: 'error.list', request_id: 'r-404', errors: [{ code: 'not_found', message: 'User Not Found' }] });

    it('ticked: a missing record emits an empty object', async () => {
      notFound();
      const step = await sailor(forOperation('deleteContact').process, { contact_id: 'gone' }, testConfig(undefined, { treatNotFoundAsDeleted: 'on' }));
      assert.deepEqual(step.bodies(), [{}]);
      notFound();
      const oih = await sailor(deletePerson.process, { id: 'gone' }, testConfig(undefined, { treatNotFoundAsDeleted: true }));
      assert.deepEqual(oih.bodies(), [{}]);
    });

    it('not ticked: the 404 fails the step with Intercom\'s error', async () => {
      notFound();
      await assert.rejects(sailor(forOperation('deleteContact').process, { contact_id: 'gone' }), /Intercom 404 not_found: User Not Found \(request_id r-404\) in deleteContact/);
    });

    it('a found record: Intercom\'s answer, as before', async () => {
      nock(TEST_BASE_URL).delete('/contacts/c1').reply(200, { type: 'contact', id: 'c1', deleted: true });
      const step = await sailor(forOperation('deleteContact').process, { contact_id: 'c1' }, testConfig(undefined, { treatNotFoundAsDeleted: 'on' }));
      assert.deepEqual(step.bodies(), [{ type: 'contact', id: 'c1', deleted: true }]);
    });
  });
});
