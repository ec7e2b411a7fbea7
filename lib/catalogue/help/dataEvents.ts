import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    create_data_event_request: {
      event_name: 'Name of the event, best a past-tense verb and noun, e.g. ordered-item or invited-friend; Intercom groups events by it.',
      created_at: 'When the event happened, to the second; Intercom treats two events with the same contact, name and time as one.',
      user_id: 'Your own ID (external_id) of the contact the event belongs to; give this, id or email (the step refuses an event with none of them).',
      id: 'Intercom’s ID of the contact the event belongs to (Contacts: Search gives it); needed for a lead. Give this, user_id or email.',
      email: 'Email address of the contact the event belongs to; use it only when email identifies your contacts. Give this, id or user_id.',
      metadata: 'Details of the event as name → value pairs, e.g. { "order_id": "A-1001", "invoice_date": "1717171717" }. Each value is text: a number is turned into text, true/false, lists and objects are refused. Intercom keeps the first 10 names and ignores the rest.',
    },
    create_data_event_summaries_request: {
      user_id: 'Your own ID (external_id) of the contact the summary belongs to.',
      event_summaries: 'One event summary: { event_name, count, first, last }: the event’s name, how often it happened and when it first and last happened.',
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
      events: 'The contact’s events, one entry per event name with how often and when first and last it happened.',
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
    submitDataEvent: {
      out: {
        status: 'HTTP status of Intercom’s answer: 202 when the event was accepted (a duplicate is accepted too and ignored).',
      },
    },
    createDataEventSummaries: {
      out: {
        status: 'HTTP status of Intercom’s answer: 200 when the summary was recorded.',
      },
    },
    listDataEvents: {
      in: {
        filter: 'Required: whose events to list, exactly one of { "user_id": your external_id }, { "intercom_user_id": Intercom’s contact ID } or { "email": address }.',
        'filter.user_id': 'Your own ID (external_id) of the contact.',
        'filter.intercom_user_id': 'Intercom’s ID of the contact (Contacts: Search gives it); the one way to list a lead’s events.',
        'filter.email': 'Email address of the contact.',
        type: 'Required: always the text user (Intercom lists the events of one contact).',
        summary: 'True: one summary per event name (how often, first and last time) instead of each event.',
      },
    },
  },
};

export default help;
