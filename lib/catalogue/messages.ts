import { resource } from './types';

export default resource({
  sendMessage: {
    op: 'POST /messages',
    title: 'Messages: Send',
    description: 'Sends an in-app message or email from an admin to a contact, which starts a conversation.',
    // The description lists `in_app`; its own examples and Intercom's SDKs send `inapp`.
    enums: { message_type: ['inapp', 'email', 'whatsapp'] },
    sentAs: { message_type: { in_app: 'inapp' } },
    // The WhatsApp variant requires `components` (the template's parameters) and takes `locale`, undeclared.
    undeclaredBody: {
      components: {
        type: 'array',
        items: {
          type: 'object',
          properties: { type: { type: 'string' }, parameters: { type: 'array', items: { type: 'object' } } },
          required: ['type'],
        },
      },
      locale: { type: 'string' },
    },
  },
  getWhatsAppMessageStatus: {
    op: 'GET /messages/whatsapp/status',
    title: 'Messages: Get WhatsApp delivery status',
    description: 'Tells whether one WhatsApp message was sent, delivered, read or failed.',
  },
  listMessageStatuses: {
    op: 'GET /messages/status',
    title: 'Messages: List delivery statuses',
    description: 'Lists the delivery statuses of all messages sent by one ruleset (such as a WhatsApp broadcast).',
    paginate: 'cursor',
    itemsPath: 'events',
  },
});
