import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    message: {
      type: 'Kind of message object, e.g. user_message.',
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
      pages: 'Paging information: page size, number of pages and where the next page starts.',
      'pages.type': 'Always "pages": names the kind of object.',
      'pages.per_page': 'How many statuses one page holds.',
      'pages.total_pages': 'How many pages there are in all.',
      'pages.next': 'Where the next page starts; empty on the last page.',
      total_count: 'How many delivery events there are in all.',
      events: 'Delivery events of the series’ messages, each with status, time and template.',
    },
    whatsapp_message_status: {
      conversation_id: 'Intercom’s ID of the conversation the WhatsApp message belongs to.',
      status: 'Where delivery stands: sent, delivered, read or failed.',
      type: 'Kind of event, as Intercom names it.',
      created_at: 'When the message was sent.',
      updated_at: 'When its status last changed.',
      template_name: 'Name of the WhatsApp template the message used.',
      message_id: 'WhatsApp’s own ID of the message (not an Intercom id).',
      error: 'Why delivery failed (message and details); only when status is failed.',
      'error.message': 'Short reason the delivery failed.',
      'error.details': 'More about why the delivery failed.',
    },
  },
  actions: {
    sendMessage: {
      in: {
        message_type: 'How to send it: inapp (in your app or site), email or whatsapp. An email needs subject and body.',
        subject: 'Subject line of the email (message_type email).',
        body: 'Text of the message; HTML and plain text are both accepted.',
        template: 'Look of an email: plain (like a personal email) or personal (with your logo and signature).',
        from: 'The admin who sends it: { "type": "admin", "id": <admin ID> }.',
        'from.type': 'Always "admin": only admins send messages.',
        'from.id': 'Intercom’s ID of the admin who sends the message (Admins: List), a whole number.',
        to: 'Who receives it: { "type": "user" or "lead", "id": "<Intercom contact ID>" }, or a list of such objects.',
        cc: 'Further recipients of an email, as contact objects like to.',
        bcc: 'Hidden recipients of an email, as contact objects like to.',
        created_at: 'When the message was written, for imports; empty: now.',
        create_conversation_without_contact_reply: 'True: the message opens a conversation in the inbox at once, without waiting for a reply.',
        components: 'For WhatsApp: the template’s parts and their values, as the WhatsApp template expects them.',
        locale: 'For WhatsApp: language of the template, e.g. en.',
      },
    },
    listMessageStatuses: { in: { ruleset_id: 'Intercom’s ID of the WhatsApp message series (ruleset) whose delivery statuses to list.' } },
    getWhatsAppMessageStatus: { in: { message_id: 'WhatsApp’s ID of the message whose status to fetch, as the series’ statuses give it.' } },
  },
};

export default help;
