/**
 * Lookup Objects' own limits, with nock answering Intercom's list of tags (one answer, not paged): the numbers are
 * written by hand from the step's documented defaults (the field's note: "default 1000").
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import lookupObjectsModule from '../../../lib/actions/lookupObjects';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const lookupObjects = lookupObjectsModule.process;

const tags = (count: number): Array<Record<string, unknown>> => Array.from({ length: count }, (_, i) => ({ type: 'tag', id: String(i + 1), name: `tag ${i + 1}` }));

async function lookUpTags(count: number, cfg: Record<string, unknown>): Promise<FakeStep> {
  nock(TEST_BASE_URL).get('/tags').reply(200, { type: 'list', data: tags(count) });
  const step = new FakeStep();
  await lookupObjects.call(step, { body: {}, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType: 'tags', termNumber: '0', outputMethod: 'emitAll', ...cfg }), {});
  return step;
}

const results = (step: FakeStep): Array<{ id: string }> => (step.bodies()[0] as { results: Array<{ id: string }> }).results;

describe('lookupObjects: the maximum number of records', () => {
  offlineRuntime();

  it('without maxFetch, 1,000 records at most: of 1,001 tags the first 1,000 are emitted and the log says more may match', async () => {
    const step = await lookUpTags(1_001, {});
    assert.equal(results(step).length, 1_000);
    assert.equal(results(step)[999]?.id, '1000');
    assert.ok(step.logs.some((line) => line.includes('stopped at 1000 record(s)')), step.logs.join('\n'));
  });

  it('999 tags without maxFetch: all emitted, no warning', async () => {
    const step = await lookUpTags(999, {});
    assert.equal(results(step).length, 999);
    assert.ok(!step.logs.some((line) => line.includes('stopped at')), step.logs.join('\n'));
  });

  it('maxFetch 3 of 5 tags one by one: three messages, and the warning', async () => {
    const step = await lookUpTags(5, { maxFetch: '3', outputMethod: 'emitIndividually' });
    assert.deepEqual(step.bodies().map((b) => (b as { id: string }).id), ['1', '2', '3']);
    assert.ok(step.logs.some((line) => line.includes('stopped at 3 record(s)')));
  });

  it('exactly maxFetch tags and nothing more: all emitted, no warning', async () => {
    const step = await lookUpTags(3, { maxFetch: '3' });
    assert.deepEqual(results(step).map((t) => t.id), ['1', '2', '3']);
    assert.ok(!step.logs.some((line) => line.includes('stopped at')), step.logs.join('\n'));
  });

  it('a paged list ending exactly at maxFetch on its last page: no warning, and no page read beyond it', async () => {
    // Contacts page by cursor: the last page has no pages.next, so there is nothing more to read.
    const page = { type: 'list', data: [{ id: 'c1' }, { id: 'c2' }], total_count: 2, pages: { type: 'pages', page: 1, per_page: 2, total_pages: 1 } };
    const scope = nock(TEST_BASE_URL).get('/contacts').query({ per_page: '2' }).reply(200, page);
    const step = new FakeStep();
    await lookupObjects.call(step, { body: {}, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType: 'contacts', termNumber: '0', outputMethod: 'emitAll', maxFetch: '2', pageSize: '2' }), {});
    scope.done();
    assert.deepEqual(results(step).map((c) => c.id), ['c1', 'c2']);
    assert.ok(!step.logs.some((line) => line.includes('stopped at')), step.logs.join('\n'));
  });

  it('a paged list with a next page after exactly maxFetch: the next page shows more match, and the warning says so', async () => {
    const page = (ids: string[], next?: string): Record<string, unknown> => ({ type: 'list', data: ids.map((id) => ({ id })), pages: { type: 'pages', per_page: 2, ...(next ? { next: { per_page: 2, starting_after: next } } : {}) } });
    const scope = nock(TEST_BASE_URL)
      .get('/contacts').query({ per_page: '2' }).reply(200, page(['c1', 'c2'], 'n2'))
      .get('/contacts').query({ per_page: '2', starting_after: 'n2' }).reply(200, page(['c3']));
    const step = new FakeStep();
    await lookupObjects.call(step, { body: {}, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType: 'contacts', termNumber: '0', outputMethod: 'emitAll', maxFetch: '2', pageSize: '2' }), {});
    scope.done();
    assert.deepEqual(results(step).map((c) => c.id), ['c1', 'c2']);
    assert.ok(step.logs.some((line) => line.includes('stopped at 2 record(s)') && line.includes('more records match')), step.logs.join('\n'));
  });

  it('maxFetch that is not a whole number of at least 1 is a configuration error naming the field', async () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      await assert.rejects(lookUpTags(1, { maxFetch: bad }), new RegExp(`step field "maxFetch" must be a whole number of at least 1; got "${bad}"`));
      nock.cleanAll();
    }
  });

});

describe('lookupObjects: search terms that are not whole terms', () => {
  offlineRuntime();

  it('a search term that is not a whole term is refused naming the field, and no request is sent (not read as "no term", the whole list)', async () => {
    const anyRequest = nock(TEST_BASE_URL).get(/.*/).reply(200, { type: 'list', data: [] }).post(/.*/).reply(200, { type: 'list', data: [] });
    const email = (value: string): Record<string, unknown> => ({ fieldName: 'email', condition: '=', fieldValue: value });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ searchTerm1: 'email = ada@example.test' }, '1', 'field searchTerm1: must be object or null'],
      [{ searchTerm1: ['email', '=', 'ada@example.test'] }, '1', 'field searchTerm1: must be object or null'],
      [{ searchTerm2: email('ada@example.test') }, '2', 'field searchTerm2: is given but searchTerm1 is empty; number the terms from 1 without gaps'],
      [{ searchTerm1: { condition: '=', fieldValue: 'ada@example.test' } }, '1', 'field searchTerm1.fieldName: is required'],
      [{ searchTerm1: { fieldName: 'email', fieldValue: 'ada@example.test' } }, '1', 'field searchTerm1.condition: is required'],
      [{ searchTerm1: email('ada@example.test'), searchTerm2: email('bob@example.test') }, '2', 'field criteriaLink1: is required between searchTerm1 and searchTerm2 (and / or)'],
    ];
    for (const [body, termNumber, problem] of cases) {
      const step = new FakeStep();
      await assert.rejects(
        lookupObjects.call(step, { body, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, { objectType: 'contacts', termNumber, outputMethod: 'emitAll' }), {}),
        (e: Error) => e.message === `Invalid input for lookupObjects: ${problem}`,
      );
      assert.deepEqual(step.bodies(), []);
    }
    assert.equal(anyRequest.pendingMocks().length, 2, 'a request was sent');
    nock.cleanAll();
  });
});
