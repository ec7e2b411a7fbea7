/**
 * The data attributes a fresh workspace lists: a few built-ins per model plus the custom ones the seeded records
 * carry (contacts' plan, seats and trial end); and the conversation attributes (GET /conversations/attributes).
 */
import type { ConversationAttributeRecord, DataAttributeRecord } from './records';

type Builtin = [DataAttributeRecord['model'], string, string, DataAttributeRecord['data_type'], boolean];

const BUILTINS: Builtin[] = [
  ['contact', 'name', 'Name', 'string', true],
  ['contact', 'email', 'Email', 'string', true],
  ['contact', 'phone', 'Phone', 'string', true],
  ['contact', 'external_id', 'User ID', 'string', true],
  ['contact', 'created_at', 'Signed up', 'date', false],
  ['contact', 'updated_at', 'Last updated', 'date', false],
  ['contact', 'last_seen_at', 'Last seen', 'date', true],
  ['company', 'name', 'Company name', 'string', true],
  ['company', 'company_id', 'Company ID', 'string', false],
  ['company', 'remote_created_at', 'Company created at', 'date', true],
  ['company', 'monthly_spend', 'Monthly spend', 'float', true],
];

export function defaultDataAttributes(epoch: number): DataAttributeRecord[] {
  const out: DataAttributeRecord[] = BUILTINS.map(([model, name, label, data_type, api_writable]) => ({
    id: null,
    model,
    name,
    full_name: name,
    label,
    description: `${label} (built in)`,
    data_type,
    api_writable,
    messenger_writable: false,
    ui_writable: false,
    custom: false,
    archived: false,
  }));
  const custom: Array<[DataAttributeRecord['model'], string, DataAttributeRecord['data_type']]> = [
    ['contact', 'plan', 'string'],
    ['contact', 'seats', 'integer'],
    ['contact', 'trial_ends_at', 'date'],
    ['company', 'tier', 'string'],
  ];
  custom.forEach(([model, name, data_type], i) => {
    out.push({
      id: 100 + i,
      model,
      name,
      full_name: `custom_attributes.${name}`,
      label: name,
      description: `Custom ${data_type} attribute`,
      data_type,
      api_writable: true,
      messenger_writable: false,
      ui_writable: true,
      custom: true,
      archived: false,
      created_at: epoch - 100 * 86_400,
      updated_at: epoch - 100 * 86_400,
      admin_id: '0',
    });
  });
  return out;
}

/** A fresh workspace's conversation attributes: a text, a number and a list, as a support team sets them up. */
export function defaultConversationAttributes(epoch: number): ConversationAttributeRecord[] {
  const created = epoch - 100 * 86_400;
  const base = { description: '', required: false, visible_to_team_ids: [], archived: false, created_at: created, updated_at: created, admin_id: '0' };
  return [
    { ...base, id: 200, name: 'order_number', data_type: 'string', description: 'Order the conversation is about' },
    { ...base, id: 201, name: 'refund_amount', data_type: 'decimal' },
    {
      ...base,
      id: 202,
      name: 'priority_reason',
      data_type: 'list',
      options: [
        { id: '202-1', label: 'Outage', archived: false },
        { id: '202-2', label: 'VIP customer', archived: false },
      ],
    },
  ];
}
