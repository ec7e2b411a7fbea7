/**
 * Facts about Intercom's search query language (POST /contacts/search, /conversations/search, /tickets/search):
 * which fields each search accepts, their types, and which operators each type takes. The simple search terms of
 * the search actions and Lookup Objects are checked against these tables before any request is sent.
 */

/** Value types of searchable fields; `date` is Unix seconds, matched by day on contacts. */
export type SearchFieldType = 'string' | 'integer' | 'float' | 'date' | 'boolean';

export type SearchModelName = 'contacts' | 'conversations' | 'tickets';

export interface SearchModel {
  /** The standard fields and their types. */
  fields: Readonly<Record<string, SearchFieldType>>;
  /** Operators each type accepts. */
  operators: Readonly<Record<SearchFieldType, readonly string[]>>;
  /** Fields whose operators are narrower (or wider) than their type's. */
  fieldOperators?: Readonly<Record<string, readonly string[]>>;
  /** Prefix under which the workspace's custom attributes are searched (`custom_attributes.<name>`). */
  customAttributePrefix?: string;
  /** Fields whose search values differ from what the records show, with the values the search takes. */
  valueNotes?: Readonly<Record<string, string>>;
}

/** Every operator of the language, with the words a flow designer reads in the condition dropdown. */
export const SEARCH_OPERATORS: Readonly<Record<string, string>> = {
  '=': 'equals',
  '!=': 'does not equal',
  IN: 'is one of (list)',
  NIN: 'is none of (list)',
  '>': 'greater than',
  '<': 'lower than',
  '>=': 'greater than or equal to',
  '<=': 'lower than or equal to',
  '~': 'contains',
  '!~': 'does not contain',
  '^': 'starts with',
  $: 'ends with',
};

/**
 * The condition names of elastic.io's lookup actions (the commons library's `readMetaFilter`, MS Dynamics v2), which
 * users carry over when they copy a mapping from another connector, and the operator each one means here.
 */
export const CONDITION_ALIASES: Readonly<Record<string, string>> = { eq: '=', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=' };

const EQUALITY = ['=', '!=', 'IN', 'NIN'] as const;
const TEXT = [...EQUALITY, '~', '!~', '^', '$'] as const;

/** Conversations and tickets: every type takes the equality operators; dates and numbers also `>` and `<`. */
const GENERAL_OPERATORS: Record<SearchFieldType, readonly string[]> = {
  string: TEXT,
  integer: [...EQUALITY, '>', '<'],
  float: [...EQUALITY, '>', '<'],
  date: [...EQUALITY, '>', '<'],
  boolean: EQUALITY,
};

const contacts: SearchModel = {
  fields: {
    id: 'string',
    role: 'string',
    name: 'string',
    avatar: 'string',
    owner_id: 'string',
    email: 'string',
    email_domain: 'string',
    phone: 'string',
    formatted_phone: 'string',
    external_id: 'string',
    created_at: 'date',
    signed_up_at: 'date',
    updated_at: 'date',
    last_seen_at: 'date',
    last_contacted_at: 'date',
    last_replied_at: 'date',
    last_email_opened_at: 'date',
    last_email_clicked_at: 'date',
    language_override: 'string',
    browser: 'string',
    browser_language: 'string',
    os: 'string',
    'location.country': 'string',
    'location.region': 'string',
    'location.city': 'string',
    unsubscribed_from_emails: 'boolean',
    marked_email_as_spam: 'boolean',
    has_hard_bounced: 'boolean',
    ios_last_seen_at: 'date',
    ios_app_version: 'string',
    ios_device: 'string',
    ios_app_device: 'string',
    ios_os_version: 'string',
    ios_app_name: 'string',
    ios_sdk_version: 'string',
    android_last_seen_at: 'date',
    android_app_version: 'string',
    android_device: 'string',
    android_app_name: 'string',
    andoid_sdk_version: 'string',
    segment_id: 'string',
    tag_id: 'string',
  },
  // Contacts: dates are matched by day and take only =, < and >; numbers take every comparison.
  operators: {
    string: TEXT,
    integer: [...EQUALITY, '>', '<', '>=', '<='],
    float: [...EQUALITY, '>', '<', '>=', '<='],
    date: ['=', '>', '<'],
    boolean: EQUALITY,
  },
  fieldOperators: { tag_id: ['=', '!='] },
  customAttributePrefix: 'custom_attributes.',
};

const conversations: SearchModel = {
  fields: {
    id: 'string',
    created_at: 'date',
    updated_at: 'date',
    'source.type': 'string',
    'source.id': 'string',
    'source.delivered_as': 'string',
    'source.subject': 'string',
    'source.body': 'string',
    'source.author.id': 'string',
    'source.author.type': 'string',
    'source.author.name': 'string',
    'source.author.email': 'string',
    'source.url': 'string',
    contact_ids: 'string',
    teammate_ids: 'string',
    admin_assignee_id: 'integer',
    team_assignee_id: 'integer',
    channel_initiated: 'string',
    open: 'boolean',
    read: 'boolean',
    state: 'string',
    waiting_since: 'date',
    snoozed_until: 'date',
    tag_ids: 'string',
    priority: 'string',
    'statistics.time_to_assignment': 'integer',
    'statistics.time_to_admin_reply': 'integer',
    'statistics.time_to_first_close': 'integer',
    'statistics.time_to_last_close': 'integer',
    'statistics.median_time_to_reply': 'integer',
    'statistics.first_contact_reply_at': 'date',
    'statistics.first_assignment_at': 'date',
    'statistics.first_admin_reply_at': 'date',
    'statistics.first_close_at': 'date',
    'statistics.last_assignment_at': 'date',
    'statistics.last_assignment_admin_reply_at': 'date',
    'statistics.last_contact_reply_at': 'date',
    'statistics.last_admin_reply_at': 'date',
    'statistics.last_close_at': 'date',
    'statistics.last_closed_by_id': 'string',
    'statistics.count_reopens': 'integer',
    'statistics.count_assignments': 'integer',
    'statistics.count_conversation_parts': 'integer',
    'conversation_rating.requested_at': 'date',
    'conversation_rating.replied_at': 'date',
    'conversation_rating.score': 'integer',
    'conversation_rating.remark': 'string',
    'conversation_rating.contact_id': 'string',
    ai_agent_participated: 'boolean',
    'ai_agent.resolution_state': 'string',
    'ai_agent.last_answer_type': 'string',
    'ai_agent.rating': 'integer',
    'ai_agent.rating_remark': 'string',
    'ai_agent.source_type': 'string',
    'ai_agent.source_title': 'string',
  },
  operators: GENERAL_OPERATORS,
  customAttributePrefix: 'custom_attributes.',
};

const tickets: SearchModel = {
  fields: {
    id: 'string',
    created_at: 'date',
    updated_at: 'date',
    title: 'string',
    description: 'string',
    category: 'string',
    ticket_type_id: 'string',
    contact_ids: 'string',
    teammate_ids: 'string',
    admin_assignee_id: 'string',
    team_assignee_id: 'string',
    open: 'boolean',
    state: 'string',
    snoozed_until: 'date',
  },
  operators: GENERAL_OPERATORS,
  // Ticket search documents <= and >= for created_at only.
  fieldOperators: { created_at: [...EQUALITY, '>', '<', '>=', '<='] },
  // The description's "Searching by Category": the search takes these words, not the category names tickets show.
  valueNotes: { category: 'request for Customer tickets, task for Back-office, tracker for Tracker (not the category names the tickets show)' },
};

export const SEARCH_MODELS: Readonly<Record<SearchModelName, SearchModel>> = { contacts, conversations, tickets };

/** Intercom's limits on one query: filters per AND/OR group. */
export const MAX_FILTERS_PER_GROUP = 15;

/** How many simple terms the search actions take (Lookup Objects takes up to MAX_LOOKUP_TERMS). */
export const MAX_SEARCH_ACTION_TERMS = 5;
export const MAX_LOOKUP_TERMS = 10;
