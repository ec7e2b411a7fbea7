import { customAttributesMetaModel } from '../metadata/customAttributes';
import { curatedAction, text } from './common';
import { contactsWhere, emitFindResult } from './contacts';

const processAction = curatedAction('findContactByEmail', async (run) => {
  const email = text(run.input['email']) ?? '';
  const matches = await contactsWhere(run, 'email', email, text(run.input['role']));
  await emitFindResult(run, `email ${email}`, matches);
});

export { processAction as process };
export const getMetaModel = customAttributesMetaModel('findContactByEmail', 'contact');
