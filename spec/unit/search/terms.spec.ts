/**
 * The simple-term query builder (lib/search/terms.ts): every expected query is written by hand from Intercom's
 * query-language rules (groups nest at most two levels, AND/OR groups, operators per field type).
 */
import assert from 'node:assert/strict';
import { SEARCH_MODELS } from '../../../lib/catalogue/searchFields';
import { buildQuery, readTerms } from '../../../lib/search/terms';
import { withTermsAsQuery } from '../../../lib/search/termsAsQuery';
import { InputValidationError } from '../../../lib/runtime/errors';

const { contacts, conversations, tickets } = SEARCH_MODELS;
const term = (fieldName: string, condition: string, fieldValue: unknown): { fieldName: string; condition: string; fieldValue: unknown } => ({ fieldName, condition, fieldValue });

describe('search terms → Intercom query', () => {
  it('one term is a single filter', () => {
    assert.deepEqual(buildQuery(contacts, [term('email', '=', 'ann@example.test')], []).query, { field: 'email', operator: '=', value: 'ann@example.test' });
  });

  it('two terms joined by or are one OR group', () => {
    assert.deepEqual(buildQuery(conversations, [term('state', '=', 'open'), term('admin_assignee_id', '=', '7')], ['or']).query, {
      operator: 'OR',
      value: [
        { field: 'state', operator: '=', value: 'open' },
        { field: 'admin_assignee_id', operator: '=', value: 7 },
      ],
    });
  });

  it('and binds tighter than or: a and b or c and d is (a AND b) OR (c AND d), two levels deep', () => {
    const terms = [term('role', '=', 'lead'), term('email', '$', '@a.test'), term('role', '=', 'user'), term('email', '$', '@b.test')];
    assert.deepEqual(buildQuery(contacts, terms, ['and', 'or', 'and']).query, {
      operator: 'OR',
      value: [
        { operator: 'AND', value: [{ field: 'role', operator: '=', value: 'lead' }, { field: 'email', operator: '$', value: '@a.test' }] },
        { operator: 'AND', value: [{ field: 'role', operator: '=', value: 'user' }, { field: 'email', operator: '$', value: '@b.test' }] },
      ],
    });
  });

  it('a or b and c is a OR (b AND c)', () => {
    const terms = [term('open', '=', 'true'), term('state', '=', 'snoozed'), term('read', '=', false)];
    assert.deepEqual(buildQuery(conversations, terms, ['or', 'and']).query, {
      operator: 'OR',
      value: [
        { field: 'open', operator: '=', value: true },
        { operator: 'AND', value: [{ field: 'state', operator: '=', value: 'snoozed' }, { field: 'read', operator: '=', value: false }] },
      ],
    });
  });

  it('NIN takes comma-separated text as a list too (not one string, which would exclude nothing), numbers as numbers', () => {
    assert.deepEqual(buildQuery(tickets, [term('state', 'NIN', 'closed, resolved,')], []).query, { field: 'state', operator: 'NIN', value: ['closed', 'resolved'] });
    assert.deepEqual(buildQuery(conversations, [term('admin_assignee_id', 'NIN', '7, 8')], []).query, { field: 'admin_assignee_id', operator: 'NIN', value: [7, 8] });
    assert.deepEqual(buildQuery(tickets, [term('state', 'NIN', ['open'])], []).query, { field: 'state', operator: 'NIN', value: ['open'] });
    assert.deepEqual(buildQuery(tickets, [term('state', 'NIN', ' , ')], []).problems, ['field searchTerm1.fieldValue: must be a list (or comma-separated text) of at least one value']);
  });

  it('IN takes a list or comma-separated text; dates take Unix seconds or ISO 8601 with a zone', () => {
    assert.deepEqual(buildQuery(tickets, [term('state', 'IN', 'open, snoozed'), term('created_at', '>=', '2024-01-01T01:00:00+01:00')], ['and']).query, {
      operator: 'AND',
      value: [
        { field: 'state', operator: 'IN', value: ['open', 'snoozed'] },
        { field: 'created_at', operator: '>=', value: 1704067200 },
      ],
    });
    assert.deepEqual(buildQuery(contacts, [term('tag_id', '!=', 12)], []).query, { field: 'tag_id', operator: '!=', value: '12' });
  });

  it('custom attributes use the workspace type; unknown ones are text', () => {
    assert.deepEqual(buildQuery(contacts, [term('custom_attributes.seats', '>=', '5')], [], { seats: 'integer' }).query, { field: 'custom_attributes.seats', operator: '>=', value: 5 });
    assert.deepEqual(buildQuery(contacts, [term('custom_attributes.plan', '~', 'pro')], []).query, { field: 'custom_attributes.plan', operator: '~', value: 'pro' });
  });

  it('every unsupported combination is named at once, with the allowed conditions', () => {
    const { query, problems } = buildQuery(
      contacts,
      [term('created_at', '>=', 1), term('tag_id', 'IN', ['1']), term('nickname', '=', 'x'), term('name', '>', 'a'), term('signed_up_at', '=', 'yesterday'), term('owner_id', '=', '')],
      ['and', 'and', 'and', 'and', 'and'],
    );
    assert.equal(query, undefined);
    assert.deepEqual(problems, [
      'field searchTerm1.condition: ">=" does not apply to created_at (date); use one of = > < eq gt lt',
      'field searchTerm2.condition: "IN" does not apply to tag_id (string); use one of = != eq ne',
      'field searchTerm3.fieldName: "nickname" is not a searchable field here (custom attributes: custom_attributes.<name>)',
      'field searchTerm4.condition: ">" does not apply to name (string); use one of = != IN NIN ~ !~ ^ $ eq ne',
      'field searchTerm5.fieldValue: "yesterday" is neither Unix seconds nor an ISO 8601 date and time (e.g. 2026-05-01T09:00:00Z)',
      'field searchTerm6.fieldValue: is required (null searches for records without a value)',
    ]);
  });

  it('ticket search has no custom_attributes prefix and no <= except on created_at', () => {
    assert.deepEqual(buildQuery(tickets, [term('updated_at', '<=', 1)], []).problems, ['field searchTerm1.condition: "<=" does not apply to updated_at (date); use one of = != IN NIN > < eq ne gt lt']);
    assert.deepEqual(buildQuery(tickets, [term('custom_attributes.x', '=', 1)], []).problems, ['field searchTerm1.fieldName: "custom_attributes.x" is not a searchable field here']);
  });

  it('the lookup condition names of elastic.io connectors (eq ne gt ge lt le) mean = != > >= < <=', () => {
    // commons library readMetaFilter / MS Dynamics v2 names, Intercom's operators written by hand.
    const pairs: Array<[string, string]> = [['eq', '='], ['ne', '!='], ['gt', '>'], ['ge', '>='], ['lt', '<'], ['le', '<=']];
    for (const [alias, operator] of pairs) {
      assert.deepEqual(buildQuery(contacts, [term('custom_attributes.seats', alias, '5')], [], { seats: 'integer' }).query, { field: 'custom_attributes.seats', operator, value: 5 }, alias);
    }
    assert.deepEqual(buildQuery(contacts, [term('email', 'eq', 'ann@example.test')], []).query, { field: 'email', operator: '=', value: 'ann@example.test' });
    // A name whose operator the field does not take is named with the operator it stands for.
    assert.deepEqual(buildQuery(contacts, [term('created_at', 'ge', 1)], []).problems, ['field searchTerm1.condition: "ge" (>=) does not apply to created_at (date); use one of = > < eq gt lt']);
    assert.deepEqual(buildQuery(contacts, [term('email', 'EQ', 'x')], []).problems, ['field searchTerm1.condition: unknown condition "EQ" does not apply to email (string); use one of = != IN NIN ~ !~ ^ $ eq ne']);
  });

  it('more than 15 filters in one group is refused (Intercom\'s limit)', () => {
    const terms = Array.from({ length: 16 }, (_, i) => term('email', '=', `u${i}@a.test`));
    assert.deepEqual(buildQuery(contacts, terms, Array.from({ length: 15 }, () => 'and' as const)).problems, ['Intercom takes at most 15 filters in one AND or OR group']);
  });

  it('reading terms: gaps, missing links and bad links are errors naming the field', () => {
    const read = readTerms({ searchTerm1: { fieldName: 'a', condition: '=' }, searchTerm3: { fieldName: 'b', condition: '=' }, criteriaLink2: 'xor' }, 3);
    assert.deepEqual(read.problems, [
      'field searchTerm3: is given but searchTerm2 is empty; number the terms from 1 without gaps',
      'field criteriaLink2: must be "and" or "or"',
    ]);
    assert.deepEqual(readTerms({ searchTerm1: { fieldName: 'a', condition: '=' }, searchTerm2: { fieldName: 'b', condition: '=' } }, 2).problems, [
      'field criteriaLink1: is required between searchTerm1 and searchTerm2 (and / or)',
    ]);
  });
});

describe('search terms: a field name that is not a searchable field is an input error naming it', () => {
  // Names that exist on every JavaScript object: once they were looked up in the field tables and came back as
  // Object.prototype or a function, and the builder threw "allowed.includes is not a function".
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'custom_attributes.__proto__', 'custom_attributes.constructor', 'custom_attributes.prototype', 'custom_attributes.'];

  for (const name of names) {
    it(`searchContacts with fieldName ${JSON.stringify(name)}`, () => {
      assert.throws(
        () => withTermsAsQuery('searchContacts', 'contacts', { searchTerm1: { fieldName: name, condition: '=', fieldValue: 'x' } }),
        (error: unknown) =>
          error instanceof InputValidationError && error.message === `Invalid input for searchContacts: field searchTerm1.fieldName: "${name}" is not a searchable field here (custom attributes: custom_attributes.<name>)`,
      );
    });
  }

  it('the workspace\'s attribute types are read as own entries only (Lookup Objects passes them in)', () => {
    const { problems } = buildQuery(conversations, [term('custom_attributes.__proto__', '=', 'x'), term('custom_attributes.toString', '=', 'x')], ['and'], { tier: 'string' });
    assert.deepEqual(problems, [
      'field searchTerm1.fieldName: "custom_attributes.__proto__" is not a searchable field here (custom attributes: custom_attributes.<name>)',
    ]);
    // toString is an ordinary attribute name: unknown to the workspace list, so text, like any other.
    assert.deepEqual(buildQuery(conversations, [term('custom_attributes.toString', '~', 'x')], [], { tier: 'string' }).query, { field: 'custom_attributes.toString', operator: '~', value: 'x' });
  });

  it('a condition named like an object property is an unknown condition, not a TypeError', () => {
    assert.deepEqual(buildQuery(tickets, [term('state', 'constructor', 'x')], []).problems, ['field searchTerm1.condition: unknown condition "constructor" does not apply to state (string); use one of = != IN NIN ~ !~ ^ $ eq ne']);
  });
});

describe('search terms: each value type and reading rule at its edges', () => {
  const value = (model: typeof contacts, field: string, condition: string, fieldValue: unknown): unknown => {
    const built = buildQuery(model, [term(field, condition, fieldValue)], []);
    return built.query ? (built.query as { value: unknown }).value : built.problems;
  };

  it('booleans: true/false and their text; anything else names the field', () => {
    assert.equal(value(conversations, 'open', '=', 'false'), false);
    assert.equal(value(conversations, 'open', '=', true), true);
    assert.deepEqual(value(conversations, 'open', '=', 'yes'), ['field searchTerm1.fieldValue: must be true or false']);
  });

  it('integers: a whole number or its digits; a fraction, blank text or a word is refused', () => {
    assert.equal(value(conversations, 'admin_assignee_id', '=', ' 7 '), 7);
    assert.deepEqual(value(conversations, 'admin_assignee_id', '=', 7.5), ['field searchTerm1.fieldValue: must be a whole number']);
    assert.deepEqual(value(conversations, 'admin_assignee_id', '=', '  '), ['field searchTerm1.fieldValue: must be a whole number']);
    assert.deepEqual(value(conversations, 'admin_assignee_id', '=', true), ['field searchTerm1.fieldValue: must be a whole number']);
  });

  it('floats (a custom attribute typed float): a number or its text; blank text or a word is refused', () => {
    const score = (fieldValue: unknown): unknown => {
      const built = buildQuery(contacts, [term('custom_attributes.score', '>', fieldValue)], [], { score: 'float' });
      return built.query ? (built.query as { value: unknown }).value : built.problems;
    };
    assert.equal(score('2.5'), 2.5);
    assert.equal(score(' 3 '), 3);
    assert.equal(score(-0.5), -0.5);
    assert.deepEqual(score('  '), ['field searchTerm1.fieldValue: must be a number']);
    assert.deepEqual(score('high'), ['field searchTerm1.fieldValue: must be a number']);
    assert.deepEqual(score(Infinity), ['field searchTerm1.fieldValue: must be a number']);
    assert.deepEqual(score(false), ['field searchTerm1.fieldValue: must be a number']);
  });

  it('text: a string, or a number as its text; an object is refused; null searches for no value', () => {
    assert.equal(value(contacts, 'email', '=', 5), '5');
    assert.equal(value(contacts, 'email', '=', null), null);
    assert.deepEqual(value(contacts, 'email', '=', { a: 1 }), ['field searchTerm1.fieldValue: must be text']);
    assert.deepEqual(value(contacts, 'email', '=', undefined), ['field searchTerm1.fieldValue: is required (null searches for records without a value)']);
  });

  it('dates: Unix seconds as a number or digits, or ISO 8601 with a zone; a date without one, a negative or fractional number is refused', () => {
    assert.equal(value(contacts, 'created_at', '>', 0), 0);
    assert.equal(value(contacts, 'created_at', '>', ' 1704067200 '), 1_704_067_200);
    assert.deepEqual(value(contacts, 'created_at', '>', '2024-01-01'), ['field searchTerm1.fieldValue: "2024-01-01" is a date without a time and zone; give a moment such as 2024-01-01T00:00:00Z (UTC) or 2024-01-01T00:00:00+02:00, or Unix seconds']);
    assert.equal(value(contacts, 'created_at', '>', '2024-01-01T01:00:00+01:00'), 1_704_067_200);
    // Converted exactly: a fraction of a second has no Unix second to become.
    assert.deepEqual(value(contacts, 'created_at', '>', '2024-01-01T00:00:00.900Z'), ['field searchTerm1.fieldValue: "2024-01-01T00:00:00.900Z" has a fraction of a second; Unix time here counts whole seconds']);
    assert.deepEqual(value(contacts, 'created_at', '>', -1), ['field searchTerm1.fieldValue: must be Unix seconds (a whole number) or an ISO 8601 date and time']);
    assert.deepEqual(value(contacts, 'created_at', '>', 1.5), ['field searchTerm1.fieldValue: must be Unix seconds (a whole number) or an ISO 8601 date and time']);
    assert.deepEqual(value(contacts, 'created_at', '>', true), ['field searchTerm1.fieldValue: must be Unix seconds or an ISO 8601 date and time']);
    assert.deepEqual(value(contacts, 'created_at', '>', 'Jan 1 2024'), ['field searchTerm1.fieldValue: "Jan 1 2024" is neither Unix seconds nor an ISO 8601 date and time (e.g. 2026-05-01T09:00:00Z)']);
  });

  it('a list for IN: each item checked by the field\'s type, the first wrong one named; an empty list is refused', () => {
    assert.deepEqual(value(conversations, 'admin_assignee_id', 'IN', [1, '2']), [1, 2]);
    assert.deepEqual(value(conversations, 'admin_assignee_id', 'IN', [1, 'x', 'y']), ['field searchTerm1.fieldValue: must be a whole number']);
    assert.deepEqual(value(tickets, 'state', 'IN', []), ['field searchTerm1.fieldValue: must be a list (or comma-separated text) of at least one value']);
    assert.deepEqual(value(tickets, 'state', 'IN', 5), ['field searchTerm1.fieldValue: must be a list (or comma-separated text) of at least one value']);
  });

  it('exactly 15 filters in a group, and 15 OR groups, are accepted; the 16th group is refused', () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => term('email', '=', `u${i}@a.test`));
    const fifteen = buildQuery(contacts, emails(15), Array.from({ length: 14 }, () => 'and' as const));
    assert.equal((fifteen.query as { value: unknown[] }).value.length, 15);
    const ors = buildQuery(contacts, emails(15), Array.from({ length: 14 }, () => 'or' as const));
    assert.equal((ors.query as { operator: string; value: unknown[] }).operator, 'OR');
    assert.equal((ors.query as { value: unknown[] }).value.length, 15);
    assert.deepEqual(buildQuery(contacts, emails(16), Array.from({ length: 15 }, () => 'or' as const)).problems, ['Intercom takes at most 15 filters in one AND or OR group']);
    assert.deepEqual(buildQuery(contacts, [], []).problems, ['no search term is given']);
  });

  it('an unknown condition is named as unknown', () => {
    assert.deepEqual(buildQuery(contacts, [term('email', 'LIKE', 'x')], []).problems, ['field searchTerm1.condition: unknown condition "LIKE" does not apply to email (string); use one of = != IN NIN ~ !~ ^ $ eq ne']);
  });

  it('reading terms: names and conditions are trimmed, a term that is not an object or lacks either is named, links are read in any case and only between given terms', () => {
    const read = readTerms({ searchTerm1: { fieldName: ' email ', condition: ' = ', fieldValue: 'a' }, criteriaLink1: ' OR ', searchTerm2: { fieldName: 'name', condition: '~', fieldValue: 'b' }, criteriaLink2: 'and' }, 3);
    assert.deepEqual(read, { terms: [term('email', '=', 'a'), term('name', '~', 'b')], links: ['or'], problems: [] });
    assert.deepEqual(readTerms({ searchTerm1: ['email', '=', 'a'] }, 2).problems, ['field searchTerm1: must be an object {fieldName, condition, fieldValue}']);
    assert.deepEqual(readTerms({ searchTerm1: 'email = a' }, 1).problems, ['field searchTerm1: must be an object {fieldName, condition, fieldValue}']);
    assert.deepEqual(readTerms({ searchTerm1: 5 }, 1).problems, ['field searchTerm1: must be an object {fieldName, condition, fieldValue}']);
    assert.deepEqual(readTerms({ searchTerm1: { fieldName: 5, condition: '' } }, 1).problems, ['field searchTerm1.fieldName: is required', 'field searchTerm1.condition: is required']);
    assert.deepEqual(readTerms({ searchTerm1: '', searchTerm2: null }, 2), { terms: [], links: [], problems: [] });
    assert.deepEqual(readTerms({ searchTerm1: { fieldName: 'a', condition: '=' }, criteriaLink1: 7, searchTerm2: { fieldName: 'b', condition: '=' } }, 2).problems, ['field criteriaLink1: must be "and" or "or"']);
  });

  it('a link after the last term the action has is not read with the terms (the operation refuses it as an unknown input, naming it)', () => {
    const read = readTerms({ searchTerm1: { fieldName: 'a', condition: '=' }, criteriaLink1: 'and', searchTerm2: { fieldName: 'b', condition: '=' }, criteriaLink2: 'neither' }, 2);
    assert.deepEqual(read, { terms: [term('a', '=', undefined), term('b', '=', undefined)], links: ['and'], problems: [] });
  });
});

describe('search actions: query object or simple terms', () => {
  it('terms replace themselves with the query; other inputs stay', () => {
    const input = { searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'a@b.test' }, pagination: { per_page: 5 } };
    assert.deepEqual(withTermsAsQuery('searchContacts', 'contacts', input), { pagination: { per_page: 5 }, query: { field: 'email', operator: '=', value: 'a@b.test' } });
  });

  it('a query object alone passes through unchanged', () => {
    const input = { query: { field: 'id', operator: '=', value: '1' } };
    assert.equal(withTermsAsQuery('searchTickets', 'tickets', input), input);
  });

  it('both a query and terms, or a wrong term, is an input error before any request', () => {
    assert.throws(
      () => withTermsAsQuery('searchContacts', 'contacts', { query: { field: 'id', operator: '=', value: '1' }, searchTerm1: { fieldName: 'email', condition: '=', fieldValue: 'x' } }),
      (error: unknown) => error instanceof InputValidationError && /field query: give either the query object or simple terms/.test(error.message),
    );
    assert.throws(
      () => withTermsAsQuery('searchConversations', 'conversations', { searchTerm1: { fieldName: 'open', condition: '~', fieldValue: true } }),
      (error: unknown) => error instanceof InputValidationError && /field searchTerm1\.condition: "~" does not apply to open \(boolean\)/.test(error.message),
    );
  });
});
