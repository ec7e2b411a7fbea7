import type { ApiRequest } from '../runtime/client';
import { readCredentials } from '../runtime/credentials';
import { safeLogger } from '../runtime/logger';
import { clientFor } from '../runtime/region';

/**
 * Dynamic dropdowns: functions named in component.json `model` fields, called by the sailor's service mode
 * with the step configuration; each answers `{value: label}`. Label first, id in brackets, so duplicate names
 * stay distinguishable.
 */
export type SelectModel = (this: unknown, cfg: unknown) => Promise<Record<string, string>>;

interface Listing {
  operation: string;
  path: string;
  query?: Record<string, string>;
  itemsPath: string;
  label: (item: Record<string, unknown>) => string;
  value?: (item: Record<string, unknown>) => string;
  filter?: (item: Record<string, unknown>) => boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function selectModel(listing: Listing): SelectModel {
  return async function model(this: unknown, cfg: unknown): Promise<Record<string, string>> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const client = await clientFor(readCredentials(cfg), logger);
    const request: ApiRequest = { operation: listing.operation, method: 'GET', path: listing.path, pathTemplate: listing.path, idempotent: true };
    if (listing.query) request.query = listing.query;
    const response = await client.request<Record<string, unknown>>(request);
    const items = response.data[listing.itemsPath];
    const options: Record<string, string> = {};
    for (const item of Array.isArray(items) ? (items as Array<Record<string, unknown>>) : []) {
      if (listing.filter && !listing.filter(item)) continue;
      const value = listing.value ? listing.value(item) : text(item['id']);
      if (!value) continue;
      options[value] = `${listing.label(item) || value} (${value})`;
    }
    return options;
  };
}

export const selectAdmins = selectModel({ operation: 'selectAdmins', path: '/admins', itemsPath: 'admins', label: (a) => text(a['name']) || text(a['email']) });
export const selectTeams = selectModel({ operation: 'selectTeams', path: '/teams', itemsPath: 'teams', label: (t) => text(t['name']) });
export const selectTags = selectModel({ operation: 'selectTags', path: '/tags', itemsPath: 'data', label: (t) => text(t['name']) });
export const selectTicketTypes = selectModel({ operation: 'selectTicketTypes', path: '/ticket_types', itemsPath: 'data', label: (t) => text(t['name']) });
export const selectHelpCenters = selectModel({ operation: 'selectHelpCenters', path: '/help_center/help_centers', itemsPath: 'data', label: (h) => text(h['display_name']) || text(h['identifier']) });
export const selectSubscriptionTypes = selectModel({
  operation: 'selectSubscriptionTypes',
  path: '/subscription_types',
  itemsPath: 'data',
  label: (s) => text((s['default_translation'] as Record<string, unknown> | undefined)?.['name']) || text(s['id']),
});
const dataAttributes = (operation: string, model: 'contact' | 'company'): SelectModel =>
  selectModel({
    operation,
    path: '/data_attributes',
    query: { model },
    itemsPath: 'data',
    label: (d) => text(d['label']) || text(d['name']),
    value: (d) => text(d['full_name']) || text(d['name']),
    filter: (d) => d['archived'] !== true,
  });

export const selectContactAttributes = dataAttributes('selectContactAttributes', 'contact');
export const selectCompanyAttributes = dataAttributes('selectCompanyAttributes', 'company');
