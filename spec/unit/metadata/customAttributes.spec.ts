/**
 * nock, not the sandbox: each case scripts the attribute list (types, archived, read-only, a missing scope) that
 * the mapper metadata is built from.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { allOperations } from '../../../lib/catalogue/index';
import { readSchema } from '../../../lib/runtime/schemas';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';
import createContactModule from '../../../lib/actions/createContact';
import updateCompanyModule from '../../../lib/actions/updateCompany';
import updateConversationModule from '../../../lib/actions/updateConversation';
import { customAttributeProperties, type MetaModel } from '../../../lib/metadata/customAttributes';
import type { ComponentModule, ModuleFacts } from '../../../lib/operation/componentModule';

/** A module whose getMetaModel the manifest declares (dynamicMetadata), as the platform calls it. */
type DynamicModule = ComponentModule & { getMetaModel(this: unknown, cfg: unknown): Promise<MetaModel> };
const createContact = createContactModule as DynamicModule;
const updateCompany = updateCompanyModule as DynamicModule;
const updateConversation = updateConversationModule as DynamicModule;

const ROOT = join(__dirname, '..', '..', '..');
const cfg = testConfig('tok_metadata_unit_0001');

type Schema = { properties: Record<string, { properties?: Record<string, unknown>; type?: string }> };

const attribute = (name: string, data_type: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'data_attribute',
  name,
  full_name: `custom_attributes.${name}`,
  label: name.toUpperCase(),
  data_type,
  custom: true,
  archived: false,
  api_writable: true,
  ...extra,
});

describe('dynamic metadata: custom attributes as typed fields (getMetaModel)', () => {
  offlineRuntime();

  it('createContact: the workspace’s custom contact attributes appear under custom_attributes typed string, number, boolean and date (Unix seconds); standard, archived and read-only ones do not', async () => {
    nock(TEST_BASE_URL)
      .get('/data_attributes')
      .query({ model: 'contact' })
      .reply(200, {
        type: 'list',
        data: [
          attribute('plan', 'string', { description: 'Pricing plan' }),
          attribute('seats', 'integer'),
          attribute('mrr', 'float'),
          attribute('vip', 'boolean'),
          attribute('renewal_at', 'date'),
          attribute('legacy', 'string', { archived: true }),
          attribute('computed', 'string', { api_writable: false }),
          { ...attribute('email', 'string'), full_name: 'email', custom: false },
        ],
      });
    const meta = await createContact.getMetaModel.call(new FakeStep(), cfg);
    const staticIn = readSchema('createContact', 'in') as Schema;
    const custom = (meta.in as Schema).properties['custom_attributes'];
    assert.deepEqual(custom?.properties, {
      plan: { type: 'string', title: 'PLAN', description: 'Pricing plan. The workspace’s own custom attribute, data type string: any text.' },
      seats: { type: 'number', title: 'SEATS', description: 'The workspace’s own custom attribute, data type integer: a whole number.' },
      mrr: { type: 'number', title: 'MRR', description: 'The workspace’s own custom attribute, data type float: a number, decimals allowed.' },
      vip: { type: 'boolean', title: 'VIP', description: 'The workspace’s own custom attribute, data type boolean: true or false.' },
      renewal_at: { type: 'number', title: 'RENEWAL_AT', description: 'The workspace’s own custom attribute, data type date: Unix time in seconds (UTC), e.g. 1717171717 (31 May 2024, 16:08:37 UTC).' },
    });
    assert.equal(custom?.type, 'object');
    // Every other input is the static schema's.
    const { custom_attributes: _a, ...rest } = (meta.in as Schema).properties;
    const { custom_attributes: _b, ...staticRest } = staticIn.properties;
    assert.deepEqual(rest, staticRest);
    assert.ok((meta.out as Schema).properties['custom_attributes']?.properties?.['plan']);
  });

  it('updateCompany reads GET /data_attributes?model=company', async () => {
    const scope = nock(TEST_BASE_URL).get('/data_attributes').query({ model: 'company' }).reply(200, { type: 'list', data: [attribute('tier', 'string')] });
    const meta = await updateCompany.getMetaModel.call(new FakeStep(), cfg);
    scope.done();
    assert.deepEqual(Object.keys((meta.in as Schema).properties['custom_attributes']?.properties ?? {}), ['tier']);
  });

  it('updateConversation reads GET /conversations/attributes (they have a list of their own): list, decimal and datetime typed, relationship and files left out', async () => {
    nock(TEST_BASE_URL)
      .get('/conversations/attributes')
      .reply(200, {
        type: 'list',
        data: [
          { type: 'conversation_attribute', id: 1, name: 'Priority', data_type: 'list', options: [{ id: 'u1', label: 'P1', archived: false }, { id: 'u2', label: 'P2', archived: true }] },
          { type: 'conversation_attribute', id: 2, name: 'Refund', data_type: 'decimal' },
          { type: 'conversation_attribute', id: 3, name: 'Follow up', data_type: 'datetime' },
          { type: 'conversation_attribute', id: 4, name: 'Order', data_type: 'relationship' },
          { type: 'conversation_attribute', id: 5, name: 'Proof', data_type: 'files' },
          { type: 'conversation_attribute', id: 6, name: 'Gone', data_type: 'string', archived: true },
        ],
      });
    const meta = await updateConversation.getMetaModel.call(new FakeStep(), cfg);
    assert.deepEqual((meta.in as Schema).properties['custom_attributes']?.properties, {
      Priority: { type: 'string', title: 'Priority', description: 'The workspace’s own custom attribute, data type list: one of P1.' },
      Refund: { type: 'number', title: 'Refund', description: 'The workspace’s own custom attribute, data type decimal: a number, decimals allowed.' },
      'Follow up': { type: 'number', title: 'Follow up', description: 'The workspace’s own custom attribute, data type datetime: Unix time in seconds (UTC), e.g. 1717171717 (31 May 2024, 16:08:37 UTC).' },
    });
  });

  it('fallback: when the attributes cannot be listed, the static schema is returned and the reason logged', async () => {
    nock(TEST_BASE_URL).get('/data_attributes').query({ model: 'contact' }).reply(403, { type: 'error.list', errors: [{ code: 'forbidden', message: 'token lacks the read data attributes scope' }] });
    const step = new FakeStep();
    const meta = await createContact.getMetaModel.call(step, cfg);
    assert.deepEqual(meta, { in: readSchema('createContact', 'in'), out: readSchema('createContact', 'out') });
    assert.ok(step.logs.some((l) => l.startsWith('warn') && l.includes('token lacks the read data attributes scope') && l.includes('static metadata')));
    const noToken = new FakeStep();
    const fallback = await createContact.getMetaModel.call(noToken, {});
    assert.deepEqual(fallback.in, readSchema('createContact', 'in'));
    assert.ok(noToken.logs.some((l) => l.includes('accessToken')));
  });

  it('the generated modules keep process and the manifest declares dynamicMetadata (without static metadata) for exactly these actions', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { actions: Record<string, Record<string, unknown>> };
    const moduleFacts = JSON.parse(readFileSync(join(ROOT, 'lib', 'generated', 'modules.json'), 'utf8')) as Record<string, ModuleFacts>;
    const customAttributeModels = Object.fromEntries(allOperations().flatMap(([key, decl]) => (decl.customAttributes ? [[key, decl.customAttributes]] : [])));
    assert.deepEqual(Object.keys(customAttributeModels).sort(), [
      'createContact', 'createTicket', 'findCompanies', 'getCompany', 'getContact', 'getContactByExternalId', 'getConversation', 'getTicket',
      'listCompanies', 'listCompanyContacts', 'listContactCompanies', 'listContacts', 'listConversations', 'scrollCompanies', 'searchContacts',
      'searchConversations', 'searchTickets', 'updateCompany', 'updateContact', 'updateConversation', 'updateTicket', 'upsertCompany',
    ]);
    for (const key of Object.keys(customAttributeModels)) {
      const action = manifest.actions[key];
      assert.equal(action?.['dynamicMetadata'], true, key);
      assert.equal(action?.['metadata'], undefined, key);
      assert.equal(moduleFacts[key]?.customAttributes, customAttributeModels[key], `lib/generated/modules.json gives ${key} its model`);
      const module = require(join(ROOT, 'lib', 'actions', key)) as ComponentModule;
      assert.equal(typeof module.getMetaModel, 'function', key);
    }
    assert.equal(typeof createContact.process, 'function');
    // Among generated actions (hand-written ones declare their own), no other has dynamic metadata.
    const generated = new Set(allOperations().map(([key]) => key));
    const others = Object.entries(manifest.actions).filter(([key, a]) => generated.has(key) && a['dynamicMetadata'] && !(key in customAttributeModels));
    assert.deepEqual(others, []);
  });
});

describe('list attributes: what value the mapper asks for', () => {
  it('a ticket list attribute asks for the id of the chosen option (Intercom takes the list item id), naming each option', () => {
    const definition = {
      type: 'ticket_type_attribute',
      name: 'priority',
      data_type: 'list',
      input_options: { list_options: [{ id: 'de1825a0-0164-4070-8ca6-13e22462fa7e', label: 'High' }, { id: 'a0c1', label: 'Old', archived: true }] },
    };
    const help = String(customAttributeProperties('ticket', [definition])['priority']?.['description']);
    assert.match(help, /the id of the chosen option, not its label: one of de1825a0-0164-4070-8ca6-13e22462fa7e \(High\)\./);
    assert.doesNotMatch(help, /a0c1|Old/, 'archived options are not offered');
  });

  it('a ticket list attribute without its options still says the value is an option id', () => {
    const help = String(customAttributeProperties('ticket', [{ name: 'priority', data_type: 'list' }])['priority']?.['description']);
    assert.match(help, /the id of the chosen option, not its label \(Ticket types: Get lists the options\)/);
  });

  it('a conversation list attribute names its labels', () => {
    const definition = { name: 'tier', data_type: 'list', options: [{ id: 'o1', label: 'Gold' }, { id: 'o2', label: 'Silver' }] };
    assert.match(String(customAttributeProperties('conversation', [definition])['tier']?.['description']), /one of Gold, Silver\./);
  });
});
