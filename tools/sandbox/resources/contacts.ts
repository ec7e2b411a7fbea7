/**
 * Contacts: create/read/update/delete, archive, block, merge (the merged-away contact answers 410
 * with a Link to the survivor), find by external id, cursor listing, merge history (the `nextCursor`
 * paging style) and search with the calendar-day date rule.
 */
import { ApiError, badRequest, conflict, missingParameter, notFound } from '../errors';
import { json, type SandboxRequest } from '../http';
import {
  bodyObject,
  optBoolean,
  optCustomAttributes,
  optNullableInteger,
  optNullableString,
  optString,
  queryBoolean,
  queryInteger,
  reqId,
  type JsonObject,
} from '../input';
import { clampPerPage, cursorPages, cursorStart, decodeCursor, encodeCursor, takeSlice } from '../pagination';
import { byPath, type FieldKind, type SearchModel } from '../search';
import type { ContactRecord } from '../store/records';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { indexDelayOf, isIndexed } from '../indexing';
import { runSearch } from './searchRunner';
import { checkDataAttributes } from './customAttributes';

const CONTACT_DATE_FIELDS = new Set([
  'created_at',
  'updated_at',
  'signed_up_at',
  'last_seen_at',
  'last_contacted_at',
  'last_replied_at',
  'last_email_opened_at',
  'last_email_clicked_at',
  'ios_last_seen_at',
  'android_last_seen_at',
]);
const CONTACT_BOOLEAN_FIELDS = new Set(['unsubscribed_from_emails', 'marked_email_as_spam', 'has_hard_bounced']);

export function renderContact(ws: Workspace, c: ContactRecord, withMergeHistory = false): JsonObject {
  const base = `/contacts/${c.id}`;
  const noteIds = ws.notesByContact.get(c.id) ?? [];
  const listOf = (type: string, ids: readonly string[], path: string, url: string): JsonObject => ({
    type: 'list',
    data: ids.slice(0, 10).map((id) => ({ type, id, url: `/${path}/${id}` })),
    url,
    total_count: ids.length,
    has_more: ids.length > 10,
  });
  const out: JsonObject = {
    type: 'contact',
    id: c.id,
    workspace_id: ws.settings.appId,
    external_id: c.external_id,
    role: c.role,
    email: c.email ?? '',
    email_domain: c.email?.split('@')[1] ?? '',
    phone: c.phone,
    name: c.name,
    owner_id: c.owner_id,
    has_hard_bounced: c.has_hard_bounced,
    marked_email_as_spam: c.marked_email_as_spam,
    unsubscribed_from_emails: c.unsubscribed_from_emails,
    created_at: c.created_at,
    updated_at: c.updated_at,
    signed_up_at: c.signed_up_at,
    last_seen_at: c.last_seen_at,
    last_replied_at: c.last_replied_at,
    last_contacted_at: c.last_contacted_at,
    last_email_opened_at: c.last_email_opened_at,
    last_email_clicked_at: c.last_email_clicked_at,
    language_override: c.language_override,
    browser: c.browser,
    browser_version: c.browser_version,
    browser_language: c.browser_language,
    os: c.os,
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: { ...c.custom_attributes },
    avatar: c.avatar === null ? null : { type: 'avatar', image_url: c.avatar },
    tags: listOf('tag', c.tag_ids.filter((id) => ws.tags.has(id)), 'tags', `${base}/tags`),
    notes: listOf('note', noteIds, 'notes', `${base}/notes`),
    companies: listOf('company', c.company_ids, 'companies', `${base}/companies`),
    location: { type: 'location', ...c.location },
    social_profiles: { type: 'list', data: [] },
  };
  if (withMergeHistory) out['merge_history'] = (ws.mergeHistory.get(c.id) ?? []).map((m) => ({ type: 'merge_history', ...m }));
  return out;
}

function reference(c: ContactRecord): JsonObject {
  return { type: 'contact', id: c.id, external_id: c.external_id };
}

/** 410 for a contact that was merged away, pointing at the contact it lives on in. */
export function mergedError(into: string): ApiError {
  return new ApiError(410, 'contact_merged', `Contact was merged into ${into}`, { headers: { Link: `</contacts/${into}>; rel="canonical"` } });
}

export interface FoundContact {
  index: number;
  record: ContactRecord;
}

/** A live contact by Intercom id; merged-away contacts answer 410 when `gone410`, else 404. */
export function requireContact(ws: Workspace, id: string, gone410 = false): FoundContact {
  const found = ws.contacts.getById(id);
  if (found === undefined) throw notFound('User Not Found');
  if (found.record.merged_into !== null) {
    if (gone410) throw mergedError(found.record.merged_into);
    throw notFound('User Not Found');
  }
  return found;
}

/** A copy that is safe to modify and then store with ws.putContact. */
export function editable(c: ContactRecord): ContactRecord {
  return {
    ...c,
    location: { ...c.location },
    custom_attributes: { ...c.custom_attributes },
    tag_ids: [...c.tag_ids],
    company_ids: [...c.company_ids],
    subscriptions: c.subscriptions.map((s) => ({ ...s })),
  };
}

function readRole(body: JsonObject): 'user' | 'lead' | undefined {
  const role = optString(body, 'role');
  if (role === undefined) return undefined;
  if (role !== 'user' && role !== 'lead') throw badRequest(`role must be "user" or "lead"`, 'parameter_invalid', 'role');
  return role;
}

function checkEmail(email: string | null | undefined): void {
  if (email === undefined || email === null || email === '') return;
  if (email.length > 255 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('email is not a valid email address', 'parameter_invalid', 'email');
}

function assertUnique(ws: Workspace, self: number | undefined, email: string | null | undefined, externalId: string | null | undefined): void {
  const clash =
    (email !== undefined && email !== null && email !== '' ? ws.contactByEmail(email) : undefined) ??
    (externalId !== undefined && externalId !== null && externalId !== '' ? ws.contactByExternalId(externalId) : undefined);
  if (clash !== undefined && clash !== self) {
    throw conflict(`A contact matching those details already exists with id=${ws.contacts.idOf(clash)}`);
  }
}

/** Apply the writable fields of a create/update body onto a record. */
function applyContactFields(ws: Workspace, c: ContactRecord, body: JsonObject): void {
  const role = readRole(body);
  if (role !== undefined) c.role = role;
  const email = optNullableString(body, 'email');
  if (email !== undefined) c.email = email === '' ? null : email;
  const verified = optBoolean(body, 'email_verified');
  if (verified !== undefined) c.email_verified = verified;
  const externalId = optNullableString(body, 'external_id');
  if (externalId !== undefined) c.external_id = externalId === '' ? null : externalId;
  for (const key of ['phone', 'name', 'avatar', 'owner_id', 'language_override'] as const) {
    const v = optNullableString(body, key);
    if (v !== undefined) c[key] = v;
  }
  for (const key of ['signed_up_at', 'last_seen_at'] as const) {
    const v = optNullableInteger(body, key);
    if (v !== undefined) c[key] = v;
  }
  const unsub = optBoolean(body, 'unsubscribed_from_emails');
  if (unsub !== undefined) c.unsubscribed_from_emails = unsub;
  const custom = optCustomAttributes(body);
  if (custom !== undefined) {
    checkDataAttributes(ws, 'contact', custom);
    Object.assign(c.custom_attributes, custom);
  }
}

export function contactSearchModel(ws: Workspace): SearchModel<ContactRecord> {
  return {
    dateRule: 'day',
    timeZone: ws.settings.timeZone,
    restricted: { tag_id: ['=', '!='] },
    kindOf(field: string): FieldKind | undefined {
      if (CONTACT_DATE_FIELDS.has(field)) return 'date';
      if (CONTACT_BOOLEAN_FIELDS.has(field)) return 'boolean';
      if (field.startsWith('custom_attributes.')) {
        const name = field.slice('custom_attributes.'.length);
        const attr = ws.dataAttributes.find((d) => d.model === 'contact' && d.custom && d.name === name);
        if (attr?.data_type === 'date') return 'date';
        if (attr?.data_type === 'integer') return 'integer';
        if (attr?.data_type === 'float') return 'float';
        if (attr?.data_type === 'boolean') return 'boolean';
      }
      return 'string';
    },
    resolve(c: ContactRecord, field: string): unknown {
      switch (field) {
        case 'tag_id':
          return c.tag_ids;
        case 'company_id':
          return c.company_ids;
        case 'segment_id':
          return [];
        case 'email_domain':
          return c.email?.split('@')[1] ?? null;
        case 'formatted_phone':
          return c.phone;
        default:
          return byPath(c, field);
      }
    },
  };
}

export function registerContacts(ctx: ResourceContext): void {
  const { ws, router, knobs } = ctx;

  router.post('/contacts', (req) => {
    const body = bodyObject(req);
    if (body['email'] === undefined && body['external_id'] === undefined && body['role'] === undefined) {
      throw badRequest('Provide at least one of email, external_id or role', 'parameter_invalid');
    }
    if (body['email_verified'] !== undefined && (body['email'] === undefined || body['email'] === null)) {
      throw badRequest('email_verified needs an email in the same request', 'parameter_invalid', 'email_verified');
    }
    const email = optNullableString(body, 'email');
    checkEmail(email);
    assertUnique(ws, undefined, email, optNullableString(body, 'external_id'));
    const draft = blankContact('', ws.nowSeconds());
    applyContactFields(ws, draft, body);
    const record = ws.insertContact((id) => ({ ...draft, id }));
    return json(renderContact(ws, record));
  });

  router.get('/contacts', (req) => {
    const perPage = clampPerPage(queryInteger(req, 'per_page'), 50, 150);
    const start = cursorStart(req.query.get('starting_after'));
    const listed = (i: number): boolean => !ws.hiddenContacts.has(i);
    const slice = takeSlice(filterIndex(ws.contacts.from(start.after), listed), perPage);
    const page = start.page + 1;
    const withHistory = queryBoolean(req, 'include_merge_history');
    return json({
      type: 'list',
      data: slice.items.map((c) => renderContact(ws, c, withHistory)),
      total_count: ws.listedContactCount,
      pages: cursorPages(page, perPage, ws.listedContactCount, slice.more ? encodeCursor([slice.last, page]) : undefined),
    });
  });

  router.post('/contacts/search', (req) => {
    const delay = indexDelayOf(knobs);
    const now = ws.clock.now();
    const withHistory = queryBoolean(req, 'include_merge_history');
    return runSearch(
      req,
      {
        collection: ws.contacts,
        model: contactSearchModel(ws),
        visible: (i) => !ws.hiddenContacts.has(i) && isIndexed(delay, i, ws.contacts.lastWrittenAt(i), now),
        render: (c) => renderContact(ws, c, withHistory),
        defaultPerPage: 50,
        listType: 'list',
        itemsKey: 'data',
        cacheKey: `contacts|${delay.maxMs > 0 ? Math.floor(now / 1000) : ''}`,
        sortable: !knobs.searchIgnoresSort,
      },
      ws,
    );
  });

  router.get('/contacts/find_by_external_id/{external_id}', (req) => {
    const index = ws.contactByExternalId(param(req, 'external_id'), true);
    const c = index === undefined ? undefined : ws.contacts.get(index);
    if (c === undefined) throw notFound('User Not Found');
    if (c.merged_into !== null) throw mergedError(c.merged_into);
    return json(renderContact(ws, c));
  });

  router.get('/contacts/{contact_id}', (req) => json(renderContact(ws, requireContact(ws, param(req, 'contact_id'), true).record)));

  router.put('/contacts/{contact_id}', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const body = bodyObject(req);
    const email = optNullableString(body, 'email');
    checkEmail(email);
    assertUnique(ws, index, email, optNullableString(body, 'external_id'));
    const c = editable(record);
    applyContactFields(ws, c, body);
    c.updated_at = ws.nowSeconds();
    ws.putContact(index, c);
    return json(renderContact(ws, c));
  });

  router.delete('/contacts/{contact_id}', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    for (const companyId of record.company_ids) ws.companyContacts.get(companyId)?.delete(record.id);
    ws.removeContact(index);
    return json({ ...reference(record), deleted: true });
  });

  for (const [action, archived] of [['archive', true], ['unarchive', false]] as const) {
    router.post(`/contacts/{contact_id}/${action}`, (req) => {
      const { index, record } = requireContact(ws, param(req, 'contact_id'));
      const c = editable(record);
      c.archived = archived;
      c.updated_at = ws.nowSeconds();
      ws.putContact(index, c);
      return json({ ...reference(c), archived });
    });
  }

  router.post('/contacts/{contact_id}/block', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const c = editable(record);
    c.blocked = true;
    ws.putContact(index, c);
    return json({ ...reference(c), blocked: true });
  });

  router.post('/contacts/merge', (req) => {
    const body = bodyObject(req);
    const fromId = reqId(body, 'from');
    const intoId = reqId(body, 'into');
    if (fromId === intoId) throw badRequest('A contact cannot be merged into itself', 'invalid_merge');
    const from = requireContact(ws, fromId);
    const into = requireContact(ws, intoId);
    if (from.record.role !== 'lead') throw badRequest('Only a lead can be merged into another contact', 'invalid_merge', 'from');
    if (into.record.role !== 'user') throw badRequest('Contacts can only be merged into a user', 'invalid_merge', 'into');
    const duplicates = (from.record.email !== null && from.record.email === into.record.email) || (from.record.phone !== null && from.record.phone === into.record.phone);
    if (!duplicates && optBoolean(body, 'skip_duplicate_validation') !== true) {
      throw badRequest('Contacts can only be merged when they are duplicates (matching email or phone). Pass skip_duplicate_validation=true to override this check.', 'invalid_merge');
    }
    const now = ws.nowSeconds();
    const survivor = editable(into.record);
    survivor.name ??= from.record.name;
    survivor.phone ??= from.record.phone;
    survivor.custom_attributes = { ...from.record.custom_attributes, ...survivor.custom_attributes };
    survivor.tag_ids = [...new Set([...survivor.tag_ids, ...from.record.tag_ids])];
    survivor.company_ids = [...new Set([...survivor.company_ids, ...from.record.company_ids])];
    survivor.updated_at = now;
    ws.putContact(into.index, survivor);
    const merged = editable(from.record);
    merged.merged_into = survivor.id;
    ws.putContact(from.index, merged);
    const history = ws.mergeHistory.get(survivor.id) ?? [];
    history.push({ source_contact_id: merged.id, source_contact_role: merged.role, merged_at: now });
    ws.mergeHistory.set(survivor.id, history);
    return json(renderContact(ws, survivor));
  });

  router.get('/contacts/{id}/merge_history', (req) => {
    const { record } = requireContact(ws, param(req, 'id'));
    if (record.role !== 'user') throw notFound('Contact not found');
    const perPage = clampPerPage(queryInteger(req, 'per_page'), 50, 150);
    const order = req.query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw badRequest('order must be asc or desc', 'parameter_invalid', 'order');
    const raw = req.query.get('cursor');
    const offset = raw === null || raw === '' ? 0 : (decodeCursor(raw, 'cursor')[0] ?? 0);
    const all = ws.mergeHistory.get(record.id) ?? [];
    const ordered = order === 'asc' ? all : [...all].reverse();
    const items = ordered.slice(offset, offset + perPage);
    const hasMore = offset + perPage < ordered.length;
    const out: JsonObject = { type: 'list', data: items.map((m) => ({ type: 'merge_history', ...m })), has_more: hasMore };
    if (hasMore) out['next_cursor'] = encodeCursor([offset + perPage]);
    return json(out);
  });
}

export function blankContact(id: string, now: number): ContactRecord {
  return {
    id,
    role: 'user',
    external_id: null,
    email: null,
    email_verified: null,
    phone: null,
    name: null,
    avatar: null,
    owner_id: null,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: now,
    updated_at: now,
    signed_up_at: null,
    last_seen_at: null,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    location: { country: null, region: null, city: null },
    custom_attributes: {},
    tag_ids: [],
    company_ids: [],
    subscriptions: [],
    archived: false,
    blocked: false,
    merged_into: null,
  };
}

export function* filterIndex<T>(source: Iterable<[number, T]>, keep: (index: number) => boolean): Generator<[number, T]> {
  for (const entry of source) if (keep(entry[0])) yield entry;
}

export function param(req: SandboxRequest, name: string): string {
  const v = req.params[name];
  if (v === undefined) throw missingParameter(name);
  return v;
}
