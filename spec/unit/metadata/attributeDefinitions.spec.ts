/**
 * Which of a workspace's attribute definitions a search may filter on as custom attributes, and with which type.
 * The definitions are written by hand in the shape Intercom lists them (GET /data_attributes, GET
 * /conversations/attributes).
 */
import assert from 'node:assert/strict';
import { SEARCH_MODELS } from '../../../lib/catalogue/searchFields';
import { searchableAttributeTypes } from '../../../lib/metadata/attributeDefinitions';
import { buildQuery, fieldType } from '../../../lib/search/terms';

const dataAttributes = [
  // Standard attributes are listed too (custom: false); they are searched by their own names, never as custom ones.
  { type: 'data_attribute', name: 'email', full_name: 'email', data_type: 'string', custom: false },
  { type: 'data_attribute', name: 'signed_up_at', full_name: 'signed_up_at', data_type: 'date', custom: false },
  // A custom attribute whose name is also a standard attribute's: as a custom one it has its own type.
  { type: 'data_attribute', name: 'email', full_name: 'custom_attributes.email', data_type: 'integer', custom: true },
  { type: 'data_attribute', name: 'score', full_name: 'custom_attributes.score', data_type: 'float', custom: true },
  { type: 'data_attribute', name: 'vip', full_name: 'custom_attributes.vip', data_type: 'boolean', custom: true },
  { type: 'data_attribute', name: 'renewal', full_name: 'custom_attributes.renewal', data_type: 'date', custom: true },
  { type: 'data_attribute', name: 'old_plan', full_name: 'custom_attributes.old_plan', data_type: 'string', custom: true, archived: true },
  { type: 'data_attribute', name: 'tiers', full_name: 'custom_attributes.tiers', data_type: 'list', custom: true },
  { type: 'data_attribute', name: 'blob', full_name: 'custom_attributes.blob', data_type: 'object', custom: true },
  { type: 'data_attribute', name: '', data_type: 'string', custom: true },
  null,
  'not a definition',
];

describe('metadata: searchable custom attributes', () => {
  it('contacts and companies: only custom, unarchived attributes of a searchable type, typed as Intercom lists them', () => {
    const expected = { email: 'integer', score: 'float', vip: 'boolean', renewal: 'date', tiers: 'string' };
    assert.deepEqual(searchableAttributeTypes('contact', dataAttributes), expected);
    assert.deepEqual(searchableAttributeTypes('company', dataAttributes), expected);
  });

  it('conversations list only their own attributes (no custom flag): every unarchived one of a searchable type counts', () => {
    const conversationAttributes = [
      { name: 'priority_level', data_type: 'integer' },
      { name: 'region', data_type: 'list' },
      { name: 'amount', data_type: 'decimal' },
      { name: 'due', data_type: 'datetime' },
      { name: 'gone', data_type: 'string', archived: true },
      { name: 'files', data_type: 'files' },
    ];
    assert.deepEqual(searchableAttributeTypes('conversation', conversationAttributes), { priority_level: 'integer', region: 'string', amount: 'float', due: 'date' });
  });

  it('a custom attribute named like a standard one is typed as the custom one under custom_attributes., the standard one keeps its type', () => {
    const customTypes = searchableAttributeTypes('contact', dataAttributes);
    const contacts = SEARCH_MODELS.contacts;
    assert.equal(fieldType(contacts, 'custom_attributes.email', customTypes), 'integer');
    assert.equal(fieldType(contacts, 'email', customTypes), 'string');
    assert.equal(fieldType(contacts, 'custom_attributes.unlisted', customTypes), 'string', 'an attribute the list does not name is searched as text');
    assert.equal(fieldType(contacts, 'unknown_field', customTypes), undefined);
    assert.deepEqual(buildQuery(contacts, [{ fieldName: 'custom_attributes.email', condition: '>', fieldValue: '3' }], [], customTypes).query, { field: 'custom_attributes.email', operator: '>', value: 3 });
    assert.deepEqual(buildQuery(contacts, [{ fieldName: 'email', condition: '=', fieldValue: 3 }], [], customTypes).query, { field: 'email', operator: '=', value: '3' });
  });
});
