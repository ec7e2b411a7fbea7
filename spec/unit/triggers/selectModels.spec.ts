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

  it('selectAssignees offers admins and teams in one list, each labelled with its kind', async () => {
    nock(TEST_BASE_URL).get('/admins').reply(200, { type: 'admin.list', admins: [{ id: '1', name: 'Ada' }] });
    nock(TEST_BASE_URL).get('/teams').reply(200, { type: 'team.list', teams: [{ id: '5', name: 'Support' }] });
    assert.deepEqual(await call(models.selectAssignees), { 1: 'Admin: Ada (1)', 5: 'Team: Support (5)' });
  });

  it('selectTicketStates labels a state with its internal label and category', async () => {
    nock(TEST_BASE_URL).get('/ticket_states').reply(200, { type: 'list', data: [{ id: '3', internal_label: 'Waiting on us', category: 'in_progress' }] });
    assert.deepEqual(await call(models.selectTicketStates), { 3: 'Waiting on us – in_progress (3)' });
  });

  it('selectHelpCenters uses the display name, else the identifier', async () => {
    nock(TEST_BASE_URL).get('/help_center/help_centers').reply(200, { type: 'list', data: [{ id: 1, display_name: 'Docs' }, { id: 2, identifier: 'kb' }] });
    assert.deepEqual(await call(models.selectHelpCenters), { 1: 'Docs (1)', 2: 'kb (2)' });
  });

  it('selectCollections, selectSegments and selectConversationAttributes list by name', async () => {
    nock(TEST_BASE_URL).get('/help_center/collections').reply(200, { type: 'list', data: [{ id: '9', name: 'Billing' }] });
    nock(TEST_BASE_URL).get('/segments').reply(200, { type: 'segment.list', segments: [{ id: 's1', name: 'Active' }] });
    nock(TEST_BASE_URL).get('/conversations/attributes').reply(200, { type: 'list', data: [{ id: '12', name: 'Order number' }] });
    assert.deepEqual(await call(models.selectCollections), { 9: 'Billing (9)' });
    assert.deepEqual(await call(models.selectSegments), { s1: 'Active (s1)' });
    assert.deepEqual(await call(models.selectConversationAttributes), { 12: 'Order number (12)' });
  });

  it('selectSubscriptionTypes uses the default translation’s name', async () => {
    nock(TEST_BASE_URL).get('/subscription_types').reply(200, { type: 'list', data: [{ id: '4', default_translation: { name: 'Newsletter' } }] });
    assert.deepEqual(await call(models.selectSubscriptionTypes), { 4: 'Newsletter (4)' });
  });

  it('selectDataAttributes names the model of each attribute and skips those without an id', async () => {
    nock(TEST_BASE_URL)
      .get('/data_attributes')
      .reply(200, { type: 'list', data: [{ id: 21, model: 'contact', label: 'Plan tier', name: 'plan_tier' }, { model: 'contact', name: 'email' }] });
    assert.deepEqual(await call(models.selectDataAttributes), { 21: 'contact: Plan tier (21)' });
  });

  it('an Intercom error fails the dropdown with Intercom’s message', async () => {
    nock(TEST_BASE_URL).get('/teams').reply(403, { type: 'error.list', errors: [{ code: 'forbidden', message: 'missing scope' }] });
    await assert.rejects(call(models.selectTeams), /Intercom 403 forbidden: missing scope/);
  });
});
