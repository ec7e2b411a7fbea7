import { resource } from './types';

export default resource({
  listTicketStates: {
    op: 'GET /ticket_states',
    title: 'Ticket states: List',
    description: 'Lists the ticket states (submitted, in progress …) and the ticket types using them.',
    paginate: 'whole',
    itemsPath: 'data',
  },
});
