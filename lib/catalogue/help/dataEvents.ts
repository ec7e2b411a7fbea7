import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    create_data_event_request: {
      event_name: 'Name of the event, best a past-tense verb and noun, e.g. ordered-item or invited-friend; Intercom groups events by it.',
      created_at: 'When the event happened.',
      user_id: 'Your own ID (external_id) of the contact the event belongs to; give this, id or email.',
      id: 'Intercom’s ID of the contact the event belongs to; give this, user_id or email.',
      email: 'Email address of the contact the event belongs to; only when your contacts are identified by email.',
      metadata: 'Up to 10 details of the event as name → value pairs, e.g. { "order_value": 42 }.',
    },
    create_data_event_summaries_request: {
      user_id: 'Your own ID (external_id) of the contact the summaries belong to.',
      event_summaries: 'Per event name, how often it happened and when first and last: { event_name, count, first, last }.',
      'event_summaries.event_name': 'Name of the event, e.g. ordered-item.',
      'event_summaries.count': 'How many times the event happened.',
      'event_summaries.first': 'When the event first happened.',
      'event_summaries.last': 'When the event last happened.',
    },
    data_event_summary: {
      type: 'Always "event.summary": names the kind of object.',
      email: 'Email address of the contact the events belong to.',
      intercom_user_id: 'Intercom’s ID of the contact the events belong to.',
      user_id: 'Your own ID (external_id) of the contact the events belong to.',
      events: 'One summary per event name: how often and when first and last.',
    },
    data_event_summary_item: {
      name: 'Name of the event, e.g. ordered-item.',
      first: 'When the event first happened, as an ISO 8601 date and time.',
      last: 'When the event last happened, as an ISO 8601 date and time.',
      count: 'How many times the event happened.',
      description: 'Description of the event, when the workspace gave it one.',
    },
    data_event_list: {
      type: 'Always "event.list": names the kind of object.',
      events: 'The contact’s events, newest first, each with its name, time and details.',
      pages: 'Where the next page starts (next) and the time it reads from (since).',
      'pages.next': 'Address of the next page of events; empty on the last page.',
      'pages.since': 'Address that lists the events after this answer’s newest one.',
    },
  },
  actions: {
    listDataEvents: {
      in: {
        filter: 'Whose events to list: { user_id } (your ID), { intercom_user_id } or { email }.',
        'filter.user_id': 'Your own ID (external_id) of the contact.',
        'filter.intercom_user_id': 'Intercom’s ID of the contact.',
        'filter.email': 'Email address of the contact.',
        type: 'Must be user: Intercom lists the events of one contact.',
        summary: 'True: one summary per event name (how often, first and last time) instead of each event.',
      },
    },
  },
};

export default help;
