import { resource } from './types';

export default resource({
  getVisitorByUserId: {
    op: 'GET /visitors',
    title: 'Visitors: Get by user id',
    description: 'Fetches the anonymous visitor that carries the given user_id.',
  },
  updateVisitor: {
    op: 'PUT /visitors',
    title: 'Visitors: Update',
    description: 'Changes the name or custom attributes of a visitor found by id or user_id.',
  },
  convertVisitor: {
    op: 'POST /visitors/convert',
    title: 'Visitors: Convert to contact',
    description: 'Turns a visitor into a lead or user, merging it into an existing user when one is given.',
  },
});
