/**
 * Lookup Object (at most one record): the step options and the ways a unique field is looked up, with nock answering
 * each request as Intercom's description shapes it. Expected records and messages are written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import lookupObjectModule from '../../../lib/actions/lookupObject';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const lookupObject = lookupObjectModule.process;

async function lookUp(objectType: string, body: Record<string, unknown>, cfg: Record<string, unknown> = {}): Promise<FakeStep> {
  const step = new FakeStep();
  await lookupObject.call(step, { body, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType, ...cfg }), {});
  return step;
}

const notFound = { type: 'error.list', errors: [{ code: 'not_found', message: 'Not Found' }] };

describe('lookupObject: one record by its id or a unique field', () => {
  offlineRuntime();

  it('by id: the record Intercom answers', async () => {
    nock(TEST_BASE_URL).get('/contacts/c1').reply(200, { type: 'contact', id: 'c1' });
    assert.deepEqual((await lookUp('contacts', { id: 'c1' })).bodies(), [{ type: 'contact', id: 'c1' }]);
  });

  it('by id, not found (404): an error naming the type and value; with "allow zero results" an empty object', async () => {
    nock(TEST_BASE_URL).get('/contacts/gone').reply(404, notFound);
    await assert.rejects(lookUp('contacts', { id: 'gone' }), /^Error: lookupObject: no contacts record has id gone$|lookupObject: no contacts record has id gone/);
    nock(TEST_BASE_URL).get('/contacts/gone').reply(404, notFound);
    assert.deepEqual((await lookUp('contacts', { id: 'gone' }, { allowZeroResults: true })).bodies(), [{}]);
  });

  it('another error than 404 fails the step; it is not read as "no record"', async () => {
    nock(TEST_BASE_URL).get('/contacts/c1').reply(403, { type: 'error.list', errors: [{ code: 'forbidden', message: 'No access' }] });
    await assert.rejects(lookUp('contacts', { id: 'c1' }, { allowZeroResults: true }), /Intercom 403 forbidden: No access/);
  });

  it('no criterion: an error naming the inputs; with "allow criteria to be omitted" an empty object and no request', async () => {
    await assert.rejects(lookUp('contacts', {}), /field id: give it or one of external_id, email to look the record up by/);
    assert.deepEqual((await lookUp('contacts', {}, { allowCriteriaToBeOmitted: 'true' })).bodies(), [{}]);
    await assert.rejects(lookUp('tickets', {}), /field id: give it or one of nothing else to look the record up by/);
  });

  it('two criteria at once: an error naming the second, nothing sent', async () => {
    await assert.rejects(lookUp('contacts', { id: 'c1', email: 'a@b.test' }), /field email: give only one of id, email to look the record up by/);
  });

  it('"." or ".." is no id', async () => {
    await assert.rejects(lookUp('contacts', { id: '..' }), /field id: "\.\." is not a valid id/);
  });

  it('by email (a search of 10 at most): one match is emitted', async () => {
    nock(TEST_BASE_URL)
      .post('/contacts/search', { query: { field: 'email', operator: '=', value: 'a@b.test' }, pagination: { per_page: 10 } })
      .reply(200, { type: 'list', data: [{ type: 'contact', id: 'c7' }], total_count: 1 });
    assert.deepEqual((await lookUp('contacts', { email: 'a@b.test' })).bodies(), [{ type: 'contact', id: 'c7' }]);
  });

  it('several matches: an error naming them; ten or more are "at least" that many', async () => {
    nock(TEST_BASE_URL).post('/contacts/search').reply(200, { type: 'list', data: [{ id: 'c1' }, { id: 'c2' }] });
    await assert.rejects(lookUp('contacts', { email: 'a@b.test' }), /lookupObject: 2 contacts records have email a@b\.test \(ids c1, c2\); at most one may match/);
    nock(TEST_BASE_URL).post('/contacts/search').reply(200, { type: 'list', data: Array.from({ length: 10 }, (_, i) => ({ id: `c${i}` })) });
    await assert.rejects(lookUp('contacts', { email: 'a@b.test' }), /lookupObject: at least 10 contacts records have email/);
    nock(TEST_BASE_URL).post('/contacts/search').reply(200, { type: 'list', data: Array.from({ length: 9 }, (_, i) => ({ id: `c${i}` })) });
    await assert.rejects(lookUp('contacts', { email: 'a@b.test' }), /lookupObject: 9 contacts records have email/);
  });

  it('by a list Intercom filters (companies by company_id): a single record answer or a list', async () => {
    nock(TEST_BASE_URL).get('/companies').query({ company_id: 'acme' }).reply(200, { type: 'company', id: 'co1', company_id: 'acme' });
    assert.deepEqual((await lookUp('companies', { company_id: 'acme' })).bodies(), [{ type: 'company', id: 'co1', company_id: 'acme' }]);
    nock(TEST_BASE_URL).get('/companies').query({ name: 'Acme' }).reply(200, { type: 'list', data: [{ type: 'company', id: 'co2' }] });
    assert.deepEqual((await lookUp('companies', { name: 'Acme' })).bodies(), [{ type: 'company', id: 'co2' }]);
    nock(TEST_BASE_URL).get('/companies').query({ name: 'Nobody' }).reply(404, notFound);
    assert.deepEqual((await lookUp('companies', { name: 'Nobody' }, { allowZeroResults: true })).bodies(), [{}]);
  });

  it('by a field read from the whole list (admins by email): compared without case; other fields exactly', async () => {
    nock(TEST_BASE_URL)
      .get('/admins')
      .reply(200, { type: 'admin.list', admins: [{ type: 'admin', id: '1', email: 'Ann@Example.test' }, { type: 'admin', id: '2', email: 'bob@example.test' }, { type: 'admin', id: '3' }] });
    assert.deepEqual((await lookUp('admins', { email: 'ann@example.TEST' })).bodies(), [{ type: 'admin', id: '1', email: 'Ann@Example.test' }]);
    nock(TEST_BASE_URL).get('/teams').reply(200, { type: 'team.list', teams: [{ type: 'team', id: '5', name: 'Support' }] });
    assert.deepEqual((await lookUp('teams', { name: 'support' }, { allowZeroResults: true })).bodies(), [{}]);
  });

  it('an input another type uses is refused, naming it', async () => {
    await assert.rejects(lookUp('tickets', { id: 't1', email: 'a@b.test' }), /field email: is not an input for tickets here/);
  });
});
