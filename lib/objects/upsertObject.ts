import { callOperation } from '../curated/common';
import { contactKeyProblems, upsertContactRecord } from '../curated/upsertContact';
import { OBJECT_TYPES } from '../catalogue/objectTypes';
import { InputValidationError } from '../runtime/errors';
import { inputSchema } from '../runtime/schemas';
import { ID_INPUT, idText, rejectUnused, without } from './common';
import { objectDefinition } from './definition';

const KEY = 'upsertObject';

/**
 * Upsert Object: with the Intercom id the record is updated; without it the type's own rule applies. Contacts are
 * matched by external_id, then email (as upsertContact does), companies by company_id (Intercom's create-or-update),
 * custom object instances by external_id (Intercom's upsert); a ticket without an id is created. The called
 * operation validates the fields, so a wrong field is named before any request.
 */
export const action = objectDefinition('upsert', async (run) => {
  const upsert = run.type.upsert;
  if (!upsert) return;
  const id = idText(run, ID_INPUT);
  const fields = { ...without(run.input, [ID_INPUT]), ...run.scope };
  if (id !== undefined) {
    if (!upsert.update) throw new InputValidationError(KEY, [`field ${ID_INPUT}: ${run.type.label.toLowerCase()} are matched by their own key, not by Intercom id; leave it empty`]);
    const response = await callOperation(run, upsert.update.op, { ...fields, [upsert.update.input]: id });
    await run.ctx.emitData(response.data);
    return;
  }
  if (run.type === OBJECT_TYPES.contacts) {
    // Contacts are matched and written as upsertContact does: its inputs are the ones taken here.
    rejectUnused(run, [ID_INPUT, ...Object.keys(inputSchema('upsertContact')['properties'] ?? {})]);
    const problems = contactKeyProblems(fields);
    if (problems.length > 0) throw new InputValidationError(KEY, [`field ${ID_INPUT}: give the Intercom id, an external_id or an email`]);
    const outcome = await upsertContactRecord(run, fields);
    run.ctx.logger.info(`${KEY}: contact ${outcome.result}${outcome.matched_by ? ` (matched by ${outcome.matched_by})` : ''}`);
    await run.ctx.emitData(outcome.contact);
    return;
  }
  const response = await callOperation(run, upsert.create.op, fields);
  await run.ctx.emitData(response.data);
});
