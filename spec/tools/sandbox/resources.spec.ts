import { strict as assert } from 'node:assert';
import { useSandbox } from './helpers';

describe('sandbox: companies, tags, data attributes, admins and teams', () => {
  const { api } = useSandbox({ seed: { companies: 4, contacts: 3, admins: 2, teams: 2 } });

  it('POST /companies creates, then updates the company with the same company_id', async () => {
    const a = await api().call('POST', '/companies', { company_id: 'co-1', name: 'One', plan: 'pro', custom_attributes: { tier: 'gold' } });
    assert.equal(a.body.type, 'company');
    assert.equal(a.body.plan.name, 'pro');
    const b = await api().call('POST', '/companies', { company_id: 'co-1', size: 50 });
    assert.equal(b.body.id, a.body.id);
    assert.equal(b.body.name, 'One');
    assert.equal(b.body.size, 50);
    const lookup = await api().call('GET', '/companies?company_id=co-1');
    assert.equal(lookup.body.data[0].id, a.body.id);
    const missing = await api().call('GET', '/companies?company_id=nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.errors[0].code, 'company_not_found');
    assert.equal((await api().call('PUT', `/companies/${a.body.id}`, { industry: 'Retail' })).body.industry, 'Retail');
    assert.equal((await api().call('GET', `/companies/${a.body.id}`)).body.custom_attributes.tier, 'gold');
    assert.equal((await api().call('POST', '/companies/list?per_page=60')).body.total_count, 5);
    assert.deepEqual((await api().call('DELETE', `/companies/${a.body.id}`)).body, { id: a.body.id, object: 'company', deleted: true });
    assert.equal((await api().call('GET', `/companies/${a.body.id}`)).body.errors[0].code, 'company_not_found');
    assert.equal((await api().call('POST', '/companies', {})).status, 400);
  });

  it('tags: create, find by name, rename, tag companies and contacts, delete', async () => {
    const t = (await api().call('POST', '/tags', { name: 'Gold' })).body;
    assert.equal((await api().call('POST', '/tags', { name: 'gold' })).body.id, t.id, 'same name returns the existing tag');
    assert.equal((await api().call('POST', '/tags', { name: 'Platinum', id: t.id })).body.name, 'Platinum');
    assert.equal((await api().call('GET', `/tags/${t.id}`)).body.name, 'Platinum');
    assert.ok((await api().call('GET', '/tags')).body.data.some((x: { id: string }) => x.id === t.id));

    const company = (await api().call('POST', '/companies/list')).body.data[0];
    const tagged = await api().call('POST', '/tags', { name: 'Platinum', companies: [{ id: company.id }] });
    assert.equal(tagged.body.companies[0].tagged, true);
    assert.equal((await api().call(`GET`, `/companies?tag_id=${t.id}`)).body.total_count, 1);
    const contact = (await api().call('GET', '/contacts?per_page=1')).body.data[0];
    await api().call('POST', '/tags', { name: 'Platinum', users: [{ id: contact.id }] });
    assert.equal((await api().call('GET', `/contacts/${contact.id}/tags`)).body.data[0].id, t.id);

    const del = await api().call('DELETE', `/tags/${t.id}`);
    assert.equal(del.status, 200);
    assert.equal(del.text, '');
    assert.equal((await api().call('GET', `/tags/${t.id}`)).status, 404);
    assert.equal((await api().call('GET', `/contacts/${contact.id}/tags`)).body.data.length, 0);
  });

  it('data attributes: list, create (unique per model), update, 404 field_not_found', async () => {
    const before = Number((await api().call('GET', '/data_attributes?model=contact')).body.data.length);
    const created = await api().call('POST', '/data_attributes', { name: 'favourite_colour', model: 'contact', data_type: 'string', description: 'Colour' });
    assert.equal(created.body.type, 'data_attribute');
    assert.equal(created.body.full_name, 'custom_attributes.favourite_colour');
    assert.equal(typeof created.body.id, 'number');
    assert.equal((await api().call('GET', '/data_attributes?model=contact')).body.data.length, before + 1);
    assert.equal((await api().call('POST', '/data_attributes', { name: 'favourite_colour', model: 'contact', data_type: 'string' })).status, 400);
    const archived = await api().call('PUT', `/data_attributes/${created.body.id}`, { archived: true });
    assert.equal(archived.body.archived, true);
    assert.equal((await api().call('GET', '/data_attributes?model=contact')).body.data.length, before);
    assert.equal((await api().call('GET', '/data_attributes?model=contact&include_archived=true')).body.data.length, before + 1);
    assert.equal((await api().call('PUT', '/data_attributes/999999', { archived: true })).body.errors[0].code, 'field_not_found');
    assert.equal((await api().call('GET', '/data_attributes?model=banana')).status, 422);
  });

  it('admins and teams are seeded; away mode is stateful', async () => {
    const admins = (await api().call('GET', '/admins')).body;
    assert.equal(admins.type, 'admin.list');
    assert.equal(admins.admins.length, 2);
    const id = admins.admins[1].id;
    const away = await api().call('PUT', `/admins/${id}/away`, { away_mode_enabled: true, away_mode_reassign: true });
    assert.equal(away.body.away_mode_enabled, true);
    assert.equal((await api().call('GET', `/admins/${id}`)).body.away_mode_reassign, true);
    assert.equal((await api().call('GET', '/admins/1')).body.errors[0].code, 'admin_not_found');
    const teams = (await api().call('GET', '/teams')).body;
    assert.equal(teams.type, 'team.list');
    assert.equal((await api().call('GET', `/teams/${teams.teams[0].id}`)).body.name, teams.teams[0].name);
    assert.equal((await api().call('GET', '/teams/1')).body.errors[0].code, 'team_not_found');
  });
});

describe('sandbox: data events', () => {
  const { api } = useSandbox({ seed: { contacts: 1 } });

  it('POST /events records; GET /events lists one contact\'s events, or their per-name summaries', async () => {
    assert.equal((await api().call('POST', '/events', { event_name: 'ordered', created_at: 1_700_000_000, user_id: 'u-1' })).status, 202);
    assert.equal((await api().call('POST', '/events', { event_name: 'ordered', created_at: 1_700_000_060, user_id: 'u-1' })).status, 202);
    assert.equal((await api().call('POST', '/events', { event_name: 'viewed', created_at: 1_700_000_100, email: 'ann@example.test' })).status, 202);
    const list = await api().call('GET', '/events?type=user&user_id=u-1');
    assert.deepEqual(list.body.events.map((e: { event_name: string; created_at: number }) => [e.event_name, e.created_at]), [['ordered', 1_700_000_000], ['ordered', 1_700_000_060]]);
    const summary = await api().call('GET', '/events?type=user&user_id=u-1&summary=true');
    assert.deepEqual(summary.body.events, [{ name: 'ordered', first: '2023-11-14T22:13:20.000Z', last: '2023-11-14T22:14:20.000Z', count: 2 }]);
    assert.equal((await api().call('GET', '/events?type=user&email=ann@example.test')).body.events.length, 1);
    assert.equal((await api().call('GET', '/events?type=user')).status, 400);
    assert.equal((await api().call('GET', '/events?user_id=u-1')).status, 400);
  });
});
