import { resource } from './types';

export default resource({
  listConversationAttributes: {
    op: 'GET /conversations/attributes',
    title: 'Conversation attributes: List',
    description: 'Lists the conversation data attributes, optionally including archived ones.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  createConversationAttribute: {
    op: 'POST /conversations/attributes',
    title: 'Conversation attributes: Create',
    description: 'Creates a conversation attribute of a given type (text, number, list, date …).',
  },
  getConversationAttribute: {
    op: 'GET /conversations/attributes/{id}',
    title: 'Conversation attributes: Get',
    description: 'Fetches one conversation attribute by id.',
  },
  updateConversationAttribute: {
    op: 'PUT /conversations/attributes/{id}',
    title: 'Conversation attributes: Update',
    description: 'Changes the name, description or settings of a conversation attribute.',
  },
  deleteConversationAttribute: {
    op: 'DELETE /conversations/attributes/{id}',
    title: 'Conversation attributes: Archive (permanent)',
    description: 'Archives a conversation attribute so it can no longer be used; the API offers no way back.',
  },
  createConversationAttributeOption: {
    op: 'POST /conversations/attributes/{id}/options',
    title: 'Conversation attributes: Add list option',
    description: 'Adds a choice to a list-type conversation attribute.',
  },
  updateConversationAttributeOption: {
    op: 'PUT /conversations/attributes/{id}/options/{option_id}',
    title: 'Conversation attributes: Update list option',
    description: 'Renames a choice of a list-type conversation attribute.',
  },
  deleteConversationAttributeOption: {
    op: 'DELETE /conversations/attributes/{id}/options/{option_id}',
    title: 'Conversation attributes: Archive list option (permanent)',
    description: 'Archives a choice of a list-type conversation attribute; the API offers no way back.',
  },
});
