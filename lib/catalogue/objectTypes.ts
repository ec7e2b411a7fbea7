import type { SearchModelName } from './searchFields';
import type { CustomAttributeModel } from './types';

/**
 * The object types of the standard actions (Lookup Object, Lookup Objects, Upsert Object, Delete Object) and,
 * per verb, the catalogue operations behind them. A verb is declared only where Intercom's API has it; the
 * object-type dropdown of each action lists exactly the types that declare its verb.
 */

/** How a unique field finds its record. */
export type UniqueLookup =
  /** An operation answering the one record (404 when there is none), the value passed as `input`. */
  | { kind: 'get'; op: string; input: string }
  /** An equality filter of the type's search (answers a list: several matches are possible). */
  | { kind: 'search'; field: string }
  /** A list operation filtered by Intercom on a query parameter (answers one record or a list). */
  | { kind: 'list'; op: string; input: string }
  /** Intercom cannot filter this list: every page is read and the field compared (small lists only). */
  | { kind: 'scan'; op: string; field: string };

/** A list that Intercom filters on a query parameter: the term `fieldName = value` becomes input `input`. */
export interface ListFilter {
  op: string;
  input: string;
  /** Conditions Intercom applies to this parameter (default: `=` only). */
  conditions?: readonly string[];
  /** Fixed inputs the operation also needs. */
  fixed?: Record<string, unknown>;
}

export interface ObjectTypeDecl {
  /** Plural label of the dropdown. */
  label: string;
  /** The operation whose out-schema describes one record. */
  record: string;
  /** The record operation answers a list: one record is an item of this array property. */
  recordItems?: string;
  /** The inputs that scope every call (custom object instances: their type), passed through to each operation. */
  scope?: Record<string, string>;
  /** Whose custom attributes the records carry (dynamic metadata, search fields). */
  customAttributes?: CustomAttributeModel;
  lookup?: {
    /** Operation answering the record by its Intercom id, and that id's input name. */
    byId: { op: string; input: string };
    /** Other unique fields, by the input name the action shows. */
    unique?: Record<string, UniqueLookup>;
  };
  lookupMany?: {
    /** Query-language search (terms become the query). */
    search?: { op: string; model: SearchModelName };
    /** The list read when no term is given; absent when Intercom has no unfiltered list. */
    list?: { op: string; fixed?: Record<string, unknown> };
    /** Lists Intercom filters, by term field (used when the type has no query-language search). */
    filters?: Record<string, ListFilter>;
    /** A term on one of these fields is required (data events need a user). */
    requireOneOf?: readonly string[];
  };
  upsert?: {
    /** Update by Intercom id: the operation and its id input. */
    update?: { op: string; input: string };
    /** Create, or Intercom's own create-or-update. */
    create: { op: string };
    /** The input the action shows for the Intercom id (default `id`). */
    idInput?: string;
  };
  /** `refused`: when Intercom refuses the delete although the record exists, for the id's help. */
  delete?: { op: string; input: string; refused?: string };
}

export const OBJECT_TYPES = {
  contacts: {
    label: 'Contacts',
    record: 'getContact',
    customAttributes: 'contact',
    lookup: {
      byId: { op: 'getContact', input: 'contact_id' },
      unique: {
        external_id: { kind: 'get', op: 'getContactByExternalId', input: 'external_id' },
        email: { kind: 'search', field: 'email' },
      },
    },
    lookupMany: { search: { op: 'searchContacts', model: 'contacts' }, list: { op: 'listContacts' } },
    upsert: { update: { op: 'updateContact', input: 'contact_id' }, create: { op: 'createContact' } },
    delete: { op: 'deleteContact', input: 'contact_id' },
  },
  companies: {
    label: 'Companies',
    record: 'getCompany',
    customAttributes: 'company',
    lookup: {
      byId: { op: 'getCompany', input: 'company_id' },
      unique: {
        company_id: { kind: 'list', op: 'findCompanies', input: 'company_id' },
        name: { kind: 'list', op: 'findCompanies', input: 'name' },
      },
    },
    lookupMany: {
      list: { op: 'listCompanies' },
      filters: {
        tag_id: { op: 'findCompanies', input: 'tag_id' },
        segment_id: { op: 'findCompanies', input: 'segment_id' },
      },
    },
    // POST /companies creates or updates by company_id; an Intercom id updates that company.
    upsert: { update: { op: 'updateCompany', input: 'company_id' }, create: { op: 'upsertCompany' } },
    delete: { op: 'deleteCompany', input: 'company_id' },
  },
  conversations: {
    label: 'Conversations',
    record: 'getConversation',
    customAttributes: 'conversation',
    lookup: { byId: { op: 'getConversation', input: 'conversation_id' } },
    lookupMany: { search: { op: 'searchConversations', model: 'conversations' }, list: { op: 'listConversations' } },
    delete: { op: 'deleteConversation', input: 'conversation_id' },
  },
  tickets: {
    label: 'Tickets',
    record: 'getTicket',
    lookup: { byId: { op: 'getTicket', input: 'ticket_id' } },
    // Intercom has no ticket list: tickets are read through search only.
    lookupMany: { search: { op: 'searchTickets', model: 'tickets' } },
    upsert: { update: { op: 'updateTicket', input: 'ticket_id' }, create: { op: 'createTicket' } },
    delete: { op: 'deleteTicket', input: 'ticket_id' },
  },
  articles: {
    label: 'Articles',
    record: 'getArticle',
    lookup: { byId: { op: 'getArticle', input: 'article_id' } },
    lookupMany: {
      list: { op: 'listArticles' },
      filters: {
        phrase: { op: 'searchArticles', input: 'phrase', conditions: ['~'] },
        state: { op: 'searchArticles', input: 'state' },
        help_center_id: { op: 'searchArticles', input: 'help_center_id' },
      },
    },
    delete: { op: 'deleteArticle', input: 'article_id' },
  },
  admins: {
    label: 'Admins (teammates)',
    record: 'getAdmin',
    lookup: { byId: { op: 'getAdmin', input: 'admin_id' }, unique: { email: { kind: 'scan', op: 'listAdmins', field: 'email' } } },
    lookupMany: { list: { op: 'listAdmins' } },
  },
  teams: {
    label: 'Teams',
    record: 'getTeam',
    lookup: { byId: { op: 'getTeam', input: 'team_id' }, unique: { name: { kind: 'scan', op: 'listTeams', field: 'name' } } },
    lookupMany: { list: { op: 'listTeams' } },
  },
  tags: {
    label: 'Tags',
    record: 'getTag',
    lookup: { byId: { op: 'getTag', input: 'tag_id' }, unique: { name: { kind: 'scan', op: 'listTags', field: 'name' } } },
    lookupMany: { list: { op: 'listTags' } },
    delete: { op: 'deleteTag', input: 'tag_id', refused: 'A tag that segments use cannot be deleted: Intercom answers 400 and the step fails.' },
  },
  notes: {
    label: 'Notes',
    record: 'getNote',
    lookup: { byId: { op: 'getNote', input: 'note_id' } },
    // Notes are listed per contact or per company only.
    lookupMany: {
      filters: {
        contact_id: { op: 'listContactNotes', input: 'contact_id' },
        company_id: { op: 'listCompanyNotes', input: 'company_id' },
      },
    },
  },
  segments: {
    label: 'Segments',
    record: 'getSegment',
    lookup: { byId: { op: 'getSegment', input: 'segment_id' } },
    lookupMany: { list: { op: 'listSegments' } },
  },
  dataEvents: {
    label: 'Data events',
    record: 'listDataEvents',
    recordItems: 'events',
    // Intercom lists the events of one user at a time, found by one of these fields; records are per-name summaries
    // (count, first and last time), the shape the pinned description gives.
    lookupMany: {
      filters: {
        user_id: { op: 'listDataEvents', input: 'filter.user_id', fixed: { type: 'user', summary: true } },
        intercom_user_id: { op: 'listDataEvents', input: 'filter.intercom_user_id', fixed: { type: 'user', summary: true } },
        email: { op: 'listDataEvents', input: 'filter.email', fixed: { type: 'user', summary: true } },
      },
      requireOneOf: ['user_id', 'intercom_user_id', 'email'],
    },
  },
  customObjectInstances: {
    label: 'Custom object instances',
    record: 'getCustomObjectInstance',
    scope: { custom_object_type_identifier: 'Custom object type identifier' },
    lookup: { byId: { op: 'getCustomObjectInstance', input: 'custom_object_instance_id' } },
    lookupMany: { list: { op: 'listCustomObjectInstances' } },
    upsert: { create: { op: 'upsertCustomObjectInstance' } },
    delete: { op: 'deleteCustomObjectInstance', input: 'custom_object_instance_id' },
  },
} as const satisfies Record<string, ObjectTypeDecl>;

export type ObjectTypeName = keyof typeof OBJECT_TYPES;

export type ObjectVerb = 'lookup' | 'lookupMany' | 'upsert' | 'delete';

/** The types that support a verb, as `{name: label}` (the object-type dropdown of that action). */
export function objectTypeChoices(verb: ObjectVerb): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const [name, decl] of Object.entries(OBJECT_TYPES) as Array<[string, ObjectTypeDecl]>) if (decl[verb]) choices[name] = decl.label;
  return choices;
}

export function objectType(name: string): ObjectTypeDecl | undefined {
  return Object.hasOwn(OBJECT_TYPES, name) ? (OBJECT_TYPES as Record<string, ObjectTypeDecl>)[name] : undefined;
}
