import { convenienceAction, text } from './common';
import { contactsWhere, emitFindResult, readIfMultiple } from './contacts';

export const action = convenienceAction(async (run) => {
  const ifMultiple = readIfMultiple(run.cfg);
  const email = text(run.input['email']) ?? '';
  const matches = await contactsWhere(run, 'email', email, text(run.input['role']));
  await emitFindResult(run, `email ${email}`, matches, ifMultiple);
});
