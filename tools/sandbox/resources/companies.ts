/**
 * Companies: create-or-update keyed by the client's company_id, lookups by company_id/name/tag,
 * page-style listing (POST /companies/list) and the scroll API with its rules: one open scroll per
 * workspace, a 1-minute idle expiry, an empty page at the end, and a 500 that forces a restart.
 */
import { ApiError, badRequest, notFound } from '../errors';
import { json, type SandboxRequest } from '../http';
import { bodyObject, optCustomAttributes, optInteger, optString, type JsonObject } from '../input';
import { linkPages, pageParams, takeSlice, type PageParams } from '../pagination';
import { hash32 } from '../random';
import type { CompanyRecord } from '../store/records';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { param, renderContact } from './contacts';
import { checkDataAttributes } from './customAttributes';

/** Intercom's exact wording: clients match on it to know the scroll must be restarted. */
export const SCROLL_RESTART_MESSAGE = 'Request failed due to an internal network error. Please restart the scroll operation.';

export function renderCompany(ws: Workspace, c: CompanyRecord): JsonObject {
  return {
    type: 'company',
    id: c.id,
    company_id: c.company_id,
    app_id: ws.settings.appId,
    name: c.name,
    remote_created_at: c.remote_created_at,
    created_at: c.created_at,
    updated_at: c.updated_at,
    last_request_at: c.last_request_at,
    size: c.size,
    website: c.website ?? '',
    industry: c.industry ?? '',
    monthly_spend: c.monthly_spend,
    session_count: c.session_count,
    user_count: ws.companyContacts.get(c.id)?.size ?? 0,
    plan: c.plan === null ? {} : { type: 'plan', id: String(hash32(c.plan) % 1_000_000), name: c.plan },
    custom_attributes: { ...c.custom_attributes },
    tags: { type: 'tag.list', tags: c.tag_ids.map((id) => ({ type: 'tag', id, name: ws.tags.get(id)?.name ?? '' })) },
    segments: { type: 'segment.list', segments: [] },
  };
}

export function requireCompany(ws: Workspace, id: string): { index: number; record: CompanyRecord } {
  const found = ws.companies.getById(id);
  if (found === undefined) throw notFound('Company Not Found', 'company_not_found');
  return found;
}

export function editableCompany(c: CompanyRecord): CompanyRecord {
  return { ...c, custom_attributes: { ...c.custom_attributes }, tag_ids: [...c.tag_ids] };
}

function applyCompanyFields(ws: Workspace, c: CompanyRecord, body: JsonObject): void {
  const name = optString(body, 'name');
  if (name !== undefined) c.name = name;
  const plan = optString(body, 'plan');
  if (plan !== undefined) c.plan = plan;
  const website = optString(body, 'website');
  if (website !== undefined) c.website = website;
  const industry = optString(body, 'industry');
  if (industry !== undefined) c.industry = industry;
  const size = optInteger(body, 'size');
  if (size !== undefined) c.size = size;
  const spend = body['monthly_spend'];
  if (spend !== undefined) {
    if (typeof spend !== 'number') throw badRequest('monthly_spend must be a number', 'parameter_invalid', 'monthly_spend');
    c.monthly_spend = Math.floor(spend);
  }
  const remote = optInteger(body, 'remote_created_at');
  if (remote !== undefined) c.remote_created_at = remote;
  const custom = optCustomAttributes(body);
  if (custom !== undefined) {
    checkDataAttributes(ws, 'company', custom);
    Object.assign(c.custom_attributes, custom);
  }
}

function pageOfCompanies(ws: Workspace, req: SandboxRequest, p: PageParams, keep: (c: CompanyRecord) => boolean, descending = false): JsonObject {
  // Page style over a lazy collection: count and skip by scanning (companies are far fewer than contacts).
  let total = 0;
  const items: JsonObject[] = [];
  const start = (p.page - 1) * p.perPage;
  const source = descending ? ws.companies.backwardFrom(ws.companies.end) : ws.companies.from(-1);
  for (const [, c] of source) {
    if (!keep(c)) continue;
    if (total >= start && items.length < p.perPage) items.push(renderCompany(ws, c));
    total++;
  }
  return { type: 'list', data: items, total_count: total, pages: linkPages(req, p, total) };
}

export function registerCompanies(ctx: ResourceContext): void {
  const { ws, router, knobs } = ctx;

  router.post('/companies', (req) => {
    const body = bodyObject(req);
    const companyId = optString(body, 'company_id');
    const now = ws.nowSeconds();
    const existing = companyId === undefined ? undefined : ws.companyByCompanyId(companyId);
    if (existing !== undefined) {
      const current = ws.companies.get(existing);
      if (current === undefined) throw notFound('Company Not Found', 'company_not_found');
      const c = editableCompany(current);
      applyCompanyFields(ws, c, body);
      c.updated_at = now;
      ws.putCompany(existing, c);
      return json(renderCompany(ws, c));
    }
    if (companyId === undefined && optString(body, 'name') === undefined) {
      throw badRequest('Provide a company_id (or at least a name) to create a company', 'bad_request');
    }
    const draft: CompanyRecord = {
      id: '',
      company_id: companyId ?? '',
      name: '',
      plan: null,
      size: 0,
      website: null,
      industry: null,
      monthly_spend: 0,
      session_count: 0,
      remote_created_at: now,
      created_at: now,
      updated_at: now,
      last_request_at: now,
      custom_attributes: {},
      tag_ids: [],
    };
    applyCompanyFields(ws, draft, body);
    const record = ws.insertCompany((id) => ({ ...draft, id, company_id: draft.company_id === '' ? id : draft.company_id }));
    return json(renderCompany(ws, record));
  });

  router.get('/companies', (req) => {
    const companyId = req.query.get('company_id');
    const name = req.query.get('name');
    const tagId = req.query.get('tag_id');
    const segmentId = req.query.get('segment_id');
    const p = pageParams(req, 15, 60);
    if (companyId !== null && companyId !== '') {
      const index = ws.companyByCompanyId(companyId);
      const c = index === undefined ? undefined : ws.companies.get(index);
      if (c === undefined) throw notFound('Company Not Found', 'company_not_found');
      return json({ type: 'list', data: [renderCompany(ws, c)], total_count: 1, pages: linkPages(req, { page: 1, perPage: p.perPage }, 1) });
    }
    if (name !== null && name !== '') {
      const result = pageOfCompanies(ws, req, p, (c) => c.name.toLowerCase() === name.toLowerCase());
      if (result['total_count'] === 0) throw notFound('Company Not Found', 'company_not_found');
      return json(result);
    }
    if (segmentId !== null && segmentId !== '') return json(pageOfCompanies(ws, req, p, () => false));
    if (tagId !== null && tagId !== '') return json(pageOfCompanies(ws, req, p, (c) => c.tag_ids.includes(tagId)));
    return json(pageOfCompanies(ws, req, p, () => true));
  });

  router.post('/companies/list', (req) => {
    const order = req.query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw badRequest('order must be asc or desc', 'parameter_invalid', 'order');
    return json(pageOfCompanies(ws, req, pageParams(req, 15, 60), () => true, order === 'desc'));
  });

  router.get('/companies/scroll', (req) => {
    const now = ws.clock.now();
    const open = ws.scroll;
    if (open !== null && now - open.lastUsedMs > ctx.scrollTtlMs) ws.scroll = null; // expired while idle
    const param_ = req.query.get('scroll_param');
    let state = ws.scroll;
    if (param_ === null || param_ === '') {
      if (state !== null) throw badRequest('A scroll is already open for this workspace; finish it or wait for it to expire', 'scroll_exists');
      state = { param: ws.newScrollParam(), position: -1, pagesServed: 0, lastUsedMs: now };
      ws.scroll = state;
    } else if (state === null || state.param !== param_) {
      throw notFound('Scroll parameter not found or expired', 'not_found');
    }
    state.lastUsedMs = now;
    state.pagesServed += 1;
    if (knobs.scrollFailOnPage !== null && state.pagesServed >= knobs.scrollFailOnPage) {
      knobs.scrollFailOnPage = null;
      ws.scroll = null; // the scroll cannot be resumed: the client must start over
      throw new ApiError(500, 'server_error', SCROLL_RESTART_MESSAGE);
    }
    const slice = takeSlice(ws.companies.from(state.position), ctx.scrollPageSize);
    if (slice.items.length === 0) ws.scroll = null; // the end: an empty page, and the param expires
    else state.position = slice.last;
    return json({ type: 'list', data: slice.items.map((c) => renderCompany(ws, c)), pages: null, total_count: null, scroll_param: state.param });
  });

  router.get('/companies/{company_id}', (req) => json(renderCompany(ws, requireCompany(ws, param(req, 'company_id')).record)));

  router.put('/companies/{company_id}', (req) => {
    const { index, record } = requireCompany(ws, param(req, 'company_id'));
    const body = bodyObject(req);
    if (body['company_id'] !== undefined && body['company_id'] !== record.company_id) {
      throw badRequest('company_id cannot be changed', 'parameter_invalid', 'company_id');
    }
    const c = editableCompany(record);
    applyCompanyFields(ws, c, body);
    c.updated_at = ws.nowSeconds();
    ws.putCompany(index, c);
    return json(renderCompany(ws, c));
  });

  router.delete('/companies/{company_id}', (req) => {
    const { index, record } = requireCompany(ws, param(req, 'company_id'));
    for (const contactId of ws.companyContacts.get(record.id) ?? []) {
      const found = ws.contacts.getById(contactId);
      if (found === undefined) continue;
      ws.putContact(found.index, { ...found.record, company_ids: found.record.company_ids.filter((id) => id !== record.id) });
    }
    ws.companyContacts.delete(record.id);
    ws.companies.remove(index);
    return json({ id: record.id, object: 'company', deleted: true });
  });

  router.get('/companies/{company_id}/contacts', (req) => {
    const { record } = requireCompany(ws, param(req, 'company_id'));
    const p = pageParams(req, 50, 150);
    const ids = [...(ws.companyContacts.get(record.id) ?? [])];
    const contacts = ids.flatMap((id) => {
      const c = ws.contacts.getById(id)?.record;
      return c === undefined ? [] : [c];
    });
    const items = contacts.slice((p.page - 1) * p.perPage, p.page * p.perPage).map((c) => renderContact(ws, c));
    const pages = linkPages(req, p, contacts.length);
    return json({ type: 'list', data: items, total_count: contacts.length, pages });
  });

  router.get('/companies/{company_id}/segments', (req) => {
    requireCompany(ws, param(req, 'company_id'));
    return json({ type: 'list', data: [] });
  });
}
