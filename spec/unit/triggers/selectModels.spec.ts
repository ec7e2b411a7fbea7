/**
 * nock, not the sandbox: exact listings and a refused scope, scripted per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import * as models from '../../../lib/selectModels';
import { FakeStep, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const cfg = testConfig('tok_select_models_00001');
const call = (model: models.SelectModel): Promise<Record<string, string>> => model.call(new FakeStep(), cfg);

describe('select models (dynamic dropdowns): `{id: "label (id)"}` from one Intercom listing', () => {
  triggerHooks();

  it('selectAdmins lists GET /admins by name, falling back to the email', async () => {
    nock(TEST_BASE_URL).get('/admins').reply(200, { type: 'admin.list', admins: [{ id: '1', name: 'Ada' }, { id: '2', email: 'bob@example.com' }] });
    assert.deepEqual(await call(models.selectAdmins), { 1: 'Ada (1)', 2: 'bob@example.com (2)' });
  });

  it('selectTeams lists GET /teams', async () => {
    nock(TEST_BASE_URL).get('/teams').reply(200, { type: 'team.list', teams: [{ id: '5', name: 'Support' }] });
    assert.deepEqual(await call(models.selectTeams), { 5: 'Support (5)' });
  });

  it('selectTags lists GET /tags, two tags with one name stay distinguishable', async () => {
    nock(TEST_BASE_URL).get('/tags').reply(200, { type: 'list', data: [{ id: '7', name: 'vip' }, { id: '8', name: 'vip' }] });
    assert.deepEqual(await call(models.selectTags), { 7: 'vip (7)', 8: 'vip (8)' });
  });

  it('selectTicketTypes lists GET /ticket_types', async () => {
    nock(TEST_BASE_URL).get('/ticket_types').reply(200, { type: 'list', data: [{ id: '100', name: 'Bug report' }] });
    assert.deepEqual(await call(models.selectTicketTypes), { 100: 'Bug report (100)' });
  });

  it('an Intercom error fails the dropdown with Intercom’s message', async () => {
    nock(TEST_BASE_URL).get('/teams').reply(403, { type: 'error.list', errors: [{ code: 'forbidden', message: 'missing scope' }] });
    await assert.rejects(call(models.selectTeams), /Intercom 403 forbidden: missing scope/);
  });
});
