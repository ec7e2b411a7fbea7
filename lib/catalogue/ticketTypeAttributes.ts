import { resource } from './types';

export default resource({
  createTicketTypeAttribute: {
    op: 'POST /ticket_types/{ticket_type_id}/attributes',
    title: 'Ticket type attributes: Create',
    description: 'Adds an attribute (a field teammates or customers fill in) to a ticket type.',
  },
  updateTicketTypeAttribute: {
    op: 'PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}',
    title: 'Ticket type attributes: Update',
    description: 'Changes the settings of a ticket type attribute, or archives it.',
  },
});
