import { type JsonSchema, resource } from './types';

/** A contact the message goes to (the description's `recipient`): in-app messages and emails. */
const CONTACT_RECIPIENT: JsonSchema = {
  type: 'object',
  properties: { type: { type: 'string', enum: ['user', 'lead'] }, id: { type: 'string' } },
  required: ['type', 'id'],
};
const CONTACT_RECIPIENTS: JsonSchema = { anyOf: [CONTACT_RECIPIENT, { type: 'array', items: CONTACT_RECIPIENT }] };
/**
 * Whom a WhatsApp message goes to: a phone number in international form and optionally a name; not a contact's
 * { type, id }. The description's example writes it unquoted, `+5547999998888`, which YAML reads as a number: the
 * written form is text with a leading +, so both the text (E.164: +, then 7 to 15 digits) and the number are taken
 * and sent as given.
 */
const WHATSAPP_RECIPIENT: JsonSchema = {
  type: 'object',
  properties: { phone: { anyOf: [{ type: 'string', pattern: '^\\+?[1-9][0-9]{6,14}$' }, { type: 'integer', minimum: 1000000 }] }, name: { type: 'string' } },
  required: ['phone'],
};

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
      // Either kind of recipient; which one the message type takes is a rule of its variant (below).
      to: { anyOf: [CONTACT_RECIPIENT, { type: 'array', items: CONTACT_RECIPIENT }, WHATSAPP_RECIPIENT] },
    },
    // 2.16's variants (email, inapp, whatsapp) require `to` but its schema only knows contacts; its WhatsApp example
    // sends to { phone, name }.
    variantRules: [
      { message_type: { type: 'string', enum: ['email'] }, to: CONTACT_RECIPIENTS },
      { message_type: { type: 'string', enum: ['inapp', 'in_app'] }, to: CONTACT_RECIPIENTS },
      { message_type: { type: 'string', enum: ['whatsapp'] }, to: WHATSAPP_RECIPIENT },
    ],
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
