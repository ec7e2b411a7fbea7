import type { SearchFieldType } from '../catalogue/searchFields';
import type { CustomAttributeModel } from '../catalogue/types';
import type { IntercomClient } from '../runtime/client';
import { operationCall } from '../runtime/operations';

/** Where each model's attribute definitions are listed (conversation attributes have a list of their own). */
const SOURCES: Record<CustomAttributeModel, { operation: string; input: Record<string, unknown> }> = {
  contact: { operation: 'listDataAttributes', input: { model: 'contact' } },
  company: { operation: 'listDataAttributes', input: { model: 'company' } },
  conversation: { operation: 'listConversationAttributes', input: {} },
};

/** The workspace's attribute definitions of a model, as Intercom lists them (one request). */
export async function listAttributeDefinitions(client: IntercomClient, model: CustomAttributeModel, label: string): Promise<unknown[]> {
  const source = SOURCES[model];
  const response = await client.request<{ data?: unknown }>(operationCall(source.operation, source.input, label));
  const items: unknown = response.data?.data;
  return Array.isArray(items) ? (items as unknown[]) : [];
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
    if (model !== 'conversation' && custom !== true) continue;
    const type = typeof dataType === 'string' ? SEARCH_TYPES[dataType] : undefined;
    if (type) types[name] = type;
  }
  return types;
}
