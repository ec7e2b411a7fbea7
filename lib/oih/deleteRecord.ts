import { text } from '../curated/common';
import type { StepDefinition } from '../operation/componentModule';
import { readCredentials } from '../runtime/credentials';
import { deleteRecord } from '../operation/deletes';
import { validateInput } from '../runtime/input';
import { operationCall } from '../runtime/operations';
import { clientFor } from '../runtime/region';
import { shapeResult } from '../operation/action';
import { step } from '../runtime/step';
import { asFields } from './mappings/shared';

/**
 * OIH deletePerson / deleteOrganization: the Intercom id from the message (`id`) or from OIH's ID linking
 * (`metadata.recordUid`), deleted through the record-delete rules (operation/deletes.ts): OIH's delete protocol
 * under ferryman, Intercom's answer (or an empty one for "not found", when ticked) under the sailor.
 */
export function oihDelete(operation: string, idParam: string): StepDefinition {
  return { process: (key) => step(key, async ({ ctx, input, cfg }) => {
    // Under OIH the id comes from ID linking when the message has none, as for every record action.
    const given = asFields(input);
    const valid = validateInput(key, ctx.recordUid !== undefined && text(given['id']) === undefined ? { ...given, id: ctx.recordUid } : input);
    const id = String(valid['id']);
    const call = operationCall(operation, { [idParam]: id }, `${key} (${operation})`);
    const client = await clientFor(readCredentials(cfg), ctx.logger);
    await deleteRecord(ctx, client, call, id, cfg, (response) => ctx.emitData(shapeResult(call, response)));
  }) };
}
