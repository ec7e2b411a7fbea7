import { callOperation, convenienceAction, text } from './common';
import { findTag, tagOf } from './tags';

/** POST /tags with a name and companies creates the tag when needed and applies it, in one request. */
export const action = convenienceAction(
  async (run) => {
    const name = text(run.input['tag_name']) ?? '';
    const id = text(run.input['id']);
    const companyId = text(run.input['company_id']);
    const existing = await findTag(run, name);
    const company = id ? { id } : { company_id: companyId };
    const response = await callOperation(run, 'manageTag', { name: existing?.name ?? name, companies: [company] }, { idempotent: true });
    await run.ctx.emitData({
      tag: tagOf(response.data, existing ?? { type: 'tag', id: '', name }),
      tag_created: existing === undefined,
      ...(id ? { id } : {}),
      ...(companyId ? { company_id: companyId } : {}),
    });
  },
  {
    check: (input) => {
      const given = [text(input['id']), text(input['company_id'])].filter(Boolean).length;
      return given === 1 ? [] : ['field id: give exactly one of id (Intercom company id) or company_id (your id)'];
    },
  },
);
