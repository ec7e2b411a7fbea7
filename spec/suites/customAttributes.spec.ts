/**
 * Custom attributes wherever a record is shown: the getMetaModel of triggers and of the get/find/search/list
 * actions of contacts, companies, conversations and tickets, against the sandbox. Attributes are created through
 * the component's own createDataAttribute action; tickets show the attributes of the sandbox's ticket types.
 */
import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../../tools/sandbox';
import { FakeStep, loadModule, manifest, runProcess, tuneRuntime, FAST_RETRIES } from './helpers';

const TOKEN = 'tok_custom_attributes_suite_0001';
type Schema = { type?: string; description?: string; properties?: Record<string, Schema>; items?: Schema };
type MetaModel = { in?: Schema; out: Schema };

function metaModelOf(key: string): (this: unknown, cfg: unknown) => Promise<MetaModel> {
  const { actions, triggers } = manifest();
  const entry = actions[key] ?? triggers[key];
  assert.ok(entry, `${key} is in component.json`);
  assert.equal((entry as { dynamicMetadata?: boolean }).dynamicMetadata, true, `${key} declares dynamicMetadata`);
  const fn = loadModule(entry.main)['getMetaModel'];
  assert.equal(typeof fn, 'function', `${key} exports getMetaModel`);
  return fn as (this: unknown, cfg: unknown) => Promise<MetaModel>;
}

/** The attribute object at a path of property names ("[]" steps into array items). */
function at(schema: Schema | undefined, path: string[]): Schema | undefined {
  let node = schema;
  for (const step of path) node = step === '[]' ? node?.items : node?.properties?.[step];
  return node;
}

describe('suite: custom attributes in the output metadata of records (sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let restore: () => void;
  const cfg = (): Record<string, unknown> => ({ accessToken: TOKEN, baseUrl: sb.url });

  before(async () => {
    restore = tuneRuntime(FAST_RETRIES);
    sb = await startSandbox({ tokens: [TOKEN], knobs: { rateLimitPerWindow: 1_000_000 } });
    const create = loadModule(manifest().actions['createDataAttribute']?.main ?? '').process;
    for (const body of [
      { name: 'plan_tier', model: 'contact', data_type: 'string' },
      { name: 'licence_count', model: 'contact', data_type: 'integer' },
      { name: 'renewal', model: 'company', data_type: 'date' },
    ]) {
      const outcome = await runProcess(create, body, cfg());
      assert.equal(outcome.error, undefined, String(outcome.error));
    }
  });
  after(async () => {
    restore();
    await sb.close();
  });

  const contactCases: Array<[string, string[]]> = [
    ['getContact', ['custom_attributes']],
    ['getContactByExternalId', ['custom_attributes']],
    ['listContacts', ['data', '[]', 'custom_attributes']],
    ['searchContacts', ['data', '[]', 'custom_attributes']],
    ['listCompanyContacts', ['data', '[]', 'custom_attributes']],
    ['newOrUpdatedContacts', ['custom_attributes']],
    ['findContactByEmail', ['contact', 'custom_attributes']],
    ['findContactByExternalId', ['contacts', '[]', 'custom_attributes']],
    ['upsertContact', ['contact', 'custom_attributes']],
  ];
  for (const [key, path] of contactCases) {
    it(`${key}: the workspace's contact attributes are typed fields at ${path.join('.')}`, async () => {
      const meta = await metaModelOf(key).call(new FakeStep(), cfg());
      const properties = at(meta.out, path)?.properties;
      assert.deepEqual(properties?.['plan_tier']?.type, 'string');
      assert.deepEqual(properties?.['licence_count']?.type, 'number');
      assert.equal(properties?.['renewal'], undefined, 'a company attribute is not a contact attribute');
    });
  }

  for (const [key, path] of [
    ['getCompany', ['custom_attributes']],
    ['listCompanies', ['data', '[]', 'custom_attributes']],
    ['scrollCompanies', ['data', '[]', 'custom_attributes']],
    ['listContactCompanies', ['companies', '[]', 'custom_attributes']],
    ['newOrUpdatedCompanies', ['custom_attributes']],
  ] as Array<[string, string[]]>) {
    it(`${key}: the company attributes are typed fields at ${path.join('.')} (dates as Unix seconds)`, async () => {
      const meta = await metaModelOf(key).call(new FakeStep(), cfg());
      const renewal = at(meta.out, [...path, 'renewal']);
      assert.equal(renewal?.type, 'number');
      assert.match(renewal?.description ?? '', /Unix time in seconds/);
    });
  }

  it("getTicket, searchTickets and the tickets trigger show the ticket types' attributes under ticket_attributes", async () => {
    for (const [key, path] of [
      ['getTicket', ['ticket_attributes']],
      ['searchTickets', ['tickets', '[]', 'ticket_attributes']],
      ['newOrUpdatedTickets', ['ticket_attributes']],
    ] as Array<[string, string[]]>) {
      const meta = await metaModelOf(key).call(new FakeStep(), cfg());
      const properties = at(meta.out, path)?.properties ?? {};
      assert.equal(properties['_default_title_']?.type, 'string', key);
      assert.equal(properties['_default_description_']?.type, 'string', key);
    }
  });

  it('a trigger has no input metadata; an action keeps its static input with the attributes typed where it writes them', async () => {
    const trigger = await metaModelOf('newOrUpdatedContacts').call(new FakeStep(), cfg());
    assert.equal(trigger.in, undefined);
    const create = await metaModelOf('createContact').call(new FakeStep(), cfg());
    assert.equal(at(create.in, ['custom_attributes', 'plan_tier'])?.type, 'string');
  });

  it("conversations show the conversation attributes; the company inside a conversation keeps the company's own schema", async () => {
    const staticCompany = at((await metaModelOf('getConversation').call(new FakeStep(), {})).out, ['company', 'custom_attributes']);
    for (const [key, path] of [
      ['getConversation', ['custom_attributes']],
      ['listConversations', ['conversations', '[]', 'custom_attributes']],
      ['searchConversations', ['conversations', '[]', 'custom_attributes']],
      ['newOrUpdatedConversations', ['custom_attributes']],
      ['closeConversation', ['custom_attributes']],
    ] as Array<[string, string[]]>) {
      const step = new FakeStep();
      const meta = await metaModelOf(key).call(step, cfg());
      assert.ok(step.logs.some((line) => /custom conversation attribute\(s\) added/.test(line)), `${key}: ${step.logs.join(' | ')}`);
      assert.equal(at(meta.out, path)?.type, 'object', key);
      if (key === 'getConversation') assert.deepEqual(at(meta.out, ['company', 'custom_attributes']), staticCompany);
    }
  });

  it('falls back to the static schema, with the reason logged, when the token may not list the attributes', async () => {
    const refusing = await startSandbox({ tokens: ['tok_someone_else_entirely_0000'] });
    try {
      const step = new FakeStep();
      const meta = await metaModelOf('listContacts').call(step, { accessToken: TOKEN, baseUrl: refusing.url });
      assert.equal(at(meta.out, ['data', '[]', 'custom_attributes'])?.properties, undefined);
      assert.ok(step.logs.some((line) => line.startsWith('warn') && line.includes('static metadata') && /401|unauthorized/i.test(line)), step.logs.join('\n'));
    } finally {
      await refusing.close();
    }
  });
});
