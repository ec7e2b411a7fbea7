import { callOperation, convenienceAction } from './common';
import { adminOf, parseUntil, requireActingAdmin } from './conversation';

export const action = convenienceAction(
  async (run) => {
    const { seconds } = parseUntil(run.input['until']);
    const response = await callOperation(
      run,
      'manageConversation',
      { conversation_id: run.input['conversation_id'], message_type: 'snoozed', admin_id: adminOf(run), snoozed_until: seconds },
      { idempotent: true },
    );
    await run.ctx.emitData(response.data);
  },
  {
    check: (input, cfg) => {
      const problems = requireActingAdmin(input, cfg);
      const { problem } = parseUntil(input['until']);
      if (problem && input['until'] !== undefined) problems.push(problem);
      return problems;
    },
  },
);
