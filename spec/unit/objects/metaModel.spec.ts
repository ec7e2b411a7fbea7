/**
 * The metadata of the standard object actions and of search terms (lib/objects/metaModel.ts, lib/search/schema.ts):
 * which inputs each verb shows for a type, with which types, requirements and choices. Facts written by hand from
 * the actions' rules; titles are not compared (they are wording), except where they carry a fact (term numbers).
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { SEARCH_MODELS } from '../../../lib/catalogue/searchFields';
import deleteObjectModule from '../../../lib/actions/deleteObject';
import lookupObjectModule from '../../../lib/actions/lookupObject';
import lookupObjectsModule from '../../../lib/actions/lookupObjects';
import upsertObjectModule from '../../../lib/actions/upsertObject';
import { searchRules, searchTermProperties } from '../../../lib/search/schema';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

/** The standard object actions' getMetaModel, as the platform finds it on their modules. */
const metaOf = (module: { getMetaModel?: unknown }): ((this: unknown, cfg: unknown) => Promise<{ in?: unknown; out: unknown }>) => module.getMetaModel as (this: unknown, cfg: unknown) => Promise<{ in?: unknown; out: unknown }>;
const deleteMeta = metaOf(deleteObjectModule);
const lookupMeta = metaOf(lookupObjectModule);
const lookupManyMeta = metaOf(lookupObjectsModule);
const upsertMeta = metaOf(upsertObjectModule);

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; required?: boolean; enum?: string[]; title?: string };
const meta = async (fn: (this: unknown, cfg: unknown) => Promise<{ in?: unknown; out: unknown }>, cfg: Record<string, unknown>): Promise<{ in: Schema; out: Schema; step: FakeStep }> => {
  const step = new FakeStep();
  const result = await fn.call(step, testConfig(undefined, cfg));
  return { in: result.in as Schema, out: result.out as Schema, step };
};

describe('object actions: metadata per type and verb', () => {
  offlineRuntime();
  const noAttributes = (model: string): void => {
    nock(TEST_BASE_URL).get('/data_attributes').query({ model }).reply(200, { type: 'list', data: [] });
  };

  it('lookup: the Intercom id and each unique field as optional text', async () => {
    noAttributes('contact');
    const { in: input } = await meta(lookupMeta, { objectType: 'contacts' });
    assert.equal(input.type, 'object');
    assert.deepEqual(Object.keys(input.properties ?? {}), ['id', 'external_id', 'email']);
    for (const p of Object.values(input.properties ?? {})) assert.deepEqual([p.type, p.required], ['string', undefined]);
  });

  it('delete: the Intercom id, required, and no custom attributes are listed', async () => {
    const { in: input } = await meta(deleteMeta, { objectType: 'tags' });
    const id = input.properties?.['id'];
    assert.deepEqual(Object.keys(input.properties ?? {}), ['id']);
    assert.deepEqual([input.type, id?.type, id?.title, id?.required], ['object', 'string', 'Intercom ID', true]);
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('upsert: the Intercom id (optional) with the update and create fields; contacts take upsertContact\'s fields', async () => {
    noAttributes('contact');
    const { in: contacts } = await meta(upsertMeta, { objectType: 'contacts' });
    assert.equal(contacts.properties?.['id']?.type, 'string');
    assert.equal(contacts.properties?.['id']?.required, undefined);
    assert.ok(contacts.properties?.['email'] && contacts.properties['external_id'], 'upsertContact\'s keys');
    assert.equal(contacts.properties?.['contact_id'], undefined, 'the update operation\'s own id input is the Intercom id');
    for (const p of Object.values(contacts.properties ?? {})) assert.notEqual(p.required, true, 'nothing is required on both paths');
    const { in: tickets } = await meta(upsertMeta, { objectType: 'tickets' });
    assert.equal(tickets.properties?.['id']?.type, 'string');
    assert.equal(tickets.properties?.['ticket_id'], undefined);
  });

  it('upsert on tickets: no text speaks of step fields the object action does not have; an update-only field says it needs the Intercom id', async () => {
    const { in: tickets } = await meta(upsertMeta, { objectType: 'tickets' });
    for (const [name, p] of Object.entries(tickets.properties ?? {})) assert.doesNotMatch(String((p as { description?: unknown }).description), /step field of the same name/, name);
    // assignee_id is an input of updateTicket only; createTicket refuses it (its strict schema has no such field).
    assert.match(String((tickets.properties?.['assignee_id'] as { description?: unknown } | undefined)?.description), /Only when the Intercom ID is given \(an update\)/);
    assert.doesNotMatch(String((tickets.properties?.['ticket_type_id'] as { description?: unknown } | undefined)?.description), /Only when the Intercom ID is given/);
  });

  it('custom object instances: the type identifier is a required scope input of lookup; upsert shows no Intercom id', async () => {
    const { in: lookup } = await meta(lookupMeta, { objectType: 'customObjectInstances' });
    assert.deepEqual([lookup.properties?.['custom_object_type_identifier']?.type, lookup.properties?.['custom_object_type_identifier']?.required], ['string', true]);
    const { in: upsert } = await meta(upsertMeta, { objectType: 'customObjectInstances' });
    assert.equal(upsert.properties?.['custom_object_type_identifier']?.type, 'string');
    assert.equal(upsert.properties?.['id'], undefined);
  });

  it('custom object instances: every action that takes the type identifier shows it required, as the run time requires it', async () => {
    for (const [name, fn] of [['lookupObject', lookupMeta], ['lookupObjects', lookupManyMeta], ['upsertObject', upsertMeta], ['deleteObject', deleteMeta]] as const) {
      const { in: schema } = await meta(fn, { objectType: 'customObjectInstances', termNumber: '0' });
      assert.equal(schema.properties?.['custom_object_type_identifier']?.required, true, name);
      assert.equal(Object.keys(schema.properties ?? {})[0], 'custom_object_type_identifier', `${name}: the scope input comes first`);
    }
    // The run time: without it, an error naming it and no request.
    const scope = nock(TEST_BASE_URL).post(/.*/).reply(200, {});
    const step = new FakeStep();
    await assert.rejects(
      upsertObjectModule.process.call(step, { body: { external_id: 'x1' }, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType: 'customObjectInstances' }), {}),
      /custom_object_type_identifier/,
    );
    assert.equal(scope.isDone(), false);
    nock.cleanAll();
  });

  it('lookupMany: as many search terms as the step says, links between them; results as a list for emitAll and emitPage', async () => {
    noAttributes('contact');
    const one = await meta(lookupManyMeta, { objectType: 'contacts', termNumber: '2', outputMethod: 'emitPage' });
    assert.deepEqual(Object.keys(one.in.properties ?? {}), ['searchTerm1', 'criteriaLink1', 'searchTerm2']);
    assert.equal(one.out.properties?.['results']?.type, 'array');
    assert.equal(one.out.properties?.['results']?.items?.type, 'object');
    noAttributes('contact');
    const each = await meta(lookupManyMeta, { objectType: 'contacts', termNumber: '0', outputMethod: 'emitIndividually' });
    assert.deepEqual(each.in.properties, {});
    assert.equal(each.out.properties?.['results'], undefined, 'one record per message');
    noAttributes('contact');
    const all = await meta(lookupManyMeta, { objectType: 'contacts', termNumber: '0', outputMethod: 'emitAll' });
    assert.deepEqual(all.in.properties, {});
    assert.equal(all.out.properties?.['results']?.type, 'array');
    // A term count that is not a whole number is an error naming the field, not a form without terms.
    await assert.rejects(meta(lookupManyMeta, { objectType: 'contacts', termNumber: 'x', outputMethod: 'emitAll' }), /step field "termNumber" must be a whole number from 0 to 10; got "x"/);
  });

  it('the workspace\'s attributes cannot be listed: the metadata without them, and the reason logged', async () => {
    nock(TEST_BASE_URL).get('/data_attributes').query(true).reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'down' }] }).persist();
    const { in: input, step } = await meta(lookupMeta, { objectType: 'contacts' });
    nock.cleanAll();
    assert.deepEqual(Object.keys(input.properties ?? {}), ['id', 'external_id', 'email']);
    assert.ok(step.logs.some((l) => /lookupObject: custom contact attributes could not be listed \(.*down.*\); metadata without them/.test(l)), step.logs.join('\n'));
  });

  it('a type the verb does not support gives empty metadata', async () => {
    assert.deepEqual(await upsertMeta.call(new FakeStep(), testConfig(undefined, { objectType: 'admins' })), { in: { type: 'object', properties: {} }, out: { type: 'object', properties: {} } });
  });
});

describe('search terms: their mapper fields', () => {
  it('N terms and N - 1 links numbered from 1; each term an object of field, condition and value', () => {
    const props = searchTermProperties(SEARCH_MODELS.tickets, 3, searchRules('tickets')) as Record<string, Schema>;
    assert.deepEqual(Object.keys(props), ['searchTerm1', 'criteriaLink1', 'searchTerm2', 'criteriaLink2', 'searchTerm3']);
    assert.equal(props['searchTerm1']?.type, 'object');
    assert.deepEqual(Object.keys(props['searchTerm1']?.properties ?? {}), ['fieldName', 'condition', 'fieldValue']);
    assert.equal(props['searchTerm1']?.properties?.['fieldName']?.type, 'string');
    assert.equal(props['searchTerm1']?.properties?.['condition']?.type, 'string');
    assert.deepEqual(props['criteriaLink2']?.enum, ['and', 'or']);
    assert.equal(props['criteriaLink2']?.type, 'string');
    assert.match(props['criteriaLink2']?.title ?? '', /terms 2 and 3/);
  });

  it('the conditions offered are those some field of the model takes, each explained', () => {
    const props = searchTermProperties(SEARCH_MODELS.tickets, 1, searchRules('tickets')) as Record<string, Schema>;
    const condition = props['searchTerm1']?.properties?.['condition'];
    // Tickets: = != IN NIN > < on their fields, ~ !~ ^ $ on text, and <= >= on created_at; beside them the lookup
    // names of elastic.io's connectors for the same operators (eq = , ne !=, gt >, ge >=, lt <, le <=).
    assert.deepEqual([...(condition?.enum ?? [])].sort(), ['!=', '!~', '$', '<', '<=', '=', '>', '>=', 'IN', 'NIN', '^', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', '~']);
    assert.ok(!condition?.enum?.includes('LIKE'));
    const help = String((condition as { description?: string } | undefined)?.description);
    const meaning: Record<string, string> = {
      '=': 'equals', '!=': 'does not equal', IN: 'is one of', NIN: 'is none of', '>': 'greater than', '<': 'lower than',
      '>=': 'greater than or equal to', '<=': 'lower than or equal to', '~': 'contains', '!~': 'does not contain', '^': 'starts with', '$': 'ends with',
    };
    for (const [op, words] of Object.entries(meaning)) assert.ok(help.includes(` ${op} ${words}`), `${op} is explained as "${words}"`);
    assert.ok(help.includes('eq, ne, gt, ge, lt, le mean =, !=, >, >=, <, <='), 'the lookup names are explained');
  });

  it('custom attributes join the field choices under the model\'s prefix; a model without one ignores them', () => {
    const contacts = searchTermProperties(SEARCH_MODELS.contacts, 1, searchRules('contacts'), { plan: 'string' }) as Record<string, Schema>;
    assert.ok(contacts['searchTerm1']?.properties?.['fieldName']?.enum?.includes('custom_attributes.plan'));
    assert.ok(contacts['searchTerm1']?.properties?.['fieldName']?.enum?.includes('email'));
    const tickets = searchTermProperties(SEARCH_MODELS.tickets, 1, searchRules('tickets'), { plan: 'string' }) as Record<string, Schema>;
    assert.ok(!(tickets['searchTerm1']?.properties?.['fieldName']?.enum ?? []).some((f) => f.includes('plan')));
  });
});
