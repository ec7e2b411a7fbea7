/**
 * What hangs off a contact: tags, companies, subscription types and segments. Attaching a company
 * also updates the company's user_count and its contact list.
 */
import { badRequest, notFound } from '../errors';
import { json } from '../http';
import { bodyObject, optString, reqId } from '../input';
import { linkPages, pageParams } from '../pagination';
import type { SubscriptionTypeRecord } from '../store/records';
import type { ResourceContext } from './context';
import { editable, param, requireContact } from './contacts';
import { renderCompany, requireCompany } from './companies';
import { renderTag, requireTag } from './render';

export function renderSubscriptionType(s: SubscriptionTypeRecord): Record<string, unknown> {
  const translation = { name: s.name, description: `${s.name} messages`, locale: 'en' };
  return {
    type: 'subscription',
    id: s.id,
    state: 'live',
    consent_type: s.consent_type,
    default_translation: translation,
    translations: [translation],
    content_types: s.content_types,
  };
}

export function registerContactRelations(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get('/contacts/{contact_id}/tags', (req) => {
    const { record } = requireContact(ws, param(req, 'contact_id'));
    return json({ type: 'list', data: record.tag_ids.flatMap((id) => (ws.tags.has(id) ? [renderTag(requireTag(ws, id))] : [])) });
  });

  router.post('/contacts/{contact_id}/tags', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const tag = requireTag(ws, reqId(bodyObject(req), 'id'));
    if (!record.tag_ids.includes(tag.id)) {
      const c = editable(record);
      c.tag_ids.push(tag.id);
      ws.putContact(index, c);
    }
    return json(renderTag(tag));
  });

  router.delete('/contacts/{contact_id}/tags/{tag_id}', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const tag = requireTag(ws, param(req, 'tag_id'));
    const c = editable(record);
    c.tag_ids = c.tag_ids.filter((id) => id !== tag.id);
    ws.putContact(index, c);
    return json(renderTag(tag));
  });

  router.get('/contacts/{contact_id}/companies', (req) => {
    const { record } = requireContact(ws, param(req, 'contact_id'));
    const p = pageParams(req, 50, 150);
    const companies = record.company_ids.flatMap((id) => {
      const c = ws.companies.getById(id)?.record;
      return c === undefined ? [] : [renderCompany(ws, c)];
    });
    const items = companies.slice((p.page - 1) * p.perPage, p.page * p.perPage);
    // The description's schema names the array `companies`, its example `data`: both are sent.
    return json({ type: 'list', data: items, companies: items, total_count: companies.length, pages: linkPages(req, p, companies.length) });
  });

  router.post('/contacts/{contact_id}/companies', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const company = requireCompany(ws, reqId(bodyObject(req), 'id')).record;
    if (!record.company_ids.includes(company.id)) {
      const c = editable(record);
      c.company_ids.push(company.id);
      ws.putContact(index, c);
    }
    const members = ws.companyContacts.get(company.id) ?? new Set<string>();
    members.add(record.id);
    ws.companyContacts.set(company.id, members);
    return json(renderCompany(ws, company));
  });

  router.delete('/contacts/{contact_id}/companies/{company_id}', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const company = requireCompany(ws, param(req, 'company_id')).record;
    if (!record.company_ids.includes(company.id)) throw notFound('The contact is not attached to this company', 'company_not_found');
    const c = editable(record);
    c.company_ids = c.company_ids.filter((id) => id !== company.id);
    ws.putContact(index, c);
    ws.companyContacts.get(company.id)?.delete(record.id);
    return json(renderCompany(ws, company));
  });

  router.get('/contacts/{contact_id}/subscriptions', (req) => {
    const { record } = requireContact(ws, param(req, 'contact_id'));
    const data = record.subscriptions.flatMap((s) => {
      const type = ws.subscriptionTypes.find((t) => t.id === s.id);
      return type === undefined ? [] : [renderSubscriptionType({ ...type, consent_type: s.consent_type })];
    });
    return json({ type: 'list', data });
  });

  router.post('/contacts/{contact_id}/subscriptions', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const body = bodyObject(req);
    const id = reqId(body, 'id');
    const consent = optString(body, 'consent_type');
    if (consent !== 'opt_in' && consent !== 'opt_out') throw badRequest('consent_type must be opt_in or opt_out', 'parameter_invalid', 'consent_type');
    const type = ws.subscriptionTypes.find((t) => t.id === id);
    if (type === undefined) throw notFound('Subscription type not found');
    const c = editable(record);
    c.subscriptions = [...c.subscriptions.filter((s) => s.id !== id), { id, consent_type: consent }];
    ws.putContact(index, c);
    return json(renderSubscriptionType({ ...type, consent_type: consent }));
  });

  router.delete('/contacts/{contact_id}/subscriptions/{subscription_id}', (req) => {
    const { index, record } = requireContact(ws, param(req, 'contact_id'));
    const id = param(req, 'subscription_id');
    const type = ws.subscriptionTypes.find((t) => t.id === id);
    if (type === undefined) throw notFound('Subscription type not found');
    const c = editable(record);
    c.subscriptions = c.subscriptions.filter((s) => s.id !== id);
    ws.putContact(index, c);
    return json(renderSubscriptionType(type));
  });

  router.get('/contacts/{contact_id}/segments', (req) => {
    requireContact(ws, param(req, 'contact_id'));
    return json({ type: 'list', data: [] });
  });

  router.get('/subscription_types', () => json({ type: 'list', data: ws.subscriptionTypes.map(renderSubscriptionType) }));
}
