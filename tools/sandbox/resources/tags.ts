/**
 * Tags: POST /tags creates, renames (with `id`) or returns the existing tag of that name, and in its
 * other two body shapes tags/untags companies or contacts in bulk.
 */
import { badRequest, notFound } from '../errors';
import { empty, json } from '../http';
import { bodyObject, isObject, optArray, optId, reqString, type JsonObject } from '../input';
import type { ResourceContext } from './context';
import { editableCompany } from './companies';
import { editable, param } from './contacts';
import { renderTag } from './render';

export function registerTags(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get('/tags', () => json({ type: 'list', data: [...ws.tags.values()].map(renderTag) }));

  router.post('/tags', (req) => {
    const body = bodyObject(req);
    const name = reqString(body, 'name');
    if (name.length > 255) throw badRequest('name is too long (255 characters at most)', 'parameter_invalid', 'name');
    const id = optId(body, 'id');
    const existing = id === undefined ? undefined : ws.tags.get(id);
    if (id !== undefined && existing === undefined) throw notFound('Tag not found');
    if (existing !== undefined) existing.name = name;
    const tag = existing ?? ws.tagByName(name) ?? ws.createTag(name);
    const out: JsonObject = renderTag(tag);
    const companies = optArray(body, 'companies');
    if (companies !== undefined) out['companies'] = companies.map((entry, i) => tagCompany(ctx, tag.id, entry, i));
    const users = optArray(body, 'users');
    if (users !== undefined) out['users'] = users.map((entry, i) => tagUser(ctx, tag.id, entry, i));
    return json(out);
  });

  router.get('/tags/{tag_id}', (req) => {
    const tag = ws.tags.get(param(req, 'tag_id'));
    if (tag === undefined) throw notFound('Tag not found');
    return json(renderTag(tag));
  });

  router.delete('/tags/{tag_id}', (req) => {
    const id = param(req, 'tag_id');
    if (!ws.tags.delete(id)) throw notFound('Tag not found');
    return empty(200);
  });
}

function tagCompany(ctx: ResourceContext, tagId: string, entry: unknown, i: number): JsonObject {
  const { ws } = ctx;
  if (!isObject(entry)) throw badRequest(`companies[${i}] must be an object`, 'parameter_invalid', `companies[${i}]`);
  const byId = optId(entry, 'id');
  const byKey = optId(entry, 'company_id');
  const index = byId !== undefined ? ws.companies.indexOf(byId) : byKey !== undefined ? ws.companyByCompanyId(byKey) : undefined;
  const company = index === undefined ? undefined : ws.companies.get(index);
  if (index === undefined || company === undefined) throw notFound('Company Not Found', 'company_not_found');
  const untag = entry['untag'] === true;
  const c = editableCompany(company);
  c.tag_ids = c.tag_ids.filter((t) => t !== tagId);
  if (!untag) c.tag_ids.push(tagId);
  ws.putCompany(index, c);
  return { type: 'company', id: c.id, company_id: c.company_id, tagged: !untag };
}

function tagUser(ctx: ResourceContext, tagId: string, entry: unknown, i: number): JsonObject {
  const { ws } = ctx;
  if (!isObject(entry)) throw badRequest(`users[${i}] must be an object`, 'parameter_invalid', `users[${i}]`);
  const found = ws.contacts.getById(optId(entry, 'id') ?? '');
  if (found === undefined || found.record.merged_into !== null) throw notFound('User Not Found');
  const untag = entry['untag'] === true;
  const c = editable(found.record);
  c.tag_ids = c.tag_ids.filter((t) => t !== tagId);
  if (!untag) c.tag_ids.push(tagId);
  ws.putContact(found.index, c);
  return { type: 'contact', id: c.id, tagged: !untag };
}
