import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { useSandbox } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const OPERATIONS = join(ROOT, 'lib', 'generated', 'operations.json');

/**
 * Platform-dialect out-schemas → standard JSON schema. Nullability is not part of the dialect, while
 * Intercom (and the sandbox) send null for unset fields, so every type also admits null here.
 */
function lenient(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lenient);
  if (typeof schema !== 'object' || schema === null) return schema;
  const src = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'required' && !Array.isArray(v)) continue;
    if (k === 'properties' && typeof v === 'object' && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, lenient(p)]));
      const required = Object.entries(v)
        .filter(([, p]) => typeof p === 'object' && p !== null && (p as Record<string, unknown>)['required'] === true)
        .map(([n]) => n);
      if (required.length > 0) out['required'] = required;
    } else if (k === 'type' && typeof v === 'string') out[k] = [v, 'null'];
    else if (k === 'enum' && Array.isArray(v)) out[k] = [...v, null];
    else out[k] = lenient(v);
  }
  return out;
}

(existsSync(OPERATIONS) ? describe : describe.skip)('sandbox: stateful answers match the generated out-schemas', () => {
  const { api } = useSandbox({ seed: { contacts: 6, companies: 2, conversations: 3, tickets: 2 } });

  it('for every modelled operation exercised here', async () => {
    const ops = JSON.parse(readFileSync(OPERATIONS, 'utf8')) as Record<string, { method: string; path: string }>;
    const keyOf = (method: string, template: string): string | undefined => Object.entries(ops).find(([, o]) => o.method === method && o.path === template)?.[0];
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const me = (await api().call('GET', '/me')).body;
    const contacts = (await api().call('GET', '/contacts')).body.data;
    const user = contacts[0];
    const lead = contacts.find((c: { role: string }) => c.role === 'lead');
    const company = (await api().call('POST', '/companies', { company_id: 'acme', name: 'Acme' })).body;
    const tag = (await api().call('POST', '/tags', { name: 'T1' })).body;
    const conv = (await api().call('POST', '/conversations', { from: { type: 'user', id: user.id }, body: 'hello' })).body;
    const typeId = (await api().call('GET', '/ticket_types')).body.data[0].id;
    const ticket = (await api().call('POST', '/tickets', { ticket_type_id: typeId, contacts: [{ id: user.id }] })).body;
    const cid = conv.conversation_id;
    const calls: Array<[string, string, string, unknown?]> = [
      ['GET', '/me', '/me'],
      ['GET', '/admins', '/admins'],
      ['GET', '/admins/{admin_id}', `/admins/${me.id}`],
      ['GET', '/teams', '/teams'],
      ['GET', '/contacts', '/contacts'],
      ['POST', '/contacts', '/contacts', { email: 'schema@example.com' }],
      ['GET', '/contacts/{contact_id}', `/contacts/${user.id}`],
      ['PUT', '/contacts/{contact_id}', `/contacts/${user.id}`, { name: 'Q' }],
      ['POST', '/contacts/search', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' } }],
      ['GET', '/contacts/find_by_external_id/{external_id}', `/contacts/find_by_external_id/${user.external_id}`],
      ['POST', '/contacts/{contact_id}/tags', `/contacts/${user.id}/tags`, { id: tag.id }],
      ['GET', '/contacts/{contact_id}/tags', `/contacts/${user.id}/tags`],
      ['POST', '/contacts/{contact_id}/companies', `/contacts/${user.id}/companies`, { id: company.id }],
      ['GET', '/contacts/{contact_id}/companies', `/contacts/${user.id}/companies`],
      ['POST', '/contacts/{contact_id}/notes', `/contacts/${user.id}/notes`, { body: 'hi' }],
      ['GET', '/contacts/{contact_id}/notes', `/contacts/${user.id}/notes`],
      ['POST', '/contacts/merge', '/contacts/merge', { from: lead.id, into: user.id, skip_duplicate_validation: true }],
      ['GET', '/contacts/{id}/merge_history', `/contacts/${user.id}/merge_history`],
      ['POST', '/contacts/{contact_id}/archive', `/contacts/${contacts[1].id}/archive`],
      ['DELETE', '/contacts/{contact_id}', `/contacts/${contacts[2].id}`],
      ['GET', '/companies', '/companies?company_id=acme'],
      ['GET', '/companies/{company_id}', `/companies/${company.id}`],
      ['POST', '/companies/list', '/companies/list'],
      ['GET', '/companies/scroll', '/companies/scroll'],
      ['GET', '/conversations', '/conversations'],
      ['GET', '/conversations/{conversation_id}', `/conversations/${cid}`],
      ['POST', '/conversations/{conversation_id}/reply', `/conversations/${cid}/reply`, { type: 'admin', message_type: 'comment', admin_id: me.id, body: 'yo' }],
      ['POST', '/conversations/{conversation_id}/parts', `/conversations/${cid}/parts`, { message_type: 'close', type: 'admin', admin_id: me.id }],
      ['POST', '/conversations/{conversation_id}/tags', `/conversations/${cid}/tags`, { id: tag.id, admin_id: me.id }],
      ['POST', '/conversations/search', '/conversations/search', { query: { field: 'open', operator: '=', value: true } }],
      ['GET', '/conversations/deleted', '/conversations/deleted'],
      ['GET', '/tickets/{ticket_id}', `/tickets/${ticket.id}`],
      ['PUT', '/tickets/{ticket_id}', `/tickets/${ticket.id}`, { open: false }],
      ['POST', '/tickets/{ticket_id}/reply', `/tickets/${ticket.id}/reply`, { type: 'admin', message_type: 'note', admin_id: me.id, body: 'n' }],
      ['POST', '/tickets/search', '/tickets/search', { query: { field: 'open', operator: '=', value: false } }],
      ['GET', '/tags', '/tags'],
      ['GET', '/data_attributes', '/data_attributes'],
      ['POST', '/data_attributes', '/data_attributes', { name: 'attr_x', model: 'contact', data_type: 'string' }],
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const [method, template, path, body] of calls) {
      const r = await api().call(method, path, body);
      if (r.status !== 200) {
        failures.push(`${method} ${path}: ${r.status} ${r.text}`);
        continue;
      }
      const key = keyOf(method, template);
      const file = key === undefined ? undefined : join(ROOT, 'schemas', `${key}.out.json`);
      if (file === undefined || !existsSync(file)) continue;
      checked++;
      if (!ajv.validate(lenient(JSON.parse(readFileSync(file, 'utf8'))) as object, r.body)) failures.push(`${key}: ${ajv.errorsText(ajv.errors?.slice(0, 3))}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= 30, `only ${checked} checked`);
  });
});
