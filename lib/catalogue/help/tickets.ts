import { PAGE_OR_ALL, PAGES_LEFT_OUT, searchTermTexts, type SearchTermFacts } from './conversations';
import type { FieldTexts, ResourceHelp } from './types';

const ticket: FieldTexts = {
  type: 'Always "ticket": names the kind of object.',
  id: 'Intercom’s ID of the ticket; the ticket actions take it as ticket_id. Not the ticket number people see (ticket_id below).',
  ticket_id: 'The ticket number teammates and customers see in the inbox and Messenger, e.g. 1390; the actions do not take it, use id.',
  category: 'Kind of ticket: Customer (with a customer), Back-office (internal work) or Tracker (groups related tickets).',
  ticket_attributes: 'Values of the ticket type’s attributes, as name → value pairs; _default_title_ and _default_description_ hold title and description. The mapper lists the attributes when it can read them. A list attribute takes the id of the chosen option, not its label (Ticket types: Get lists the options).',
  ticket_state: 'The state the ticket is in: its ID, category and the labels teammates and customers see.',
  ticket_type: 'The ticket type: its ID, name, category, states and attributes.',
  contacts: 'The contacts the ticket is about: a list object.',
  'contacts.type': 'Always "contact.list": names the kind of object.',
  'contacts.contacts': 'The contacts, each with Intercom’s ID and your external ID.',
  admin_assignee_id: 'Intercom’s ID of the admin (teammate) the ticket is assigned to; 0 when no admin is.',
  team_assignee_id: 'Intercom’s ID of the team the ticket is assigned to; 0 when no team is.',
  created_at: 'When the ticket was created.',
  updated_at: 'When the ticket last changed.',
  open: 'True while the ticket is open, false once it is closed.',
  snoozed_until: 'When a snoozed ticket opens again; empty unless it is snoozed.',
  linked_objects: 'Conversations and tickets linked to this ticket (up to 1,000): a list object.',
  ticket_parts: 'Notes, replies and state changes of the ticket in the order they happened (at most 500): a list object.',
  'ticket_parts.type': 'Always "ticket_part.list": names the kind of object.',
  'ticket_parts.ticket_parts': 'The parts in the order they happened, each with its kind, body, author and time; at most 500.',
  'ticket_parts.total_count': 'How many parts the ticket has.',
  is_shared: 'True when the customer can see the ticket (in the Messenger, email and tickets portal).',
  previous_ticket_state_id: 'Intercom’s ID of the state the ticket was in before its latest state change; empty when it never changed.',
};

const ticketType: FieldTexts = {
  type: 'Always "ticket_type": names the kind of object.',
  id: 'Intercom’s ID of the ticket type; Tickets: Create takes it as ticket_type_id.',
  category: 'Kind of tickets of this type: Customer, Back-office or Tracker.',
  name: 'Name of the ticket type, e.g. Bug report.',
  description: 'Description of the ticket type, shown to teammates.',
  icon: 'Emoji shown for the ticket type, e.g. 🐞.',
  workspace_id: 'Code of the Intercom workspace the ticket type belongs to, e.g. ecahpwf5.',
  ticket_type_attributes: 'The attributes tickets of this type carry (a list object).',
  ticket_states: 'The states tickets of this type can be in (a list object).',
  'ticket_states.type': 'Always "list": names the kind of object.',
  'ticket_states.data': 'The states, each with ID, category and the labels teammates and customers see.',
  archived: 'True when the ticket type is archived (no new tickets of it).',
  created_at: 'When the ticket type was created.',
  updated_at: 'When the ticket type last changed.',
};

const ticketState: FieldTexts = {
  type: 'Always "ticket_state": names the kind of object.',
  id: 'Intercom’s ID of the ticket state; Tickets: Update takes it as ticket_state_id.',
  category: 'Group of the state: submitted, in_progress, waiting_on_customer or resolved.',
  internal_label: 'Name of the state teammates see in Intercom, e.g. In progress.',
  external_label: 'Name of the state customers see in the Messenger, email and tickets portal.',
};

const ticketPart: FieldTexts = {
  type: 'Always "ticket_part": names the kind of object.',
  id: 'Intercom’s ID of the ticket part.',
  part_type: 'Kind of part, e.g. note, comment, ticket_state_updated_by_admin or ticket_attribute_updated_by_admin.',
  body: 'Text of the part as HTML; empty for state and attribute changes.',
  previous_ticket_state: 'Category of the state before this part changed it.',
  ticket_state: 'Category of the state the ticket is in after this part.',
  created_at: 'When the part was added.',
  updated_at: 'When the part last changed.',
  assigned_to: 'Who the ticket was assigned to by this part: type and Intercom ID; empty for other parts.',
  author: 'Who wrote the part or made the change: type (admin, bot, team or user), Intercom ID, name and email.',
  attachments: 'Files attached to the part, each with name, address, type and size.',
  external_id: 'Your own ID of the part, when it was created with one.',
  redacted: 'True when the part’s content was removed (redacted).',
  app_package_code: 'Code of the app that created the part through the API; missing when a person or Intercom did.',
  updated_attribute_data: 'For an attribute change: which attribute changed and its new value.',
  'updated_attribute_data.attribute': 'The attribute that changed: its ID, name and type.',
  'updated_attribute_data.value': 'The attribute’s new value.',
};

const ticketTypeAttribute: FieldTexts = {
  type: 'Always "ticket_type_attribute": names the kind of object.',
  id: 'Intercom’s ID of the ticket type attribute; Ticket type attributes: Update takes it as attribute_id.',
  workspace_id: 'Code of the Intercom workspace the attribute belongs to, e.g. ecahpwf5.',
  name: 'Name of the attribute; ticket_attributes uses it as the key, e.g. Priority.',
  description: 'Description of the attribute shown to the teammate or contact filling it in.',
  data_type: 'Kind of value the attribute holds: string, list, integer, decimal, boolean, datetime or files.',
  input_options: 'Settings of the input: e.g. whether text is multiline, the items of a list, several files allowed.',
  order: 'Position of the attribute among the ticket type’s attributes, e.g. 1.',
  required_to_create: 'True when teammates must fill it in to create a ticket in the inbox.',
  required_to_create_for_contacts: 'True when contacts must fill it in to create a ticket in the Messenger.',
  visible_on_create: 'True when teammates see it while creating a ticket in the inbox.',
  visible_to_contacts: 'True when contacts see it while creating a ticket in the Messenger.',
  default: 'True for Intercom’s built-in attributes (title and description).',
  ticket_type_id: 'Intercom’s ID of the ticket type the attribute belongs to.',
  archived: 'True when the attribute is archived (not shown on new tickets).',
  created_at: 'When the attribute was created.',
  updated_at: 'When the attribute last changed.',
};

const ticketInput: FieldTexts = {
  ticket_type_id: 'Intercom’s ID of the ticket type of the new ticket (Ticket types: List).',
  contacts: 'The contact the ticket is about (one only): { id } with Intercom’s ID, { external_id } or { email }.',
  'contacts.id': 'Intercom’s ID of the contact (the id field of a contact, as Contacts: List or Contacts: Search give it).',
  'contacts.external_id': 'Your own ID (external_id) of the contact.',
  'contacts.email': 'Email address of the contact; a lead is created when no contact has it.',
  conversation_to_link_id: 'Intercom’s ID of a conversation to link the new ticket to (only a back-office ticket to a conversation or a customer ticket, or a tracker ticket to a customer ticket).',
  company_id: 'Intercom’s ID of the company the ticket is about (the id field of a company, as Companies: List or Companies: Find give it; not your company_id).',
  created_at: 'When the ticket was created, for imports; empty: now.',
  ticket_attributes: 'Values of the ticket type’s attributes, as name → value pairs; _default_title_ and _default_description_ set title and description. The mapper lists them when it can read them. A list attribute takes the id of the chosen option, not its label (Ticket types: Get lists the options).',
  assignment: 'Who the new ticket goes to: { admin_assignee_id, team_assignee_id }; empty leaves it unassigned.',
  'assignment.admin_assignee_id': 'Intercom’s ID of the admin (teammate) to assign the ticket to, as Admins: List gives it; empty: no admin.',
  'assignment.team_assignee_id': 'Intercom’s ID of the team to assign the ticket to, as Teams: List gives it; empty: no team.',
};

const attributeInput: FieldTexts = {
  name: 'Name of the attribute; tickets carry its value under this name in ticket_attributes, e.g. Priority.',
  description: 'Description shown to the teammate or contact filling the attribute in.',
  data_type: 'Kind of value: string, list, integer, decimal, boolean, datetime or files.',
  required_to_create: 'True: teammates must fill it in to create a ticket in the inbox.',
  required_to_create_for_contacts: 'True: contacts must fill it in to create a ticket in the Messenger.',
  visible_on_create: 'True: teammates see it while creating a ticket in the inbox.',
  visible_to_contacts: 'True: contacts see it while creating a ticket in the Messenger.',
  multiline: 'For string attributes: true allows several lines of text.',
  list_items: 'For list attributes: the choices as one comma-separated text, e.g. Low,Medium,High (not a JSON list).',
  allow_multiple_values: 'For files attributes: true allows several files.',
  archived: 'True archives the attribute: new tickets no longer show it, existing ones keep their value.',
};

const replyTexts: FieldTexts = {
  type: 'Who replies: admin (a teammate, named in admin_id) or user (the contact, named by intercom_user_id, user_id or email).',
  message_type:
    'comment: a reply the contact sees; note: an internal note (admins only); quick_reply: buttons the contact can pick (admins only, with reply_options). A contact (type user) only sends comment.',
  body: 'Text of the reply or note; notes accept simple HTML. Needed for comment and note.',
  admin_id: 'For type admin (required there): Intercom’s ID of the admin who replies, as Admins: List gives it.',
  intercom_user_id: 'For type user, one of three ways to name the contact who replies: Intercom’s ID of the contact (the id field of a contact, as Contacts: List or Contacts: Search give it); or give user_id or email.',
  user_id: 'For type user, one of three ways to name the contact who replies: your own ID of the contact (its external_id), not Intercom’s id.',
  email: 'For type user, one of three ways to name the contact who replies: the contact’s email address, e.g. ada@example.com.',
  created_at: 'When the reply was written, for imports; empty: now.',
  attachment_urls: 'Web addresses of images to attach, each an absolute http(s) URL; at most 10.',
  attachment_files: 'Files to attach, each { content_type, data (Base64), name }; at most 10, and they win over attachment_urls. The input attachments fills it from the message’s files.',
  'attachment_files.content_type': 'Media type of the file, e.g. image/png or application/pdf.',
  'attachment_files.data': 'Content of the file, Base64 encoded.',
  'attachment_files.name': 'File name shown in Intercom, e.g. invoice.pdf.',
  reply_options: 'For quick_reply (admins): the buttons the contact can pick, each { text, uuid }; for a contact reply: the option the contact chose.',
  'reply_options.text': 'Text of the button, e.g. Yes please.',
  'reply_options.uuid': 'Your UUID for the option; the contact’s choice comes back with it in the part’s metadata.',
  cross_post: 'For a note on a back-office ticket: true also posts it to every linked conversation.',
  skip_notifications: 'True: Intercom sends no notifications about this reply.',
};

/** Where a ticket's Intercom id comes from, and what it is not. */
const TICKET_SOURCE = 'its id field, as Tickets: Search gives it; not the ticket number people see (ticket_id)';

const TICKET_TERMS: SearchTermFacts = {
  record: 'tickets',
  example: '{ "fieldName": "open", "condition": "=", "fieldValue": true }',
  fields: 'one of the listed ticket fields (IDs such as ticket_type_id and admin_assignee_id are compared as text).',
  conditions:
    'Text fields (every field but those named next) take =, !=, IN, NIN, ~ (contains), !~ (does not contain), ^ (starts with) and $ (ends with); updated_at and snoozed_until take =, !=, IN, NIN, > and <, created_at also >= and <=; open (true or false) takes =, !=, IN and NIN. eq, ne, gt, ge, lt and le mean =, !=, >, >=, < and <=.',
  values:
    'Text for text fields (IDs too, e.g. a ticket type’s id); true or false for open; a date as Unix time in seconds or an ISO 8601 date and time with a zone, e.g. 2024-05-31T14:30:00Z; null finds tickets without a value. category takes request for Customer tickets, task for Back-office and tracker for Tracker, not the category names the tickets show.',
};

const help: ResourceHelp = {
  records: {
    ticket,
    ticket_type: ticketType,
    ticket_state: ticketState,
    ticket_state_detailed: {
      ...ticketState,
      archived: 'True when the state is archived (no longer offered).',
      ticket_types: 'The ticket types that use this state (a list object).',
      'ticket_types.type': 'Always "list": names the kind of object.',
      'ticket_types.data': 'The ticket types that use the state, each with its ID and name.',
    },
    ticket_part: ticketPart,
    ticket_parts: { type: 'Always "ticket_part.list": names the kind of object.', ticket_parts: 'The parts in the order they happened, each with its kind, body, author and time; at most 500.', total_count: 'How many parts the ticket has.' },
    ticket_contacts: { type: 'Always "contact.list": names the kind of object.', contacts: 'The contacts the ticket is about, each with Intercom’s ID and your external ID.' },
    ticket_part_author: {
      type: 'Kind of author: admin, bot, team or user.',
      id: 'Intercom’s ID of the author (of the kind named in type).',
      name: 'Name of the author as Intercom shows it.',
      email: 'Email address of the author.',
    },
    ticket_reply: {
      type: 'Always "ticket_part": names the kind of object.',
      id: 'Intercom’s ID of the new part.',
      part_type: 'Kind of the new part: note, comment or quick_reply.',
      body: 'Text of the part as HTML.',
      created_at: 'When the part was added.',
      updated_at: 'When the part last changed.',
      author: 'Who wrote the part: type, Intercom ID, name and email.',
      attachments: 'Files attached to the part, each with name, address, type and size.',
      redacted: 'True when the part’s content was removed (redacted).',
    },
    ticket_deleted: { id: 'Intercom’s ID of the deleted ticket.', object: 'Always "ticket": names the kind of object.', deleted: 'True: Intercom deleted the ticket.' },
    ticket_list: { type: 'Always "ticket.list": names the kind of object.', tickets: `The tickets found, one object each: ${PAGE_OR_ALL}.`,
      total_count: 'How many tickets match in all.',
      pages: `Paging information: this page’s number and size, the number of pages, and where the next page starts (pages.next.starting_after); ${PAGES_LEFT_OUT}.`,
    },
    ticket_state_list: { data: 'Every ticket state of the workspace, of every ticket type, one object each; a state’s ticket_types tells which types use it.' },
    ticket_type_list: { type: 'Always "list": names the kind of object.', data: 'The ticket types of the workspace, one object each.' },
    ticket_type_attribute: ticketTypeAttribute,
    ticket_type_attribute_list: { type: 'Always "ticket_type_attributes.list": names the kind of object.', ticket_type_attributes: 'The attributes of the ticket type, one object each.' },
    create_ticket_request: ticketInput,
    update_ticket_request: {
      ticket_attributes:
        'Values of the ticket type’s attributes to set, as name → value pairs, e.g. { "_default_title_": "Login fails" } (other names as the ticket’s type lists them, Ticket types: Get); attributes left out keep their value. A list attribute takes the id of the chosen option, not its label (Ticket types: Get lists the options).',
      ticket_state_id: 'Intercom’s ID of the state to move the ticket to; it must be a state of the ticket’s type (Ticket states: List).',
      company_id: 'Intercom’s ID of the company to link (the id field of a company, as Companies: List or Companies: Find give it; not your company_id); null removes the link.',
      open: 'false closes the ticket (and ends a snooze); true opens it again.',
      is_shared: 'True: the customer can see the ticket (Messenger, email, tickets portal); false: only teammates.',
      snoozed_until: 'Snoozes the ticket until this moment, when it opens again; a moment in the future.',
      admin_id: 'Intercom’s ID of the admin Intercom records as making the change (workflows run on its behalf).',
      assignee_id: 'Intercom’s ID of the admin or team to assign the ticket to, as Admins: List or Teams: List give it; "0" unassigns it.',
    },
    change_ticket_type_request: {
      ticket_type_id: 'Intercom’s ID of the new ticket type; it must be of the same category as the current one.',
      ticket_state_id: 'Intercom’s ID of the state the ticket is in after the change; it must be a state of the new type (Ticket types: Get lists them).',
      ticket_attributes:
        'Values of the new type’s attributes, as name → value pairs, e.g. { "_default_title_": "Login fails" } (other names as the new type lists them, Ticket types: Get). Attributes with the same name and type carry over by themselves; a value given here replaces the carried-over one. A list attribute takes the id of the chosen option, not its label (Ticket types: Get lists the options).',
    },
    create_ticket_type_request: {
      name: 'Name of the ticket type, e.g. Bug report.',
      description: 'Description of the ticket type, shown to teammates.',
      category: 'Kind of tickets of this type: Customer, Back-office or Tracker.',
      icon: 'Emoji shown for the ticket type, one from the Twemoji set, e.g. 🐞.',
      is_internal: 'True: tickets of this type are for internal use and not shared with customers.',
    },
    update_ticket_type_request: {
      name: 'New name of the ticket type.',
      description: 'New description of the ticket type.',
      category: 'New kind of tickets of this type: Customer, Back-office or Tracker.',
      icon: 'New emoji for the ticket type, one from the Twemoji set, e.g. 🐞. When left empty, the current icon stays.',
      archived: 'True archives the ticket type (no new tickets of it); false restores it.',
      is_internal: 'True: tickets of this type are for internal use and not shared with customers; false: shared. When left empty, it stays as it is.',
    },
    create_ticket_type_attribute_request: Object.fromEntries(Object.entries(attributeInput).filter(([name]) => name !== 'archived')),
    update_ticket_type_attribute_request: {
      ...Object.fromEntries(Object.entries(attributeInput).filter(([name]) => name !== 'data_type')),
      name: 'New name of the attribute; tickets carry its value under this name in ticket_attributes. When left empty, the name stays.',
      description: 'New description shown to the teammate or contact filling the attribute in. When left empty, it stays.',
      required_to_create: 'True: teammates must fill it in to create a ticket in the inbox; false: optional. When left empty, the current setting stays.',
      required_to_create_for_contacts: 'True: contacts must fill it in to create a ticket in the Messenger; false: optional. When left empty, the current setting stays.',
      visible_on_create: 'True: teammates see it while creating a ticket in the inbox; false: hidden. When left empty, the current setting stays.',
      visible_to_contacts: 'True: contacts see it while creating a ticket in the Messenger; false: hidden. When left empty, the current setting stays.',
    },
  },
  actions: {
    replyToTicket: { in: replyTexts },
    updateTicket: { in: { skip_notifications: 'True: Intercom sends no notifications about this change.' } },
    createTicket: { in: { skip_notifications: 'True: Intercom sends no notifications about the new ticket.' } },
    enqueueCreateTicket: { in: { skip_notifications: 'True: Intercom sends no notifications about the new ticket.' } },
    searchTickets: {
      in: {
        query:
          'Intercom search query (JSON). One filter: {"field": "open", "operator": "=", "value": true}. Several: {"operator": "AND", "value": [filter, {"field": "created_at", "operator": ">", "value": 1717171717}]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with), and >= <= on created_at. Dates are Unix time in seconds; groups nest at most two levels deep, with up to 15 filters each. Leave it empty to use the search terms instead.',
        'pagination.per_page': 'How many tickets one page holds, at most 150; the step field Page size, when set, takes its place.',
        ...searchTermTexts(TICKET_TERMS),
      },
    },
    linkConversationToTicket: {
      in: {
        ticket_id: `Intercom’s ID of the tracker ticket (category Tracker) to link to: ${TICKET_SOURCE}. A tracker ticket takes at most 2,500 linked conversations.`,
        conversation_id:
          'Intercom’s ID of the conversation, or of a customer ticket, to link to the tracker ticket: the id field of a conversation or ticket, as Conversations: Search or Tickets: Search give it.',
      },
    },
    unlinkConversationFromTicket: {
      in: {
        ticket_id: `Intercom’s ID of the tracker ticket (category Tracker) the conversation is linked to: ${TICKET_SOURCE}.`,
        id: 'Intercom’s ID of the linked conversation or customer ticket to unlink: its id in the tracker ticket’s linked_objects (Tickets: Get).',
      },
    },
    updateTicketTypeAttribute: {
      in: { attribute_id: 'Intercom’s ID of the attribute to change: the id of an attribute in the ticket type’s ticket_type_attributes, as Ticket types: Get gives them.' },
    },
  },
};

export default help;
