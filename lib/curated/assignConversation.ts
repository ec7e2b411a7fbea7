import { CURATED_FIELDS } from '../catalogue/fields';
import { callOperation, type Config, convenienceAction, fromInputOrConfig, type Input, text } from './common';
import { adminOf, requireActingAdmin } from './conversation';

function assignees(input: Input, cfg: Config): { admin?: string; team?: string } {
  const admin = fromInputOrConfig(input, 'assignee_admin_id', cfg, CURATED_FIELDS.assigneeAdminId);
  const team = fromInputOrConfig(input, 'assignee_team_id', cfg, CURATED_FIELDS.assigneeTeamId);
  return { ...(admin ? { admin } : {}), ...(team ? { team } : {}) };
}

/**
 * Intercom assigns through the manage endpoint, one assignee type per request: the team first, then the
 * admin, so a conversation asked to go to both ends up with both. (The old run-assignment-rules endpoint no
 * longer exists; assignment rules run in Intercom workflows.)
 */
export const action = convenienceAction(
  async (run) => {
    const { admin, team } = assignees(run.input, run.cfg);
    const body = text(run.input['body']);
    const steps: Array<['team' | 'admin', string]> = [];
    if (team) steps.push(['team', team]);
    if (admin) steps.push(['admin', admin]);
    let result: unknown;
    for (const [index, [type, assignee]] of steps.entries()) {
      const last = index === steps.length - 1;
      const message = last && body ? { body } : {};
      const response = await callOperation(
        run,
        'manageConversation',
        { conversation_id: run.input['conversation_id'], message_type: 'assignment', type, admin_id: adminOf(run), assignee_id: assignee, ...message },
        { idempotent: !('body' in message) },
      );
      result = response.data;
    }
    await run.ctx.emitData(result);
  },
  {
    check: (input, cfg) => {
      const problems = requireActingAdmin(input, cfg);
      const { admin, team } = assignees(input, cfg);
      if (!admin && !team) {
        problems.push('field assignee_admin_id: give an admin or a team to assign to (assignee_admin_id, assignee_team_id or the step settings; 0 unassigns)');
      }
      return problems;
    },
  },
);
