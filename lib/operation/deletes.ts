import { DISTINCTIVE_RECORD_IDS } from '../catalogue/recordIds';
import { DELETE_FIELDS, OIH_FIELDS } from '../catalogue/fields';
import type { ApiResponse, IntercomClient } from '../runtime/client';
import { InputValidationError, IntercomApiError, LimitExceededError, NetworkError, RateLimitExhaustedError, RetryLaterError } from '../runtime/errors';
import { isChecked } from '../runtime/input';
import type { Call } from '../runtime/operations';
import { settings } from '../runtime/settings';
import type { Config, StepContext } from '../runtime/step';

/**
 * Deleting one record, as each platform expects it:
 * - OIH (ferryman): OIH's delete protocol (ComponentBestPractices; the OIH HubSpot adapter). A record is deleted
 *   only when the message asks for it with a truthy `deleteRequested` (a timestamp or `true`) and the flow allows
 *   deletes (`cfg.deletes`); otherwise the answer is `denied`, the reason logged, and Intercom is not called. An id
 *   from `metadata.recordUid` is not taken as Intercom's on trust (see `trustOf`). The answer is
 *   `{id, delete: confirmed | failed | denied, timestamp}`; an outage (5xx, a network failure, a timeout, a rate
 *   limit) is no answer: the message goes back to the platform (rebound) to be tried again later.
 * - elastic.io (sailor): Intercom's answer, as every action emits it; with "Treat not found as deleted" a 404 emits
 *   an empty object instead of failing, as elastic.io's standard Delete Object does.
 * `answer` is what a successful delete emits under the sailor.
 */

/** The record a delete names: its id, and whether the message gave it or OIH's `metadata.recordUid` did. */
export interface DeleteTarget {
  id: string;
  fromRecordUid: boolean;
}

/** The input OIH's delete request travels in, beside the delete's own inputs. */
export const DELETE_REQUEST_INPUT = 'deleteRequested';

export async function deleteRecord(
  ctx: StepContext,
  client: IntercomClient,
  call: Call,
  target: DeleteTarget,
  cfg: Config,
  deleteRequested: unknown,
  answer: (response: ApiResponse) => Promise<void>,
): Promise<void> {
  if (ctx.runtime === 'ferryman') {
    await governedDelete(ctx, client, call, target, cfg, deleteRequested);
    return;
  }
  let response;
  try {
    response = await client.request(call);
  } catch (error) {
    if (isNotFound(error) && isChecked(cfg[DELETE_FIELDS.notFoundIsDeleted])) {
      ctx.logger.info(`${call.operation}: record ${target.id} was not found; treated as deleted (empty result)`);
      await ctx.emitData({});
      return;
    }
    throw error;
  }
  await answer(response);
}

/** The message's `deleteRequested` taken out of a delete's input (its own inputs are validated without it). */
export function takeDeleteRequest(input: unknown): { input: unknown; deleteRequested: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, DELETE_REQUEST_INPUT)) return { input, deleteRequested: undefined };
  const { [DELETE_REQUEST_INPUT]: deleteRequested, ...rest } = input as Record<string, unknown>;
  return { input: rest, deleteRequested };
}

/**
 * Whether a value asks for something, as OIH reads `deleteRequested` and `deletes` (truthy), without taking text
 * for its truth: `true`, a number other than 0 (a timestamp), or a text other than "", "false", "0", "no", "off",
 * "null". Anything else (absent, false, 0, null, an object, a list) asks for nothing.
 */
export function isRequested(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return Number.isFinite(value) && value !== 0;
  if (typeof value === 'string') return !['', 'false', '0', 'no', 'off', 'null'].includes(value.trim().toLowerCase());
  return false;
}

export type DeleteOutcome = 'confirmed' | 'failed' | 'denied';

/**
 * OIH's answer. `id` is the Intercom id of the record (so it becomes the message's recordUid); an id not known to
 * be Intercom's is reported as `requestedId` instead, so ferryman's ID linking never registers it as Intercom's.
 */
export function deleteAnswer(target: { id: string; known: boolean }, outcome: DeleteOutcome, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(target.known ? { id: target.id } : { requestedId: target.id }), delete: outcome, timestamp: new Date(settings.now()).toISOString(), ...extra };
}

type Trust = { known: true } | { known: false; reason?: string };

/**
 * Whether the id is Intercom's. Ferryman puts Intercom's id into `metadata.recordUid` only when ID linking is on and
 * the data hub holds a link; otherwise the other application's id is still there, and ferryman does not say which.
 * So an id is known to be Intercom's when the message gave it (the flow says so), or when the message comes from an
 * Intercom node of this hub (`metadata.applicationUid` is this node's `applicationUid` or `alternateAppUid`). Any
 * other recordUid is unverified: of a form only Intercom's ids take (contacts, companies), it is tried, and a record
 * Intercom deletes proves it; of any other form it is refused without a request (a number could be another
 * application's and name an unrelated record here).
 */
function trustOf(ctx: StepContext, cfg: Config, call: Call, target: DeleteTarget): Trust {
  if (!target.fromRecordUid || fromThisApplication(ctx, cfg)) return { known: true };
  const collection = call.path.split('/')[1] ?? '';
  const shape = Object.hasOwn(DISTINCTIVE_RECORD_IDS, collection) ? DISTINCTIVE_RECORD_IDS[collection] : undefined;
  if (!shape) {
    return { known: false, reason: `the id ${target.id} came from metadata.recordUid, and ids of ${collection || 'this record type'} cannot be told from another application's; give the id in the message instead` };
  }
  if (!shape.pattern.test(target.id)) {
    return { known: false, reason: `metadata.recordUid ${target.id} is not an Intercom ${shape.noun} id (${shape.form}): it is another application's id, and the data hub holds no link to Intercom for it` };
  }
  return { known: false };
}

function fromThisApplication(ctx: StepContext, cfg: Config): boolean {
  const metadata = ctx.incoming.metadata;
  const nodeSettings = cfg['nodeSettings'];
  if (typeof metadata !== 'object' || metadata === null || typeof nodeSettings !== 'object' || nodeSettings === null) return false;
  const from = (metadata as Record<string, unknown>)['applicationUid'];
  const node = nodeSettings as Record<string, unknown>;
  return typeof from === 'string' && from !== '' && (from === node['applicationUid'] || from === node['alternateAppUid']);
}

async function governedDelete(ctx: StepContext, client: IntercomClient, call: Call, target: DeleteTarget, cfg: Config, deleteRequested: unknown): Promise<void> {
  const trust = trustOf(ctx, cfg, call, target);
  const about = { id: target.id, known: trust.known };
  const refusal = !isRequested(deleteRequested)
    ? `the message does not request a delete (data.${DELETE_REQUEST_INPUT} is ${describe(deleteRequested)}; OIH deletes only on a truthy one)`
    : !isRequested(cfg[OIH_FIELDS.deletes])
      ? `the flow does not allow deletes (${OIH_FIELDS.deletes} is ${describe(cfg[OIH_FIELDS.deletes])}; set it to true on the node)`
      : undefined;
  if (refusal) {
    ctx.logger.warn(`${call.operation}: record ${target.id} kept: ${refusal}`);
    await ctx.emitData(deleteAnswer(about, 'denied', { reason: refusal }));
    return;
  }
  if (!trust.known && trust.reason) {
    ctx.logger.warn(`${call.operation}: nothing deleted: ${trust.reason}`);
    await ctx.emitData(deleteAnswer(about, 'failed', { reason: trust.reason }));
    return;
  }
  try {
    await client.request(call);
  } catch (error) {
    await failedDelete(ctx, call, about, error);
    return;
  }
  // Intercom deleted a record with this id: it was Intercom's.
  await ctx.emitData(deleteAnswer({ ...about, known: true }, 'confirmed'));
}

/** An answer that will not change is the delete's outcome; anything that may pass is handed back (rebound). */
async function failedDelete(ctx: StepContext, call: Call, about: { id: string; known: boolean }, error: unknown): Promise<void> {
  if (isNotFound(error)) {
    if (about.known) {
      ctx.logger.info(`${call.operation}: record ${about.id} was already gone; delete confirmed`);
      await ctx.emitData(deleteAnswer(about, 'confirmed'));
      return;
    }
    const reason = `Intercom has no record ${about.id}: it was deleted already, or metadata.recordUid is another application's id (no ID link); not confirmed`;
    ctx.logger.warn(`${call.operation}: ${reason}`);
    await ctx.emitData(deleteAnswer(about, 'failed', { reason, error: (error as Error).message }));
    return;
  }
  if (isTransient(error)) {
    throw new RetryLaterError(`${call.operation}: the delete of record ${about.id} did not get an answer that counts (${(error as Error).message}); handing the message back to try again later`, error as Error);
  }
  // A refused token is the credential's problem, not the record's: the step fails.
  if (error instanceof IntercomApiError && error.status === 401) throw error;
  if (!(error instanceof IntercomApiError)) throw error;
  const outcome: DeleteOutcome = error.status === 403 ? 'denied' : 'failed';
  ctx.logger.error(`${call.operation}: delete of record ${about.id} ${outcome}: ${error.message}`);
  await ctx.emitData(deleteAnswer(about, outcome, { error: error.message }));
}

function isTransient(error: unknown): boolean {
  if (error instanceof RateLimitExhaustedError || error instanceof NetworkError || error instanceof LimitExceededError) return true;
  return error instanceof IntercomApiError && (error.status === 408 || error.status === 429 || error.status >= 500);
}

function isNotFound(error: unknown): boolean {
  return error instanceof IntercomApiError && error.status === 404;
}

function describe(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Under the sailor, OIH's request field means what it says: given and not a request, it is an error naming it. */
export function checkDeleteRequest(key: string, deleteRequested: unknown): void {
  if (deleteRequested !== undefined && !isRequested(deleteRequested)) {
    throw new InputValidationError(key, [`field ${DELETE_REQUEST_INPUT}: is ${describe(deleteRequested)}, which requests no delete; nothing was deleted (leave it out, or make it true or a timestamp)`]);
  }
}

