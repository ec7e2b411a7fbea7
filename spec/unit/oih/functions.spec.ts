/**
 * The OIH functions under both runtimes: transformation contract (default mapping, customMapping, skipTransformation),
 * identity of what they emit, and deletes (OIH's protocol under ferryman, "treat not found as deleted" under the sailor).
 * nock answers each request as Intercom's description shapes it.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import deletePerson from '../../../lib/actions/deletePerson';
import deleteOrganization from '../../../lib/actions/deleteOrganization';
import upsertPerson from '../../../lib/actions/upsertPerson';
import upsertOrganization from '../../../lib/actions/upsertOrganization';
import getOrganizationsPolling from '../../../lib/triggers/getOrganizationsPolling';
import getPersonsPolling from '../../../lib/triggers/getPersonsPolling';
import { companyFromOrganization, organizationFromCompany } from '../../../lib/oih/mappings/organization';
import { contactFromPerson, personFromContact, personToContact } from '../../../lib/oih/mappings/person';
import { FakeStep, netError, TEST_BASE_URL, testConfig } from '../../helpers/context';
import { at, runFerryman, runSailor, triggerHooks } from '../triggers/helpers';

type Process = (this: unknown, msg: Record<string, unknown>, cfg: unknown, snapshot?: unknown, headers?: unknown, tokenData?: unknown) => Promise<void>;
const TOKEN_DATA = { function: 'x', flowId: 'f', stepId: 's' };
const NOW = '2026-03-10T23:30:00Z';

async function sailor(process: Process, body: unknown, cfg: Record<string, unknown> = testConfig()): Promise<FakeStep> {
  const step = new FakeStep();
  await process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
}

async function ferryman(process: Process, data: unknown, metadata: Record<string, unknown>, cfg: Record<string, unknown> = testConfig(), step = new FakeStep()): Promise<FakeStep> {
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

    it('customMapping: the JSONata expression over the envelope {metadata: the contact\'s identity, data: the contact}', async () => {
      contactsAnswer();
      const mapping = '{ "data": { "mail": data.email, "fullName": data.name, "intercomId": metadata.recordUid } }';
      const step = await runFerryman(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: mapping }));
      assert.deepEqual(step.events('data'), [{ data: { mail: 'ada@example.test', fullName: 'Ada Lovelace', intercomId: 'c1' }, metadata: { recordUid: 'c1' } }]);
    });

    it('a customMapping that is not JSONata fails the step naming the field and JSONata\'s message (ferryman would pass records on unmapped)', async () => {
      contactsAnswer();
      await assert.rejects(
        runSailor(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: '{ "a": ' })),
        /Step field "customMapping" is not a valid JSONata expression: Expected "}" before end of expression \(JSONata S0203 at position 7\)/,
      );
    });

    it('a customMapping that fails at run time fails the step: no raw contact is emitted in place of a Person, no snapshot', async () => {
      contactsAnswer();
      const step = new FakeStep();
      await assert.rejects(
        runFerryman(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: '{ "data": { "n": $number(data.name) } }' }), {}, step),
        /Step field "customMapping" failed: Unable to cast value to a number: "Ada Lovelace" \(JSONata D3030 at position \d+\)/,
      );
      assert.deepEqual(step.events('data'), []);
      assert.deepEqual(step.events('snapshot'), []);
    });

    it('a customMapping that gives no envelope is an error saying what it must give', async () => {
      contactsAnswer();
      await assert.rejects(
        runSailor(getPersonsPolling.process, testConfig(undefined, { ...start, customMapping: '{ "mail": email }' })),
        /Step field "customMapping" must give OIH's message envelope \{"data": …, "metadata": …\} \(it is evaluated over \{metadata, data\}, as in other OIH connectors\); it gave an object with no fields/,
      );
    });

    it('storeRawRecord (node setting): the Intercom record itself goes to raw-record storage, then the Person is emitted', async () => {
      contactsAnswer();
      const step = await runFerryman(getPersonsPolling.process, testConfig(undefined, { ...start, nodeSettings: { storeRawRecord: true } }));
      const [raw] = step.events('raw-record') as Array<{ rawRecordId: string; payload: unknown }>;
      assert.deepEqual(raw?.payload, contact);
      assert.match(raw?.rawRecordId ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(step.events('data'), [{ data: ada, metadata: { recordUid: 'c1' } }]);
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

    it('upsertPerson with a customMapping written over {metadata, data}, as for any OIH connector: the Person becomes a contact', async () => {
      const mapping = `{
        "metadata": metadata,
        "data": {
          "email": data.contactData[type = "email"].value,
          "name": data.firstName & " " & data.lastName,
          "external_id": metadata.oihUid
        }
      }`;
      const created = { type: 'contact', id: 'c7', email: 'ada@example.test', name: 'Ada Lovelace', external_id: 'oih-5' };
      const scope = nock(TEST_BASE_URL)
        .get('/contacts/find_by_external_id/oih-5')
        .reply(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] })
        .post('/contacts/search')
        .reply(200, { type: 'list', data: [], total_count: 0, pages: { type: 'pages' } })
        .post('/contacts', { role: 'user', email: 'ada@example.test', name: 'Ada Lovelace', external_id: 'oih-5' })
        .reply(200, created);
      const step = await ferryman(upsertPerson.process, ada, { oihUid: 'oih-5' }, testConfig(undefined, { customMapping: mapping }));
      scope.done();
      assert.deepEqual(step.events('data'), [{ data: { result: 'created', contact: created }, metadata: { oihUid: 'oih-5', recordUid: 'c7' } }]);
    });

    it('upsertPerson: the recordUid of the mapped metadata names the linked contact (as adapters read the transformed message)', async () => {
      const scope = nock(TEST_BASE_URL).get('/contacts/c9').reply(200, { ...contact, id: 'c9' }).put('/contacts/c9', { name: 'Linked' }).reply(200, { ...contact, id: 'c9', name: 'Linked' });
      const mapping = '{ "metadata": { "recordUid": data.intercomId }, "data": { "name": "Linked" } }';
      await ferryman(upsertPerson.process, { intercomId: 'c9' }, { recordUid: 'crm-1' }, testConfig(undefined, { customMapping: mapping }));
      scope.done();
    });

    it('upsertPerson with a customMapping that fails at run time: the step fails naming customMapping, nothing reaches Intercom', async () => {
      const untouched = nock(TEST_BASE_URL).get(/.*/).reply(200, {}).post(/.*/).reply(200, {}).put(/.*/).reply(200, {});
      for (const [mapping, said] of [
        ['{ "data": { "phone": $number("abc") } }', /Step field "customMapping" failed: Unable to cast value to a number: "abc" \(JSONata D3030 at position 29\)/],
        ['{ "data": $error("no email in this Person") }', /Step field "customMapping" failed: no email in this Person \(JSONata D3137 at position 17\)/],
      ] as const) {
        const step = new FakeStep();
        await assert.rejects(ferryman(upsertPerson.process, ada, { recordUid: 'c1' }, testConfig(undefined, { customMapping: mapping }), step), said);
        assert.deepEqual(step.events('data'), []);
      }
      assert.equal(untouched.isDone(), false);
      assert.equal(untouched.pendingMocks().length, 3, 'no request was sent');
      nock.cleanAll();
    });

    it('the default mappings take and give the envelope: metadata unchanged, data mapped', () => {
      const message = { metadata: { oihUid: 'o1', recordUid: 'c1' }, data: ada };
      assert.deepEqual(contactFromPerson(message, {}), { metadata: { oihUid: 'o1', recordUid: 'c1' }, data: personToContact(ada) });
      assert.deepEqual(personFromContact({ metadata: { recordUid: 'c1' }, data: contact }, {}), { metadata: { recordUid: 'c1' }, data: ada });
      const engines = { organizationName: 'Engines' };
      assert.deepEqual(companyFromOrganization({ metadata: {}, data: engines }, {}), { metadata: {}, data: { name: 'Engines' } });
      assert.deepEqual(organizationFromCompany({ metadata: { recordUid: 'co1' }, data: { type: 'company', id: 'co1', name: 'Engines' } }, {}), { metadata: { recordUid: 'co1' }, data: engines });
    });

    it('upsertPerson with storeRawRecord: the incoming Person (data of the envelope) goes to raw-record storage', async () => {
      nock(TEST_BASE_URL).get('/contacts/c1').reply(200, contact).put('/contacts/c1').reply(200, contact);
      const step = await ferryman(upsertPerson.process, ada, { recordUid: 'c1' }, testConfig(undefined, { nodeSettings: { storeRawRecord: true } }));
      assert.deepEqual((step.events('raw-record') as Array<{ payload: unknown }>).map((r) => r.payload), [ada]);
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

    it('upsertPerson of a Person with neither email nor external_id, and no linked contact: an error naming external_id, nothing sent', async () => {
      const anyRequest = nock(TEST_BASE_URL).get(/.*/).reply(200, {}).post(/.*/).reply(200, { type: 'contact', id: 'c-new' }).put(/.*/).reply(200, {});
      const step = new FakeStep();
      await assert.rejects(
        ferryman(upsertPerson.process, { firstName: 'Ada', lastName: 'Lovelace' }, { oihUid: 'oih-1' }, testConfig(), step),
        (e: Error) => e.message === 'Invalid input for upsertContact: field external_id: give an external_id or an email to find the contact by',
      );
      assert.deepEqual(step.events('data'), []);
      assert.equal(anyRequest.pendingMocks().length, 3, 'a request was sent');
      nock.cleanAll();
    });

    it('upsertOrganization without any id: an error naming company_id, nothing sent', async () => {
      await assert.rejects(sailor(upsertOrganization.process, { organizationName: 'Engines' }), /field company_id/);
    });
  });

  describe('deletes under ferryman: OIH\'s delete protocol', () => {
    // Intercom's contact and company ids: 24 hexadecimal characters.
    const C1 = '65a1b2c3d4e5f60718293a4b';
    const CO1 = '65a1b2c3d4e5f60718293a4c';
    const allowed = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig(undefined, { deletes: true, ...extra });
    const requested = { deleteRequested: '1642683883' };
    const answer = (id: string, outcome: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ data: { id, delete: outcome, timestamp: NOW.replace('Z', '.000Z'), ...extra }, metadata: { recordUid: id } });
    const notFound = { type: 'error.list', request_id: 'r-404', errors: [{ code: 'not_found', message: 'User Not Found' }] };

    it('confirmed: deletePerson with deleteRequested (a timestamp) deletes the contact given by id', async () => {
      const scope = nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(200, { type: 'contact', id: C1, deleted: true });
      const step = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed());
      scope.done();
      assert.deepEqual(step.events('data'), [answer(C1, 'confirmed')]);
    });

    it('denied without a delete request: deleteRequested absent or not truthy (also "false", "0", ""), nothing sent, the reason logged', async () => {
      const scope = nock(TEST_BASE_URL).delete(/.*/).reply(200, {});
      for (const deleteRequested of [undefined, false, 0, null, '', 'false', '0', 'FALSE', ' no ', {}, []]) {
        const data = deleteRequested === undefined ? { id: C1 } : { id: C1, deleteRequested };
        const step = await ferryman(deletePerson.process, data, {}, allowed());
        const [message] = step.events('data') as Array<{ data: Record<string, unknown> }>;
        assert.equal(message?.data['delete'], 'denied', JSON.stringify(deleteRequested));
        assert.match(String(message?.data['reason']), /the message does not request a delete \(data\.deleteRequested is .*; OIH deletes only on a truthy one\)/);
        assert.ok(step.logs.some((line) => line.startsWith('warn ') && line.includes(`record ${C1} kept: the message does not request a delete`)), step.logs.join('\n'));
      }
      assert.equal(scope.isDone(), false, 'Intercom was not called');
      nock.cleanAll();
    });

    it('denied when the flow does not allow deletes: cfg.deletes absent, false, "false" (as the OIH HubSpot adapter requires it truthy)', async () => {
      const scope = nock(TEST_BASE_URL).delete(/.*/).reply(200, {});
      for (const deletes of [undefined, false, 'false', 0]) {
        const step = await ferryman(deletePerson.process, { id: C1, deleteRequested: true }, {}, testConfig(undefined, deletes === undefined ? {} : { deletes }));
        const [message] = step.events('data') as Array<{ data: Record<string, unknown> }>;
        assert.equal(message?.data['delete'], 'denied', JSON.stringify(deletes));
        assert.match(String(message?.data['reason']), /the flow does not allow deletes \(deletes is .*; set it to true on the node\)/);
      }
      assert.equal(scope.isDone(), false);
      nock.cleanAll();
    });

    for (const text of ['false', 'FALSE', ' False ', 'off', '0', 'no']) {
      it(`denied: the flow sets deletes as the text ${JSON.stringify(text)}, even with a delete request; Intercom is not called`, async () => {
        const scope = nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(200, {});
        const step = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, testConfig(undefined, { deletes: text }));
        assert.equal(scope.isDone(), false, 'the DELETE was sent');
        const [message] = step.events('data') as Array<{ data: Record<string, unknown> }>;
        assert.equal(message?.data['delete'], 'denied');
        nock.cleanAll();
      });
    }

    it('allowed: the flow sets deletes as the text "true"; the requested contact is deleted', async () => {
      const scope = nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(200, { type: 'contact', id: C1, deleted: true });
      const step = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, testConfig(undefined, { deletes: 'true' }));
      scope.done();
      assert.deepEqual(step.events('data'), [answer(C1, 'confirmed')]);
    });

    it('a recordUid of another application (not an Intercom id, no link) is never confirmed: failed, nothing sent, not echoed as recordUid', async () => {
      const scope = nock(TEST_BASE_URL).delete(/.*/).reply(404, notFound);
      const step = await ferryman(deletePerson.process, requested, { recordUid: 'crm-42', applicationUid: 'app-crm', oihUid: 'oih-1' }, allowed({ nodeSettings: { applicationUid: 'app-ic' } }));
      assert.equal(scope.isDone(), false);
      nock.cleanAll();
      const [message] = step.events('data') as Array<{ data: Record<string, unknown>; metadata: Record<string, unknown> }>;
      assert.equal(message?.data['delete'], 'failed');
      assert.equal(message?.data['requestedId'], 'crm-42');
      assert.equal(message?.data['id'], undefined);
      assert.match(String(message?.data['reason']), /metadata\.recordUid crm-42 is not an Intercom contact id \(24 hexadecimal characters\): it is another application's id/);
      // No recordUid: ferryman's ID linking must not register the CRM's id as Intercom's.
      assert.deepEqual(message?.metadata, { applicationUid: 'app-ic' });
    });

    it('an unverified recordUid of Intercom\'s form: deleted → confirmed (Intercom knew it); 404 → failed, not confirmed', async () => {
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(200, { type: 'contact', id: C1, deleted: true });
      const deleted = await ferryman(deletePerson.process, requested, { recordUid: C1, oihUid: 'oih-2' }, allowed());
      assert.deepEqual(deleted.events('data'), [{ ...answer(C1, 'confirmed'), metadata: { oihUid: 'oih-2', recordUid: C1 } }]);
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(404, notFound);
      const gone = await ferryman(deletePerson.process, requested, { recordUid: C1, oihUid: 'oih-2' }, allowed());
      const [message] = gone.events('data') as Array<{ data: Record<string, unknown>; metadata: Record<string, unknown> }>;
      assert.equal(message?.data['delete'], 'failed');
      assert.equal(message?.data['requestedId'], C1);
      assert.match(String(message?.data['reason']), /it was deleted already, or metadata\.recordUid is another application's id \(no ID link\); not confirmed/);
      assert.deepEqual(message?.metadata, {});
    });

    it('a known id already gone (404) counts as deleted: given in the message, or a recordUid from an Intercom node of this hub', async () => {
      nock(TEST_BASE_URL).delete(`/companies/${CO1}`).reply(404, notFound);
      const given = await ferryman(deleteOrganization.process, { id: CO1, deleteRequested: true }, {}, allowed());
      assert.deepEqual(given.events('data'), [answer(CO1, 'confirmed')]);
      nock(TEST_BASE_URL).delete(`/companies/${CO1}`).reply(404, notFound);
      const linked = await ferryman(deleteOrganization.process, requested, { recordUid: CO1, applicationUid: 'app-ic' }, allowed({ nodeSettings: { applicationUid: 'app-ic' } }));
      assert.deepEqual(linked.events('data'), [{ ...answer(CO1, 'confirmed'), metadata: { recordUid: CO1, applicationUid: 'app-ic' } }]);
    });

    it('generated record deletes follow the protocol too: deleteRequested beside the inputs; a number from recordUid is refused, a given one deleted', async () => {
      const scope = nock(TEST_BASE_URL).delete('/tags/42').reply(200, { id: '42', object: 'tag', deleted: true });
      const linked = await ferryman(forOperation('deleteTag').process, requested, { recordUid: '42' }, allowed());
      const [refused] = linked.events('data') as Array<{ data: Record<string, unknown> }>;
      assert.equal(refused?.data['delete'], 'failed');
      assert.match(String(refused?.data['reason']), /the id 42 came from metadata\.recordUid, and ids of tags cannot be told from another application's; give the id in the message instead/);
      assert.equal(scope.isDone(), false);
      const given = await ferryman(forOperation('deleteTag').process, { tag_id: '42', ...requested }, {}, allowed());
      scope.done();
      assert.deepEqual(given.events('data'), [answer('42', 'confirmed')]);
      await assert.rejects(ferryman(forOperation('deleteTag').process, { tag_id: '42', ...requested, colour: 'red' }, {}, allowed()), /field colour/);
    });

    it('an outage is no answer: a 503 after the retries, a network failure, a rate limit hand the message back (rebound), no data', async () => {
      const unavailable = { type: 'error.list', request_id: 'r-503', errors: [{ code: 'service_unavailable', message: 'Service Unavailable' }] };
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).times(4).reply(503, unavailable);
      const outage = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed());
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).times(4).replyWithError(netError('ECONNRESET'));
      const network = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed());
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).times(6).reply(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit' }] });
      const limited = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed());
      for (const step of [outage, network, limited]) {
        assert.deepEqual(step.events('data'), []);
        assert.equal(step.events('rebound').length, 1);
      }
      assert.match((outage.events('rebound')[0] as Error).message, /the delete of record 65a1b2c3d4e5f60718293a4b did not get an answer that counts \(Intercom 503 service_unavailable/);
      assert.deepEqual(nock.pendingMocks(), []);
    });

    it('answers that will not change: 403 denied, 400 failed with Intercom\'s error (logged); a refused token fails the step', async () => {
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(403, { type: 'error.list', request_id: 'r-403', errors: [{ code: 'forbidden', message: 'Forbidden' }] });
      const forbidden = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed());
      const [denied] = forbidden.events('data') as Array<{ data: Record<string, unknown> }>;
      assert.equal(denied?.data['delete'], 'denied');
      assert.match(String(denied?.data['error']), /Intercom 403 forbidden: Forbidden \(request_id r-403\)/);
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(400, { type: 'error.list', request_id: 'r-400', errors: [{ code: 'parameter_invalid', message: 'Bad id' }] });
      const bad = await ferryman(forOperation('deleteContact').process, { contact_id: C1, ...requested }, {}, allowed());
      const [failed] = bad.events('data') as Array<{ data: Record<string, unknown>; metadata: unknown }>;
      assert.equal(failed?.data['delete'], 'failed');
      assert.match(String(failed?.data['error']), /Bad id/);
      assert.deepEqual(failed?.metadata, { recordUid: C1 });
      assert.ok(bad.logs.some((line) => line.startsWith('error ') && line.includes('failed')));
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(401, { type: 'error.list', request_id: 'r-401', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] });
      await assert.rejects(ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed()), /Intercom 401 unauthorized/);
    });

    it('ferryman reads the node settings for governance from passedCfg: set on the emitted message, without the credentials, never serialized', async () => {
      nock(TEST_BASE_URL).delete(`/contacts/${C1}`).reply(200, { type: 'contact', id: C1, deleted: true });
      const nodeSettings = { applicationUid: 'app-ic', governance: true };
      const step = await ferryman(deletePerson.process, { id: C1, ...requested }, {}, allowed({ nodeSettings }));
      const [message] = step.events('data') as Array<Record<string, unknown>>;
      assert.deepEqual(message?.['passedCfg'], { nodeSettings, deletes: true });
      assert.equal(JSON.stringify(message).includes('passedCfg'), false);
      assert.equal(JSON.stringify(message?.['passedCfg']).includes('tok_unit_test'), false, 'no token in passedCfg');
    });
  });

  describe('deletePerson under the sailor: a deleteRequested that requests nothing is an error naming it', () => {
    it('deleteRequested false: an error, nothing sent; true: the contact is deleted', async () => {
      const scope = nock(TEST_BASE_URL).delete('/contacts/65a1b2c3d4e5f60718293a4b').reply(200, { type: 'contact', id: '65a1b2c3d4e5f60718293a4b', deleted: true });
      await assert.rejects(sailor(deletePerson.process, { id: '65a1b2c3d4e5f60718293a4b', deleteRequested: 'false' }), /field deleteRequested: is "false", which requests no delete; nothing was deleted/);
      assert.equal(scope.isDone(), false);
      const step = await sailor(deletePerson.process, { id: '65a1b2c3d4e5f60718293a4b', deleteRequested: true });
      scope.done();
      assert.deepEqual(step.bodies(), [{ type: 'contact', id: '65a1b2c3d4e5f60718293a4b', deleted: true }]);
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
