import { upsertContactCheck, upsertContactRecord } from '../curated/upsertContact';
import { validateInput } from '../runtime/input';
import { step } from '../runtime/step';
import { contactFromPerson } from './mappings/person';
import { oihRun } from './run';

/**
 * OIH upsertPerson: an OIH Person (or, with a custom mapping, any record) mapped to Contacts: Create or update's
 * inputs, validated by its rules, then the same find-update-or-create (the Intercom id from OIH's ID linking first).
 * Emits `{result, matched_by, contact}` with the Intercom contact; its id becomes the message's recordUid.
 */
const processAction = step('upsertPerson', async (stepRun) => {
  const run = await oihRun(stepRun, contactFromPerson);
  run.input = validateInput('upsertContact', run.mapped, { check: (given) => upsertContactCheck(given, run.cfg, run.ctx) });
  await run.ctx.emitData(await upsertContactRecord(run));
});

export { processAction as process };
