import { customAttributesMetaModel } from '../metadata/customAttributes';
import { callOperation, curatedAction } from './common';
import { adminOf, requireActingAdmin } from './conversation';

export { selectAdmins } from '../selectModels';

const processAction = curatedAction(
  'reopenConversation',
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

export { processAction as process };
export const getMetaModel = customAttributesMetaModel('reopenConversation', 'conversation');
