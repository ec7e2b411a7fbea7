/**
 * Tickets with their types and states: create, get, update (state, assignment, attributes), delete,
 * replies, tags and search (`>`/`<` inclusive on dates; `category` searched as request/task/tracker).
 */
import { badRequest, notFound } from '../errors';
import { json } from '../http';
import {
  bodyObject,
  isObject,
  optAttributes,
  optArray,
  optBoolean,
  optId,
  optInteger,
  optNullableInteger,
  optObject,
  optString,
  reqId,
  reqString,
  type JsonObject,
} from '../input';
import { byPath, type FieldKind, type SearchModel } from '../search';
import type { TicketPartRecord, TicketRecord, TicketTypeRecord } from '../store/records';
import type { Workspace } from '../store/workspace';
import { attachmentFilesOf, renderAttachment } from './attachments';
import type { ResourceContext } from './context';
import { indexDelayOf, isIndexed } from '../indexing';
import { blankContact, param } from './contacts';
import { contactFrom } from './conversations';
import { adminAuthor, htmlBody, renderAppliedTag, requireAdmin, requireTag } from './render';
import { runSearch } from './searchRunner';

const SEARCH_CATEGORY: Readonly<Record<TicketTypeRecord['category'], string>> = { Customer: 'request', 'Back-office': 'task', Tracker: 'tracker' };

export function renderTicketType(ws: Workspace, t: TicketTypeRecord): JsonObject {
  const attribute = (n: number, name: string, multiline: boolean): JsonObject => ({
    type: 'ticket_type_attribute',
    id: `${t.id}${n}`,
    workspace_id: ws.settings.appId,
    name,
    description: '',
    data_type: 'string',
    input_options: { multiline },
    order: n,
    required_to_create: false,
    required_to_create_for_contacts: false,
    visible_on_create: true,
    visible_to_contacts: true,
    default: true,
    ticket_type_id: Number(t.id),
    archived: false,
    created_at: t.created_at,
    updated_at: t.created_at,
  });
  return {
    type: 'ticket_type',
    id: t.id,
    category: t.category,
    name: t.name,
    description: t.description,
    icon: t.icon,
    workspace_id: ws.settings.appId,
    ticket_type_attributes: { type: 'list', data: [attribute(0, '_default_title_', false), attribute(1, '_default_description_', true)] },
    archived: false,
    created_at: t.created_at,
    updated_at: t.created_at,
  };
}

function renderTicketPart(p: TicketPartRecord): JsonObject {
  const out: JsonObject = {
    type: 'ticket_part',
    id: p.id,
    part_type: p.part_type,
    body: p.body,
    ticket_state: p.ticket_state,
    created_at: p.created_at,
    updated_at: p.updated_at,
    author: p.author,
    attachments: (p.attachments ?? []).map(renderAttachment),
    redacted: p.redacted,
  };
  if (p.previous_ticket_state !== undefined) out['previous_ticket_state'] = p.previous_ticket_state;
  return out;
}

export function renderTicket(ws: Workspace, t: TicketRecord): JsonObject {
  const type = ws.ticketTypes.find((x) => x.id === t.ticket_type_id);
  const state = ws.ticketStates.find((s) => s.id === t.ticket_state_id);
  const out: JsonObject = {
    type: 'ticket',
    id: t.id,
    ticket_id: t.ticket_id,
    category: type?.category ?? 'Customer',
    ticket_attributes: { ...t.ticket_attributes },
    ticket_state: state === undefined ? null : { type: 'ticket_state', ...state },
    ticket_type: type === undefined ? null : renderTicketType(ws, type),
    contacts: {
      type: 'contact.list',
      contacts: t.contact_ids.map((id) => ({ type: 'contact', id, external_id: ws.contacts.getById(id)?.record.external_id ?? null })),
    },
    admin_assignee_id: t.admin_assignee_id,
    team_assignee_id: t.team_assignee_id,
    created_at: t.created_at,
    updated_at: t.updated_at,
    open: t.open,
    linked_objects: {
      type: 'list',
      data: t.linked_conversation_ids.map((id) => ({ type: 'conversation', id, category: null })),
      total_count: t.linked_conversation_ids.length,
      has_more: false,
    },
    ticket_parts: { type: 'ticket_part.list', ticket_parts: t.parts.map(renderTicketPart), total_count: t.parts.length },
    is_shared: t.is_shared,
  };
  if (t.snoozed_until !== null) out['snoozed_until'] = t.snoozed_until;
  return out;
}

function requireTicket(ws: Workspace, id: string): { index: number; record: TicketRecord } {
  const found = ws.tickets.getById(id);
  if (found === undefined) throw notFound('Ticket not found', 'ticket_not_found');
  return found;
}

function editableTicket(t: TicketRecord): TicketRecord {
  return {
    ...t,
    ticket_attributes: { ...t.ticket_attributes },
    contact_ids: [...t.contact_ids],
    parts: t.parts.map((p) => ({ ...p })),
    tags: [...t.tags],
    linked_conversation_ids: [...t.linked_conversation_ids],
  };
}

function stateCategory(ws: Workspace, stateId: string): string {
  return ws.ticketStates.find((s) => s.id === stateId)?.category ?? 'submitted';
}

export function ticketSearchModel(ws: Workspace): SearchModel<TicketRecord> {
  return {
    dateRule: 'inclusive',
    timeZone: ws.settings.timeZone,
    kindOf(field: string): FieldKind | undefined {
      if (field === 'created_at' || field === 'updated_at' || field === 'snoozed_until') return 'date';
      if (field === 'open' || field === 'is_shared') return 'boolean';
      return 'string';
    },
    resolve(t: TicketRecord, field: string): unknown {
      switch (field) {
        case 'title':
          return t.ticket_attributes['_default_title_'];
        case 'description':
          return t.ticket_attributes['_default_description_'];
        case 'category': {
          const type = ws.ticketTypes.find((x) => x.id === t.ticket_type_id);
          return type === undefined ? null : SEARCH_CATEGORY[type.category];
        }
        case 'state':
          return stateCategory(ws, t.ticket_state_id);
        case 'contact_ids':
          return t.contact_ids;
        case 'teammate_ids':
          return t.admin_assignee_id === 0 ? [] : [String(t.admin_assignee_id)];
        case 'tag_ids':
          return t.tags.map((x) => x.id);
        default:
          if (field.startsWith('ticket_attribute.')) return t.ticket_attributes[field.slice('ticket_attribute.'.length)];
          return byPath(t, field);
      }
    },
  };
}

export function registerTickets(ctx: ResourceContext): void {
  const { ws, router, knobs } = ctx;

  router.get('/ticket_types', () => json({ type: 'list', data: ws.ticketTypes.map((t) => renderTicketType(ws, t)) }));

  router.get('/ticket_types/{ticket_type_id}', (req) => {
    const type = ws.ticketTypes.find((t) => t.id === param(req, 'ticket_type_id'));
    if (type === undefined) throw notFound('Ticket type not found');
    return json(renderTicketType(ws, type));
  });

  router.get('/ticket_states', () =>
    json({
      type: 'list',
      data: ws.ticketStates.map((s) => ({
        type: 'ticket_state',
        ...s,
        ticket_types: { type: 'list', data: ws.ticketTypes.map((t) => ({ type: 'ticket_type', id: t.id, name: t.name, category: t.category, archived: false })) },
        archived: false,
      })),
    }),
  );

  router.post('/tickets', (req) => {
    const body = bodyObject(req);
    const typeId = reqId(body, 'ticket_type_id');
    const type = ws.ticketTypes.find((t) => t.id === typeId);
    if (type === undefined) throw badRequest('ticket_type_id does not name a ticket type', 'parameter_invalid', 'ticket_type_id');
    const contacts = optArray(body, 'contacts');
    if (contacts === undefined || contacts.length === 0) throw badRequest('contacts must name at least one contact', 'parameter_not_found', 'contacts');
    const contactIds = contacts.map((entry, i) => {
      if (!isObject(entry)) throw badRequest(`contacts[${i}] must be an object`, 'parameter_invalid', `contacts[${i}]`);
      const email = optString(entry, 'email');
      if (email !== undefined && optId(entry, 'id') === undefined && optId(entry, 'external_id') === undefined) {
        // Intercom creates a lead for an unknown email.
        const existing = ws.contactByEmail(email);
        if (existing !== undefined) return ws.contacts.idOf(existing);
        return ws.insertContact((id) => ({ ...blankContact(id, ws.nowSeconds()), role: 'lead', email })).id;
      }
      const byExternal = optId(entry, 'external_id');
      const c = byExternal !== undefined ? ws.contacts.get(ws.contactByExternalId(byExternal) ?? -1) : ws.contacts.getById(reqId(entry, 'id'))?.record;
      if (c === undefined || c.merged_into !== null) throw notFound('User Not Found');
      return c.id;
    });
    const attributes = optAttributes(body, 'ticket_attributes') ?? {};
    const assignment = optObject(body, 'assignment');
    const companyId = optId(body, 'company_id');
    if (companyId !== undefined && ws.companies.getById(companyId) === undefined) throw notFound('Company Not Found', 'company_not_found');
    const now = ws.nowSeconds();
    const createdAt = optInteger(body, 'created_at') ?? now;
    const firstState = ws.ticketStates[0];
    if (firstState === undefined) throw new Error('no ticket states seeded');
    const draft: TicketRecord = {
      id: '',
      ticket_id: '',
      ticket_type_id: type.id,
      ticket_attributes: { ...attributes },
      ticket_state_id: firstState.id,
      contact_ids: [...new Set(contactIds)],
      admin_assignee_id: assignment === undefined ? 0 : Number(optId(assignment, 'admin_assignee_id') ?? 0),
      team_assignee_id: assignment === undefined ? 0 : Number(optId(assignment, 'team_assignee_id') ?? 0),
      created_at: createdAt,
      updated_at: now,
      open: true,
      snoozed_until: null,
      is_shared: false,
      parts: [],
      tags: [],
      company_id: companyId ?? null,
      linked_conversation_ids: [],
    };
    const record = ws.tickets.insert((id, index) => ({ ...draft, id, ticket_id: String(index + 1) }), ws.clock.now());
    return json(renderTicket(ws, record));
  });

  router.post('/tickets/search', (req) => {
    const delay = indexDelayOf(knobs);
    const now = ws.clock.now();
    return runSearch(
      req,
      {
        collection: ws.tickets,
        model: ticketSearchModel(ws),
        visible: (i) => isIndexed(delay, i, ws.tickets.lastWrittenAt(i), now),
        render: (t) => renderTicket(ws, t),
        defaultPerPage: 20,
        listType: 'ticket.list',
        itemsKey: 'tickets',
        cacheKey: `tickets|${delay.maxMs > 0 ? Math.floor(now / 1000) : ''}`,
      },
      ws,
    );
  });

  router.get('/tickets/{ticket_id}', (req) => json(renderTicket(ws, requireTicket(ws, param(req, 'ticket_id')).record)));

  router.put('/tickets/{ticket_id}', (req) => {
    const { index, record } = requireTicket(ws, param(req, 'ticket_id'));
    const body = bodyObject(req);
    const t = editableTicket(record);
    const now = ws.nowSeconds();
    const attributes = optAttributes(body, 'ticket_attributes');
    if (attributes !== undefined) t.ticket_attributes = { ...t.ticket_attributes, ...attributes };
    const stateId = optId(body, 'ticket_state_id');
    if (stateId !== undefined && stateId !== t.ticket_state_id) {
      const state = ws.ticketStates.find((s) => s.id === stateId);
      if (state === undefined) throw badRequest('ticket_state_id does not name a ticket state', 'ticket_state_id_invalid', 'ticket_state_id');
      const admin = ws.admins[0];
      t.parts.push({
        id: ws.newPartId(),
        part_type: 'ticket_state_updated_by_admin',
        body: null,
        previous_ticket_state: stateCategory(ws, t.ticket_state_id),
        ticket_state: state.category,
        created_at: now,
        updated_at: now,
        author: admin === undefined ? { type: 'bot', id: '0', name: null, email: '' } : adminAuthor(admin),
        redacted: false,
      });
      t.ticket_state_id = state.id;
      if (state.category === 'resolved') t.open = false;
    }
    const open = optBoolean(body, 'open');
    if (open !== undefined) t.open = open;
    const shared = optBoolean(body, 'is_shared');
    if (shared !== undefined) t.is_shared = shared;
    const snoozed = optNullableInteger(body, 'snoozed_until');
    if (snoozed !== undefined) t.snoozed_until = snoozed;
    const companyId = optId(body, 'company_id');
    if (companyId !== undefined) {
      if (ws.companies.getById(companyId) === undefined) throw notFound('Company Not Found', 'company_not_found');
      t.company_id = companyId;
    }
    const assignee = optId(body, 'assignee_id');
    if (assignee !== undefined) {
      if (assignee === '0') t.admin_assignee_id = 0;
      else if (ws.admin(assignee) !== undefined) t.admin_assignee_id = Number(assignee);
      else if (ws.team(assignee) !== undefined) t.team_assignee_id = Number(assignee);
      else throw notFound('Assignee not found', 'assignee_not_found');
    }
    t.updated_at = now;
    ws.tickets.put(index, t, ws.clock.now());
    return json(renderTicket(ws, t));
  });

  router.delete('/tickets/{ticket_id}', (req) => {
    const { index, record } = requireTicket(ws, param(req, 'ticket_id'));
    ws.tickets.remove(index);
    return json({ id: record.id, object: 'ticket', deleted: true });
  });

  router.post('/tickets/{ticket_id}/reply', (req) => {
    const { index, record } = requireTicket(ws, param(req, 'ticket_id'));
    const body = bodyObject(req);
    const type = reqString(body, 'type');
    const messageType = reqString(body, 'message_type');
    const now = ws.nowSeconds();
    let part: TicketPartRecord;
    const state = stateCategory(ws, record.ticket_state_id);
    if (type === 'admin') {
      if (!['comment', 'note', 'quick_reply'].includes(messageType)) throw badRequest('message_type must be comment, note or quick_reply', 'parameter_invalid', 'message_type');
      const admin = requireAdmin(ws, reqId(body, 'admin_id'));
      const text = optString(body, 'body');
      part = { id: ws.newPartId(), part_type: messageType, body: text === undefined ? null : htmlBody(text), ticket_state: state, created_at: now, updated_at: now, author: adminAuthor(admin), redacted: false };
    } else if (type === 'user') {
      if (messageType !== 'comment') throw badRequest('message_type must be comment for a contact reply', 'parameter_invalid', 'message_type');
      const contact = contactFrom(ws, body);
      if (!record.contact_ids.includes(contact.id)) throw badRequest('The contact is not a participant of this ticket', 'parameter_mismatch');
      part = {
        id: ws.newPartId(),
        part_type: 'comment',
        body: htmlBody(reqString(body, 'body')),
        ticket_state: state,
        created_at: now,
        updated_at: now,
        author: { type: contact.role, id: contact.id, name: contact.name, email: contact.email ?? '' },
        redacted: false,
      };
    } else {
      throw badRequest('type must be admin or user', 'parameter_invalid', 'type');
    }
    const attachments = type === 'admin' ? attachmentFilesOf(body, part.id) : [];
    if (attachments.length > 0) part.attachments = attachments;
    const t = editableTicket(record);
    t.parts.push(part);
    t.updated_at = now;
    ws.tickets.put(index, t, ws.clock.now());
    return json({ type: 'ticket_part', id: part.id, part_type: part.part_type, body: part.body, created_at: now, updated_at: now, author: part.author, attachments: attachments.map(renderAttachment), redacted: false });
  });

  router.post('/tickets/{ticket_id}/tags', (req) => {
    const { index, record } = requireTicket(ws, param(req, 'ticket_id'));
    const body = bodyObject(req);
    const tag = requireTag(ws, reqId(body, 'id'));
    const admin = requireAdmin(ws, reqId(body, 'admin_id'));
    const applied = { id: tag.id, applied_at: ws.nowSeconds(), applied_by: admin.id };
    const t = editableTicket(record);
    t.tags = [...t.tags.filter((x) => x.id !== tag.id), applied];
    ws.tickets.put(index, t, ws.clock.now());
    return json(renderAppliedTag(ws, applied));
  });

  router.delete('/tickets/{ticket_id}/tags/{tag_id}', (req) => {
    const { index, record } = requireTicket(ws, param(req, 'ticket_id'));
    requireAdmin(ws, reqId(bodyObject(req), 'admin_id'));
    const tag = requireTag(ws, param(req, 'tag_id'));
    const applied = record.tags.find((x) => x.id === tag.id);
    if (applied === undefined) throw notFound('Tag not found on this ticket', 'tag_not_found');
    const t = editableTicket(record);
    t.tags = t.tags.filter((x) => x.id !== tag.id);
    ws.tickets.put(index, t, ws.clock.now());
    return json(renderAppliedTag(ws, applied));
  });
}
