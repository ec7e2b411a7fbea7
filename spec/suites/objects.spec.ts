/**
 * The standard object actions (Lookup Object, Lookup Objects, Upsert Object, Delete Object) against the sandbox, for
 * every object type their dropdowns offer. Types the sandbox models (contacts, companies, conversations, tickets,
 * admins, teams, tags, notes, data events) are checked end to end, including not-found paths; articles, segments
 * and custom object instances are answered by the sandbox's description-based fallback, so those cases check the
 * request each verb sends.
 */
import assert from 'node:assert/strict';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { objectTypeChoices } from '../../lib/catalogue/objectTypes';
import { InputValidationError } from '../../lib/runtime/errors';
import { startSandbox, type SandboxHandle } from '../../tools/sandbox';
import { describe as describeError, FAST_RETRIES, loadModule, manifest, type ProcessFn, runProcess, tuneRuntime } from './helpers';

const TOKEN = 'tok_objects_suite_0123456789';
type Json = Record<string, unknown>;

describe('standard object actions: every object type and verb (sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let restore: () => void;
  const actions: Record<string, ProcessFn> = {};

  before(async () => {
    restore = tuneRuntime(FAST_RETRIES);
    sb = await startSandbox({ tokens: [TOKEN], seed: { contacts: 6, companies: 3, conversations: 3, tickets: 2, admins: 2, teams: 2 }, requestBodyLogBytes: 4096 });
    for (const key of ['lookupObject', 'lookupObjects', 'upsertObject', 'deleteObject']) actions[key] = loadModule(manifest().actions[key]!.main).process;
  });
  after(async () => {
    restore();
    await sb.close();
  });

  /** Runs an action; returns the emitted bodies or throws what the step threw. */
  async function run(key: string, cfg: Json, body: Json): Promise<unknown[]> {
    const outcome = await runProcess(actions[key]!, body, { accessToken: TOKEN, baseUrl: sb.url, ...cfg });
    if (outcome.error !== undefined) throw outcome.error instanceof Error ? outcome.error : new Error(describeError(outcome.error));
    return outcome.step.bodies();
  }
  async function one(key: string, cfg: Json, body: Json): Promise<Json> {
    const bodies = await run(key, cfg, body);
    assert.equal(bodies.length, 1, `${key}: ${bodies.length} messages`);
    return bodies[0] as Json;
  }
  /** Intercom's API directly, to arrange records the actions cannot create. */
  async function api(method: string, path: string, body?: unknown): Promise<Json> {
    const response = await fetch(`${sb.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Intercom-Version': INTERCOM_API_VERSION, 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as Json;
  }
  const sent = (method: string, path: string): Array<{ target: string; body?: string }> => sb.requests.entries().filter((e) => e.method === method && e.path === path);
  /** Delete Object's answer: the id it emits, and whether Intercom's answer beside it says deleted. */
  const deleted = async (cfg: Json, id: string): Promise<Json> => {
    const message = await one('deleteObject', cfg, { id });
    return { id: message['id'], deleted: (message['response'] as Json | undefined)?.['deleted'] };
  };
  const ids = (message: Json): string[] => ((message['results'] ?? []) as Json[]).map((r) => String(r['id']));

  it('each dropdown lists exactly the types whose verb Intercom has', () => {
    assert.deepEqual(Object.keys(objectTypeChoices('lookup')), ['contacts', 'companies', 'conversations', 'tickets', 'articles', 'admins', 'teams', 'tags', 'notes', 'segments', 'customObjectInstances']);
    assert.deepEqual(Object.keys(objectTypeChoices('lookupMany')), ['contacts', 'companies', 'conversations', 'tickets', 'articles', 'admins', 'teams', 'tags', 'notes', 'segments', 'dataEvents', 'customObjectInstances']);
    assert.deepEqual(Object.keys(objectTypeChoices('upsert')), ['contacts', 'companies', 'tickets', 'customObjectInstances']);
    assert.deepEqual(Object.keys(objectTypeChoices('delete')), ['contacts', 'companies', 'conversations', 'tickets', 'articles', 'tags', 'customObjectInstances']);
  });

  it('contacts: upsert creates then updates; lookup by id, email and external id; search; delete; gone → empty', async () => {
    const cfg = { objectType: 'contacts' };
    const created = await one('upsertObject', cfg, { email: 'ann@objects.test', external_id: 'ann-1', name: 'Ann' });
    const id = String(created['id']);
    assert.equal(created['name'], 'Ann');
    const updated = await one('upsertObject', cfg, { email: 'ann@objects.test', phone: '+1 555 0101' });
    assert.equal(updated['id'], id, 'matched by email, not created again');
    assert.equal((await one('upsertObject', cfg, { id, name: 'Ann B' }))['name'], 'Ann B');
    assert.equal((await one('lookupObject', cfg, { id }))['id'], id);
    assert.equal((await one('lookupObject', cfg, { email: 'ann@objects.test' }))['id'], id);
    assert.equal((await one('lookupObject', cfg, { external_id: 'ann-1' }))['id'], id);
    const found = await one('lookupObjects', { ...cfg, termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'external_id', condition: '=', fieldValue: 'ann-1' } });
    assert.deepEqual(ids(found), [id]);
    // OIH's standardized Delete Object emits {id} of the deleted record; Intercom's answer stays beside it.
    assert.deepEqual(await one('deleteObject', cfg, { id }), { id, response: { id, external_id: 'ann-1', type: 'contact', deleted: true } });
    assert.deepEqual(await one('deleteObject', cfg, { id }), {}, 'a contact that is not there: empty result');
    await assert.rejects(run('lookupObject', cfg, { id }), /no contacts record has id/);
    assert.deepEqual(await one('lookupObject', { ...cfg, allowZeroResults: true }, { id }), {});
    assert.deepEqual(await one('lookupObject', { ...cfg, allowCriteriaToBeOmitted: true }, {}), {});
  });

  it('contacts: two terms joined by or reach Intercom as one OR query (request log)', async () => {
    const cfg = { objectType: 'contacts', termNumber: '2', outputMethod: 'emitIndividually' };
    const a = await one('upsertObject', { objectType: 'contacts' }, { email: 'or-a@objects.test' });
    const b = await one('upsertObject', { objectType: 'contacts' }, { email: 'or-b@objects.test' });
    sb.requests.clear();
    const bodies = (await run('lookupObjects', cfg, {
      searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'or-a@objects.test' },
      criteriaLink1: 'or',
      searchTerm2: { fieldName: 'email', condition: '=', fieldValue: 'or-b@objects.test' },
    })) as Json[];
    assert.deepEqual(bodies.map((c) => c['id']).sort(), [a['id'], b['id']].sort());
    const [search] = sent('POST', '/contacts/search');
    assert.deepEqual(JSON.parse(search?.body ?? '{}'), {
      query: { operator: 'OR', value: [{ field: 'email', operator: '=', value: 'or-a@objects.test' }, { field: 'email', operator: '=', value: 'or-b@objects.test' }] },
    });
  });

  it('companies: upsert by company_id and by id; lookup by id, company_id and name; list; tag filter; several matches name them; delete', async () => {
    const cfg = { objectType: 'companies' };
    const created = await one('upsertObject', cfg, { company_id: 'acme-1', name: 'Acme' });
    const id = String(created['id']);
    assert.equal((await one('upsertObject', cfg, { company_id: 'acme-1', size: 40 }))['id'], id);
    assert.equal((await one('upsertObject', cfg, { id, industry: 'Retail' }))['industry'], 'Retail');
    assert.equal((await one('lookupObject', cfg, { id }))['id'], id);
    assert.equal((await one('lookupObject', cfg, { company_id: 'acme-1' }))['id'], id);
    assert.equal((await one('lookupObject', cfg, { name: 'Acme' }))['id'], id);
    const twin = await one('upsertObject', cfg, { company_id: 'acme-2', name: 'Acme' });
    await assert.rejects(run('lookupObject', cfg, { name: 'Acme' }), (error: unknown) => {
      assert.match(describeError(error), new RegExp(`2 companies records have name Acme \\(ids (${id}, ${String(twin['id'])}|${String(twin['id'])}, ${id})\\)`));
      return true;
    });
    const all = await one('lookupObjects', { ...cfg, termNumber: '0', outputMethod: 'emitAll' }, {});
    assert.ok(ids(all).includes(id));
    const tag = await api('POST', '/tags', { name: 'Objects', companies: [{ id }] });
    const tagged = await one('lookupObjects', { ...cfg, termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'tag_id', condition: '=', fieldValue: tag['id'] } });
    assert.deepEqual(ids(tagged), [id]);
    await assert.rejects(
      run('lookupObjects', { ...cfg, termNumber: '1' }, { searchTerm1: { fieldName: 'name', condition: '~', fieldValue: 'Ac' } }),
      (error: unknown) => error instanceof InputValidationError && /searchTerm1\.fieldName: "name" is not a searchable field/.test(error.message),
    );
    assert.deepEqual(await deleted(cfg, id), { id, deleted: true });
    assert.deepEqual(await one('deleteObject', cfg, { id }), {});
  });

  it('conversations: lookup by id; search with a page per message; list; delete; gone → empty', async () => {
    const cfg = { objectType: 'conversations' };
    const listed = (await api('GET', '/conversations?per_page=5'))['conversations'] as Json[];
    const id = String(listed[0]?.['id']);
    assert.equal((await one('lookupObject', cfg, { id }))['id'], id);
    const pages = (await run('lookupObjects', { ...cfg, termNumber: '1', outputMethod: 'emitPage', pageSize: '1' }, { searchTerm1: { fieldName: 'id', condition: 'IN', fieldValue: listed.map((c) => c['id']).join(',') } })) as Json[];
    assert.equal(pages.length, listed.length, 'one message per page of one');
    assert.deepEqual(pages.flatMap(ids).sort(), listed.map((c) => String(c['id'])).sort());
    assert.equal(ids(await one('lookupObjects', { ...cfg, termNumber: '0', outputMethod: 'emitAll', maxFetch: '2' }, {})).length, 2);
    assert.deepEqual(await deleted(cfg, id), { id, deleted: true });
    assert.deepEqual(await one('deleteObject', cfg, { id }), {});
  });

  it('tickets: upsert creates, then updates by id; lookup; search; no unfiltered list; delete; gone → empty', async () => {
    const cfg = { objectType: 'tickets' };
    const contact = await one('upsertObject', { objectType: 'contacts' }, { email: 'ticket@objects.test' });
    const type = ((await api('GET', '/ticket_types'))['data'] as Json[])[0];
    const created = await one('upsertObject', cfg, { ticket_type_id: type?.['id'], contacts: [{ id: contact['id'] }], ticket_attributes: { _default_title_: 'Printer' } });
    const id = String(created['id']);
    assert.equal((await one('upsertObject', cfg, { id, open: false }))['open'], false);
    assert.equal((await one('lookupObject', cfg, { id }))['id'], id);
    const found = await one('lookupObjects', { ...cfg, termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'id', condition: '=', fieldValue: id } });
    assert.deepEqual(ids(found), [id]);
    await assert.rejects(run('lookupObjects', { ...cfg, termNumber: '0' }, {}), /Intercom has no unfiltered list of tickets/);
    assert.deepEqual(await deleted(cfg, id), { id, deleted: true });
    assert.deepEqual(await one('deleteObject', cfg, { id }), {});
  });

  it('admins and teams: lookup by id, by email or name (read from the list), list', async () => {
    const admins = (await api('GET', '/admins'))['admins'] as Json[];
    const admin = admins[0] ?? {};
    assert.equal((await one('lookupObject', { objectType: 'admins' }, { id: admin['id'] }))['id'], admin['id']);
    assert.equal((await one('lookupObject', { objectType: 'admins' }, { email: String(admin['email']).toUpperCase() }))['id'], admin['id']);
    assert.equal(ids(await one('lookupObjects', { objectType: 'admins', termNumber: '0', outputMethod: 'emitAll' }, {})).length, admins.length);
    const teams = (await api('GET', '/teams'))['teams'] as Json[];
    const team = teams[0] ?? {};
    assert.equal((await one('lookupObject', { objectType: 'teams' }, { id: team['id'] }))['id'], team['id']);
    assert.equal((await one('lookupObject', { objectType: 'teams' }, { name: team['name'] }))['id'], team['id']);
    assert.equal(ids(await one('lookupObjects', { objectType: 'teams', termNumber: '0', outputMethod: 'emitAll' }, {})).length, teams.length);
    await assert.rejects(run('lookupObjects', { objectType: 'admins', termNumber: '1' }, { searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'x' } }), /Intercom cannot filter admins/);
  });

  it('tags: lookup by id and name; list; delete; gone → empty', async () => {
    const cfg = { objectType: 'tags' };
    const tag = await api('POST', '/tags', { name: 'Objects suite tag' });
    const id = String(tag['id']);
    assert.equal((await one('lookupObject', cfg, { id }))['name'], 'Objects suite tag');
    assert.equal((await one('lookupObject', cfg, { name: 'Objects suite tag' }))['id'], id);
    assert.ok(ids(await one('lookupObjects', { ...cfg, termNumber: '0', outputMethod: 'emitAll' }, {})).includes(id));
    assert.deepEqual(await deleted(cfg, id), { id, deleted: true });
    assert.deepEqual(await one('deleteObject', cfg, { id }), {});
  });

  it('notes: lookup by id; listed per contact; without a contact or company a clear error', async () => {
    const cfg = { objectType: 'notes' };
    const contact = await one('upsertObject', { objectType: 'contacts' }, { email: 'noted@objects.test' });
    const note = await api('POST', `/contacts/${String(contact['id'])}/notes`, { body: 'Called back', admin_id: ((await api('GET', '/admins'))['admins'] as Json[])[0]?.['id'] });
    assert.equal((await one('lookupObject', cfg, { id: note['id'] }))['id'], note['id']);
    const listed = await one('lookupObjects', { ...cfg, termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'contact_id', condition: '=', fieldValue: contact['id'] } });
    assert.deepEqual(ids(listed), [String(note['id'])]);
    await assert.rejects(run('lookupObjects', { ...cfg, termNumber: '0' }, {}), /Intercom has no unfiltered list of notes: give at least one search term \(on contact_id, company_id\)/);
  });

  it('data events: the summaries of one contact\'s events; other filters are refused', async () => {
    await api('POST', '/events', { event_name: 'ordered', created_at: 1_700_000_000, user_id: 'ev-1' });
    await api('POST', '/events', { event_name: 'ordered', created_at: 1_700_000_500, user_id: 'ev-1' });
    const found = await one('lookupObjects', { objectType: 'dataEvents', termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'user_id', condition: '=', fieldValue: 'ev-1' } });
    assert.deepEqual(found, { results: [{ name: 'ordered', first: '2023-11-14T22:13:20.000Z', last: '2023-11-14T22:21:40.000Z', count: 2 }] });
    await assert.rejects(
      run('lookupObjects', { objectType: 'dataEvents', termNumber: '2' }, { searchTerm1: { fieldName: 'user_id', condition: '=', fieldValue: 'a' }, criteriaLink1: 'or', searchTerm2: { fieldName: 'email', condition: '=', fieldValue: 'b' } }),
      /Intercom filters data events with "and" only/,
    );
    // Two values for one filter field would leave only the last: refused, and nothing is sent.
    sb.requests.clear();
    await assert.rejects(
      run('lookupObjects', { objectType: 'dataEvents', termNumber: '2' }, { searchTerm1: { fieldName: 'user_id', condition: '=', fieldValue: 'a' }, criteriaLink1: 'and', searchTerm2: { fieldName: 'user_id', condition: '=', fieldValue: 'b' } }),
      /fields user_id: given in more than one term with different values; Intercom filters data events by one value per field/,
    );
    assert.equal(sb.requests.entries().filter((e) => e.path.startsWith('/events')).length, 0);
  });

  it('articles and segments (description fallback): each verb sends its request', async () => {
    sb.requests.clear();
    await one('lookupObject', { objectType: 'articles' }, { id: '77' });
    await one('lookupObjects', { objectType: 'articles', termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'phrase', condition: '~', fieldValue: 'billing' } });
    await one('lookupObjects', { objectType: 'articles', termNumber: '0', outputMethod: 'emitAll' }, {});
    await one('deleteObject', { objectType: 'articles' }, { id: '77' });
    await one('lookupObject', { objectType: 'segments' }, { id: 's1' });
    await one('lookupObjects', { objectType: 'segments', termNumber: '0', outputMethod: 'emitAll' }, {});
    assert.deepEqual(
      sb.requests.entries().map((e) => `${e.method} ${e.target}`),
      ['GET /articles/77', 'GET /articles/search?phrase=billing', 'GET /articles', 'DELETE /articles/77', 'GET /segments/s1', 'GET /segments'],
    );
  });

  it('custom object instances (description fallback): the type identifier is required and scopes every verb', async () => {
    const cfg = { objectType: 'customObjectInstances' };
    await assert.rejects(run('lookupObject', cfg, { id: '1' }), (error: unknown) => error instanceof InputValidationError && /field custom_object_type_identifier: is required/.test(error.message));
    sb.requests.clear();
    const scope = { custom_object_type_identifier: 'Order' };
    await one('upsertObject', cfg, { ...scope, external_id: 'o-1', custom_attributes: { total: 5 } });
    await one('lookupObject', cfg, { ...scope, id: 'i1' });
    await one('lookupObjects', { ...cfg, termNumber: '0', outputMethod: 'emitAll' }, scope);
    await one('deleteObject', cfg, { ...scope, id: 'i1' });
    assert.deepEqual(sb.requests.entries().map((e) => `${e.method} ${e.target}`), [
      'POST /custom_object_instances/Order',
      'GET /custom_object_instances/Order/i1',
      'GET /custom_object_instances/Order',
      'DELETE /custom_object_instances/Order/i1',
    ]);
  });

  it('contacts: the condition "eq" (elastic.io\'s lookup name) reaches Intercom as "=" (request log)', async () => {
    const a = await one('upsertObject', { objectType: 'contacts' }, { email: 'eq-a@objects.test', external_id: 'eq-a' });
    sb.requests.clear();
    const found = await one('lookupObjects', { objectType: 'contacts', termNumber: '1', outputMethod: 'emitAll' }, { searchTerm1: { fieldName: 'external_id', condition: 'eq', fieldValue: 'eq-a' } });
    assert.deepEqual(ids(found), [a['id']]);
    const [search] = sent('POST', '/contacts/search');
    assert.deepEqual(JSON.parse(search?.body ?? '{}'), { query: { field: 'external_id', operator: '=', value: 'eq-a' } });
  });

  it('metadata follows the chosen type and term count, with the workspace\'s custom attributes', async () => {
    type Meta = { in: { properties: Record<string, Json> }; out: { properties: Record<string, Json> } };
    const meta = async (key: string, cfg: Json): Promise<Meta> => {
      const mod = loadModule(manifest().actions[key]!.main) as unknown as { getMetaModel: (cfg: unknown) => Promise<Meta> };
      return mod.getMetaModel({ accessToken: TOKEN, baseUrl: sb.url, ...cfg });
    };
    const many = await meta('lookupObjects', { objectType: 'contacts', termNumber: '2', outputMethod: 'emitAll' });
    assert.deepEqual(Object.keys(many.in.properties), ['searchTerm1', 'criteriaLink1', 'searchTerm2']);
    const fieldNames = ((many.in.properties['searchTerm1']?.['properties'] as Record<string, Json>)['fieldName']?.['enum'] ?? []) as string[];
    assert.ok(fieldNames.includes('email') && fieldNames.includes('custom_attributes.seats'), 'standard fields and custom attributes');
    assert.deepEqual(many.in.properties['criteriaLink1']?.['enum'], ['and', 'or']);
    // Conditions: Intercom's operators, then the names elastic.io's lookup actions use (commons library readMetaFilter).
    const conditions = ((many.in.properties['searchTerm1']?.['properties'] as Record<string, Json>)['condition']?.['enum'] ?? []) as string[];
    assert.deepEqual(conditions, ['=', '!=', 'IN', 'NIN', '>', '<', '>=', '<=', '~', '!~', '^', '$', 'eq', 'ne', 'gt', 'ge', 'lt', 'le']);
    assert.equal(many.out.properties['results']?.['type'], 'array');
    const customOut = (((many.out.properties['results']?.['items'] as Json)['properties'] as Record<string, Json>)['custom_attributes']?.['properties'] ?? {}) as Json;
    assert.deepEqual(Object.keys(customOut).sort(), ['plan', 'seats', 'trial_ends_at']);
    const single = await meta('lookupObject', { objectType: 'contacts' });
    assert.deepEqual(Object.keys(single.in.properties), ['id', 'external_id', 'email']);
    assert.ok(single.out.properties['email'], 'a contact record');
    const upsert = await meta('upsertObject', { objectType: 'companies' });
    for (const name of ['id', 'company_id', 'name', 'custom_attributes']) assert.ok(upsert.in.properties[name], `upsert companies: ${name}`);
    const del = await meta('deleteObject', { objectType: 'customObjectInstances' });
    assert.deepEqual(Object.keys(del.in.properties), ['custom_object_type_identifier', 'id']);
    assert.equal(del.in.properties['custom_object_type_identifier']?.['required'], true);
    assert.deepEqual(Object.keys(del.out.properties), ['id', 'response'], 'Delete Object emits {id}, Intercom\'s answer beside it');
    const noTerms = await meta('lookupObjects', { objectType: 'admins', termNumber: '0', outputMethod: 'emitIndividually' });
    assert.deepEqual(Object.keys(noTerms.in.properties), []);
    assert.ok(noTerms.out.properties['email'], 'one admin per message');
  });

  it('bad settings and inputs are clear errors before any request', async () => {
    sb.requests.clear();
    await assert.rejects(run('lookupObject', {}, { id: '1' }), /step field "objectType" is required/);
    await assert.rejects(run('upsertObject', { objectType: 'admins' }, { id: '1' }), /"admins" is not an object type this action supports/);
    await assert.rejects(run('lookupObject', { objectType: 'contacts' }, { id: '1', email: 'a@b.test' }), /field email: give only one of id, email/);
    await assert.rejects(run('lookupObject', { objectType: 'contacts' }, { company_id: 'x' }), /field company_id: is not an input for contacts here/);
    await assert.rejects(run('lookupObjects', { objectType: 'contacts', termNumber: '1' }, { searchTerm2: { fieldName: 'email', condition: '=', fieldValue: 'x' } }), /field searchTerm2: is not an input/);
    await assert.rejects(run('lookupObjects', { objectType: 'contacts', termNumber: '1' }, { searchTerm1: { fieldName: 'created_at', condition: '>=', fieldValue: 1 } }), /">=" does not apply to created_at \(date\)/);
    await assert.rejects(run('upsertObject', { objectType: 'contacts' }, { name: 'No key' }), /field id: give the Intercom id, an external_id or an email/);
    await assert.rejects(run('upsertObject', { objectType: 'contacts' }, { email: 'a@b.test', ticket_type_id: '1' }), /field ticket_type_id: is not an input for contacts here/);
    await assert.rejects(run('upsertObject', { objectType: 'tickets' }, { id: '5', colour: 'red' }), /field colour/);
    await assert.rejects(run('deleteObject', { objectType: 'tickets' }, { id: '..' }), /field id: "\.\." is not a valid id/);
    assert.equal(sb.requests.entries().length, 0);
  });
});
