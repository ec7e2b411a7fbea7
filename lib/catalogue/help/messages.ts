import type { HelpTexts } from './types';

export const messagesHelp: HelpTexts = {
  message_type: 'inapp (shown in your app or site) or email; inapp needs a body, email also a subject and template.',
  subject: 'Subject line of the email (message_type email).',
  body: 'Text of the message; simple HTML is accepted.',
  template: 'Look of the email: plain (like a personal email) or personal (with your logo and signature).',
  from: 'The admin who sends the message: { "type": "admin", "id": "<admin ID>" }.',
  'from.type': 'Always admin: only admins send messages.',
  'from.id': 'ID of the admin who sends the message.',
  to: 'The contact who receives it: { "type": "user" or "lead", "id": "<contact ID>" } (or user_id, email).',
  cc: 'Further recipients of the email, as contact objects.',
  bcc: 'Hidden recipients of the email, as contact objects.',
  create_conversation_without_contact_reply: 'True: the message starts a conversation at once, without waiting for a reply.',
  conversation_id: 'ID of the conversation the message started, when there is one.',
  id: "Intercom's ID of the message.",
  ruleset_id: 'ID of the WhatsApp message series (ruleset) whose statuses to list.',
  events: 'Delivery events of the messages, each with status and time.',
  template_name: 'Name of the WhatsApp message template.',
  message_id: 'ID of the WhatsApp message whose status to fetch.',
};
