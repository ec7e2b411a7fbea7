import { text } from '../curated/common';
import type { StepDefinition } from '../operation/componentModule';
import { readCredentials } from '../runtime/credentials';
import { checkDeleteRequest, deleteRecord, takeDeleteRequest } from '../operation/deletes';
import { validateInput } from '../runtime/input';
import { operationCall } from '../runtime/operations';
import { clientFor } from '../runtime/region';
import { shapeResult } from '../operation/action';
import { step } from '../runtime/step';
import { asFields } from './mappings/shared';

/**
 * OIH deletePerson / deleteOrganization: the Intercom id from the message (`id`) or from OIH's ID linking
 * (`metadata.recordUid`), deleted through the record-delete rules (operation/deletes.ts): OIH's delete protocol
 * under ferryman (a truthy `deleteRequested`, deletes allowed, an id known to be Intercom's), Intercom's answer (or
 * an empty one for "not found", when ticked) under the sailor, where a `deleteRequested` that requests nothing is an
 * error naming it.
 */
export function oihDelete(operation: string, idParam: string): StepDefinition {
  return { process: (key) => step(key, async ({ ctx, input: message, cfg }) => {
    const { input, deleteRequested } = takeDeleteRequest(message);
    if (ctx.runtime === 'sailor') checkDeleteRequest(key, deleteRequested);
    // Under OIH the id comes from ID linking when the message has none, as for every record action.
    const given = asFields(input);
    const fromRecordUid = ctx.recordUid !== undefined && text(given['id']) === undefined;
    const valid = validateInput(key, fromRecordUid ? { ...given, id: ctx.recordUid } : input);
    const id = String(valid['id']);
    const call = operationCall(operation, { [idParam]: id }, `${key} (${operation})`);
    const client = await clientFor(readCredentials(cfg), ctx.logger);
    await deleteRecord(ctx, client, call, { id, fromRecordUid }, cfg, deleteRequested, (response) => ctx.emitData(shapeResult(call, response)));
  }) };
}
