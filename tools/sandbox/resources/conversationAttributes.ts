/**
 * Conversation attributes (GET/POST /conversations/attributes, get, update, delete): the list a conversation's
 * custom_attributes are checked against (customAttributes.ts). Options of list attributes are answered by the
 * generated responses.
 */
import { ApiError, badRequest, notFound } from '../errors';
import { json } from '../http';
import { bodyObject, optArray, optBoolean, optString, reqString } from '../input';
import type { ConversationAttributeRecord } from '../store/records';
import type { ResourceContext } from './context';
import { param } from './contacts';

const DATA_TYPES: ReadonlyArray<ConversationAttributeRecord['data_type']> = ['string', 'integer', 'list', 'decimal', 'boolean', 'datetime', 'relationship', 'files'];

function render(a: ConversationAttributeRecord): Record<string, unknown> {
  return { type: 'conversation_attribute', ...a };
}

export function registerConversationAttributes(ctx: ResourceContext): void {
  const { ws, router } = ctx;
  const find = (raw: string): ConversationAttributeRecord => {
    const found = /^\d+$/.test(raw) ? ws.conversationAttributes.find((a) => a.id === Number(raw) && !a.archived) : undefined;
    if (!found) throw notFound('Conversation attribute not found', 'conversation_attribute_not_found');
    return found;
  };

  router.get('/conversations/attributes', () => json({ type: 'list', data: ws.conversationAttributes.filter((a) => !a.archived).map(render) }));

  router.post('/conversations/attributes', (req) => {
    const body = bodyObject(req);
    const name = reqString(body, 'name');
    const dataType = reqString(body, 'data_type');
    if (!(DATA_TYPES as readonly string[]).includes(dataType)) {
      throw new ApiError(422, 'parameter_invalid', `data_type '${dataType}' is not valid. Allowed types: ${DATA_TYPES.join(', ')}`);
    }
    if (ws.conversationAttributes.some((a) => !a.archived && a.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`A conversation attribute named ${JSON.stringify(name)} already exists`, 'parameter_invalid', 'name');
    }
    const now = ws.nowSeconds();
    const id = ws.newDataAttributeId();
    const record: ConversationAttributeRecord = {
      id,
      name,
      description: optString(body, 'description') ?? '',
      data_type: dataType as ConversationAttributeRecord['data_type'],
      required: optBoolean(body, 'required') ?? false,
      visible_to_team_ids: (optArray(body, 'visible_to_team_ids') ?? []).map(String),
      archived: false,
      created_at: now,
      updated_at: now,
      admin_id: ws.admins[0]?.id ?? '0',
    };
    if (dataType === 'list') {
      const options = (optArray(body, 'options') ?? []).map((o, i) => {
        const label = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)['label'] : undefined;
        if (typeof label !== 'string' || label === '') throw new ApiError(422, 'parameter_invalid', 'label is required');
        return { id: `${id}-${i + 1}`, label, archived: false };
      });
      if (options.length < 2) throw new ApiError(422, 'parameter_invalid', 'A list attribute must have at least 2 active options');
      record.options = options;
    }
    ws.conversationAttributes.push(record);
    return json(render(record));
  });

  router.get('/conversations/attributes/{id}', (req) => json(render(find(param(req, 'id')))));

  router.put('/conversations/attributes/{id}', (req) => {
    const record = find(param(req, 'id'));
    const body = bodyObject(req);
    const name = optString(body, 'name');
    if (name !== undefined) record.name = name;
    const description = optString(body, 'description');
    if (description !== undefined) record.description = description;
    const archived = optBoolean(body, 'archived');
    if (archived !== undefined) record.archived = archived;
    record.updated_at = ws.nowSeconds();
    return json(render(record));
  });

  router.delete('/conversations/attributes/{id}', (req) => {
    // Deleted attributes stop being listed and accepted; the answer is the attribute, archived.
    const record = find(param(req, 'id'));
    record.archived = true;
    record.updated_at = ws.nowSeconds();
    return json(render(record));
  });
}
