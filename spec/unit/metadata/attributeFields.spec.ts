/**
 * The mapper fields made from a workspace's attribute definitions (lib/metadata/customAttributes.ts,
 * attributeDefinitions.ts) at their edges: blank names, labels and descriptions, list options without an id or a
 * label or with a numeric id, entries that are no definition, company lists mixing standard attributes, a ticket
 * attribute shared by several ticket types. Definitions are written by hand in the shape Intercom lists them.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import createTicketModule from '../../../lib/actions/createTicket';
import { attributeField, attributePlaces, customAttributeProperties, withTypedAttributes } from '../../../lib/metadata/customAttributes';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

type Schema = { type?: string; title?: string; description?: string; properties?: Record<string, Schema> };

describe('attribute definitions → mapper fields, at the edges', () => {
  it('a blank name gives no field; a blank label falls back to the name; a blank description is left out', () => {
    assert.equal(attributeField({ name: '   ', data_type: 'string' }), undefined);
    assert.equal(attributeField({ data_type: 'string' }), undefined);
    assert.deepEqual(attributeField({ name: 'plan', label: '  ', description: ' ', data_type: 'string' }), {
      type: 'string',
      title: 'plan',
      description: 'The workspace’s own custom attribute, data type string: any text.',
    });
  });

  it('a list without option ids (not a ticket attribute) names its labels; options without a label, blank or archived ones are not named', () => {
    const field = attributeField({ name: 'tier', data_type: 'list', options: [{ id: 'o1', label: 'Gold' }, { id: 'o2' }, { id: 'o3', label: '  ' }, null, { id: 'o4', label: 'Old', archived: true }] });
    assert.equal(field?.['description'], 'The workspace’s own custom attribute, data type list: one of Gold.');
    assert.equal(field?.['type'], 'string');
  });

  it('a list whose options have no label says the value is one set up in Intercom', () => {
    assert.equal(attributeField({ name: 'tier', data_type: 'list', options: [{ id: 'o1' }] })?.['description'], 'The workspace’s own custom attribute, data type list: one of the values set up in Intercom.');
  });

  it('ticket list options: numeric ids as digits, options without an id (or a blank one) left out, each named with its label', () => {
    const definition = { name: 'priority', data_type: 'list', input_options: { list_options: [{ id: 12, label: 'Low' }, { label: 'No id' }, { id: '  ', label: 'Blank id' }, { id: 'b7' }] } };
    const field = customAttributeProperties('ticket', [definition])['priority'];
    assert.deepEqual([field?.['type'], field?.['description']], ['string', 'The workspace’s own custom attribute, data type list: the id of the chosen option, not its label: one of 12 (Low), b7.']);
  });

  it('entries that are no definition are skipped; company lists keep only custom attributes', () => {
    const company = customAttributeProperties('company', [
      null,
      { type: 'data_attribute', name: 'name', data_type: 'string', custom: false },
      { type: 'data_attribute', name: 'industry_code', data_type: 'integer', custom: true },
    ]);
    assert.deepEqual(Object.keys(company), ['industry_code']);
    assert.equal(company['industry_code']?.['type'], 'number');
  });

  it('a ticket attribute shared by several ticket types is shown once, as the first type has it', () => {
    const properties = customAttributeProperties('ticket', [
      { name: 'size', data_type: 'integer', description: 'Shirt size' },
      { name: 'size', data_type: 'string', description: 'Box size' },
    ]);
    assert.deepEqual(properties['size'], { type: 'number', title: 'size', description: 'Shirt size. The workspace’s own custom attribute, data type integer: a whole number.' });
  });

  it('no attributes: the schema stays as it is (its attribute object keeps whatever it allowed)', () => {
    const schema = { type: 'object', properties: { custom_attributes: { type: 'object', additionalProperties: true } } };
    assert.equal(withTypedAttributes(schema, 'contact', {}), schema);
  });

  it('attributePlaces counts the places a record\'s attribute object appears: at the top and in each record container', () => {
    const record = { type: 'object', properties: { id: { type: 'string' }, custom_attributes: { type: 'object' } } };
    assert.equal(attributePlaces({ type: 'object', properties: { custom_attributes: { type: 'object' }, data: { type: 'array', items: record } } }, 'contact'), 2);
    assert.equal(attributePlaces({ type: 'object', properties: { ticket_attributes: { type: 'object' } } }, 'ticket'), 1);
    assert.equal(attributePlaces({ type: 'object', properties: { id: { type: 'string' } } }, 'contact'), 0);
  });
});

describe('ticket attribute definitions as Intercom lists them', () => {
  offlineRuntime();

  it('ticket types without attributes add nothing; the attributes of the others are typed', async () => {
    nock(TEST_BASE_URL)
      .get('/ticket_types')
      .reply(200, {
        type: 'list',
        data: [
          { type: 'ticket_type', id: '1', name: 'Bug' },
          { type: 'ticket_type', id: '2', name: 'Order', ticket_type_attributes: { type: 'list', data: [{ type: 'ticket_type_attribute', name: 'order_no', data_type: 'integer' }] } },
        ],
      });
    const step = new FakeStep();
    const meta = await (createTicketModule.getMetaModel as (this: unknown, cfg: unknown) => Promise<{ in?: Schema }>).call(step, testConfig());
    assert.deepEqual(meta.in?.properties?.['ticket_attributes']?.properties, {
      order_no: { type: 'number', title: 'order_no', description: 'The workspace’s own custom attribute, data type integer: a whole number.' },
    });
    assert.deepEqual(nock.pendingMocks(), []);
  });

  it('when the attributes cannot be listed, the reason names the step\'s metadata call', async () => {
    nock(TEST_BASE_URL).get('/ticket_types').reply(403, { type: 'error.list', errors: [{ code: 'forbidden', message: 'no scope' }] });
    const step = new FakeStep();
    await (createTicketModule.getMetaModel as (this: unknown, cfg: unknown) => Promise<unknown>).call(step, testConfig());
    assert.ok(step.logs.some((l) => /createTicket: custom ticket attributes could not be listed \(.*createTicket\.getMetaModel.*\)/.test(l)), step.logs.join('\n'));
  });
});
