import { resource } from './types';

export default resource({
  createTicket: {
    op: 'POST /tickets',
    title: 'Tickets: Create',
    description: 'Creates a ticket of a ticket type for one or more contacts.',
    customAttributes: 'ticket',
  },
  enqueueCreateTicket: {
    op: 'POST /tickets/enqueue',
    title: 'Tickets: Create in background',
    description: 'Queues the creation of a ticket and returns a job whose status can be checked later.',
  },
  getTicket: {
    op: 'GET /tickets/{ticket_id}',
    title: 'Tickets: Get',
    description: 'Fetches one ticket with its attributes and parts by id.',
    customAttributes: 'ticket',
    partAttachments: true,
  },
  updateTicket: {
    op: 'PUT /tickets/{ticket_id}',
    title: 'Tickets: Update',
    description: 'Changes the attributes, state, assignee or visibility of a ticket.',
    customAttributes: 'ticket',
  },
  deleteTicket: {
    op: 'DELETE /tickets/{ticket_id}',
    title: 'Tickets: Delete (permanent)',
    description: 'Permanently deletes a ticket; this cannot be undone.',
  },
  searchTickets: {
    op: 'POST /tickets/search',
    title: 'Tickets: Search',
    description: 'Finds tickets matching a query of field filters combined with AND/OR.',
    risk: 'read',
    idempotent: true,
    paginate: 'searchBody',
    itemsPath: 'tickets',
    freeform: ['query'],
    customAttributes: 'ticket',
    simpleSearch: 'tickets',
    requireOneOf: ['query'],
  },
  replyToTicket: {
    op: 'POST /tickets/{ticket_id}/reply',
    title: 'Tickets: Reply',
    description: 'Adds a reply or note to a ticket as an admin, or a reply as a contact.',
  },
  changeTicketType: {
    op: 'POST /tickets/{ticket_id}/change_type',
    title: 'Tickets: Change type',
    description: 'Moves a ticket to another ticket type, optionally setting its state and attributes.',
  },
  linkConversationToTicket: {
    op: 'POST /tickets/{ticket_id}/linked_conversations',
    title: 'Tickets: Link conversation',
    description: 'Links a conversation to a ticket.',
    idempotent: true,
  },
  unlinkConversationFromTicket: {
    op: 'DELETE /tickets/{ticket_id}/linked_conversations/{id}',
    title: 'Tickets: Unlink conversation',
    description: 'Removes the link between a conversation and a ticket; both stay.',
    risk: 'write',
  },
});
