import { CURATED_FIELDS, IF_MULTIPLE } from '../catalogue/fields';
import { choiceOf, stepField } from '../runtime/configValues';
import { IntercomApiError } from '../runtime/errors';
import { callOperation, type CuratedRun, isChecked, isRecord, text } from './common';

/** Contact look-ups shared by upsertContact and the two find actions. */

export type Contact = Record<string, unknown>;

export interface Matches {
  /** Intercom's total_count (may exceed the contacts listed). */
  total: number;
  contacts: Contact[];
}

/** Up to this many matches are listed; a flow with more than that needs searchContacts and paging. */
export const MAX_LISTED_MATCHES = 50;

/** Contacts whose `field` equals `value` (contact search: exact match), optionally of one role. */
export async function contactsWhere(run: CuratedRun, field: 'email' | 'external_id', value: string, role?: string): Promise<Matches> {
  const condition = { field, operator: '=', value };
  const query = role ? { operator: 'AND', value: [condition, { field: 'role', operator: '=', value: role }] } : condition;
  const response = await callOperation<Record<string, unknown>>(run, 'searchContacts', { query, pagination: { per_page: MAX_LISTED_MATCHES } });
  const data = isRecord(response.data) ? response.data : {};
  const contacts = (Array.isArray(data['data']) ? data['data'] : []).filter(isRecord);
  const total = typeof data['total_count'] === 'number' ? data['total_count'] : contacts.length;
  return { total: Math.max(total, contacts.length), contacts };
}

export function describeContacts(contacts: Contact[]): string {
  return contacts
    .map((c) => {
      const id = text(c['id']) ?? '?';
      const details = [text(c['role']), text(c['external_id']) ? `external_id ${text(c['external_id']) ?? ''}` : undefined].filter(Boolean);
      return details.length > 0 ? `${id} (${details.join(', ')})` : id;
    })
    .join(', ');
}

/** A failure of the flow's expectation (nothing found, several found) rather than of Intercom. */
export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

export type IfMultiple = (typeof IF_MULTIPLE)[keyof typeof IF_MULTIPLE];

/** The find actions' "When several contacts match", read before any request: a value it does not offer is an error. */
export function readIfMultiple(cfg: CuratedRun['cfg']): IfMultiple {
  return choiceOf(cfg[CURATED_FIELDS.ifMultiple], stepField(CURATED_FIELDS.ifMultiple), Object.values(IF_MULTIPLE), IF_MULTIPLE.all);
}

/**
 * The outcome of a find action: `{found, count, contact?, contacts}`. Zero, one and several matches are each
 * handled as the step settings say (fail when nothing is found; all / newest / fail for several).
 */
export async function emitFindResult(run: CuratedRun, what: string, matches: Matches, mode: IfMultiple): Promise<void> {
  const { total, contacts } = matches;
  const failIfNotFound = isChecked(run.cfg[CURATED_FIELDS.failIfNotFound]);
  if (contacts.length === 0) {
    if (failIfNotFound) throw new LookupError(`${run.key}: no contact has ${what}`);
    await run.ctx.emitData({ found: false, count: 0, contacts: [] });
    return;
  }
  if (contacts.length === 1) {
    await run.ctx.emitData({ found: true, count: 1, contact: contacts[0], contacts });
    return;
  }
  if (mode === IF_MULTIPLE.fail) {
    throw new LookupError(`${run.key}: ${total} contacts have ${what}: ${describeContacts(contacts)}`);
  }
  if (mode === IF_MULTIPLE.newest) {
    const newest = [...contacts].sort((a, b) => updatedAt(b) - updatedAt(a))[0];
    await run.ctx.emitData({ found: true, count: total, contact: newest, contacts });
    return;
  }
  await run.ctx.emitData({ found: true, count: total, contacts });
}

function updatedAt(contact: Contact): number {
  const value = Number(contact['updated_at']);
  return Number.isFinite(value) ? value : 0;
}

/** The contact with this external_id, or undefined when Intercom answers 404. */
export async function contactByExternalId(run: CuratedRun, externalId: string): Promise<Contact | undefined> {
  try {
    const response = await callOperation(run, 'getContactByExternalId', { external_id: externalId });
    return isRecord(response.data) ? response.data : undefined;
  } catch (error) {
    if (error instanceof IntercomApiError && error.status === 404) return undefined;
    throw error;
  }
}
