import { resource } from './types';

export default resource({
  listConversations: {
    op: 'GET /conversations',
    title: 'Conversations: List',
    description: 'Lists all conversations of the workspace, most recently updated first, page by page.',
    paginate: 'cursor',
    itemsPath: 'conversations',
  },
  createConversation: {
    op: 'POST /conversations',
    title: 'Conversations: Create from contact',
    description: 'Starts a conversation initiated by a contact (user or lead), with a first message.',
  },
  getConversation: {
    op: 'GET /conversations/{conversation_id}',
    title: 'Conversations: Get',
    description: 'Fetches one conversation with its parts (up to 500), as HTML or plain text.',
    partAttachments: true,
  },
  updateConversation: {
    op: 'PUT /conversations/{conversation_id}',
    title: 'Conversations: Update',
    description: 'Changes the read state, title, custom attributes or company of a conversation.',
    customAttributes: 'conversation',
  },
  deleteConversation: {
    op: 'DELETE /conversations/{conversation_id}',
    title: 'Conversations: Delete (permanent)',
    description: 'Permanently deletes a conversation; optionally its metrics are kept for reporting.',
  },
  searchConversations: {
    op: 'POST /conversations/search',
    title: 'Conversations: Search',
    description: 'Finds conversations matching a query of field filters combined with AND/OR.',
    risk: 'read',
    idempotent: true,
    paginate: 'searchBody',
    itemsPath: 'conversations',
    freeform: ['query'],
  },
  replyConversation: {
    op: 'POST /conversations/{conversation_id}/reply',
    title: 'Conversations: Reply (any payload)',
    description: 'Adds a reply or note as an admin, or a reply as a contact, with the full reply payload.',
  },
  manageConversation: {
    op: 'POST /conversations/{conversation_id}/parts',
    title: 'Conversations: Close, snooze, open or assign (any payload)',
    description: 'Changes the state or assignee of a conversation through one of the manage payloads.',
  },
  attachContactToConversation: {
    op: 'POST /conversations/{conversation_id}/customers',
    title: 'Conversations: Add participant',
    description: 'Adds a contact as a participant of a group conversation.',
    idempotent: true,
  },
  detachContactFromConversation: {
    op: 'DELETE /conversations/{conversation_id}/customers/{contact_id}',
    title: 'Conversations: Remove participant',
    description: 'Removes a contact from a group conversation; the conversation and contact stay.',
    risk: 'write',
  },
  listConversationHandlingEvents: {
    op: 'GET /conversations/{id}/handling_events',
    title: 'Conversations: List handling events',
    description: 'Lists who handled a conversation and when (assignments, replies, state changes).',
    paginate: 'page',
    itemsPath: 'handling_events',
  },
  listSideConversations: {
    op: 'GET /conversations/{id}/side_conversations',
    title: 'Conversations: List side conversations',
    description: 'Lists the side conversations teammates started from a conversation.',
    paginate: 'page',
    itemsPath: 'side_conversations',
  },
  redactConversationPart: {
    op: 'POST /conversations/redact',
    title: 'Conversations: Redact part (irreversible)',
    description: 'Irreversibly blanks out a conversation part or the source message of a conversation.',
    risk: 'destructive',
    idempotent: true,
  },
  mergeConversations: {
    op: 'POST /conversations/{id}/merge',
    title: 'Conversations: Merge into another (irreversible)',
    description: 'Merges a conversation into another one; the merged conversation is closed and this cannot be undone.',
    risk: 'destructive',
  },
  convertConversationToTicket: {
    op: 'POST /conversations/{conversation_id}/convert',
    title: 'Conversations: Convert to ticket',
    description: 'Turns a conversation into a ticket of the given ticket type.',
  },
  listDeletedConversationIds: {
    op: 'GET /conversations/deleted',
    title: 'Conversations: List deleted ids',
    description: 'Lists the ids of conversations deleted from the workspace, with when they were deleted.',
    paginate: 'page',
    itemsPath: 'conversations',
  },
});
