import { callOperation, convenienceAction, text } from './common';
import { findOrCreateTag, tagOf } from './tags';

export const action = convenienceAction(async (run) => {
  const contactId = text(run.input['contact_id']) ?? '';
  const { tag, created } = await findOrCreateTag(run, text(run.input['tag_name']) ?? '');
  const response = await callOperation(run, 'tagContact', { contact_id: contactId, id: tag.id });
  await run.ctx.emitData({ tag: tagOf(response.data, tag), tag_created: created, contact_id: contactId });
});
