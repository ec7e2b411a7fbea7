/**
 * The standard object actions at the edges a user meets: errors other than 404 are errors (never "not there"), an
 * unused link of Lookup Objects is refused, list filters of different lists or repeated with other values are refused
 * naming them, an empty page with Emit page is one empty result, a cut at maxFetch reads no further page, a custom
 * attribute term takes the workspace's type, and what the log says. Intercom's answers are written by hand in the
 * shapes its API describes.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { OBJECT_TYPES } from '../../../lib/catalogue/objectTypes';
import deleteObjectModule from '../../../lib/actions/deleteObject';
import lookupObjectModule from '../../../lib/actions/lookupObject';
import lookupObjectsModule from '../../../lib/actions/lookupObjects';
import upsertObjectModule from '../../../lib/actions/upsertObject';
import { termQuery } from '../../../lib/objects/lookupObjects';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

type Process = (this: unknown, msg: unknown, cfg: unknown, snapshot: unknown) => Promise<unknown>;
type Schema = { type?: string; title?: string; description?: string; properties?: Record<string, Schema>; items?: Schema };

async function run(module: { process: unknown }, body: Record<string, unknown>, cfg: Record<string, unknown>): Promise<FakeStep> {
  const step = new FakeStep();
  await (module.process as Process).call(step, { body, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, cfg), {});
  return step;
}

const forbidden = { type: 'error.list', request_id: 'req-403', errors: [{ code: 'forbidden', message: 'Access denied for this token' }] };

describe('object actions: Intercom errors other than "not found"', () => {
  offlineRuntime();

  it('Delete Object: a 403 fails the step (it is no "nothing to delete")', async () => {
    nock(TEST_BASE_URL).delete('/contacts/c1').reply(403, forbidden);
    await assert.rejects(run(deleteObjectModule, { id: 'c1' }, { objectType: 'contacts' }), /Access denied for this token[^]*deleteObject \(deleteContact\)|deleteObject \(deleteContact\)[^]*Access denied for this token/);
  });

  it('Delete Object: a record that is not there gives an empty object and says so in the log', async () => {
    nock(TEST_BASE_URL).delete('/contacts/c404').reply(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] });
    const step = await run(deleteObjectModule, { id: 'c404' }, { objectType: 'contacts' });
    assert.deepEqual(step.bodies(), [{}]);
    assert.ok(step.logs.some((l) => l.includes('deleteObject: no contacts record has id c404; nothing to delete')), step.logs.join('\n'));
  });

  it('Delete Object: without the id, an error naming it and no request', async () => {
    await assert.rejects(run(deleteObjectModule, {}, { objectType: 'contacts' }), /field id: is required/);
  });

  it('Delete Object: an empty answer adds no response beside the id', async () => {
    nock(TEST_BASE_URL).delete('/contacts/c2').reply(200, {});
    const step = await run(deleteObjectModule, { id: 'c2' }, { objectType: 'contacts' });
    assert.deepEqual(step.bodies(), [{ id: 'c2' }]);
  });

  it('Lookup Object by id: 404 is no record (an empty object when allowed), 403 fails the step', async () => {
    nock(TEST_BASE_URL).get('/tags/9').reply(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] });
    assert.deepEqual((await run(lookupObjectModule, { id: '9' }, { objectType: 'tags', allowZeroResults: true })).bodies(), [{}]);
    nock(TEST_BASE_URL).get('/tags/9').reply(403, forbidden);
    await assert.rejects(run(lookupObjectModule, { id: '9' }, { objectType: 'tags', allowZeroResults: true }), /Access denied for this token/);
  });

  it('Lookup Object by a listed field (company name): 404 is no match, 403 fails the step', async () => {
    nock(TEST_BASE_URL).get('/companies').query({ name: 'Acme' }).reply(404, { type: 'error.list', errors: [{ code: 'company_not_found', message: 'Company Not Found' }] });
    assert.deepEqual((await run(lookupObjectModule, { name: 'Acme' }, { objectType: 'companies', allowZeroResults: true })).bodies(), [{}]);
    nock(TEST_BASE_URL).get('/companies').query({ name: 'Acme' }).reply(403, forbidden);
    await assert.rejects(run(lookupObjectModule, { name: 'Acme' }, { objectType: 'companies', allowZeroResults: true }), /Access denied for this token/);
  });

  it('Lookup Object by a scanned field: an error names the step and the list it was reading', async () => {
    nock(TEST_BASE_URL).get('/teams').reply(403, forbidden);
    await assert.rejects(run(lookupObjectModule, { name: 'Support' }, { objectType: 'teams' }), /lookupObject \(listTeams\)/);
  });
});

describe('Upsert Object: the log', () => {
  offlineRuntime();

  it('a contact nobody has yet: created, and the log says so without a match', async () => {
    const scope = nock(TEST_BASE_URL)
      .post('/contacts/search')
      .reply(200, { type: 'list', data: [], total_count: 0 })
      .post('/contacts')
      .reply(200, { type: 'contact', id: 'c10', email: 'new@example.test' });
    const step = await run(upsertObjectModule, { email: 'new@example.test', name: 'New' }, { objectType: 'contacts' });
    scope.done();
    assert.ok(step.logs.some((line) => /upsertObject: contact created$/.test(line)), step.logs.join('\n'));
  });
});

describe('Lookup Object: answers and options', () => {
  offlineRuntime();

  it('no criterion with "Allow criteria to be omitted": an empty object, and the log says why', async () => {
    const step = await run(lookupObjectModule, {}, { objectType: 'tags', allowCriteriaToBeOmitted: true });
    assert.deepEqual(step.bodies(), [{}]);
    assert.ok(step.logs.some((l) => l.includes('lookupObject: no lookup value given; emitting an empty object')), step.logs.join('\n'));
  });

  it('a company list answer without records is no match, not a record', async () => {
    nock(TEST_BASE_URL).get('/companies').query({ name: 'Acme' }).reply(200, { type: 'list', pages: { type: 'pages', page: 1, total_pages: 0 }, total_count: 0 });
    const step = await run(lookupObjectModule, { name: 'Acme' }, { objectType: 'companies', allowZeroResults: true });
    assert.deepEqual(step.bodies(), [{}]);
  });

  it('several matches without an id are named with "?"', async () => {
    nock(TEST_BASE_URL).get('/teams').reply(200, { type: 'team.list', teams: [{ type: 'team', id: '7', name: 'Support' }, { type: 'team', name: 'Support' }] });
    await assert.rejects(run(lookupObjectModule, { name: 'Support' }, { objectType: 'teams' }), /2 teams records have name Support \(ids 7, \?\); at most one may match/);
  });
});

describe('Lookup Objects: terms, pages and the log', () => {
  offlineRuntime();

  it('a link after the last term is no input of the step: refused, naming it', async () => {
    const body = { searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'a@b.test' }, criteriaLink1: 'and', searchTerm2: { fieldName: 'name', condition: '=', fieldValue: 'Ann' }, criteriaLink2: 'or' };
    await assert.rejects(run(lookupObjectsModule, body, { objectType: 'contacts', termNumber: '2' }), /field criteriaLink2: is not an input for contacts here/);
  });

  it('notes: contact_id and company_id are different lists, refused together naming both', () => {
    const terms = [{ fieldName: 'contact_id', condition: '=', fieldValue: 'c1' }, { fieldName: 'company_id', condition: '=', fieldValue: 'co1' }];
    assert.deepEqual(termQuery(OBJECT_TYPES.notes, terms, ['and']).problems, ['fields contact_id, company_id: Intercom cannot filter notes on these together; use one of them']);
  });

  it('companies: each filter given twice with other values is named, all in one problem', () => {
    const terms = [
      { fieldName: 'tag_id', condition: '=', fieldValue: '1' },
      { fieldName: 'tag_id', condition: '=', fieldValue: '2' },
      { fieldName: 'segment_id', condition: '=', fieldValue: 's1' },
      { fieldName: 'segment_id', condition: '=', fieldValue: 's2' },
    ];
    assert.deepEqual(termQuery(OBJECT_TYPES.companies, terms, ['and', 'and', 'and']).problems, [
      'fields tag_id, segment_id: given in more than one term with different values; Intercom filters companies by one value per field, give it once',
    ]);
  });

  it('a type Intercom filters on nothing: terms are refused, saying to use none', () => {
    assert.deepEqual(termQuery(OBJECT_TYPES.admins, [{ fieldName: 'email', condition: '=', fieldValue: 'a@b.test' }], []).problems, ['Intercom cannot filter admins (teammates): set the number of search terms to 0']);
  });

  /** A workspace whose contacts have one custom number attribute, score; gives the query the search sent. */
  const contactSearchWithScore = (): (() => unknown) => {
    nock(TEST_BASE_URL).get('/data_attributes').query({ model: 'contact' }).reply(200, { type: 'list', data: [{ type: 'data_attribute', name: 'score', data_type: 'integer', custom: true }] });
    let sent: unknown;
    nock(TEST_BASE_URL)
      .post('/contacts/search', (body: unknown) => {
        sent = body;
        return true;
      })
      .reply(200, { type: 'list', data: [], total_count: 0, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 0 } });
    return () => (sent as { query?: unknown } | undefined)?.query;
  };

  it('a custom attribute term takes the workspace\'s type: a number attribute\'s digits are sent as a number', async () => {
    const sentQuery = contactSearchWithScore();
    await run(lookupObjectsModule, { searchTerm1: { fieldName: 'custom_attributes.score', condition: '=', fieldValue: '42' } }, { objectType: 'contacts', termNumber: '1', outputMethod: 'emitAll' });
    assert.deepEqual(sentQuery(), { field: 'custom_attributes.score', operator: '=', value: 42 });
  });

  it('a custom attribute term after a standard one still takes the workspace\'s type (the attributes are read when any term names one)', async () => {
    const sentQuery = contactSearchWithScore();
    const terms = { searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'ada@example.com' }, criteriaLink1: 'and', searchTerm2: { fieldName: 'custom_attributes.score', condition: '>', fieldValue: '42' } };
    await run(lookupObjectsModule, terms, { objectType: 'contacts', termNumber: '2', outputMethod: 'emitAll' });
    assert.deepEqual(sentQuery(), {
      operator: 'AND',
      value: [
        { field: 'email', operator: '=', value: 'ada@example.com' },
        { field: 'custom_attributes.score', operator: '>', value: 42 },
      ],
    });
  });

  it('Emit page with nothing found: one message with no results; with records: one per page and no empty one', async () => {
    nock(TEST_BASE_URL).get('/tags').reply(200, { type: 'list', data: [] });
    assert.deepEqual((await run(lookupObjectsModule, {}, { objectType: 'tags', termNumber: '0', outputMethod: 'emitPage' })).bodies(), [{ results: [] }]);
    nock(TEST_BASE_URL).get('/tags').reply(200, { type: 'list', data: [{ type: 'tag', id: '1', name: 'a' }] });
    const step = await run(lookupObjectsModule, {}, { objectType: 'tags', termNumber: '0', outputMethod: 'emitPage' });
    assert.deepEqual(step.bodies(), [{ results: [{ type: 'tag', id: '1', name: 'a' }] }]);
    assert.ok(step.logs.some((l) => l.includes('lookupObjects: 1 tags record(s) emitted')), step.logs.join('\n'));
  });

  it('one by one with nothing found: no message at all', async () => {
    nock(TEST_BASE_URL).get('/tags').reply(200, { type: 'list', data: [] });
    assert.deepEqual((await run(lookupObjectsModule, {}, { objectType: 'tags', termNumber: '0', outputMethod: 'emitIndividually' })).bodies(), []);
  });

  it('cut at maxFetch within a page: no further page is read', async () => {
    const page = { type: 'list', data: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], total_count: 9, pages: { type: 'pages', page: 1, per_page: 3, total_pages: 3, next: { page: 2, starting_after: 'abc' } } };
    const first = nock(TEST_BASE_URL).get('/contacts').query(true).reply(200, page);
    const step = await run(lookupObjectsModule, {}, { objectType: 'contacts', termNumber: '0', outputMethod: 'emitAll', maxFetch: '2', pageSize: '3' });
    first.done();
    assert.deepEqual((step.bodies()[0] as { results: Array<{ id: string }> }).results.map((c) => c.id), ['c1', 'c2']);
  });

  it('an Intercom error names the list the step was reading', async () => {
    nock(TEST_BASE_URL).get('/tags').reply(403, forbidden);
    await assert.rejects(run(lookupObjectsModule, {}, { objectType: 'tags', termNumber: '0' }), /lookupObjects \(listTags\)/);
    nock(TEST_BASE_URL).post('/tickets/search').reply(403, forbidden);
    await assert.rejects(run(lookupObjectsModule, { searchTerm1: { fieldName: 'open', condition: '=', fieldValue: true } }, { objectType: 'tickets', termNumber: '1' }), /lookupObjects \(searchTickets\)/);
    nock(TEST_BASE_URL).get('/companies').query(true).reply(403, forbidden);
    await assert.rejects(run(lookupObjectsModule, { searchTerm1: { fieldName: 'tag_id', condition: '=', fieldValue: '5' } }, { objectType: 'companies', termNumber: '1' }), /lookupObjects \(findCompanies\)/);
    nock(TEST_BASE_URL).get('/data_attributes').query(true).reply(403, forbidden);
    await assert.rejects(
      run(lookupObjectsModule, { searchTerm1: { fieldName: 'custom_attributes.score', condition: '=', fieldValue: '1' } }, { objectType: 'contacts', termNumber: '1' }),
      /lookupObjects \(custom attributes\)/,
    );
  });
});

describe('object actions\' metadata: titles, record shapes and what each verb reads', () => {
  offlineRuntime();

  const meta = async (module: { getMetaModel?: unknown }, cfg: Record<string, unknown>): Promise<{ in: Schema; out: Schema; step: FakeStep }> => {
    const step = new FakeStep();
    const result = await (module.getMetaModel as (this: unknown, cfg: unknown) => Promise<{ in: unknown; out: unknown }>).call(step, testConfig(undefined, cfg));
    return { in: result.in as Schema, out: result.out as Schema, step };
  };
  const noAttributes = (): void => {
    nock(TEST_BASE_URL).get('/data_attributes').query(true).reply(200, { type: 'list', data: [] }).persist();
  };

  it('lookup: the Intercom ID and each unique field titled "or <its name>"', async () => {
    noAttributes();
    const { in: input } = await meta(lookupObjectModule, { objectType: 'contacts' });
    assert.deepEqual(Object.values(input.properties ?? {}).map((p) => p.title), ['Intercom ID', 'or external id', 'or email']);
  });

  it('upsert: the id titled as what it does; contacts are created through upsertContact, which does not take email_verified: it is marked update-only', async () => {
    noAttributes();
    const { in: contacts } = await meta(upsertObjectModule, { objectType: 'contacts' });
    assert.equal(contacts.properties?.['id']?.title, 'Intercom ID (updates this record)');
    assert.match(String(contacts.properties?.['email_verified']?.description), /Only when the Intercom ID is given \(an update\)/);
  });

  it('upsert on tickets: a field both operations take is not marked update-only; a reused field\'s help loses the dropdown sentences cleanly', async () => {
    const { in: tickets } = await meta(upsertObjectModule, { objectType: 'tickets' });
    assert.doesNotMatch(String(tickets.properties?.['company_id']?.description), /Only when the Intercom ID is given/);
    assert.equal(tickets.properties?.['ticket_type_id']?.description, 'Intercom’s ID of the ticket type of the new ticket (Ticket types: List).');
  });

  it('lookupMany: results titled Results, an object per record; data events are one event summary each', async () => {
    const { out } = await meta(lookupObjectsModule, { objectType: 'dataEvents', termNumber: '1', outputMethod: 'emitAll' });
    const results = out.properties?.['results'];
    assert.equal(out.type, 'object');
    assert.deepEqual([results?.title, results?.items?.type], ['Results', 'object']);
    assert.deepEqual(Object.keys(results?.items?.properties ?? {}).sort(), ['count', 'description', 'first', 'last', 'name']);
  });

  it('delete: lists no attributes even for a type that has them; its outputs typed and titled', async () => {
    const { out, step } = await meta(deleteObjectModule, { objectType: 'contacts' });
    assert.deepEqual(step.logs.filter((l) => l.startsWith('warn')), []);
    assert.equal(out.type, 'object');
    assert.deepEqual([out.properties?.['id']?.type, out.properties?.['id']?.title], ['string', 'Intercom ID of the deleted record']);
    assert.equal(out.properties?.['response']?.title, 'Intercom’s answer');
  });

  it('when the attributes cannot be listed, the reason names the step\'s metadata call', async () => {
    nock(TEST_BASE_URL).get('/data_attributes').query(true).reply(403, forbidden);
    const { step } = await meta(lookupObjectModule, { objectType: 'contacts' });
    assert.ok(step.logs.some((l) => /lookupObject: custom contact attributes could not be listed \(.*lookupObject\.getMetaModel/.test(l)), step.logs.join('\n'));
  });
});
