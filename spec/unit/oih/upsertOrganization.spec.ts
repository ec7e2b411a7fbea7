/**
 * OIH upsertOrganization: which company it writes. The Intercom id (the mapped `id`, else OIH's recordUid) is
 * updated; otherwise the company is created or updated by `company_id`, taken from the mapped record first, then
 * the message, then the record's oihUid. nock answers as Intercom's description (2.16) shapes Companies: Update
 * (PUT /companies/{id}) and Create or update (POST /companies); expected bodies are written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import upsertOrganization from '../../../lib/actions/upsertOrganization';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const TOKEN_DATA = { function: 'upsertOrganization', flowId: 'f', stepId: 's' };

async function ferryman(data: unknown, metadata: Record<string, unknown>, cfg: Record<string, unknown> = testConfig()): Promise<FakeStep> {
  const step = new FakeStep();
  await upsertOrganization.process.call(step, { data, metadata, attachments: {} }, cfg, {}, {}, TOKEN_DATA);
  return step;
}

async function sailor(body: unknown, cfg: Record<string, unknown>): Promise<FakeStep> {
  const step = new FakeStep();
  await upsertOrganization.process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
}

describe('OIH upsertOrganization: which company is written', () => {
  offlineRuntime();
  const company = (id: string, companyId: string): Record<string, unknown> => ({ type: 'company', id, company_id: companyId, name: 'Engines' });

  it('the linked company (recordUid) is updated by its Intercom id and emitted as updated; no create-or-update', async () => {
    const scope = nock(TEST_BASE_URL).put('/companies/co1', { name: 'Engines', website: 'https://engines.test' }).reply(200, company('co1', 'ext-1'));
    const create = nock(TEST_BASE_URL).post('/companies').reply(200, {});
    const step = await ferryman({ organizationName: 'Engines', contactData: [{ type: 'url', value: 'https://engines.test' }] }, { recordUid: 'co1', oihUid: 'oih-1' });
    scope.done();
    assert.equal(create.isDone(), false);
    assert.deepEqual(step.events('data'), [{ data: { result: 'updated', matched_by: 'recordUid', company: company('co1', 'ext-1') }, metadata: { oihUid: 'oih-1', recordUid: 'co1' } }]);
  });

  it('a mapped id names the company to update, and is not sent as a field of it', async () => {
    const scope = nock(TEST_BASE_URL).put('/companies/co7', { name: 'Engines' }).reply(200, company('co7', 'ext-7'));
    const step = await sailor({ id: 'co7', name: 'Engines' }, testConfig(undefined, { customMapping: '{"data": {"id": data.id, "name": data.name}}' }));
    scope.done();
    assert.deepEqual(step.bodies(), [{ result: 'updated', matched_by: 'recordUid', company: company('co7', 'ext-7') }]);
  });

  it('without an Intercom id: created or updated by the mapped company_id, before the message\'s and the oihUid', async () => {
    const scope = nock(TEST_BASE_URL).post('/companies', { name: 'Engines', company_id: 'ext-mapped' }).reply(200, company('co2', 'ext-mapped'));
    const step = await ferryman(
      { name: 'Engines', company_id: 'ext-message' },
      { oihUid: 'oih-2' },
      testConfig(undefined, { customMapping: '{"data": {"name": data.name, "company_id": "ext-mapped"}}' }),
    );
    scope.done();
    assert.deepEqual(step.events('data'), [{ data: { result: 'createdOrUpdated', matched_by: 'company_id', company: company('co2', 'ext-mapped') }, metadata: { oihUid: 'oih-2', recordUid: 'co2' } }]);
  });

  it('the message\'s company_id comes before the oihUid; a blank mapped company_id is none', async () => {
    const scope = nock(TEST_BASE_URL).post('/companies', { name: 'Engines', company_id: 'ext-message' }).reply(200, company('co3', 'ext-message'));
    await ferryman({ name: 'Engines', company_id: 'ext-message' }, { oihUid: 'oih-3' }, testConfig(undefined, { customMapping: '{"data": {"name": data.name, "company_id": "  "}}' }));
    scope.done();
  });

  it('the oihUid when nothing else names the company', async () => {
    const scope = nock(TEST_BASE_URL).post('/companies', { name: 'Engines', company_id: 'oih-4' }).reply(200, company('co4', 'oih-4'));
    await ferryman({ organizationName: 'Engines' }, { oihUid: 'oih-4' });
    scope.done();
  });

  it('no id of any kind: an error naming company_id, and nothing sent', async () => {
    await assert.rejects(
      ferryman({ organizationName: 'Engines' }, { oihUid: ' ' }),
      (e: Error) => e.message === 'Invalid input for upsertOrganization: field company_id: give the company_id (your id for the company) or, under OIH, a message with metadata.recordUid or oihUid',
    );
  });
});
