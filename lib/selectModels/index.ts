import { readCredentials } from '../runtime/credentials';
import { safeLogger } from '../runtime/logger';
import { pagedOperationCall, pages } from '../runtime/paging';
import { clientFor } from '../runtime/region';

/**
 * Dynamic dropdowns: functions named in component.json `model` fields, called by the sailor's service mode
 * with the step configuration; each answers `{value: label}`. Label first, id in brackets, so duplicate names
 * stay distinguishable. Which input uses which model: lib/catalogue/dropdowns.ts.
 */
export type SelectModel = (this: unknown, cfg: unknown) => Promise<Record<string, string>>;

type Item = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

interface Source {
  listOperation: string;
  label: (item: Item) => string;
  /** Input of the list operation, when it needs one. */
  input?: Record<string, unknown>;
  /** Put before the label, when one dropdown mixes lists ("Team: "). */
  prefix?: string;
}

/** A dropdown of every item (all pages) of one or more catalogue list operations. */
function selectModel(name: string, ...sources: Source[]): SelectModel {
  return async function model(this: unknown, cfg: unknown): Promise<Record<string, string>> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const client = await clientFor(readCredentials(cfg), logger);
    const options: Record<string, string> = {};
    for (const source of sources) {
      for await (const page of pages(client, pagedOperationCall(source.listOperation, source.input ?? {}, name))) {
        for (const item of page.items as Item[]) {
          const value = text(item['id']);
          if (value) options[value] = `${source.prefix ?? ''}${source.label(item) || value} (${value})`;
        }
      }
    }
    return options;
  };
}

const admins: Source = { listOperation: 'listAdmins', label: (a) => text(a['name']) || text(a['email']) };
const teams: Source = { listOperation: 'listTeams', label: (t) => text(t['name']) };
const byName = (listOperation: string): Source => ({ listOperation, label: (item) => text(item['name']) });

export const selectAdmins = selectModel('selectAdmins', admins);
export const selectTeams = selectModel('selectTeams', teams);
/** Conversations and tickets are assigned to an admin or a team; both kinds of id are offered. */
export const selectAssignees = selectModel('selectAssignees', { ...admins, prefix: 'Admin: ' }, { ...teams, prefix: 'Team: ' });
export const selectTags = selectModel('selectTags', byName('listTags'));
export const selectTicketTypes = selectModel('selectTicketTypes', byName('listTicketTypes'));
export const selectTicketStates = selectModel('selectTicketStates', {
  listOperation: 'listTicketStates',
  label: (s) => [text(s['internal_label']), text(s['category'])].filter(Boolean).join(' – '),
});
export const selectHelpCenters = selectModel('selectHelpCenters', {
  listOperation: 'listHelpCenters',
  label: (h) => text(h['display_name']) || text(h['identifier']),
});
export const selectCollections = selectModel('selectCollections', byName('listCollections'));
export const selectSubscriptionTypes = selectModel('selectSubscriptionTypes', {
  listOperation: 'listSubscriptionTypes',
  label: (s) => text((s['default_translation'] as Item | undefined)?.['name']),
});
export const selectSegments = selectModel('selectSegments', byName('listSegments'));
export const selectDataAttributes = selectModel('selectDataAttributes', {
  listOperation: 'listDataAttributes',
  label: (d) => [text(d['model']), text(d['label']) || text(d['name'])].filter(Boolean).join(': '),
});
export const selectConversationAttributes = selectModel('selectConversationAttributes', byName('listConversationAttributes'));

/** Every select model by name, for the modules that declare dropdowns (lib/operation/action.ts). */
export const selectModels: Readonly<Record<string, SelectModel>> = {
  selectAdmins,
  selectTeams,
  selectAssignees,
  selectTags,
  selectTicketTypes,
  selectTicketStates,
  selectHelpCenters,
  selectCollections,
  selectSubscriptionTypes,
  selectSegments,
  selectDataAttributes,
  selectConversationAttributes,
};
