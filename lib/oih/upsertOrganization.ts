import { callOperation, text } from '../curated/common';
import { IntercomApiError, InputValidationError } from '../runtime/errors';
import { asFields } from './mappings/shared';
import { companyFromOrganization } from './mappings/organization';
import { oihAction } from './oihRun';

/**
 * OIH upsertOrganization: an OIH Organization (or, with a custom mapping, any record) mapped to company inputs.
 * 1. The Intercom id from OIH's ID linking (`metadata.recordUid`, or `id` in the mapped input): Companies:
 *    Update on that company, when it still exists.
 * 2. Otherwise Companies: Create or update by `company_id` (your id for the company): the mapped `company_id`,
 *    else the message's `company_id`, else the record's OIH id (`metadata.oihUid`), which keeps one Intercom
 *    company per OIH record.
 * Emits `{result, matched_by, company}`.
 */
export const action = oihAction(companyFromOrganization, async (run) => {
  const fields = { ...asFields(run.mapped) };
  const intercomId = text(fields['id']) ?? run.ctx.recordUid;
  const externalId = text(fields['company_id']) ?? text(run.input['company_id']) ?? oihUidOf(run.ctx.incoming.metadata);
  Reflect.deleteProperty(fields, 'id');
  Reflect.deleteProperty(fields, 'company_id');
  if (intercomId) {
    try {
      const response = await callOperation(run, 'updateCompany', { ...fields, company_id: intercomId });
      await run.ctx.emitData({ result: 'updated', matched_by: 'recordUid', company: response.data });
      return;
    } catch (error) {
      if (!(error instanceof IntercomApiError && error.status === 404)) throw error;
      run.ctx.logger.info(`${run.key}: company ${intercomId} no longer exists; creating or updating by company_id instead`);
    }
  }
  if (!externalId) {
    throw new InputValidationError(run.key, ['field company_id: give the company_id (your id for the company) or, under OIH, a message with metadata.recordUid or oihUid']);
  }
  const response = await callOperation(run, 'upsertCompany', { ...fields, company_id: externalId });
  await run.ctx.emitData({ result: 'createdOrUpdated', matched_by: 'company_id', company: response.data });
});

function oihUidOf(metadata: unknown): string | undefined {
  return text(asFields(metadata)['oihUid']);
}
