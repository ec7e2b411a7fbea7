import { resource } from './types';

export default resource({
  listTicketTypes: {
    op: 'GET /ticket_types',
    title: 'Ticket types: List',
    description: 'Lists the ticket types of the workspace with their attributes.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  createTicketType: {
    op: 'POST /ticket_types',
    title: 'Ticket types: Create',
    description: 'Creates a ticket type (customer, back-office or tracker) with a name and icon.',
  },
  getTicketType: {
    op: 'GET /ticket_types/{ticket_type_id}',
    title: 'Ticket types: Get',
    description: 'Fetches one ticket type with its attributes by id.',
  },
  updateTicketType: {
    op: 'PUT /ticket_types/{ticket_type_id}',
    title: 'Ticket types: Update',
    description: 'Changes the name, description or icon of a ticket type, or archives it.',
  },
});
