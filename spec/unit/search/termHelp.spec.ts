/**
 * What the search-term fields tell the user (lib/search/schema.ts), and the search actions' term inputs at their
 * limits (lib/search/terms.ts, termsAsQuery.ts). The conditions per kind of field, the legend of the conditions a
 * record type uses, the example term and the value notes are the facts a user builds a term from: expectations are
 * written by hand from Intercom's search rules (contacts' dates take =, > and < only; tickets' created_at also >= and
 * <=) and from small hand-made models whose help follows from the rules alone.
 */
import assert from 'node:assert/strict';
import { SEARCH_MODELS, type SearchModel } from '../../../lib/catalogue/searchFields';
import { InputValidationError } from '../../../lib/runtime/errors';
import { searchRules, searchTermProperties } from '../../../lib/search/schema';
import { buildQuery, readTerms } from '../../../lib/search/terms';
import { withTermsAsQuery } from '../../../lib/search/termsAsQuery';
import searchContactsModule from '../../../lib/actions/searchContacts';
import { FakeStep, offlineRuntime, testConfig } from '../../helpers/context';

type Schema = { title?: string; description?: string; properties?: Record<string, Schema> };
const FULL = ['=', '!=', 'IN', 'NIN', '~'];

function termOne(model: SearchModel, records = 'widgets'): { term: string; field: string; condition: string; value: string; titles: string[] } {
  const properties = searchTermProperties(model, 2, searchRules(records)) as Record<string, Schema>;
  const term = properties['searchTerm1'] ?? {};
  const own = term.properties ?? {};
  return {
    term: String(term.description),
    field: String(own['fieldName']?.description),
    condition: String(own['condition']?.description),
    value: String(own['fieldValue']?.description),
    titles: [term.title, own['fieldName']?.title, own['condition']?.title, own['fieldValue']?.title, properties['criteriaLink1']?.title, properties['searchTerm2']?.title].map(String),
  };
}

const textModel = (names: string[], extra: Partial<SearchModel> = {}): SearchModel => ({
  fields: Object.fromEntries(names.map((name) => [name, 'string'])),
  operators: { string: FULL, integer: ['='], float: ['='], date: ['='], boolean: ['='] },
  ...extra,
});

describe('search terms: the facts their help states', () => {
  it('titles: the term by its number, then Field, Condition and Value; the link names the two terms it joins', () => {
    assert.deepEqual(termOne(SEARCH_MODELS.contacts, 'contacts').titles, ['Search term 1', 'Field', 'Condition', 'Value', 'Join terms 1 and 2', 'Search term 2']);
  });

  it('contacts: conditions per kind of field (dates take =, > and < only; tag_id = and != only) and the legend of exactly those', () => {
    const { condition, term } = termOne(SEARCH_MODELS.contacts, 'contacts');
    assert.match(condition, /^How term 1 compares\. For contacts: text fields: =, !=, IN, NIN, ~, !~, \^, \$; dates: =, >, <; true\/false fields: =, !=, IN, NIN; tag_id: =, !=; custom attributes take those of their type\. /);
    assert.match(condition, /; eq, ne, gt, lt mean =, !=, >, <\. /);
    assert.doesNotMatch(condition, />=|greater than or equal/, 'no contact field takes >=');
    // A search action: the terms become Intercom's query (not a list's filters); the example is an email.
    assert.match(term, /e\.g\. \{ "fieldName": "email", "condition": "=", "fieldValue": "ada@example\.com" \}.*the step turns them into Intercom's search query\.$/);
  });

  it('tickets: created_at alone also takes >= and <=; the category note says which values the search takes', () => {
    const { condition, value, term } = termOne(SEARCH_MODELS.tickets, 'tickets');
    assert.match(condition, /; dates: =, !=, IN, NIN, >, <; created_at: =, !=, IN, NIN, >, <, >=, <=; /);
    assert.match(condition, />= greater than or equal to, <= lower than or equal to/);
    assert.match(condition, /eq, ne, gt, ge, lt, le mean =, !=, >, >=, <, <=\./);
    assert.match(value, / category: request for Customer tickets, task for Back-office, tracker for Tracker/);
    // Tickets have no email field: the example is an open ticket.
    assert.match(term, /e\.g\. \{ "fieldName": "open", "condition": "=", "fieldValue": true \}/);
  });

  it('up to six fields are each named with their conditions; a seventh names them by kind', () => {
    const six = termOne(textModel(['a', 'b', 'c', 'd', 'e', 'f']));
    assert.match(six.condition, /^How term 1 compares\. For widgets: a: =, !=, IN, NIN, ~; b: =, !=, IN, NIN, ~; c: .*; f: =, !=, IN, NIN, ~\. /);
    const seven = termOne(textModel(['a', 'b', 'c', 'd', 'e', 'f', 'g']));
    assert.match(seven.condition, /^How term 1 compares\. For widgets: text fields: =, !=, IN, NIN, ~\. /);
  });

  it('the largest group of a kind is named by the kind, whatever comes first; the smaller one by its fields', () => {
    const model = textModel(['code', 'a', 'b', 'c', 'd', 'e', 'f', 'g'], { fieldOperators: { code: ['='] } });
    assert.match(termOne(model).condition, /^How term 1 compares\. For widgets: text fields: =, !=, IN, NIN, ~; code: =\. /);
  });

  it('the legend explains only the conditions used; one alias "means", several "mean"; none when no aliased condition is used', () => {
    const equalsOnly = termOne({ fields: { name: 'string' }, operators: { string: ['='], integer: ['='], float: ['='], date: ['='], boolean: ['='] } });
    assert.match(equalsOnly.condition, /For widgets: name: =\. = equals; eq means =\. Any other condition is refused before a request is sent\.$/);
    const containsOnly = termOne({ fields: { phrase: 'string' }, operators: { string: ['~'], integer: ['='], float: ['='], date: ['='], boolean: ['='] } });
    assert.match(containsOnly.condition, /For widgets: phrase: ~\. ~ contains\. Any other condition is refused before a request is sent\.$/);
  });

  it('values: IN and NIN take a list or comma-separated text only where a field takes them', () => {
    assert.match(termOne(textModel(['name'])).value, / IN and NIN: a list, or comma-separated values\./);
    const plain = termOne({ fields: { name: 'string' }, operators: { string: ['=', '~'], integer: ['='], float: ['='], date: ['='], boolean: ['='] } }).value;
    assert.equal(plain, 'The value term 1 compares with: text for a text field; null finds widgets without a value.');
  });

  it('the example term: an email where there is one, else open when it is true/false, else the first field with its first condition', () => {
    assert.match(termOne(textModel(['name', 'email'])).term, /"fieldName": "email", "condition": "=", "fieldValue": "ada@example\.com"/);
    assert.match(termOne({ ...textModel(['name']), fields: { name: 'string', open: 'boolean' } }).term, /"fieldName": "open", "condition": "=", "fieldValue": true/);
    // open as text is no true/false example.
    assert.match(termOne(textModel(['open', 'name'], { fieldOperators: { open: ['^', '='] } })).term, /"fieldName": "open", "condition": "\^", "fieldValue": "…"/);
  });
});

describe('search terms at their limits', () => {
  offlineRuntime();
  const term = (fieldName: string, fieldValue: unknown): { fieldName: string; condition: string; fieldValue: unknown } => ({ fieldName, condition: '=', fieldValue });

  it('a condition that is not text is named as missing', () => {
    assert.deepEqual(readTerms({ searchTerm1: { fieldName: 'email', condition: 5, fieldValue: 'a' } }, 1).problems, ['field searchTerm1.condition: is required']);
  });

  it('16 filters in one AND group are refused even when another group is small', () => {
    const terms = [...Array.from({ length: 16 }, (_, i) => term('name', `n${i}`)), term('email', 'a@b.test')];
    const links = [...Array.from({ length: 15 }, () => 'and' as const), 'or' as const];
    assert.deepEqual(buildQuery(SEARCH_MODELS.contacts, terms, links).problems, ['Intercom takes at most 15 filters in one AND or OR group']);
  });

  it('a search action takes five terms, all of them replaced by the query (none left for the operation)', () => {
    const input: Record<string, unknown> = { pagination: { per_page: 5 } };
    for (let n = 1; n <= 5; n++) input[`searchTerm${n}`] = term('email', `${n}@b.test`);
    for (let n = 1; n <= 4; n++) input[`criteriaLink${n}`] = 'or';
    const result = withTermsAsQuery('searchContacts', 'contacts', input) as Record<string, unknown>;
    assert.deepEqual(Object.keys(result).sort(), ['pagination', 'query']);
    assert.equal(((result['query'] as { value: unknown[] }).value).length, 5);
  });

  it('a link after the fifth (last) term is no input of a search action: refused naming it, nothing sent (it used to be dropped silently)', async () => {
    const body = { searchTerm1: term('email', 'a@b.test'), criteriaLink5: 'and' };
    await assert.rejects(
      (searchContactsModule.process as (this: unknown, msg: unknown, cfg: unknown, snapshot: unknown) => Promise<unknown>).call(new FakeStep(), { body, headers: {}, attachments: {}, metadata: {} }, testConfig(), {}),
      /Invalid input for searchContacts: field criteriaLink5: is not an input of this action$/,
    );
  });

  it('both a query and terms: one error naming the conflict, the terms not judged further', () => {
    assert.throws(
      () => withTermsAsQuery('searchContacts', 'contacts', { query: { field: 'id', operator: '=', value: '1' }, searchTerm1: term('nosuchfield', 'x') }),
      (error: unknown) => error instanceof InputValidationError && error.message === 'Invalid input for searchContacts: field query: give either the query object or simple terms (searchTerm1 …), not both',
    );
  });

  it('a term problem is named alone, nothing added to it', () => {
    assert.throws(
      () => withTermsAsQuery('searchContacts', 'contacts', { searchTerm2: term('email', 'x') }),
      (error: unknown) => error instanceof InputValidationError && error.message === 'Invalid input for searchContacts: field searchTerm2: is given but searchTerm1 is empty; number the terms from 1 without gaps',
    );
  });
});
