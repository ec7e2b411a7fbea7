import type { FieldTexts, ResourceHelp } from './types';

/** What a list answer's items are with the step's paging fields (lib/runtime/paging.ts). */
export const PAGE_OR_ALL = 'those of the page read, or of every page when Pages to fetch is All pages (up to Maximum number of items)';
/** All pages in one message keep the shape of a page without its paging information (paging.ts allItemsDocument). */
export const PAGES_LEFT_OUT = 'left out when Pages to fetch is All pages, since one message then holds every page';

/** The convenience actions' acting admin (lib/curated/conversation.ts requireActingAdmin). */
export const ACTING_ADMIN = 'Empty: the admin chosen in the step field Acting admin. One of the two is required: without either the step fails before anything is sent.';

/** What the search terms of one search action say: its record, an example term and the conditions each kind of field takes. */
export interface SearchTermFacts {
  record: string;
  example: string;
  fields: string;
  conditions: string;
  values: string;
}

/** Texts of a search action's simple terms (lib/search/terms.ts checks each term against lib/catalogue/searchFields.ts). */
export function searchTermTexts(facts: SearchTermFacts, count = 5): FieldTexts {
  const texts: Record<string, string> = {};
  for (let n = 1; n <= count; n++) {
    texts[`searchTerm${n}`] = `Search term ${n}: { fieldName, condition, fieldValue } over ${facts.record}, e.g. ${facts.example}. Number the terms from 1 without gaps, and give terms or query, not both; the step turns the terms into Intercom's query.`;
    texts[`searchTerm${n}.fieldName`] = `The field term ${n} compares: ${facts.fields}`;
    texts[`searchTerm${n}.condition`] = `How term ${n} compares. ${facts.conditions} A condition the field does not take is refused before anything is sent.`;
    texts[`searchTerm${n}.fieldValue`] = `The value term ${n} compares with. ${facts.values} For IN and NIN: a list, or values separated by commas.`;
  }
  return texts;
}

const CONVERSATION_TERMS: SearchTermFacts = {
  record: 'conversations',
  example: '{ "fieldName": "state", "condition": "=", "fieldValue": "open" }',
  fields: 'one of the listed conversation fields; a custom attribute typed in as custom_attributes.<name> is compared as text.',
  conditions:
    'Text fields take =, !=, IN, NIN, ~ (contains), !~ (does not contain), ^ (starts with) and $ (ends with); numbers (assignee IDs, statistics counts and seconds, ratings) and dates take =, !=, IN, NIN, > and <; open, read and ai_agent_participated (true or false) take =, !=, IN and NIN. eq, ne, gt and lt mean =, !=, > and <.',
  values:
    'Text for text fields; a whole number for assignee IDs, statistics counts and seconds, and ratings; true or false for open, read and ai_agent_participated; a date as Unix time in seconds or an ISO 8601 date and time with a zone, e.g. 2024-05-31T14:30:00Z; null finds conversations without a value.',
};

/** A conversation as Intercom returns it (the list item is the same record without its parts). */
const conversation: FieldTexts = {
  type: 'Always "conversation": names the kind of object.',
  id: 'Intercom’s ID of the conversation (digits); the conversation actions take it as conversation_id.',
  title: 'Title of the conversation, shown to teammates in the inbox; empty unless someone set one.',
  created_at: 'When the conversation started.',
  updated_at: 'When the conversation last changed (a reply, note, assignment or state change).',
  waiting_since: 'Since when the contact has been waiting for a teammate’s reply; empty when a teammate replied last.',
  snoozed_until: 'When a snoozed conversation opens again by itself; empty unless it is snoozed.',
  open: 'True while the conversation is open or snoozed, false once it is closed.',
  state: 'Where the conversation stands: open, closed, or snoozed until snoozed_until.',
  read: 'True when a teammate has read the latest part.',
  priority: 'How urgent teammates marked the conversation.',
  admin_assignee_id: 'Intercom’s ID of the admin (teammate) the conversation is assigned to; 0 when no admin is.',
  team_assignee_id: 'Intercom’s ID of the team the conversation is assigned to; 0 when no team is.',
  company: 'The company the conversation is about, when the contact belongs to one.',
  tags: 'Tags on the conversation: a list object with the tags.',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the conversation, each with its ID and name.',
  conversation_rating: 'The rating the contact gave (1 to 5) with a remark, and the teammate who was rated; empty when none.',
  'conversation_rating.rating': 'Score the contact gave, from 1 (worst) to 5 (best).',
  'conversation_rating.remark': 'Comment the contact wrote with the rating.',
  'conversation_rating.contact': 'The contact who rated: type, Intercom ID and your external ID.',
  'conversation_rating.teammate': 'The teammate who was rated: type and Intercom ID.',
  'conversation_rating.created_at': 'When the contact was asked for the rating.',
  'conversation_rating.updated_at': 'When the rating last changed.',
  source: 'The message that started the conversation: channel, subject, body, author, attachments and delivery.',
  'source.type': 'Channel the conversation started on, e.g. conversation, email, push or facebook.',
  'source.id': 'Intercom’s ID of the first message.',
  'source.delivered_as': 'Who or what started the conversation, e.g. customer_initiated, admin_initiated, automated, operator_initiated or campaigns_initiated.',
  'source.subject': 'Subject of the first message (emails).',
  'source.body': 'Text of the first message, as HTML (plain text where the action was asked for display_as plaintext).',
  'source.author': 'Who wrote the first message: type, Intercom ID, name and email.',
  'source.attachments': 'Files attached to the first message, each with name, address and size.',
  'source.url': 'Web page the contact was on when the conversation started; empty for email, Twitter and bots.',
  'source.redacted': 'True when the first message was redacted (its content removed).',
  'source.recipients': 'Addresses the first email went to, each with to, cc or bcc; only for email conversations.',
  'source.reply_to': 'Addresses replies to the first email go to (its Reply-To); only for email conversations.',
  'source.email_message_metadata': 'Email headers of the first message, when it came as an email.',
  contacts: 'The contacts in the conversation (one, unless more were added): a list object.',
  'contacts.type': 'Always "contact.list": names the kind of object.',
  'contacts.contacts': 'The contacts, each with Intercom’s ID and your external ID.',
  teammates: 'Teammates who wrote at least one part of the conversation: a list object.',
  'teammates.type': 'Always "admin.list": names the kind of object.',
  'teammates.teammates': 'The teammates, each with type and Intercom ID.',
  custom_attributes: 'The workspace’s own conversation attributes, as name → value pairs; the mapper lists them with their types when it can read them.',
  first_contact_reply: 'The contact’s first message: when, on which channel and from which page; empty when the contact has not written.',
  'first_contact_reply.created_at': 'When the contact first wrote.',
  'first_contact_reply.type': 'Channel of the contact’s first message, e.g. conversation or email.',
  'first_contact_reply.url': 'Web page the contact was on when first writing.',
  sla_applied: 'The service level agreement (SLA) applied to the conversation: its name and whether it was met.',
  'sla_applied.type': 'Always "conversation_sla_summary": names the kind of object.',
  'sla_applied.sla_name': 'Name of the SLA, as the teammate who made it called it.',
  'sla_applied.sla_status': 'hit (met), missed, cancelled, or active (still running).',
  statistics: 'Timings and counts for reporting: first replies, assignments, closes, reopens and handling time.',
  conversation_parts: 'Replies, notes and actions of the conversation in the order they happened (a list object); the 500 most recent when there are more.',
  'conversation_parts.type': 'Always "conversation_part.list": names the kind of object.',
  'conversation_parts.conversation_parts': 'The parts in the order they happened, each with its kind, body, author and time; at most 500 (the most recent ones).',
  'conversation_parts.total_count': 'How many parts the conversation has.',
  linked_objects: 'Tickets and conversations linked to this one (up to 1,000): a list object.',
  'linked_objects.type': 'Always "list": names the kind of object.',
  'linked_objects.data': 'The linked tickets and conversations, each with type, Intercom ID and ticket category.',
  'linked_objects.total_count': 'How many tickets and conversations are linked.',
  'linked_objects.has_more': 'True when more are linked than listed here.',
  ai_agent_participated: 'True when Fin (Intercom’s AI agent) took part in the conversation.',
  ai_agent: 'What Fin did in the conversation: what brought it in, its last answer, how it ended and its rating.',
  sales_agent_participated: 'True when Intercom’s sales agent took part in the conversation.',
  sales_agent: 'What Intercom’s sales agent did: its outcome, where it routed the contact and what it collected.',
  channel: 'The channel the conversation started on and the one it is on now.',
  'channel.initial': 'Channel the conversation started on, e.g. messenger, email, twitter, zendesk_ticket or zendesk_sunshine; empty when Intercom has no channel data.',
  'channel.current': 'Channel the conversation is on now (it differs from initial after a move between channels), e.g. messenger or email; empty when Intercom has no channel data.',
  external_references: 'Records in another helpdesk or CRM linked to the conversation (Fin Standalone workspaces), each with its kind and ID.',
  'external_references.type': 'Kind of the linked record, e.g. zendesk_ticket or salesforce_case.',
  'external_references.id': 'ID of the linked record in that other system, as text.',
  monitor_evaluations: 'Results of the workspace’s quality monitors that flagged the conversation. Intercom adds them only when asked (Conversations: Search with Include monitors); other answers leave it empty.',
  'monitor_evaluations.monitor_id': 'Intercom’s ID of the monitor.',
  'monitor_evaluations.monitor_name': 'Name the monitor had when it evaluated; empty when it was deleted since.',
  'monitor_evaluations.monitor_type': 'Kind of monitor, e.g. prompt; empty when it was deleted since.',
  'monitor_evaluations.result': 'What the monitor concluded about the conversation, e.g. flagged.',
  'monitor_evaluations.explanation': 'Why the monitor concluded what it did, when it says.',
  'monitor_evaluations.evaluated_at': 'When the monitor evaluated the conversation.',
  scorecards: 'Quality scorecards filled in for the conversation. Intercom adds them only when asked (Conversations: Search with Include scorecards); other answers leave it empty.',
  'scorecards.scorecard_id': 'Intercom’s ID of the scorecard.',
  'scorecards.scorecard_version_id': 'Intercom’s ID of the scorecard version that was used.',
  'scorecards.name': 'Name of the scorecard.',
  'scorecards.scorecard_type': 'Kind of scorecard, e.g. human (scored by a teammate).',
  'scorecards.passed': 'True when the conversation passed the scorecard; empty when it was not scored yet.',
  'scorecards.score': 'Score given on the scorecard, e.g. 0.85; empty when it was not scored yet.',
  'scorecards.ai_score': 'Score Intercom’s AI gave, e.g. 0.9; empty when the AI did not score it.',
  'scorecards.evaluated_at': 'When the scorecard was last filled in.',
  'scorecards.reviewed_teammate': 'The teammate (or AI agent) whose work the scorecard reviewed.',
  'scorecards.evaluators': 'The result of each evaluator (criterion) of the scorecard, one object each.',
};

const statistics: FieldTexts = {
  type: 'Always "conversation_statistics": names the kind of object.',
  time_to_assignment: 'Seconds from the start until the last assignment before the first teammate reply.',
  time_to_admin_reply: 'Seconds until the first teammate reply, counting office hours only.',
  time_to_first_close: 'Seconds until the conversation was first closed, counting office hours only.',
  time_to_last_close: 'Seconds until the conversation was last closed, counting office hours only.',
  median_time_to_reply: 'Median seconds teammates took to answer the contact, counting office hours only.',
  first_contact_reply_at: 'When the contact first wrote.',
  first_assignment_at: 'When the conversation was first assigned after the contact wrote.',
  first_admin_reply_at: 'When a teammate first replied after the contact wrote.',
  first_close_at: 'When the conversation was first closed after the contact wrote.',
  last_assignment_at: 'When the conversation was last assigned.',
  last_assignment_admin_reply_at: 'When a teammate first replied after the last assignment.',
  last_contact_reply_at: 'When the contact last wrote.',
  last_admin_reply_at: 'When a teammate last replied.',
  last_close_at: 'When the conversation was last closed.',
  last_closed_by_id: 'Intercom’s ID of the admin who closed the conversation last (Admins: List names the admins).',
  count_reopens: 'How many times the conversation was reopened after the contact first wrote.',
  count_assignments: 'How many times the conversation was assigned after the contact first wrote.',
  count_conversation_parts: 'How many parts (replies, notes, actions) the conversation has.',
  assigned_team_first_response_time: 'For each team the conversation was assigned to: how many seconds that team took to reply first.',
  'assigned_team_first_response_time.team_id': 'Intercom’s ID of the team.',
  'assigned_team_first_response_time.team_name': 'Name of the team; Unassigned when no team was assigned.',
  'assigned_team_first_response_time.response_time': 'Seconds the team took to reply first.',
  assigned_team_first_response_time_in_office_hours: 'For each team: seconds until its first reply, counting office hours only.',
  'assigned_team_first_response_time_in_office_hours.team_id': 'Intercom’s ID of the team.',
  'assigned_team_first_response_time_in_office_hours.team_name': 'Name of the team; Unassigned when no team was assigned.',
  'assigned_team_first_response_time_in_office_hours.response_time': 'Seconds the team took to reply first, in office hours.',
  handling_time: 'Seconds from assignment to close.',
  adjusted_handling_time: 'Handling time in seconds without the periods teammates were idle.',
};

const part: FieldTexts = {
  type: 'Always "conversation_part": names the kind of object.',
  id: 'Intercom’s ID of the conversation part; Conversations: Redact part takes it as conversation_part_id.',
  part_type: 'Kind of part, e.g. comment, note, assignment, close, open or snoozed.',
  body: 'Text of the part as HTML (empty for actions such as an assignment).',
  created_at: 'When the part was written or the action happened.',
  updated_at: 'When the part last changed.',
  notified_at: 'When the contact was notified of the part.',
  assigned_to: 'Who the conversation was assigned to by this part: type and Intercom ID; empty for other parts.',
  author: 'Who wrote the part or did the action: type (admin, bot, team, user or lead), Intercom ID, name and email.',
  attachments: 'Files attached to the part, each with name, address, type and size.',
  external_id: 'Your own ID of the part, when the part was created with one.',
  redacted: 'True when the part’s content was removed (redacted).',
  email_message_metadata: 'Email headers of the part, when it came as an email.',
  metadata: 'Extra details of the part, e.g. the quick reply the contact chose.',
  state: 'State of the conversation when the part was added: open, closed or snoozed.',
  tags: 'Tags on this part, each with its ID and name.',
  event_details: 'Details of an event part (e.g. a ticket state change); empty for messages.',
  app_package_code: 'Code of the app that created the part through the API; empty when a person or Intercom did.',
};

const attachment: FieldTexts = {
  type: 'Always "upload": marks a file attachment.',
  name: 'File name of the attachment, e.g. invoice.pdf.',
  url: 'Address to download the file; it is signed and works only for a short time.',
  content_type: 'Media type of the file, e.g. image/png or application/pdf.',
  filesize: 'Size of the file in bytes.',
  width: 'Width of an image in pixels; empty for other files.',
  height: 'Height of an image in pixels; empty for other files.',
};

const replyOptions = {
  'reply_options.text': 'Text of the button, e.g. Yes please.',
  'reply_options.uuid': 'Your UUID for the option; the contact’s choice comes back with it in the part’s metadata.',
};

const help: ResourceHelp = {
  records: {
    conversation,
    conversation_list_item: Object.fromEntries(Object.entries(conversation).filter(([path]) => !path.startsWith('conversation_parts'))),
    conversation_statistics: statistics,
    conversation_part: part,
    part_attachment: attachment,
    tags: { type: 'Always "tag.list": names the kind of object.', tags: 'The tags, each with its ID and name.' },
    conversation_list: {
      type: 'Always "conversation.list": names the kind of object.',
      conversations: `The conversations, one object each (without their parts): ${PAGE_OR_ALL}.`,
      total_count: 'How many conversations match in all.',
      pages: `Paging information: this page’s number and size, the number of pages, and where the next page starts (pages.next.starting_after); ${PAGES_LEFT_OUT}.`,
    },
    conversation_deleted: { id: 'Intercom’s ID of the deleted conversation.', object: 'Always "conversation": names the kind of object.', deleted: 'True: Intercom deleted the conversation.' },
    linked_object_list: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many tickets and conversations are linked.',
      has_more: 'True when more are linked than listed here.',
      data: 'The linked tickets and conversations, each with type, Intercom ID and ticket category.',
      'data.type': 'ticket or conversation.',
      'data.id': 'Intercom’s ID of the linked ticket or conversation.',
      'data.category': 'Category of a linked ticket: Customer, Back-office or Tracker; empty for conversations.',
    },
    ai_agent: {
      source_type: 'What brought Fin in: the essentials setup, a profile, a workflow, or a preview.',
      source_title: 'Title of the workflow or profile that brought Fin in; empty for the essentials setup.',
      last_answer_type: 'Kind of Fin’s last answer: ai_answer or custom_answer; empty when Fin gave none.',
      resolution_state: 'How Fin left the conversation, e.g. assumed_resolution, confirmed_resolution or escalated; empty without an answer.',
      rating: 'Score the contact gave Fin, from 1 (worst) to 5 (best).',
      rating_remark: 'Comment the contact left with the rating of Fin.',
      created_at: 'When the contact rated Fin.',
      updated_at: 'When the rating of Fin last changed.',
      content_sources: 'Articles and other content Fin used in its answers.',
    },
    sales_agent: {
      outcome: 'What the sales agent achieved: qualified, disqualified, product_discovery, escalated_to_support or spam.',
      routing_outcome: 'Identifier of the routing outcome (set up in your workspace) the sales agent chose.',
      collected_data: 'What the sales agent collected from the contact, as name → value pairs.',
    },
    conversation_first_contact_reply: {
      created_at: 'When the contact first wrote.',
      type: 'Channel of the contact’s first message, e.g. conversation or email.',
      url: 'Web page the contact was on when first writing.',
    },
    create_conversation_request: {
      from: 'The contact who starts the conversation, both keys required: { "type": "user", "id": "<Intercom’s contact ID>" }. type is the contact’s role: user, lead, or contact (fits either); id is the 24-character id field of a contact, as Contacts: List or Contacts: Search give it.',
      'from.type': 'Role of the contact: user, lead or contact.',
      'from.id': 'Intercom’s ID of the contact who starts the conversation: the id field of a contact (24 characters), as Contacts: List or Contacts: Search give it.',
      body: 'Text of the contact’s first message, as plain text (HTML is not kept).',
      subject: 'Subject of the message, used when it is an email.',
      attachment_urls: 'Web addresses of images to attach, each an absolute http(s) URL; at most 10.',
      created_at: 'When the conversation started, for importing past conversations; empty: now.',
      brand_id: 'Intercom’s ID of the brand the conversation belongs to (Brands: List); empty: the default brand.',
    },
    update_conversation_request: {
      read: 'True marks the conversation as read by teammates.',
      title: 'New title of the conversation, shown to teammates in the inbox.',
      custom_attributes:
        'Values of the workspace’s own conversation attributes, as name → value pairs, e.g. { "order_number": "A-123" }: names as Conversation attributes: List gives them, each value of its attribute’s data type. The mapper lists them when it can read them.',
      company_id:
        'Intercom’s ID of the company to link the conversation to (the id field of a company, as Companies: List or Companies: Find give it; not your company_id); null removes the link.',
    },
    side_conversation_list: {
      type: 'Always "side_conversation.list": names the kind of object.',
      side_conversations: `The side conversations of the conversation, each with its ID and its messages: ${PAGE_OR_ALL}.`,
      'side_conversations.side_conversation_id': 'Intercom’s ID of the side conversation.',
      'side_conversations.conversation_parts': 'The messages of the side conversation, each a conversation part with its kind, body, author and time.',
      'side_conversations.total_count': 'How many messages the side conversation has.',
      total_count: 'How many side conversations the conversation has.',
      pages: `Paging information: this page’s number and size and the number of pages; ${PAGES_LEFT_OUT}.`,
      'pages.type': 'Always "pages": marks the paging information of the answer.',
      'pages.page': 'Number of this page, counted from 1.',
      'pages.per_page': 'How many side conversations one page holds.',
      'pages.total_pages': 'How many pages of side conversations there are at this page size.',
    },
    side_conversation_summary: {
      side_conversation_id: 'Intercom’s ID of the side conversation.',
      conversation_parts: 'The messages of the side conversation, each a conversation part with its kind, body, author and time.',
      total_count: 'How many messages the side conversation has.',
    },
    deleted_conversation_list: {
      type: 'Always "conversations.list": names the kind of object.',
      conversations: `The deleted conversations, each with its ID and when it was deleted: ${PAGE_OR_ALL}.`,
      total_count: 'How many deleted conversations there are in all.',
      pages: `Paging information: this page’s number and size, the number of pages and the next page’s address; ${PAGES_LEFT_OUT}.`,
    },
    deleted_conversation_item: {
      type: 'Always "conversation": names the kind of record that was deleted.',
      id: 'Intercom’s ID of the deleted conversation (digits).',
      metrics_retained: 'True when the conversation’s reporting figures were kept after the delete.',
      deleted_at: 'When the conversation was deleted.',
    },
    merge_conversations_request: {
      merge_into_conversation_id:
        'Intercom’s ID of the conversation to merge into (the id field of a conversation, as Conversations: List or Conversations: Search give it): it is kept, and the conversation of the input id is closed and merged into it.',
    },
    convert_conversation_to_ticket_request: {
      ticket_type_id: 'Intercom’s ID of the ticket type the new ticket gets (the id field of a ticket type, as Ticket types: List gives it).',
      ticket_state_id:
        'Intercom’s ID of the state the new ticket starts in; it must be a state of the chosen ticket type (Ticket types: Get lists them; Ticket states: List shows every type’s states). Empty: the ticket starts in the type’s submitted state.',
      attributes:
        'Values of the ticket type’s attributes, as name → value pairs, e.g. { "_default_title_": "Login fails" }: _default_title_ and _default_description_ set title and description, other names as the type lists them (Ticket types: Get).',
    },
  },
  actions: {
    getConversation: {
      in: {
        display_as: 'plaintext: bodies and subjects come as plain text (links as "label (url)") instead of HTML; empty: HTML.',
        include_translations: 'True: the parts come translated into the language Intercom detected for the conversation; empty or false: as written.',
      },
    },
    updateConversation: { in: { display_as: 'plaintext: the answer’s bodies and subjects come as plain text instead of HTML; empty: HTML.' } },
    listDeletedConversationIds: { in: { order: 'Order of the deleted conversations: asc (oldest first) or desc (newest first, the default).' } },
    deleteConversation: {
      in: {
        retain_metrics:
          'True, or left empty (Intercom’s default): the conversation goes but its reporting figures stay; false: they are deleted with it, which needs the delete_conversations_and_metrics OAuth scope.',
      },
    },
    searchConversations: {
      in: {
        query:
          'Intercom search query (JSON). One filter: {"field": "state", "operator": "=", "value": "open"}. Several: {"operator": "AND", "value": [filter, filter]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates such as updated_at are Unix time in seconds; groups nest at most two levels deep, with up to 15 filters each. Leave it empty to use the search terms instead.',
        include_monitors: 'True: each conversation also lists the quality monitors that flagged it (monitor_evaluations).',
        include_scorecards: 'True: each conversation also lists its quality scorecards (scorecards).',
        'pagination.per_page': 'How many conversations one page holds, at most 150; the step field Page size, when set, takes its place.',
        ...searchTermTexts(CONVERSATION_TERMS),
      },
    },
    replyConversation: {
      in: {
        type: 'Who replies: admin (a teammate, named in admin_id) or user (the contact, named by intercom_user_id, user_id or email).',
        message_type:
          'comment: a reply the contact sees; note: an internal note for teammates (admins only); quick_reply: buttons the contact can pick (admins only, with reply_options). A contact (type user) only sends comment.',
        body: 'Text of the reply or note; notes accept simple HTML. Needed for comment and note.',
        admin_id: 'For type admin (required there): Intercom’s ID of the admin who replies, as Admins: List gives it.',
        intercom_user_id: 'For type user, one of three ways to name the contact who replies: Intercom’s ID of the contact (the id field of a contact, as Contacts: List or Contacts: Search give it); or give user_id or email.',
        user_id: 'For type user, one of three ways to name the contact who replies: your own ID of the contact (its external_id), not Intercom’s id.',
        email: 'For type user, one of three ways to name the contact who replies: the contact’s email address, e.g. ada@example.com.',
        created_at: 'When the reply was written, for imports; empty: now.',
        attachment_urls: 'Web addresses of images to attach, each an absolute http(s) URL; at most 10.',
        attachment_files: 'Files to attach, each { content_type, data (Base64), name }; at most 10. The input attachments fills it from the message’s files.',
        'attachment_files.content_type': 'Media type of the file, e.g. image/png or application/pdf.',
        'attachment_files.data': 'Content of the file, Base64 encoded.',
        'attachment_files.name': 'File name shown in Intercom, e.g. invoice.pdf.',
        reply_options: 'For quick_reply (admins): the buttons the contact can pick, each { text, uuid }; for a contact reply: the option the contact chose.',
        ...replyOptions,
        skip_notifications: 'True: Intercom sends no notifications about this reply.',
      },
    },
    manageConversation: {
      in: {
        message_type: 'What to do: close, snoozed (snooze until snoozed_until), open (reopen) or assignment (assign to assignee_id).',
        type: 'For close (required there): admin. For assignment (required there): the kind of assignee_id, admin or team. Not used for snoozed and open.',
        admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as doing it, as Admins: List gives it.',
        body: 'Message posted with a close or an assignment (optional), seen by the contact.',
        snoozed_until: 'For snoozed (required there): when the conversation opens again; a moment in the future.',
        assignee_id:
          'For assignment (required there): Intercom’s ID of the admin (type admin) or team (type team) to assign to, as Admins: List or Teams: List give it; "0" leaves the conversation without an admin or team.',
      },
    },
    attachContactToConversation: {
      in: {
        admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as adding the contact, as Admins: List gives it.',
        customer: 'The contact to add, named one of three ways: { "intercom_user_id": Intercom’s contact ID, the id field of a contact as Contacts: List or Contacts: Search give it }, { "user_id": your external_id } or { "email": an email address }.',
        'customer.intercom_user_id': 'Intercom’s ID of the contact to add (the id field of a contact, as Contacts: List or Contacts: Search give it).',
        'customer.user_id': 'Your own ID (external_id) of the contact to add, not Intercom’s id.',
        'customer.email': 'Email address of the contact to add, e.g. ada@example.com.',
        'customer.customer': 'A second contact to add in the same call, named the same way: { intercom_user_id }, { user_id } or { email }.',
      },
    },
    detachContactFromConversation: {
      in: {
        contact_id: 'Intercom’s ID of the contact to remove from the conversation: the id field of a contact, as the conversation’s contacts list or Contacts: Search give it; not your own external_id.',
        admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as removing the contact, as Admins: List gives it.',
      },
    },
    mergeConversations: {
      in: {
        id: 'Intercom’s ID of the conversation to merge away (the id field of a conversation, as Conversations: List or Conversations: Search give it): it is closed and merged into merge_into_conversation_id.',
      },
    },
    redactConversationPart: {
      in: {
        type: 'What to redact: conversation_part (a reply or note) or source (the first message).',
        conversation_id: 'Intercom’s ID of the conversation that holds the part (the id field of a conversation, as Conversations: List or Conversations: Search give it).',
        conversation_part_id: 'For conversation_part (required there): Intercom’s ID of the part, the id of a part in conversation_parts as Conversations: Get gives them.',
        source_id: 'For source (required there): Intercom’s ID of the first message, the conversation’s source.id (Conversations: Get).',
      },
    },
    listConversationHandlingEvents: {
      in: { id: 'Intercom’s ID of the conversation whose pauses and resumes to list (the id field of a conversation, as Conversations: List or Conversations: Search give it).' },
    },
    listSideConversations: {
      in: { id: 'Intercom’s ID of the conversation whose side conversations to list (the id field of a conversation, as Conversations: List or Conversations: Search give it).' },
    },
    newConversationParts: {
      out: {
        type: 'Always "conversation_part": names the kind of object.',
        id: 'Intercom’s ID of the conversation part; each part is emitted once.',
        conversation_id: 'Intercom’s ID of the conversation the part belongs to (digits).',
        part_type: 'Kind of part, e.g. comment, note, assignment, close, open or snoozed.',
        body: 'Text of the part as HTML; empty for actions such as an assignment.',
        created_at: 'When the part was written or the action happened.',
        updated_at: 'When the part last changed.',
        notified_at: 'When the contact was notified of the part.',
        assigned_to: 'For an assignment: who the conversation went to, with type (admin or team) and Intercom ID.',
        'assigned_to.type': 'Kind of assignee: admin or team.',
        'assigned_to.id': 'Intercom’s ID of the admin or team the conversation was assigned to.',
        author: 'Who wrote the part or did the action: type, Intercom ID, name and email.',
        'author.type': 'Kind of author: admin, bot, user, lead or team.',
        'author.id': 'Intercom’s ID of the author (an admin ID for admins and bots, a contact ID for users and leads).',
        'author.name': 'Name of the author as Intercom shows it.',
        'author.email': 'Email address of the author.',
        attachments: 'Files attached to the part, each with name, address, type and size.',
        external_id: 'Your own ID of the part, when it was created with one.',
        redacted: 'True when the part’s content was removed (redacted).',
      },
    },
    deletedConversations: {
      out: {
        type: 'Always "conversation": names the kind of record that was deleted.',
        id: 'Intercom’s ID of the conversation that was deleted (digits).',
        deleted_at: 'When the conversation was deleted.',
        metrics_retained: 'True when the conversation’s reporting figures were kept after the delete.',
      },
    },
    closeConversation: {
      in: {
        conversation_id: 'Intercom’s ID of the conversation to close (its id field, digits), e.g. from Conversations: Search.',
        admin_id: `Intercom’s ID of the admin who closes it. ${ACTING_ADMIN}`,
        body: 'Message the contact sees with the closing (optional).',
      },
    },
    reopenConversation: {
      in: {
        conversation_id: 'Intercom’s ID of the closed or snoozed conversation to open again (its id field, digits), e.g. from Conversations: Search.',
        admin_id: `Intercom’s ID of the admin who reopens it. ${ACTING_ADMIN}`,
      },
    },
    snoozeConversation: {
      in: {
        conversation_id: 'Intercom’s ID of the conversation to snooze (its id field, digits), e.g. from Conversations: Search.',
        until:
          'When the conversation opens again, a moment in the future: Unix time in seconds (e.g. 1717171717; a number in milliseconds is read as such), or an ISO 8601 date and time with a zone, e.g. 2026-05-01T09:00:00Z. One without a zone is refused.',
        admin_id: `Intercom’s ID of the admin who snoozes it. ${ACTING_ADMIN}`,
      },
    },
    assignConversation: {
      in: {
        conversation_id: 'Intercom’s ID of the conversation to assign (its id field, digits), e.g. from Conversations: Search.',
        assignee_admin_id:
          'Intercom’s ID of the admin to assign to (Admins: List); "0" leaves no admin. Overrides the step field Assign to admin. Give an admin, a team or both (here or in the step fields); with both, the team is assigned first.',
        assignee_team_id:
          'Intercom’s ID of the team to assign to (Teams: List); "0" leaves no team. Overrides the step field Assign to team. Give an admin, a team or both (here or in the step fields).',
        admin_id: `Intercom’s ID of the admin Intercom records as assigning. ${ACTING_ADMIN}`,
        body: 'Message posted with the assignment (optional), seen by the contact.',
      },
    },
    replyToConversation: {
      in: {
        conversation_id: 'Intercom’s ID of the conversation to reply to (its id field, digits), e.g. from Conversations: Search.',
        body: 'Text of the reply or note; notes accept simple HTML.',
        reply_as: 'admin (the default): a teammate replies, named in admin_id; contact: the contact replies, named by exactly one of intercom_user_id, user_id or email.',
        message_type: 'For an admin reply: comment (the contact sees it, the default) or note (teammates only). A contact reply is always a comment; note is refused there.',
        admin_id: `For an admin reply: Intercom’s ID of the admin who replies. ${ACTING_ADMIN}`,
        intercom_user_id: 'For a contact reply: Intercom’s ID of the contact (Contacts: List or Search). Give exactly one of intercom_user_id, user_id or email; refused on an admin reply.',
        user_id: 'For a contact reply: your own ID (external_id) of the contact. Give exactly one of intercom_user_id, user_id or email; refused on an admin reply.',
        email: 'For a contact reply: email address of the contact. Give exactly one of intercom_user_id, user_id or email; refused on an admin reply.',
        attachment_urls: 'Web addresses of images to attach, each an absolute http(s) URL, as a list or as text separated by commas or spaces; at most 10.',
      },
    },
  },
};

export default help;
