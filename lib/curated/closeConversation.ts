import { callOperation, convenienceAction, text } from './common';
import { adminOf, requireActingAdmin } from './conversation';

export const action = convenienceAction(
  async (run) => {
    const body = text(run.input['body']);
    const response = await callOperation(
      run,
      'manageConversation',
      { conversation_id: run.input['conversation_id'], message_type: 'close', type: 'admin', admin_id: adminOf(run), ...(body ? { body } : {}) },
      // Closing twice is harmless; posting the closing message twice is not.
      { idempotent: body === undefined },
    );
    await run.ctx.emitData(response.data);
  },
  { check: requireActingAdmin },
);
