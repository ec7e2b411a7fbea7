import { resource } from './types';

export default resource({
  startFinConversation: {
    op: 'POST /fin/start',
    title: 'Fin agent: Start conversation',
    description: 'Hands a user message from your own channel to Fin, which starts answering it.',
  },
  replyToFin: {
    op: 'POST /fin/reply',
    title: 'Fin agent: Send user reply',
    description: 'Passes the next user message of a conversation that Fin is handling.',
  },
  submitFinCsat: {
    op: 'POST /fin/csat',
    title: 'Fin agent: Submit satisfaction rating',
    description: 'Records the satisfaction rating a user gave a conversation handled by Fin.',
  },
});
