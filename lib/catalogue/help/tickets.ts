import { conversationRecordHelp } from './conversationRecord';
import type { HelpTexts } from './types';

export const ticketsHelp: HelpTexts = {
  ...conversationRecordHelp,
  id: "Intercom's ID of the ticket (used by the other ticket actions), or of the job for a queued creation.",
  ticket_id: 'Ticket number as shown to customers and teammates, e.g. 42 (not the ID).',
  'ticket_parts.total_count': 'How many parts the ticket has.',
  'ticket_parts.type': 'Always ticket_part.list: marks the list of parts.',
  contacts: 'Contacts the ticket is about: each by Intercom ID, external ID or email (one is enough).',
  'contacts.id': "Intercom's ID of the contact.",
  'contacts.external_id': 'Your own ID of the contact.',
  'contacts.email': 'Email of the contact; a new lead is created when nobody has it.',
  'contacts.contacts': 'The contacts, each with its Intercom ID and external ID.',
  query:
    'Intercom search query (JSON). One filter: {"field": "open", "operator": "=", "value": true}. Several: {"operator": "AND", "value": [filter, {"field": "created_at", "operator": ">", "value": 1717171717}]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates are Unix time in seconds; groups nest at most two levels deep.',
  conversation_to_link_id: 'ID of a conversation to link the new ticket to.',
  assignment: 'Who the new ticket goes to: admin_assignee_id and/or team_assignee_id.',
  'assignment.admin_assignee_id': 'ID of the admin the ticket is assigned to.',
  'assignment.team_assignee_id': 'ID of the team the ticket is assigned to.',
  open: 'True while the ticket is open; false closes it.',
  state: 'Older name of the ticket state; prefer ticket_state_id.',
};
