/**
 * What Intercom accepts in a record's custom_attributes: only attributes the workspace has (data attributes for
 * contacts and companies, conversation attributes for conversations), not archived, with a value of their type
 * (a list attribute: one of its options); null clears one. Anything else is refused as Intercom does, before the
 * record changes: a flow that writes an attribute the workspace lacks fails here as it would against Intercom.
 * Messages: Intercom's own where clients are known to see them (intercom-node#349 for conversations; community
 * reports for contacts), our words for the type checks.
 */
import { ApiError, badRequest } from '../errors';
import type { JsonObject } from '../input';
import type { ConversationAttributeRecord, DataAttributeRecord } from '../store/records';
import type { Workspace } from '../store/workspace';

type Checked = { type: DataAttributeRecord['data_type'] | ConversationAttributeRecord['data_type']; options?: string[] };

function valueProblem(name: string, value: unknown, attribute: Checked): string | undefined {
  if (value === null) return undefined;
  switch (attribute.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `Custom attribute '${name}' must be a string`;
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : `Custom attribute '${name}' must be an integer`;
    case 'float':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `Custom attribute '${name}' must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `Custom attribute '${name}' must be true or false`;
    case 'date':
    case 'datetime':
      return Number.isSafeInteger(value) ? undefined : `Custom attribute '${name}' must be a Unix timestamp (seconds)`;
    case 'options':
    case 'list':
      return typeof value === 'string' && (attribute.options ?? []).includes(value)
        ? undefined
        : `Custom attribute '${name}' must be one of its options: ${(attribute.options ?? []).join(', ')}`;
    default:
      return undefined;
  }
}

/** Contacts and companies: every key must be a custom data attribute of the model. */
export function checkDataAttributes(ws: Workspace, model: 'contact' | 'company', values: JsonObject): void {
  for (const [name, value] of Object.entries(values)) {
    const attribute = ws.dataAttributes.find((d) => d.model === model && d.custom && !d.archived && d.name === name);
    if (!attribute) throw new ApiError(400, 'parameter_not_found', `Custom attribute '${name}' does not exist`);
    const problem = valueProblem(name, value, { type: attribute.data_type, ...(attribute.options ? { options: attribute.options } : {}) });
    if (problem) throw badRequest(problem, 'parameter_invalid', `custom_attributes.${name}`);
  }
}

/** Conversations: every key must be a conversation attribute of the workspace. */
export function checkConversationAttributes(ws: Workspace, values: JsonObject): void {
  for (const [name, value] of Object.entries(values)) {
    const attribute = ws.conversationAttributes.find((a) => !a.archived && a.name === name);
    if (!attribute) throw new ApiError(400, 'parameter_invalid', `Conversation attribute '${name}' does not exist`);
    const options = attribute.options?.filter((o) => !o.archived).map((o) => o.label);
    const problem = valueProblem(name, value, { type: attribute.data_type, ...(options ? { options } : {}) });
    if (problem) throw badRequest(problem.replace('Custom attribute', 'Conversation attribute'), 'parameter_invalid', `custom_attributes.${name}`);
  }
}
