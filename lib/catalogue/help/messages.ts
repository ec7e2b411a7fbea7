import { PAGE_OR_ALL, PAGES_LEFT_OUT } from './conversations';
import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    message: {
      type: 'Kind of message object: admin_message for a message an admin sent (it also names its owner), user_message for one from a contact.',
      id: 'Intercom’s ID of the message.',
      created_at: 'When the message was created.',
      subject: 'Subject of the message; only for emails.',
      body: 'Text of the message as HTML.',
      message_type: 'How the message was sent: email, inapp, facebook or twitter.',
      conversation_id: 'Intercom’s ID of the conversation the message started, when it started one.',
    },
    whatsapp_message_status_list: {
      type: 'Always "list": names the kind of object.',
      ruleset_id: 'Intercom’s ID of the WhatsApp message series the statuses belong to.',
      pages: `Paging information: page size, number of pages and where the next page starts; ${PAGES_LEFT_OUT}.`,
      'pages.type': 'Always "pages": names the kind of object.',
      'pages.per_page': 'How many statuses one page holds.',
      'pages.total_pages': 'How many pages there are in all.',
      'pages.next': 'Where the next page starts; empty on the last page.',
      total_count: 'How many delivery events there are in all.',
      events: `Delivery events of the ruleset’s WhatsApp messages, each with status, time and template: ${PAGE_OR_ALL}.`,
      'events.id': 'Intercom’s ID of the delivery event.',
      'events.conversation_id': 'Intercom’s ID of the conversation the WhatsApp message went out in.',
      'events.status': 'Where delivery of the message stands: sent, delivered, read or failed.',
      'events.type': 'Always "broadcast_outbound": an event of a message sent from Intercom’s Outbound.',
      'events.created_at': 'When the event was recorded.',
      'events.updated_at': 'When the event last changed.',
      'events.whatsapp_message_id': 'WhatsApp’s own ID of the message (not an Intercom id); Messages: Get WhatsApp delivery status takes it as message_id.',
      'events.template_name': 'Name of the WhatsApp template the message used, e.g. appointment_reminder.',
    },
    whatsapp_message_status: {
      conversation_id: 'Intercom’s ID of the conversation the WhatsApp message belongs to.',
      status: 'Where delivery stands: sent, delivered, read or failed.',
      type: 'Kind of message event, e.g. broadcast_outbound (sent from Intercom’s Outbound).',
      created_at: 'When the message was sent.',
      updated_at: 'When its delivery status last changed.',
      template_name: 'Name of the WhatsApp template the message used.',
      message_id: 'WhatsApp’s own ID of the message (not an Intercom id), as asked for.',
      error: 'Why delivery failed (message and details); only when status is failed.',
      'error.message': 'Short reason the delivery failed.',
      'error.details': 'More about why the delivery failed.',
    },
  },
  actions: {
    sendMessage: {
      in: {
        message_type:
          'How to send it: inapp (in your app or site; needs body), email (needs subject, body and template) or whatsapp (needs template and components, and a phone number in to).',
        subject: 'For email (required there): the subject line.',
        body: 'Text of the message, HTML or plain text; required for inapp and email.',
        template:
          'For email (required there): the email template, plain or personal. For whatsapp (required there): the name of the approved WhatsApp template, e.g. appointment_reminder.',
        from: 'Required: the admin who sends it, { "type": "admin", "id": <Intercom’s admin ID, a whole number> }, as Admins: List gives the id.',
        'from.type': 'Always "admin": only admins send messages.',
        'from.id': 'Intercom’s ID of the admin who sends the message (Admins: List), a whole number.',
        to: 'Required: who receives it. For inapp and email: a contact, { "type": "user" or "lead", "id": "<Intercom’s contact ID>" } (the id field of a contact, as Contacts: List or Contacts: Search give it), or a list of such objects. For whatsapp: a phone number, { "phone": "+5547999998888", "name": "Ada Lovelace" }: phone is required, in international form (country code first, 7 to 15 digits, no spaces), as text with or without the leading + or as a whole number; name is optional.',
        cc: 'For email: further recipients, as contact objects like to ({ type, id }) or a list of them.',
        bcc: 'For email: hidden recipients, as contact objects like to ({ type, id }) or a list of them.',
        created_at: 'When the message was written, for imports; empty: now.',
        create_conversation_without_contact_reply: 'True: the message opens a conversation in the inbox at once, without waiting for a reply.',
        components:
          'For whatsapp (required there): the values to fill into the template’s placeholders, as WhatsApp’s template components, e.g. [{ "type": "BODY", "parameters": [{ "type": "text", "text": "Ada" }] }].',
        'components.type': 'Which part of the WhatsApp template the values fill, e.g. BODY or HEADER.',
        'components.parameters': 'The values for that part’s placeholders in order, each e.g. { "type": "text", "text": "Ada" }.',
        locale: 'For whatsapp: language code of the template, e.g. en.',
      },
    },
    listMessageStatuses: {
      in: {
        ruleset_id:
          'Intercom’s ID of the Outbound message (its ruleset, e.g. a WhatsApp broadcast) whose delivery statuses to list, e.g. 12345. Only WhatsApp messages are covered; no action lists rulesets.',
      },
    },
    getWhatsAppMessageStatus: {
      in: { message_id: 'WhatsApp’s ID of the message whose status to fetch: the whatsapp_message_id of an event Messages: List delivery statuses gives.' },
    },
  },
};

export default help;
