import { CONDITION_ALIASES, MAX_FILTERS_PER_GROUP, SEARCH_OPERATORS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import { isEmpty } from '../runtime/input';
import { unixSecondsOfIso } from '../runtime/unixTime';

/**
 * Simple search terms → Intercom's query language. One module serves the search actions and Lookup Objects, so
 * a term means the same everywhere. A term is `{fieldName, condition, fieldValue}` (the shape elastic.io's
 * lookup actions use), terms are joined by `criteriaLink1..N-1` (`and` / `or`), and AND binds tighter than OR:
 * `a AND b OR c` is `(a AND b) OR c`, which stays within Intercom's two levels of nesting.
 */

export interface SearchTerm {
  fieldName: string;
  condition: string;
  fieldValue: unknown;
}

export type CriteriaLink = 'and' | 'or';

export interface QueryFilter {
  field: string;
  operator: string;
  value: unknown;
}

export interface QueryGroup {
  operator: 'AND' | 'OR';
  value: Array<QueryFilter | QueryGroup>;
}

export type Query = QueryFilter | QueryGroup;

export const termInput = (n: number): string => `searchTerm${n}`;
export const linkInput = (n: number): string => `criteriaLink${n}`;

/** The terms and links of an input, numbered 1..max; problems name the input field. */
export interface ReadTerms {
  terms: SearchTerm[];
  links: CriteriaLink[];
  problems: string[];
}

/**
 * Reads `searchTerm1..max` and `criteriaLink1..max-1`. Terms must be consecutive from 1 (a gap would silently
 * drop the terms after it); a link is needed between two given terms and only there.
 */
export function readTerms(input: Record<string, unknown>, max: number): ReadTerms {
  const terms: SearchTerm[] = [];
  const links: CriteriaLink[] = [];
  const problems: string[] = [];
  let ended = false;
  for (let n = 1; n <= max; n++) {
    const raw = input[termInput(n)];
    if (isEmpty(raw)) {
      ended = true;
      continue;
    }
    if (ended) {
      problems.push(`field ${termInput(n)}: is given but ${termInput(n - 1)} is empty; number the terms from 1 without gaps`);
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`field ${termInput(n)}: must be an object {fieldName, condition, fieldValue}`);
      continue;
    }
    const term = raw as Record<string, unknown>;
    const fieldName = typeof term['fieldName'] === 'string' ? term['fieldName'].trim() : '';
    const condition = typeof term['condition'] === 'string' ? term['condition'].trim() : '';
    if (!fieldName) problems.push(`field ${termInput(n)}.fieldName: is required`);
    if (!condition) problems.push(`field ${termInput(n)}.condition: is required`);
    terms.push({ fieldName, condition, fieldValue: term['fieldValue'] });
  }
  for (let n = 1; n < max; n++) {
    const raw = input[linkInput(n)];
    const needed = n < terms.length;
    if (isEmpty(raw)) {
      if (needed) problems.push(`field ${linkInput(n)}: is required between ${termInput(n)} and ${termInput(n + 1)} (and / or)`);
      continue;
    }
    const link = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (link !== 'and' && link !== 'or') problems.push(`field ${linkInput(n)}: must be "and" or "or"`);
    else if (needed) links.push(link);
  }
  return { terms, links, problems };
}

/**
 * Names that address a JavaScript object's machinery rather than a value: never a custom attribute here (the
 * component refuses them as input keys too), so `custom_attributes.__proto__` is an unknown field, not a lookup.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The type of a field in a model, including the workspace's custom attributes (`custom_attributes.<name>`).
 * Only the tables' own entries count: a name such as `constructor` or `__proto__` is an unknown field, never
 * something inherited from Object.prototype.
 */
export function fieldType(model: SearchModel, field: string, customTypes: Readonly<Record<string, SearchFieldType>> = {}): SearchFieldType | undefined {
  if (Object.hasOwn(model.fields, field)) return model.fields[field];
  const prefix = model.customAttributePrefix;
  if (!prefix || !field.startsWith(prefix)) return undefined;
  const name = field.slice(prefix.length);
  if (name === '' || RESERVED_NAMES.has(name)) return undefined;
  return Object.hasOwn(customTypes, name) ? customTypes[name] : 'string';
}

export function operatorsFor(model: SearchModel, field: string, type: SearchFieldType): readonly string[] {
  const own = model.fieldOperators && Object.hasOwn(model.fieldOperators, field) ? model.fieldOperators[field] : undefined;
  return own ?? model.operators[type];
}

/** Intercom's operator for a condition: `eq` … `le` (elastic.io's lookup conditions) mean `=` … `<=`. */
export function conditionOperator(condition: string): string {
  return Object.hasOwn(CONDITION_ALIASES, condition) ? (CONDITION_ALIASES[condition] as string) : condition;
}

/** The conditions a term may name for these operators: Intercom's own, then the lookup names that mean one of them. */
export function conditionChoices(operators: Iterable<string>): string[] {
  const set = new Set(operators);
  const own = Object.keys(SEARCH_OPERATORS).filter((op) => set.has(op));
  const aliases = Object.entries(CONDITION_ALIASES).filter(([, op]) => set.has(op)).map(([alias]) => alias);
  return [...own, ...aliases];
}

/**
 * The Intercom query of these terms, or the problems (every one at once) that keep it from being sent: an unknown
 * field, a condition the field's type does not take, a value of the wrong type, too many filters in one group.
 */
export function buildQuery(
  model: SearchModel,
  terms: readonly SearchTerm[],
  links: readonly CriteriaLink[],
  customTypes: Readonly<Record<string, SearchFieldType>> = {},
): { query?: Query; problems: string[] } {
  const problems: string[] = [];
  const filters: QueryFilter[] = [];
  terms.forEach((term, index) => {
    const name = termInput(index + 1);
    const type = fieldType(model, term.fieldName, customTypes);
    if (!type) {
      problems.push(`field ${name}.fieldName: "${term.fieldName}" is not a searchable field here${model.customAttributePrefix ? ` (custom attributes: ${model.customAttributePrefix}<name>)` : ''}`);
      return;
    }
    const allowed = operatorsFor(model, term.fieldName, type);
    const operator = conditionOperator(term.condition);
    if (!allowed.includes(operator)) {
      const known = Object.hasOwn(SEARCH_OPERATORS, operator) ? `"${term.condition}"${operator !== term.condition ? ` (${operator})` : ''}` : `unknown condition "${term.condition}"`;
      problems.push(`field ${name}.condition: ${known} does not apply to ${term.fieldName} (${type}); use one of ${conditionChoices(allowed).join(' ')}`);
      return;
    }
    const value = termValue(term.fieldValue, type, operator === 'IN' || operator === 'NIN');
    if ('problem' in value) {
      problems.push(`field ${name}.fieldValue: ${value.problem}`);
      return;
    }
    filters.push({ field: term.fieldName, operator, value: value.value });
  });
  if (problems.length > 0) return { problems };
  if (filters.length === 0) return { problems: ['no search term is given'] };
  // Split at every OR: each run of AND-joined filters is one group.
  const groups: QueryFilter[][] = [[]];
  filters.forEach((filter, index) => {
    if (index > 0 && links[index - 1] === 'or') groups.push([]);
    groups[groups.length - 1]?.push(filter);
  });
  const nodes: Query[] = groups.map((group) => (group.length === 1 && group[0] ? group[0] : { operator: 'AND', value: group }));
  if (groups.some((group) => group.length > MAX_FILTERS_PER_GROUP) || nodes.length > MAX_FILTERS_PER_GROUP) {
    return { problems: [`Intercom takes at most ${MAX_FILTERS_PER_GROUP} filters in one AND or OR group`] };
  }
  return { query: nodes.length === 1 && nodes[0] ? nodes[0] : { operator: 'OR', value: nodes }, problems };
}

type TermValue = { value: unknown } | { problem: string };

/** A term's value as the field's type wants it; a list for IN / NIN (an array, or comma-separated text). */
function termValue(raw: unknown, type: SearchFieldType, list: boolean): TermValue {
  if (list) {
    const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined;
    if (!items || items.length === 0) return { problem: 'must be a list (or comma-separated text) of at least one value' };
    const values: unknown[] = [];
    for (const item of items) {
      const one = scalarValue(item, type);
      if ('problem' in one) return one;
      values.push(one.value);
    }
    return { value: values };
  }
  return scalarValue(raw, type);
}

function scalarValue(raw: unknown, type: SearchFieldType): TermValue {
  // null searches for "no value", which Intercom's language allows; '' and undefined are no value given.
  if (raw === null) return { value: null };
  if (raw === undefined || raw === '') return { problem: 'is required (null searches for records without a value)' };
  switch (type) {
    case 'string':
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw) } : { problem: 'must be text' };
    case 'boolean':
      if (raw === true || raw === 'true') return { value: true };
      if (raw === false || raw === 'false') return { value: false };
      return { problem: 'must be true or false' };
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isInteger(n) ? { value: n } : { problem: 'must be a whole number' };
    }
    case 'float': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? { value: n } : { problem: 'must be a number' };
    }
    case 'date':
      return dateValue(raw);
  }
}

/** Unix seconds, given as a number, digits, or an ISO 8601 date and time with a zone (lib/runtime/unixTime.ts). */
function dateValue(raw: unknown): TermValue {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? { value: raw } : { problem: 'must be Unix seconds (a whole number) or an ISO 8601 date and time' };
  if (typeof raw !== 'string') return { problem: 'must be Unix seconds or an ISO 8601 date and time' };
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { value: Number(text) };
  const reading = unixSecondsOfIso(text);
  return 'seconds' in reading ? { value: reading.seconds } : { problem: reading.problem };
}
