import { upsertContactCheck, upsertContactRecord } from '../curated/upsertContact';
import { validateInput } from '../runtime/input';
import { contactFromPerson } from './mappings/person';
import { oihAction } from './oihRun';

/**
 * OIH upsertPerson: an OIH Person (or, with a custom mapping, any record) mapped to Contacts: Create or update's
 * inputs, validated by its rules, then the same find-update-or-create (the Intercom id from OIH's ID linking first).
 * Emits `{result, matched_by, contact}` with the Intercom contact; its id becomes the message's recordUid.
 */
export const action = oihAction(contactFromPerson, async (run) => {
  run.input = validateInput('upsertContact', run.mapped, { check: (given) => upsertContactCheck(given, run.cfg, run.ctx) });
  await run.ctx.emitData(await upsertContactRecord(run));
});
