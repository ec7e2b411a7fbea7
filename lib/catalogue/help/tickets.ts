import type { HelpTexts } from './types';

export const ticketsHelp: HelpTexts = {
  id: "Intercom's ID of the ticket (used by the other ticket actions).",
  ticket_id: 'Ticket number as shown to customers and teammates, e.g. 42 (not the ID).',
  ticket_attributes:
    "Values of the ticket type's attributes as name → value pairs, e.g. _default_title_ and _default_description_.",
  ticket_type: 'The ticket type: its ID, name, category, states and attributes.',
  ticket_state: 'The ticket’s state: its ID, category and the labels teammates and customers see.',
  'ticket_state.category': 'Category of the state: submitted, in_progress, waiting_on_customer or resolved.',
  'ticket_state.internal_label': 'Name of the state teammates see.',
  'ticket_state.external_label': 'Name of the state customers see.',
  'ticket_state.id': 'ID of the ticket state.',
  category: 'Kind of ticket: Customer, Back-office or Tracker.',
  ticket_parts: 'Replies, notes and state changes of the ticket in order (a list object).',
  'ticket_parts.ticket_parts': 'The parts, oldest first, each with its type, body, author and time.',
  'ticket_parts.total_count': 'How many parts the ticket has.',
  'ticket_parts.type': 'Always ticket_part.list: marks the list of parts.',
  contacts: 'Contacts the ticket is about: each by Intercom ID, external ID or email (one is enough).',
  'contacts.id': "Intercom's ID of the contact.",
  'contacts.external_id': 'Your own ID of the contact.',
  'contacts.email': 'Email of the contact; a new lead is created when nobody has it.',
  'contacts.contacts': 'The contacts, each with its Intercom ID and external ID.',
  query:
    'Intercom search query (JSON). One filter: {"field": "open", "operator": "=", "value": true}. Several: {"operator": "AND", "value": [filter, {"field": "created_at", "operator": ">", "value": 1717171717}]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates are Unix time in seconds; groups nest at most two levels deep.',
  is_shared: 'True when customers can see the ticket.',
  previous_ticket_state_id: 'ID of the state the ticket was in before the current one.',
  conversation_to_link_id: 'ID of a conversation to link the new ticket to.',
  assignment: 'Who the new ticket goes to: admin_assignee_id and/or team_assignee_id.',
  'assignment.admin_assignee_id': 'ID of the admin the ticket is assigned to.',
  'assignment.team_assignee_id': 'ID of the team the ticket is assigned to.',
  open: 'True while the ticket is open; false closes it.',
  state: 'Older name of the ticket state; prefer ticket_state_id.',
};
