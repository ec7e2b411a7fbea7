import { convenienceAction, text } from './common';
import { contactsWhere, emitFindResult, readIfMultiple } from './contacts';

export const action = convenienceAction(async (run) => {
  const ifMultiple = readIfMultiple(run.cfg);
  const externalId = text(run.input['external_id']) ?? '';
  const matches = await contactsWhere(run, 'external_id', externalId, text(run.input['role']));
  await emitFindResult(run, `external_id ${externalId}`, matches, ifMultiple);
});
