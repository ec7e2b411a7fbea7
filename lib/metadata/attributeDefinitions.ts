import type { SearchFieldType } from '../catalogue/searchFields';
import type { CustomAttributeModel } from '../catalogue/types';
import type { IntercomClient } from '../runtime/client';
import { pagedOperationCall, pages } from '../runtime/paging';

interface Source {
  operation: string;
  input: Record<string, unknown>;
  /** The attribute definitions among the listed items (ticket types carry theirs inside). */
  definitions: (items: unknown[]) => unknown[];
}

const itself = (items: unknown[]): unknown[] => items;

/**
 * Where each model's attribute definitions are listed: contacts and companies by the data-attribute list,
 * conversations by a list of their own, tickets by the attributes of every ticket type (their union).
 */
const SOURCES: Record<CustomAttributeModel, Source> = {
  contact: { operation: 'listDataAttributes', input: { model: 'contact' }, definitions: itself },
  company: { operation: 'listDataAttributes', input: { model: 'company' }, definitions: itself },
  conversation: { operation: 'listConversationAttributes', input: {}, definitions: itself },
  ticket: {
    operation: 'listTicketTypes',
    input: {},
    definitions: (types) =>
      types.flatMap((t) => {
        const list = (t as { ticket_type_attributes?: { data?: unknown } } | null)?.ticket_type_attributes?.data;
        return Array.isArray(list) ? (list as unknown[]) : [];
      }),
  },
};

/** The workspace's attribute definitions of a model, as Intercom lists them (every page). */
export async function listAttributeDefinitions(client: IntercomClient, model: CustomAttributeModel, label: string): Promise<unknown[]> {
  const source = SOURCES[model];
  const items: unknown[] = [];
  for await (const page of pages(client, pagedOperationCall(source.operation, source.input, label))) items.push(...page.items);
  return source.definitions(items);
}

const SEARCH_TYPES: Readonly<Record<string, SearchFieldType>> = {
  string: 'string',
  list: 'string',
  integer: 'integer',
  float: 'float',
  decimal: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'date',
};

/** Custom attributes a search can filter on, by name, with the type their search terms take. */
export function searchableAttributeTypes(model: CustomAttributeModel, items: readonly unknown[]): Record<string, SearchFieldType> {
  const types: Record<string, SearchFieldType> = {};
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { name, data_type: dataType, custom, archived } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || name === '' || archived === true) continue;
    // Contact and company lists mix standard attributes (searched by their own names) with custom ones.
    if ((model === 'contact' || model === 'company') && custom !== true) continue;
    const type = typeof dataType === 'string' ? SEARCH_TYPES[dataType] : undefined;
    if (type) types[name] = type;
  }
  return types;
}
