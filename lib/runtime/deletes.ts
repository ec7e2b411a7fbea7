import { DELETE_FIELDS, OIH_FIELDS } from '../catalogue/fields';
import type { ApiResponse, IntercomClient } from './client';
import { IntercomApiError, RateLimitExhaustedError } from './errors';
import { isChecked } from './input';
import type { Call } from './operations';
import { settings } from './settings';
import type { Config, StepContext } from './step';

/**
 * Deleting one record, as each platform expects it:
 * - OIH (ferryman): the answer is OIH's delete protocol, `{id, delete: confirmed | failed | denied, timestamp}`,
 *   which ferryman records for the data hub when the flow governs deletes (`cfg.deletes`). A record already
 *   gone counts as confirmed; `cfg.deletes === false` refuses without calling Intercom (denied), as does
 *   Intercom's 403; any other failure is answered `failed` (with the error) and logged.
 * - elastic.io (sailor): Intercom's answer, as every action emits it; with "Treat not found as deleted" a
 *   404 emits an empty object instead of failing, as elastic.io's standard Delete Object does.
 * `answer` is what a successful delete emits under the sailor.
 */
export async function deleteRecord(ctx: StepContext, client: IntercomClient, call: Call, id: string, cfg: Config, answer: (response: ApiResponse) => Promise<void>): Promise<void> {
  if (ctx.runtime === 'ferryman') {
    await governedDelete(ctx, client, call, id, cfg);
    return;
  }
  let response;
  try {
    response = await client.request(call);
  } catch (error) {
    if (isNotFound(error) && isChecked(cfg[DELETE_FIELDS.notFoundIsDeleted])) {
      ctx.logger.info(`${call.operation}: record ${id} was not found; treated as deleted (empty result)`);
      await ctx.emitData({});
      return;
    }
    throw error;
  }
  await answer(response);
}

export type DeleteOutcome = 'confirmed' | 'failed' | 'denied';

export function deleteAnswer(id: string, outcome: DeleteOutcome, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, delete: outcome, timestamp: new Date(settings.now()).toISOString(), ...extra };
}

async function governedDelete(ctx: StepContext, client: IntercomClient, call: Call, id: string, cfg: Config): Promise<void> {
  const permission = cfg[OIH_FIELDS.deletes];
  if (forbidsDeletes(permission)) {
    ctx.logger.info(`${call.operation}: the flow does not allow deletes (deletes: false); record ${id} kept`);
    await ctx.emitData(deleteAnswer(id, 'denied'));
    return;
  }
  let outcome: DeleteOutcome = 'confirmed';
  let reason: string | undefined;
  try {
    await client.request(call);
  } catch (error) {
    // A rate limit that outlasted the retries is not an answer: the platform tries the message again later.
    if (error instanceof RateLimitExhaustedError) throw error;
    if (isNotFound(error)) {
      ctx.logger.info(`${call.operation}: record ${id} was already gone; delete confirmed`);
    } else {
      outcome = error instanceof IntercomApiError && error.status === 403 ? 'denied' : 'failed';
      reason = error instanceof Error ? error.message : String(error);
      ctx.logger.error(`${call.operation}: delete of record ${id} ${outcome}: ${reason}`);
    }
  }
  await ctx.emitData(deleteAnswer(id, outcome, reason ? { error: reason } : {}));
}

/** `deletes` as the flow sets it: the boolean, or its text from a mapping or an environment ("false", "off", "0", "no", any case). */
function forbidsDeletes(permission: unknown): boolean {
  if (permission === false) return true;
  return typeof permission === 'string' && ['false', 'off', '0', 'no'].includes(permission.trim().toLowerCase());
}

function isNotFound(error: unknown): boolean {
  return error instanceof IntercomApiError && error.status === 404;
}
