import { conversationRecordHelp } from './conversationRecord';
import type { HelpTexts } from './types';

export const conversationsHelp: HelpTexts = {
  ...conversationRecordHelp,
  id: "Intercom's ID of the conversation (digits), the conversation_id of other conversation actions.",
  title: 'Title of the conversation, shown to teammates in the inbox.',
  state: 'open, closed or snoozed.',
  contacts: 'Contacts taking part in the conversation: a list object with their IDs.',
  'contacts.contacts': 'The contacts, each with its Intercom ID and external ID.',
  'contacts.type': 'Always contact.list: marks the list of contacts.',
  custom_attributes:
    "The conversation's own attributes (conversation data attributes) as name → value pairs; the mapper lists them when they can be read.",
  message_type: 'comment (visible reply), note (internal note), or the kind of part the action adds; see the allowed values.',
  body: 'Text of the reply or note. Simple HTML is accepted; notes show it formatted to teammates only.',
  merge_into_conversation_id: 'ID of the conversation this one is merged into (it stays; this one closes).',
  read: 'Whether the contact has seen the latest reply; when updating, true marks the conversation as read.',
  customer: 'The contact to add: an object with intercom_user_id, user_id or email.',
  retain_metrics: 'True: keep the conversation’s reporting figures after deleting it.',
  display_as: 'plaintext: the conversation part bodies come without HTML.',
  conversation_part_id: "Intercom's ID of the conversation part to redact.",
  source_id: "Intercom's ID of the conversation source (first message) to redact.",
  query:
    'Intercom search query (JSON). One filter: {"field": "state", "operator": "=", "value": "open"}. Several: {"operator": "AND", "value": [filter, filter]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates such as updated_at are Unix time in seconds; groups nest at most two levels deep, with up to 15 filters each.',
};
