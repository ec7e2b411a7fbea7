import { OBJECT_FIELDS } from '../catalogue/fields';
import type { ObjectTypeDecl } from '../catalogue/objectTypes';
import { MAX_LOOKUP_TERMS, SEARCH_MODELS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import { wholeNumber } from '../runtime/configValues';

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

/** Lookup Objects' "Number of search terms": the step and its metadata read it alike. */
export function readTermNumber(value: unknown): number {
  return wholeNumber(value, `lookupObjects: step field "${OBJECT_FIELDS.termNumber}"`, { min: 0, max: MAX_LOOKUP_TERMS }) ?? 0;
}
