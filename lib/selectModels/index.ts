import { readCredentials } from '../runtime/credentials';
import { safeLogger } from '../runtime/logger';
import { pagedOperationCall, pages } from '../runtime/paging';
import { clientFor } from '../runtime/region';

/**
 * Dynamic dropdowns: functions named in component.json `model` fields, called by the sailor's service mode
 * with the step configuration; each answers `{value: label}`. Label first, id in brackets, so duplicate names
 * stay distinguishable.
 */
export type SelectModel = (this: unknown, cfg: unknown) => Promise<Record<string, string>>;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A dropdown of every item of a catalogue list operation (all its pages), labelled by `label`. */
function selectModel(name: string, listOperation: string, label: (item: Record<string, unknown>) => string): SelectModel {
  return async function model(this: unknown, cfg: unknown): Promise<Record<string, string>> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const client = await clientFor(readCredentials(cfg), logger);
    const options: Record<string, string> = {};
    for await (const page of pages(client, pagedOperationCall(listOperation, {}, name))) {
      for (const item of page.items as Array<Record<string, unknown>>) {
        const value = text(item['id']);
        if (value) options[value] = `${label(item) || value} (${value})`;
      }
    }
    return options;
  };
}

export const selectAdmins = selectModel('selectAdmins', 'listAdmins', (a) => text(a['name']) || text(a['email']));
export const selectTeams = selectModel('selectTeams', 'listTeams', (t) => text(t['name']));
export const selectTags = selectModel('selectTags', 'listTags', (t) => text(t['name']));
export const selectTicketTypes = selectModel('selectTicketTypes', 'listTicketTypes', (t) => text(t['name']));
