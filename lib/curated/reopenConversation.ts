import { callOperation, convenienceAction } from './common';
import { adminOf, requireActingAdmin } from './conversation';

export const action = convenienceAction(
  async (run) => {
    const response = await callOperation(
      run,
      'manageConversation',
      { conversation_id: run.input['conversation_id'], message_type: 'open', admin_id: adminOf(run) },
      { idempotent: true },
    );
    await run.ctx.emitData(response.data);
  },
  { check: requireActingAdmin },
);
