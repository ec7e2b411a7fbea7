import { customAttributesMetaModel } from '../metadata/customAttributes';
import { curatedAction, text } from './common';
import { contactsWhere, emitFindResult } from './contacts';

const processAction = curatedAction('findContactByExternalId', async (run) => {
  const externalId = text(run.input['external_id']) ?? '';
  const matches = await contactsWhere(run, 'external_id', externalId, text(run.input['role']));
  await emitFindResult(run, `external_id ${externalId}`, matches);
});

export { processAction as process };
export const getMetaModel = customAttributesMetaModel('findContactByExternalId', 'contact');
