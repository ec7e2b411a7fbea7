/** Data attributes: built-ins plus custom ones; create, update (archive, options, description). */
import { badRequest, notFound, unprocessable } from '../errors';
import { json } from '../http';
import { bodyObject, optArray, optBoolean, optString, queryBoolean, reqString } from '../input';
import type { DataAttributeRecord } from '../store/records';
import type { ResourceContext } from './context';
import { param } from './contacts';

const MODELS = ['contact', 'company'] as const;
const DATA_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'options'] as const;

function renderDataAttribute(d: DataAttributeRecord): Record<string, unknown> {
  const { id, ...rest } = d;
  return id === null ? { type: 'data_attribute', ...rest } : { type: 'data_attribute', id, ...rest };
}

function readOptions(body: Record<string, unknown>): string[] | undefined {
  const raw = optArray(body, 'options');
  if (raw === undefined) return undefined;
  return raw.map((o, i) => {
    const value = typeof o === 'string' ? o : typeof o === 'object' && o !== null ? (o as Record<string, unknown>)['value'] : undefined;
    if (typeof value !== 'string') throw badRequest(`options[${i}] must be a string or {value}`, 'parameter_invalid', `options[${i}]`);
    return value;
  });
}

export function registerDataAttributes(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get('/data_attributes', (req) => {
    const model = req.query.get('model');
    if (model !== null && !(MODELS as readonly string[]).includes(model)) throw unprocessable('model must be contact or company');
    const archived = queryBoolean(req, 'include_archived');
    const data = ws.dataAttributes.filter((d) => (model === null || d.model === model) && (archived || !d.archived));
    return json({ type: 'list', data: data.map(renderDataAttribute) });
  });

  router.post('/data_attributes', (req) => {
    const body = bodyObject(req);
    const name = reqString(body, 'name');
    const model = reqString(body, 'model');
    const dataType = reqString(body, 'data_type');
    if (model !== 'contact' && model !== 'company') throw badRequest('model must be contact or company', 'parameter_invalid', 'model');
    if (!(DATA_TYPES as readonly string[]).includes(dataType)) throw badRequest(`data_type must be one of ${DATA_TYPES.join(', ')}`, 'parameter_invalid', 'data_type');
    if (!/^[^.$\s][^.$]*$/.test(name) || name.length > 190) throw badRequest('name may not contain dots or dollar signs', 'parameter_invalid', 'name');
    if (ws.dataAttributes.some((d) => d.model === model && d.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`An attribute named ${JSON.stringify(name)} already exists on ${model}`, 'parameter_invalid', 'name');
    }
    // One name across both models: Intercom refuses a contact attribute named like a company one, and the reverse.
    const other = model === 'contact' ? 'company' : 'contact';
    if (ws.dataAttributes.some((d) => d.model === other && d.custom && d.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`You already have '${name}' in your ${other === 'company' ? 'company' : 'people'} data. To save this as new ${model === 'company' ? 'company' : 'people'} data, use a different name.`, 'parameter_invalid', 'name');
    }
    const options = readOptions(body);
    if (dataType === 'options' && (options === undefined || options.length < 2)) {
      throw badRequest('An options attribute needs at least two options', 'parameter_invalid', 'options');
    }
    const now = ws.nowSeconds();
    const record: DataAttributeRecord = {
      id: ws.newDataAttributeId(),
      model,
      name,
      full_name: `custom_attributes.${name}`,
      label: name,
      description: optString(body, 'description') ?? '',
      data_type: dataType as DataAttributeRecord['data_type'],
      api_writable: true,
      messenger_writable: optBoolean(body, 'messenger_writable') ?? false,
      ui_writable: true,
      custom: true,
      archived: false,
      created_at: now,
      updated_at: now,
      admin_id: ws.admins[0]?.id ?? '0',
    };
    if (options !== undefined) record.options = options;
    ws.dataAttributes.push(record);
    return json(renderDataAttribute(record));
  });

  router.put('/data_attributes/{data_attribute_id}', (req) => {
    const raw = param(req, 'data_attribute_id');
    const record = /^\d+$/.test(raw) ? ws.dataAttributes.find((d) => d.id === Number(raw)) : undefined;
    if (record === undefined) throw notFound('Data attribute not found', 'field_not_found');
    const body = bodyObject(req);
    const archived = optBoolean(body, 'archived');
    if (archived !== undefined) record.archived = archived;
    const description = optString(body, 'description');
    if (description !== undefined) record.description = description;
    const messenger = optBoolean(body, 'messenger_writable');
    if (messenger !== undefined) record.messenger_writable = messenger;
    const options = readOptions(body);
    if (options !== undefined) record.options = options;
    record.updated_at = ws.nowSeconds();
    return json(renderDataAttribute(record));
  });
}
