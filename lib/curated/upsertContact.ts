import { CURATED_FIELDS } from '../catalogue/fields';
import { IntercomApiError } from '../runtime/errors';
import type { StepContext } from '../runtime/step';
import { callOperation, type Config, type CuratedRun, convenienceAction, fromInputOrConfig, type Input, text } from './common';
import { type Contact, contactByExternalId, contactsWhere, describeContacts, LookupError } from './contacts';

const ATTRIBUTES = ['name', 'phone', 'avatar', 'signed_up_at', 'last_seen_at', 'owner_id', 'unsubscribed_from_emails', 'custom_attributes'];

function attributes(input: Input, cfg: CuratedRun['cfg']): Input {
  const out: Input = {};
  for (const name of ATTRIBUTES) if (input[name] !== undefined) out[name] = input[name];
  const owner = fromInputOrConfig(input, 'owner_id', cfg, CURATED_FIELDS.ownerId);
  if (owner !== undefined) out['owner_id'] = owner;
  return out;
}

export interface ContactUpsert {
  result: 'created' | 'updated';
  matched_by?: 'recordUid' | 'external_id' | 'email';
  contact: unknown;
}

/** At least one of them finds the contact (shared with Upsert Object); under OIH the linked record's id counts too. */
export function contactKeyProblems(input: Input, recordUid?: string): string[] {
  return text(input['external_id']) || text(input['email']) || recordUid ? [] : ['field external_id: give an external_id or an email to find the contact by'];
}

/** upsertContact's check: what its schema cannot express. */
export function upsertContactCheck(input: Input, _cfg: Config, ctx: StepContext): string[] {
  return contactKeyProblems(input, ctx.recordUid);
}

/**
 * 0. Under ferryman, an Intercom id handed in by OIH's ID linking (`metadata.recordUid`): that contact, if it
 *    still exists.
 * 1. external_id given: the contact with that external_id (direct look-up, no search-index delay).
 * 2. Otherwise, or when none has it: the contacts with that email, leaving out those that already carry a
 *    different external_id (they are other people). One: update it; several: fail, naming them.
 * 3. None: create (role user unless said otherwise).
 * A 409 from Intercom (another contact already has this email or external_id) fails naming the contacts.
 * `run.input` holds validated upsertContact inputs (upsertPerson maps an OIH Person into them).
 */
export async function upsertContactRecord(run: CuratedRun, input: Input = run.input): Promise<ContactUpsert> {
  const externalId = text(input['external_id']);
  const email = text(input['email']);
  let match: Contact | undefined;
  let matchedBy: ContactUpsert['matched_by'];
  if (run.ctx.recordUid) {
    match = await contactById(run, run.ctx.recordUid);
    if (match) matchedBy = 'recordUid';
  }
  if (!match && externalId) {
    match = await contactByExternalId(run, externalId);
    if (match) matchedBy = 'external_id';
  }
  if (!match && email) {
    const { contacts } = await contactsWhere(run, 'email', email);
    const candidates = contacts.filter((c) => !externalId || !text(c['external_id']) || text(c['external_id']) === externalId);
    if (candidates.length > 1) {
      throw new LookupError(
        `${run.key}: ${candidates.length} contacts have email ${email} and no other external_id: ${describeContacts(candidates)}; give an external_id or merge them`,
      );
    }
    match = candidates[0];
    if (match) matchedBy = 'email';
  }
  const fields: Input = {
    ...attributes(input, run.cfg),
    ...(externalId ? { external_id: externalId } : {}),
    ...(email ? { email } : {}),
  };
  try {
    if (match) {
      const update = { contact_id: text(match['id']) ?? '', ...fields, ...(input['role'] != null ? { role: input['role'] } : {}) };
      const response = await callOperation(run, 'updateContact', update);
      return { result: 'updated', ...(matchedBy ? { matched_by: matchedBy } : {}), contact: response.data };
    }
    const response = await callOperation(run, 'createContact', { role: input['role'] ?? 'user', ...fields });
    return { result: 'created', contact: response.data };
  } catch (error) {
    if (error instanceof IntercomApiError && error.status === 409) throw await conflict(run, error, email);
    throw error;
  }
}

export const action = convenienceAction(async (run) => run.ctx.emitData(await upsertContactRecord(run)), { check: upsertContactCheck });

/** The contact with this Intercom id, or undefined when Intercom has none (404). */
async function contactById(run: CuratedRun, id: string): Promise<Contact | undefined> {
  try {
    return (await callOperation<Contact>(run, 'getContact', { contact_id: id })).data;
  } catch (error) {
    if (error instanceof IntercomApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Intercom's 409 names no contact; the matching ones are looked up so the error can. */
async function conflict(run: CuratedRun, error: IntercomApiError, email: string | undefined): Promise<IntercomApiError> {
  let detail = '';
  if (email) {
    try {
      const { total, contacts } = await contactsWhere(run, 'email', email);
      if (contacts.length > 0) detail = `; ${total} contact(s) already have email ${email}: ${describeContacts(contacts)}`;
    } catch {
      // The conflict itself is the error to report; a failed look-up only leaves the names out.
    }
  }
  const message = `${error.errors.map((e) => e.message).filter(Boolean).join('; ') || 'conflict'}${detail}`;
  return new IntercomApiError(409, [{ code: error.code ?? 'conflict', message }], error.requestId, run.key);
}
