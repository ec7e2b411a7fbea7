import type { HelpTexts } from './types';

export const dataEventsHelp: HelpTexts = {
  event_name: 'Name of the event in past tense, e.g. ordered-item or invited-friend; Intercom lists events by this name.',
  created_at: 'When the event happened.',
  metadata: 'Up to 10 details of the event as name → value pairs, e.g. { "order_value": 42 }.',
  user_id: 'Your own ID of the contact the event belongs to (one of user_id, id or email).',
  id: "Intercom's ID of the contact the event belongs to.",
  email: 'Email of the contact the event belongs to.',
  events: 'The events, newest first, each with its name, time and details.',
  event_summaries: 'Per event name: how often it happened and when first and last.',
  filter: 'Whose events to list: one of user_id, intercom_user_id or email.',
  'filter.user_id': 'Your own ID of the contact.',
  'filter.intercom_user_id': "Intercom's ID of the contact.",
  'filter.email': 'Email of the contact.',
  summary: 'True: list a summary per event name instead of each event.',
  type: 'Must be user to list a contact’s events.',
};
