import { OBJECT_FIELDS } from '../catalogue/fields';
import type { ObjectTypeDecl } from '../catalogue/objectTypes';
import { MAX_LOOKUP_TERMS, SEARCH_MODELS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import { wholeNumber } from '../runtime/configValues';
import { readSchema, type JsonSchema } from '../runtime/schemas';
import { searchRules, type TermRules } from '../search/schema';

const EQUALS_ONLY: Record<SearchFieldType, readonly string[]> = { string: ['='], integer: ['='], float: ['='], date: ['='], boolean: ['='] };

/**
 * The fields and conditions the search terms of Lookup Objects may use for a type: its query-language search, or
 * the query parameters Intercom filters its lists on (text, equality unless declared otherwise); undefined when
 * Intercom filters this type on nothing.
 */
export function termModel(type: ObjectTypeDecl): SearchModel | undefined {
  const many = type.lookupMany;
  if (many?.search) return SEARCH_MODELS[many.search.model];
  if (!many?.filters) return undefined;
  const fields: Record<string, SearchFieldType> = {};
  const fieldOperators: Record<string, readonly string[]> = {};
  for (const [name, filter] of Object.entries(many.filters)) {
    fields[name] = 'string';
    fieldOperators[name] = filter.conditions ?? ['='];
  }
  return { fields, operators: EQUALS_ONLY, fieldOperators };
}

/**
 * How a type's terms may be joined and what a lookup needs: a search takes and / or; a list's filters are joined by
 * and only (filteredListCall in lookupObjects.ts refuses or, and fields of different lists).
 */
export function termRules(type: ObjectTypeDecl): TermRules {
  const many = type.lookupMany;
  const records = type.label.replace(/\s*\(.*\)$/, '').toLowerCase();
  if (many?.search || !many?.filters) return searchRules(records);
  const byOperation = new Map<string, string[]>();
  const values: Record<string, string> = {};
  for (const [name, filter] of Object.entries(many.filters)) {
    byOperation.set(filter.op, [...(byOperation.get(filter.op) ?? []), name]);
    values[name] = filterValue(filter.op, filter.input);
  }
  const apart = byOperation.size > 1 ? [[...byOperation.values()].map((fields) => fields.join(' or '))] : [];
  return {
    records,
    query: false,
    links: LIST_LINKS,
    values,
    ...(many.requireOneOf ? { requireOneOf: many.requireOneOf } : {}),
    ...(apart.length > 0 ? { apart } : {}),
  };
}

/** The links a list's filters take. */
export const LIST_LINKS = ['and'] as const;

/** What a filter's value is, in the words of the list operation's own input (its help's first clause and facts). */
function filterValue(op: string, input: string): string {
  let prop: JsonSchema | undefined = readSchema(op, 'in');
  for (const part of input.split('.')) prop = (prop?.['properties'] as Record<string, JsonSchema> | undefined)?.[part];
  const help = typeof prop?.['description'] === 'string' ? prop['description'] : '';
  const clause = (/^(.*?)(?:;|\.\s|\.$|, e\.g\.|$)/.exec(help)?.[1] ?? '').trim();
  const meaning = !clause ? 'text' : /^Intercom/.test(clause) ? clause : `${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
  const values = prop?.['enum'] as unknown[] | undefined;
  if (values) return `${meaning} (${values.map(String).join(', ')})`;
  return prop?.['type'] === 'integer' || /whole number/.test(help) ? `${meaning}, a whole number` : meaning;
}

/** Lookup Objects' "Number of search terms": the step and its metadata read it alike. */
export function readTermNumber(value: unknown): number {
  return wholeNumber(value, `lookupObjects: step field "${OBJECT_FIELDS.termNumber}"`, { min: 0, max: MAX_LOOKUP_TERMS }) ?? 0;
}
