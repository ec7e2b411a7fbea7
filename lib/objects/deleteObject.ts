import { shapeResult } from '../operation/action';
import { InputValidationError } from '../runtime/errors';
import { operationCall } from '../runtime/operations';
import { ID_INPUT, idText, isNotFound, rejectUnused } from './common';
import { objectDefinition } from './definition';

const KEY = 'deleteObject';

/**
 * Delete Object, as OIH's standardized actions define it: deletes the record with the given Intercom id and emits
 * `{id}` of the deleted record (Intercom's own answer beside it under `response`, when it sent one); a record that is
 * not there gives an empty object.
 */
export const action = objectDefinition('delete', async (run) => {
  const del = run.type.delete;
  if (!del) return;
  rejectUnused(run, [ID_INPUT]);
  const id = idText(run, ID_INPUT);
  if (id === undefined) throw new InputValidationError(KEY, [`field ${ID_INPUT}: is required`]);
  const call = operationCall(del.op, { ...run.scope, [del.input]: id }, `${KEY} (${del.op})`);
  try {
    const answer = shapeResult(call, await run.client.request(call));
    const hasAnswer = typeof answer === 'object' && answer !== null && Object.keys(answer).length > 0;
    await run.ctx.emitData({ id, ...(hasAnswer ? { response: answer } : {}) });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    run.ctx.logger.info(`${KEY}: no ${run.type.label.toLowerCase()} record has id ${id}; nothing to delete`);
    await run.ctx.emitData({});
  }
});
