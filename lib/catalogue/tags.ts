import { resource } from './types';

export default resource({
  listTags: {
    op: 'GET /tags',
    title: 'Tags: List',
    description: 'Lists every tag of the workspace.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  manageTag: {
    op: 'POST /tags',
    title: 'Tags: Create, update or apply',
    description: 'Creates or renames a tag, or tags or untags companies or users in bulk.',
    idempotent: true,
  },
  getTag: {
    op: 'GET /tags/{tag_id}',
    title: 'Tags: Get',
    description: 'Fetches one tag by id.',
  },
  deleteTag: {
    op: 'DELETE /tags/{tag_id}',
    title: 'Tags: Delete (permanent)',
    description: 'Permanently deletes a tag and removes it from everything it was attached to.',
  },
  tagContact: {
    op: 'POST /contacts/{contact_id}/tags',
    title: 'Tags: Attach to contact',
    description: 'Attaches an existing tag to a contact.',
    idempotent: true,
  },
  untagContact: {
    op: 'DELETE /contacts/{contact_id}/tags/{tag_id}',
    title: 'Tags: Detach from contact',
    description: 'Removes a tag from a contact; the tag itself stays.',
    risk: 'write',
  },
  tagConversation: {
    op: 'POST /conversations/{conversation_id}/tags',
    title: 'Tags: Attach to conversation',
    description: 'Attaches an existing tag to a conversation on behalf of an admin.',
    idempotent: true,
  },
  untagConversation: {
    op: 'DELETE /conversations/{conversation_id}/tags/{tag_id}',
    title: 'Tags: Detach from conversation',
    description: 'Removes a tag from a conversation on behalf of an admin; the tag itself stays.',
    risk: 'write',
  },
  tagTicket: {
    op: 'POST /tickets/{ticket_id}/tags',
    title: 'Tags: Attach to ticket',
    description: 'Attaches an existing tag to a ticket on behalf of an admin.',
    idempotent: true,
  },
  untagTicket: {
    op: 'DELETE /tickets/{ticket_id}/tags/{tag_id}',
    title: 'Tags: Detach from ticket',
    description: 'Removes a tag from a ticket on behalf of an admin; the tag itself stays.',
    risk: 'write',
  },
});
