import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../tools/sandbox';
import { resolveOptions } from '../../../tools/sandbox/options';
import { useSandbox } from './helpers';

const byEmail = (email: string) => ({ query: { field: 'email', operator: '=', value: email } });

describe('sandbox: contacts are stateful', () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 12, 0, 0));
  const { sb, api } = useSandbox({ clock, seed: { contacts: 30, companies: 3 } });

  it('create, then get, list, search, update and delete all see the change', async () => {
    const created = await api().call('POST', '/contacts', { email: 'Ana@Example.org', name: 'Ana', custom_attributes: { plan: 'pro' } });
    assert.equal(created.status, 200);
    const c = created.body;
    assert.equal(c.type, 'contact');
    assert.match(c.id, /^[0-9a-f]{24}$/);
    assert.equal(c.created_at, Math.floor(clock.now() / 1000));
    assert.equal(c.email_domain, 'Example.org');

    assert.equal((await api().call('GET', `/contacts/${c.id}`)).body.name, 'Ana');
    const list = await api().call('GET', '/contacts?per_page=150');
    assert.equal(list.body.total_count, 31);
    assert.ok(list.body.data.some((x: { id: string }) => x.id === c.id));
    const found = await api().call('POST', '/contacts/search', byEmail('ana@example.org'));
    assert.deepEqual(found.body.data.map((x: { id: string }) => x.id), [c.id]);

    clock.advance(5000);
    const updated = await api().call('PUT', `/contacts/${c.id}`, { name: 'Ana B', phone: '+4930123' });
    assert.equal(updated.body.name, 'Ana B');
    assert.equal(updated.body.updated_at, Number(c.created_at) + 5);
    assert.equal((await api().call('GET', `/contacts/${c.id}`)).body.phone, '+4930123');

    const deleted = await api().call('DELETE', `/contacts/${c.id}`);
    assert.deepEqual(deleted.body, { type: 'contact', id: c.id, external_id: null, deleted: true });
    assert.equal((await api().call('GET', `/contacts/${c.id}`)).status, 404);
    assert.equal((await api().call('POST', '/contacts/search', byEmail('ana@example.org'))).body.total_count, 0);
    assert.equal((await api().call('GET', '/contacts?per_page=1')).body.total_count, 30);
  });

  it('409 conflict naming the existing contact for a duplicate email or external_id', async () => {
    const first = await api().call('GET', '/contacts?per_page=1');
    const seeded = first.body.data[0];
    const dup = await api().call('POST', '/contacts', { email: seeded.email.toUpperCase() });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0].code, 'conflict');
    assert.equal(dup.body.errors[0].message, `A contact matching those details already exists with id=${seeded.id}`);
    const dupExt = await api().call('POST', '/contacts', { external_id: seeded.external_id });
    assert.equal(dupExt.status, 409);
  });

  it('validates input types and refuses an empty create', async () => {
    assert.equal((await api().call('POST', '/contacts', {})).status, 400);
    const bad = await api().call('POST', '/contacts', { email: 42 });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'email');
    assert.equal((await api().call('POST', '/contacts', { role: 'admin' })).status, 400);
    assert.equal((await api().call('POST', '/contacts', { role: 'lead', custom_attributes: { __proto__x: 1, constructor: 1 } })).status, 400);
  });

  it('refuses prototype keys in attribute objects without polluting anything', async () => {
    const raw = '{"email":"proto@example.com","custom_attributes":{"__proto__":{"polluted":1}}}';
    const r = await api().call('POST', '/contacts', raw);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].field, 'custom_attributes.__proto__');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('finds by external id; archive hides from list, unarchive restores', async () => {
    const c = (await api().call('POST', '/contacts', { external_id: 'crm-77', email: 'crm77@example.net' })).body;
    assert.equal((await api().call('GET', '/contacts/find_by_external_id/crm-77')).body.id, c.id);
    assert.equal((await api().call('GET', '/contacts/find_by_external_id/nobody')).status, 404);
    const archived = await api().call('POST', `/contacts/${c.id}/archive`);
    assert.deepEqual(archived.body, { type: 'contact', id: c.id, external_id: 'crm-77', archived: true });
    const before = Number((await api().call('GET', '/contacts?per_page=1')).body.total_count);
    await api().call('POST', `/contacts/${c.id}/unarchive`);
    assert.equal((await api().call('GET', '/contacts?per_page=1')).body.total_count, before + 1);
  });

  it('merge: the merged-away lead answers 410 contact_merged with a canonical Link; history pages with next_cursor', async () => {
    const user = (await api().call('POST', '/contacts', { role: 'user', email: 'keeper@example.com' })).body;
    const leads = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      leads.push((await api().call('POST', '/contacts', { role: 'lead', email: `lead-m${i}@example.com`, name: `Lead ${i}` })).body);
    }
    for (const lead of leads) {
      const merged = await api().call('POST', '/contacts/merge', { from: lead.id, into: user.id, skip_duplicate_validation: true });
      assert.equal(merged.status, 200);
      assert.equal(merged.body.id, user.id);
    }
    const gone = await api().call('GET', `/contacts/${leads[0].id}`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.errors[0].code, 'contact_merged');
    assert.equal(gone.headers.get('link'), `</contacts/${user.id}>; rel="canonical"`);
    assert.equal((await api().call('GET', `/contacts/${user.id}`)).body.name, 'Lead 0');

    const page1 = await api().call('GET', `/contacts/${user.id}/merge_history?per_page=2`);
    assert.equal(page1.body.has_more, true);
    assert.deepEqual(page1.body.data.map((m: { source_contact_id: string }) => m.source_contact_id), [leads[2].id, leads[1].id]);
    const page2 = await api().call('GET', `/contacts/${user.id}/merge_history?per_page=2&cursor=${page1.body.next_cursor}`);
    assert.equal(page2.body.has_more, false);
    assert.equal(page2.body.next_cursor, undefined);
    assert.equal(page2.body.data[0].source_contact_id, leads[0].id);
    assert.equal(page2.body.data[0].type, 'merge_history');

    const search = await api().call('POST', '/contacts/search', byEmail('lead-m0@example.com'));
    assert.equal(search.body.total_count, 0, 'merged contacts are excluded from search');
    assert.equal((await api().call('POST', '/contacts/merge', { from: user.id, into: leads[1].id })).status, 404);
    const other = (await api().call('POST', '/contacts', { role: 'user', email: 'other-user@example.com' })).body;
    const wrongWay = await api().call('POST', '/contacts/merge', { from: user.id, into: other.id });
    assert.equal(wrongWay.status, 400);
    assert.equal(wrongWay.body.errors[0].code, 'invalid_merge');
  });

  it('tags, companies, subscriptions and notes attach and detach', async () => {
    const c = (await api().call('POST', '/contacts', { email: 'rel@example.com' })).body;
    const tag = (await api().call('POST', '/tags', { name: 'Rel tag' })).body;
    assert.equal((await api().call('POST', `/contacts/${c.id}/tags`, { id: tag.id })).body.name, 'Rel tag');
    assert.deepEqual((await api().call('GET', `/contacts/${c.id}/tags`)).body.data.map((t: { id: string }) => t.id), [tag.id]);
    const viaSearch = await api().call('POST', '/contacts/search', { query: { field: 'tag_id', operator: '=', value: tag.id } });
    assert.equal(viaSearch.body.total_count, 1);
    assert.equal((await api().call('POST', '/contacts/search', { query: { field: 'tag_id', operator: 'IN', value: [tag.id] } })).status, 400);
    await api().call('DELETE', `/contacts/${c.id}/tags/${tag.id}`);
    assert.equal((await api().call('GET', `/contacts/${c.id}`)).body.tags.total_count, 0);
    assert.equal((await api().call('POST', `/contacts/${c.id}/tags`, { id: '999' })).body.errors[0].code, 'tag_not_found');

    const company = (await api().call('POST', '/companies', { company_id: 'rel-co', name: 'Rel Co' })).body;
    assert.equal((await api().call('POST', `/contacts/${c.id}/companies`, { id: company.id })).body.user_count, 1);
    const companies = await api().call('GET', `/contacts/${c.id}/companies`);
    assert.equal(companies.body.data[0].company_id, 'rel-co');
    assert.equal((await api().call('GET', `/companies/${company.id}/contacts`)).body.data[0].id, c.id);
    assert.equal((await api().call('DELETE', `/contacts/${c.id}/companies/${company.id}`)).body.user_count, 0);
    assert.equal((await api().call('POST', `/contacts/${c.id}/companies`, { id: 'nope' })).body.errors[0].code, 'company_not_found');

    const types = (await api().call('GET', '/subscription_types')).body.data;
    await api().call('POST', `/contacts/${c.id}/subscriptions`, { id: types[1].id, consent_type: 'opt_in' });
    assert.equal((await api().call('GET', `/contacts/${c.id}/subscriptions`)).body.data[0].consent_type, 'opt_in');
    await api().call('DELETE', `/contacts/${c.id}/subscriptions/${types[1].id}`);
    assert.equal((await api().call('GET', `/contacts/${c.id}/subscriptions`)).body.data.length, 0);

    const note = await api().call('POST', `/contacts/${c.id}/notes`, { body: 'Called <them>' });
    assert.equal(note.body.body, '<p>Called &lt;them&gt;</p>');
    assert.equal(note.body.author.type, 'admin');
    assert.equal((await api().call('GET', `/notes/${note.body.id}`)).body.contact.id, c.id);
    assert.equal((await api().call('GET', `/contacts/${c.id}`)).body.notes.total_count, 1);
  });

  it('a seeded dataset is materialized only where written', () => {
    assert.ok(sb().state.materializedCounts()['contacts']! < 40);
  });
});

describe('sandbox: the prefix of seeded external ids', () => {
  const { api } = useSandbox({ seed: { contacts: 12, externalIdPrefix: 'customer-number-' } });

  it('seeds users with the prefix and finds them by it, and no longer by the default one', async () => {
    // Contacts 4 and 9 are leads (every fifth), the rest users: contact 3 is a user.
    const page = (await api().call('GET', '/contacts?per_page=12')).body.data as Array<{ external_id: string | null; role: string }>;
    const ids = page.map((c) => c.external_id).filter((id): id is string => id !== null).sort();
    assert.deepEqual(ids, ['customer-number-0', 'customer-number-1', 'customer-number-10', 'customer-number-11', 'customer-number-2', 'customer-number-3', 'customer-number-5', 'customer-number-6', 'customer-number-7', 'customer-number-8']);
    const found = await api().call('GET', '/contacts/find_by_external_id/customer-number-3');
    assert.equal(found.status, 200);
    assert.equal(found.body.external_id, 'customer-number-3');
    assert.equal((await api().call('GET', '/contacts/find_by_external_id/ext-3')).status, 404);
    assert.equal((await api().call('GET', '/contacts/find_by_external_id/customer-number-x3')).status, 404);
  });
});

describe('sandbox: a seeded external id prefix longer than 64 characters', () => {
  it('is refused when the sandbox starts', () => {
    assert.throws(() => resolveOptions({ seed: { externalIdPrefix: 'x'.repeat(65) } }), /seed\.externalIdPrefix must be text of at most 64 characters/);
  });
});
