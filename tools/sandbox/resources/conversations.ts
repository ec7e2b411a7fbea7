/**
 * Conversations: create (answers with the user message), get with parts, cursor listing, update,
 * delete (remembered for GET /conversations/deleted), search with inclusive date comparisons,
 * replies, close/open/snooze/assignment, tags, contacts and redaction.
 */
import { ApiError, badRequest, notFound } from '../errors';
import { json, type Reply, type SandboxRequest } from '../http';
import {
  bodyObject,
  optBoolean,
  optCustomAttributes,
  optId,
  optInteger,
  optNullableString,
  optObject,
  optString,
  queryInteger,
  reqId,
  reqString,
  type JsonObject,
} from '../input';
import { clampPerPage, cursorPages, cursorStart, encodeCursor, linkPages, pageOf, pageParams, takeSlice } from '../pagination';
import { byPath, type FieldKind, type SearchModel } from '../search';
import type { ContactRecord, ConversationRecord, PartAuthor, PartRecord } from '../store/records';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { indexDelayOf, type IndexDelay, isIndexed } from '../indexing';
import { param } from './contacts';
import { attachmentFilesOf, renderAttachment } from './attachments';
import { runSearch } from './searchRunner';
import { adminAuthor, htmlBody, renderAppliedTag, requireAdmin, requireTag } from './render';
import { checkConversationAttributes } from './customAttributes';

const CONVERSATION_DATES = new Set(['created_at', 'updated_at', 'waiting_since', 'snoozed_until']);
const CONVERSATION_INTEGERS = new Set(['admin_assignee_id', 'team_assignee_id']);

export function renderPart(p: PartRecord): JsonObject {
  const out: JsonObject = {
    type: 'conversation_part',
    id: p.id,
    part_type: p.part_type,
    body: p.body,
    created_at: p.created_at,
    updated_at: p.updated_at,
    notified_at: p.notified_at,
    author: { ...p.author, from_ai_agent: false, is_ai_answer: false },
    attachments: (p.attachments ?? []).map(renderAttachment),
    external_id: null,
    redacted: p.redacted,
    state: p.state,
  };
  // Left out rather than null: the schema declares it as a nullable $ref, which pruned schemas may not keep.
  if (p.assigned_to !== null) out['assigned_to'] = p.assigned_to;
  return out;
}

/** The most parts Intercom returns with one conversation. */
const PARTS_SHOWN = 500;

export function renderConversation(ws: Workspace, c: ConversationRecord, withParts = true): JsonObject {
  const out: JsonObject = {
    type: 'conversation',
    id: c.id,
    title: c.title,
    created_at: c.created_at,
    updated_at: c.updated_at,
    waiting_since: c.waiting_since,
    snoozed_until: c.snoozed_until,
    open: c.state !== 'closed',
    state: c.state,
    read: c.read,
    priority: c.priority,
    admin_assignee_id: c.admin_assignee_id,
    team_assignee_id: c.team_assignee_id,
    tags: { type: 'tag.list', tags: c.tags.filter((t) => ws.tags.has(t.id)).map((t) => renderAppliedTag(ws, t)) },
    source: { ...c.source, attachments: [], url: null },
    contacts: {
      type: 'contact.list',
      contacts: c.contact_ids.map((id) => ({ type: 'contact', id, external_id: ws.contacts.getById(id)?.record.external_id ?? null })),
    },
    teammates: { type: 'admin.list', teammates: c.teammate_ids.map((id) => ({ type: 'admin', id })) },
    custom_attributes: { ...c.custom_attributes },
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ai_agent_participated: false,
  };
  // Intercom returns the latest 500 parts of a conversation; total_count still counts them all.
  if (withParts) out['conversation_parts'] = { type: 'conversation_part.list', conversation_parts: c.parts.slice(-PARTS_SHOWN).map(renderPart), total_count: c.parts.length };
  return out;
}

export function requireConversation(ws: Workspace, id: string): { index: number; record: ConversationRecord } {
  const found = ws.conversations.getById(id);
  if (found === undefined) throw notFound('Conversation not found');
  return found;
}

function editableConversation(c: ConversationRecord): ConversationRecord {
  return {
    ...c,
    tags: [...c.tags],
    contact_ids: [...c.contact_ids],
    teammate_ids: [...c.teammate_ids],
    source: { ...c.source, author: { ...c.source.author } },
    parts: c.parts.map((p) => ({ ...p })),
    custom_attributes: { ...c.custom_attributes },
  };
}

/** A contact named by intercom_user_id (Intercom id), user_id (external id) or email. */
export function contactFrom(ws: Workspace, body: JsonObject): ContactRecord {
  const intercomId = optId(body, 'intercom_user_id') ?? optId(body, 'id');
  const externalId = optId(body, 'user_id');
  const email = optString(body, 'email');
  let index: number | undefined;
  if (intercomId !== undefined) index = ws.contacts.indexOf(intercomId);
  else if (externalId !== undefined) index = ws.contactByExternalId(externalId);
  else if (email !== undefined) index = ws.contactByEmail(email);
  else throw badRequest('Name the contact with intercom_user_id, user_id or email', 'parameter_not_found');
  const c = index === undefined ? undefined : ws.contacts.get(index);
  if (c === undefined || c.merged_into !== null) throw notFound('User Not Found');
  return c;
}

function contactAuthor(c: ContactRecord): PartAuthor {
  return { type: c.role, id: c.id, name: c.name, email: c.email ?? '' };
}

export function conversationSearchModel(ws: Workspace): SearchModel<ConversationRecord> {
  return {
    dateRule: 'inclusive',
    timeZone: ws.settings.timeZone,
    kindOf(field: string): FieldKind | undefined {
      if (CONVERSATION_DATES.has(field) || (field.startsWith('statistics.') && field.endsWith('_at'))) return 'date';
      if (CONVERSATION_INTEGERS.has(field) || field.startsWith('statistics.')) return 'integer';
      if (field === 'open' || field === 'read') return 'boolean';
      return 'string';
    },
    resolve(c: ConversationRecord, field: string): unknown {
      switch (field) {
        case 'open':
          return c.state !== 'closed';
        case 'contact_ids':
          return c.contact_ids;
        case 'teammate_ids':
          return c.teammate_ids;
        case 'tag_ids':
          return c.tags.map((t) => t.id);
        case 'source.body':
          // Matched word by word: `= "support"` finds "I need support".
          return c.source.body.replace(/<[^>]*>/g, ' ').split(/[^\p{L}\p{N}_'-]+/u).filter((w) => w !== '');
        case 'channel_initiated':
          return 'web';
        default:
          return byPath(c, field);
      }
    },
  };
}

export function registerConversations(ctx: ResourceContext): void {
  const { ws, router, knobs } = ctx;

  const save = (index: number, c: ConversationRecord): JsonObject => {
    ws.conversations.put(index, c, ws.clock.now());
    return renderConversation(ws, c);
  };

  const addPart = (c: ConversationRecord, part: Omit<PartRecord, 'id' | 'created_at' | 'updated_at' | 'notified_at' | 'redacted' | 'state'>, body?: JsonObject): void => {
    const now = ws.nowSeconds();
    const id = ws.newPartId();
    const attachments = body === undefined ? [] : attachmentFilesOf(body, id);
    c.parts.push({ ...part, id, created_at: now, updated_at: now, notified_at: now, redacted: false, state: c.state, ...(attachments.length > 0 ? { attachments } : {}) });
    c.updated_at = now;
  };

  router.post('/conversations', (req) => {
    const body = bodyObject(req);
    const from = optObject(body, 'from');
    if (from === undefined) throw badRequest('from is required', 'parameter_not_found', 'from');
    const type = optString(from, 'type');
    if (type !== 'user' && type !== 'lead' && type !== 'contact') throw badRequest('from.type must be user, lead or contact', 'parameter_invalid', 'from.type');
    const contact = ws.contacts.getById(reqId(from, 'id'))?.record;
    if (contact === undefined || contact.merged_into !== null) throw notFound('User Not Found');
    const text = reqString(body, 'body');
    const createdAt = optInteger(body, 'created_at') ?? ws.nowSeconds();
    const messageId = ws.newMessageId();
    const draft: ConversationRecord = {
      id: '',
      title: null,
      created_at: createdAt,
      updated_at: createdAt,
      waiting_since: createdAt,
      snoozed_until: null,
      state: 'open',
      read: false,
      priority: 'none',
      admin_assignee_id: 0,
      team_assignee_id: 0,
      tags: [],
      contact_ids: [contact.id],
      teammate_ids: [],
      source: { id: messageId, type: 'conversation', delivered_as: 'customer_initiated', subject: optString(body, 'subject') ?? '', body: htmlBody(text), author: contactAuthor(contact), redacted: false },
      parts: [],
      custom_attributes: {},
      company_id: null,
    };
    const record = ws.conversations.insert((id) => ({ ...draft, id }), ws.clock.now());
    return json({ type: 'user_message', id: messageId, created_at: createdAt, body: record.source.body, message_type: 'inapp', conversation_id: record.id });
  });

  router.get('/conversations', (req) => {
    const perPage = clampPerPage(queryInteger(req, 'per_page'), 20, 150);
    const start = cursorStart(req.query.get('starting_after'));
    const slice = takeSlice(ws.conversations.from(start.after), perPage);
    const page = start.page + 1;
    const total = ws.conversations.size;
    return json({
      type: 'conversation.list',
      conversations: slice.items.map((c) => renderConversation(ws, c, false)),
      total_count: total,
      pages: cursorPages(page, perPage, total, slice.more ? encodeCursor([slice.last, page]) : undefined),
    });
  });

  router.post('/conversations/search', (req) => {
    const delay = indexDelayOf(knobs);
    const now = ws.clock.now();
    return runConversationSearch(req, ws, delay, now);
  });

  router.get('/conversations/deleted', (req) => {
    const p = pageParams(req, 20, 60);
    const order = req.query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw badRequest('order must be asc or desc', 'parameter_invalid', 'order');
    const all = order === 'asc' ? ws.deletedConversations : [...ws.deletedConversations].reverse();
    return json({
      type: 'conversations.list',
      conversations: pageOf(all, p).map((d) => ({ type: 'conversation', ...d })),
      total_count: all.length,
      pages: linkPages(req, p, all.length),
    });
  });

  router.post('/conversations/redact', (req) => {
    const body = bodyObject(req);
    const type = reqString(body, 'type');
    const found = ws.conversations.getById(reqId(body, 'conversation_id'));
    const gone = () => notFound('Conversation part or message not found', 'conversation_part_or_message_not_found');
    if (found === undefined) throw gone();
    const c = editableConversation(found.record);
    if (type === 'conversation_part') {
      const part = c.parts.find((p) => p.id === reqId(body, 'conversation_part_id'));
      if (part === undefined) throw gone();
      part.body = '';
      part.redacted = true;
    } else if (type === 'source') {
      if (c.source.id !== reqId(body, 'source_id')) throw gone();
      c.source.body = '';
      c.source.redacted = true;
    } else {
      throw badRequest('type must be conversation_part or source', 'parameter_invalid', 'type');
    }
    return json(save(found.index, c));
  });

  router.get('/conversations/{conversation_id}', (req) => json(renderConversation(ws, requireConversation(ws, param(req, 'conversation_id')).record)));

  router.put('/conversations/{conversation_id}', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    const c = editableConversation(record);
    const read = optBoolean(body, 'read');
    if (read !== undefined) c.read = read;
    const title = optNullableString(body, 'title');
    if (title !== undefined) c.title = title;
    const custom = optCustomAttributes(body);
    if (custom !== undefined) {
      checkConversationAttributes(ws, custom);
      Object.assign(c.custom_attributes, custom);
    }
    const companyId = optId(body, 'company_id');
    if (companyId !== undefined) {
      if (ws.companies.getById(companyId) === undefined) throw notFound('Company Not Found', 'company_not_found');
      c.company_id = companyId;
    }
    c.updated_at = ws.nowSeconds();
    return json(save(index, c));
  });

  router.delete('/conversations/{conversation_id}', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    ws.conversations.remove(index);
    ws.deletedConversations.push({ id: record.id, deleted_at: ws.nowSeconds(), metrics_retained: false });
    return json({ id: record.id, object: 'conversation', deleted: true });
  });

  router.post('/conversations/{conversation_id}/reply', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    const type = reqString(body, 'type');
    const messageType = reqString(body, 'message_type');
    const c = editableConversation(record);
    if (type === 'admin') {
      if (!['comment', 'note', 'quick_reply'].includes(messageType)) throw badRequest('message_type must be comment, note or quick_reply', 'parameter_invalid', 'message_type');
      const admin = requireAdmin(ws, reqId(body, 'admin_id'));
      const text = optString(body, 'body');
      if (text === undefined && messageType !== 'quick_reply') throw badRequest('body is required', 'parameter_not_found', 'body');
      addPart(c, { part_type: messageType === 'note' ? 'note' : messageType, body: text === undefined ? null : htmlBody(text), assigned_to: null, author: adminAuthor(admin) }, body);
      if (messageType !== 'note') c.waiting_since = null;
      if (!c.teammate_ids.includes(admin.id)) c.teammate_ids.push(admin.id);
    } else if (type === 'user') {
      if (messageType !== 'comment') throw badRequest('message_type must be comment for a user reply', 'parameter_invalid', 'message_type');
      const contact = contactFrom(ws, body);
      addPart(c, { part_type: 'comment', body: htmlBody(reqString(body, 'body')), assigned_to: null, author: contactAuthor(contact) }, body);
      c.waiting_since = c.updated_at;
      if (c.state !== 'open') {
        c.state = 'open';
        c.snoozed_until = null;
      }
    } else {
      throw badRequest('type must be admin or user', 'parameter_invalid', 'type');
    }
    return json(save(index, c));
  });

  router.post('/conversations/{conversation_id}/parts', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    const messageType = reqString(body, 'message_type');
    const admin = requireAdmin(ws, reqId(body, 'admin_id'));
    const c = editableConversation(record);
    const text = optString(body, 'body');
    const author = adminAuthor(admin);
    switch (messageType) {
      case 'close':
        c.state = 'closed';
        c.snoozed_until = null;
        c.waiting_since = null;
        addPart(c, { part_type: 'close', body: text === undefined ? null : htmlBody(text), assigned_to: null, author });
        break;
      case 'snoozed': {
        const until = optInteger(body, 'snoozed_until');
        if (until === undefined) throw badRequest('snoozed_until is required', 'parameter_not_found', 'snoozed_until');
        if (until <= ws.nowSeconds()) throw badRequest('snoozed_until must be in the future', 'parameter_invalid', 'snoozed_until');
        c.state = 'snoozed';
        c.snoozed_until = until;
        addPart(c, { part_type: 'snoozed', body: null, assigned_to: null, author });
        break;
      }
      case 'open':
        c.state = 'open';
        c.snoozed_until = null;
        addPart(c, { part_type: 'open', body: null, assigned_to: null, author });
        break;
      case 'assignment': {
        const type = reqString(body, 'type');
        const assignee = reqId(body, 'assignee_id');
        if (type === 'team') {
          if (assignee !== '0' && ws.team(assignee) === undefined) throw notFound('Team not found', 'team_not_found');
          c.team_assignee_id = Number(assignee);
        } else if (type === 'admin') {
          if (assignee !== '0') requireAdmin(ws, assignee, 'assignee_id');
          c.admin_assignee_id = Number(assignee);
        } else {
          throw badRequest('type must be admin or team', 'parameter_invalid', 'type');
        }
        addPart(c, { part_type: 'assignment', body: text === undefined ? null : htmlBody(text), assigned_to: assignee === '0' ? null : { type, id: assignee }, author });
        break;
      }
      default:
        throw badRequest('message_type must be close, snoozed, open or assignment', 'parameter_invalid', 'message_type');
    }
    return json(save(index, c));
  });

  router.post('/conversations/{conversation_id}/tags', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    const tag = requireTag(ws, reqId(body, 'id'));
    const admin = requireAdmin(ws, reqId(body, 'admin_id'));
    const c = editableConversation(record);
    const applied = { id: tag.id, applied_at: ws.nowSeconds(), applied_by: admin.id };
    c.tags = [...c.tags.filter((t) => t.id !== tag.id), applied];
    ws.conversations.put(index, c, ws.clock.now());
    return json(renderAppliedTag(ws, applied));
  });

  router.delete('/conversations/{conversation_id}/tags/{tag_id}', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    requireAdmin(ws, reqId(body, 'admin_id'));
    const tag = requireTag(ws, param(req, 'tag_id'));
    const applied = record.tags.find((t) => t.id === tag.id);
    if (applied === undefined) throw notFound('Tag not found on this conversation', 'tag_not_found');
    const c = editableConversation(record);
    c.tags = c.tags.filter((t) => t.id !== tag.id);
    ws.conversations.put(index, c, ws.clock.now());
    return json(renderAppliedTag(ws, applied));
  });

  router.post('/conversations/{conversation_id}/customers', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    const body = bodyObject(req);
    requireAdmin(ws, reqId(body, 'admin_id'));
    const customer = optObject(body, 'customer');
    if (customer === undefined) throw badRequest('customer is required', 'parameter_not_found', 'customer');
    const contact = contactFrom(ws, customer);
    const c = editableConversation(record);
    if (!c.contact_ids.includes(contact.id)) c.contact_ids.push(contact.id);
    c.updated_at = ws.nowSeconds();
    return json(save(index, c));
  });

  router.delete('/conversations/{conversation_id}/customers/{contact_id}', (req) => {
    const { index, record } = requireConversation(ws, param(req, 'conversation_id'));
    requireAdmin(ws, reqId(bodyObject(req), 'admin_id'));
    const contactId = param(req, 'contact_id');
    if (!record.contact_ids.includes(contactId)) throw notFound('User Not Found');
    if (record.contact_ids.length === 1) throw new ApiError(422, 'parameter_invalid', 'Removing the last customer is not allowed');
    const c = editableConversation(record);
    c.contact_ids = c.contact_ids.filter((id) => id !== contactId);
    c.updated_at = ws.nowSeconds();
    return json(save(index, c));
  });
}

function runConversationSearch(req: SandboxRequest, ws: Workspace, delay: IndexDelay, now: number): Reply {
  return runSearch(
    req,
    {
      collection: ws.conversations,
      model: conversationSearchModel(ws),
      visible: (i) => isIndexed(delay, i, ws.conversations.lastWrittenAt(i), now),
      render: (c) => renderConversation(ws, c, false),
      defaultPerPage: 20,
      listType: 'conversation.list',
      itemsKey: 'conversations',
      cacheKey: `conversations|${delay.maxMs > 0 ? Math.floor(now / 1000) : ''}`,
    },
    ws,
  );
}
