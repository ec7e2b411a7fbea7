import { callOperation, convenienceAction, text } from './common';
import { adminOf, requireActingAdmin } from './conversation';
import { findOrCreateTag, tagOf } from './tags';

export const action = convenienceAction(
  async (run) => {
    const conversationId = text(run.input['conversation_id']) ?? '';
    const { tag, created } = await findOrCreateTag(run, text(run.input['tag_name']) ?? '');
    const response = await callOperation(run, 'tagConversation', { conversation_id: conversationId, id: tag.id, admin_id: adminOf(run) });
    await run.ctx.emitData({ tag: tagOf(response.data, tag), tag_created: created, conversation_id: conversationId });
  },
  { check: requireActingAdmin },
);
