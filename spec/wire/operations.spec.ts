import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FILE_INPUTS } from '../../lib/catalogue/fields';
import { allOperations } from '../../lib/catalogue/index';
import type { ComponentModule as ActionModule } from '../../lib/operation/componentModule';
import { validateInput } from '../../lib/runtime/input';
import { FakeStep, offlineRuntime } from '../helpers/context';
import {
  type Captured,
  containsNull,
  CSV_ROWS,
  CSV_TEXT,
  describedSpec,
  expectCall,
  expectedRequest,
  gzippedCsv,
  inSchema,
  isRecord,
  outSchema,
  type Reply,
  ROOT,
  type Schema,
  specExamples,
  synth,
  synthInput,
  WIRE_TOKEN,
  wireConfig,
} from './helpers';
import { type WireShape, wireShapes } from './oracle';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';

/**
 * ONE table-driven wire test for every action, generated and convenience: the input goes through the
 * action module's process exactly as the sailor calls it; nock records method, path, query, body and headers
 * of every request; the emitted data messages are compared with what the action promises. The expected request
 * of a generated action comes from Intercom's description and the catalogue (spec/wire/oracle.ts), not from the
 * table the runtime reads, so a wrong row fails here.
 */

interface Call {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  accept?: string;
  reply: Reply;
}

interface Case {
  name: string;
  key: string;
  module: string;
  input: Record<string, unknown>;
  cfg?: Record<string, unknown>;
  calls: Call[];
  emitted: unknown[];
}

const description = describedSpec();
// Without the description there is nothing independent to compare the generated actions with (see the first test).
const shapes: Map<string, WireShape> = description ? wireShapes(description, allOperations()) : new Map();
const examples = specExamples();

// ------------------------------------------------------------------------------------------ generated actions

function generatedCase(key: string): Case {
  const shape = shapes.get(key);
  if (!shape) throw new Error(`no operation ${key}`);
  const schema = inSchema(key);
  const op = `${shape.method} ${shape.path}`;
  const example = examples.get(op);
  let input = synthInput(schema);
  // The component's own `attachments` input names files of the incoming message, not a request field; the
  // files it selects are tested in spec/unit/files (this case's message carries no attachments).
  if (!shape.locations[FILE_INPUTS.attachments]) Reflect.deleteProperty(input, FILE_INPUTS.attachments);
  // Intercom's own request example, when it fits the action's inputs (it often maps ids as numbers).
  if (example?.request && !containsNull(example.request) && Object.keys(example.request).every((name) => shape.locations[name] === 'body')) {
    const located = Object.fromEntries(Object.entries(input).filter(([name]) => shape.locations[name] !== 'body'));
    const candidate = { ...located, ...example.request };
    try {
      validateInput(key, candidate);
      input = candidate;
    } catch {
      // The example disagrees with the description's own schema; the synthesized input is used instead.
    }
  }
  const expected = expectedRequest(shape, schema, input);
  let reply: Reply;
  let emitted: unknown[];
  let accept = 'application/json';
  switch (shape.response) {
    case 'empty':
      reply = { status: shape.method === 'POST' ? 202 : 204 };
      emitted = [confirmation(shape.method, shape.path, expected.path, reply.status)];
      break;
    case 'text':
      accept = 'text/plain';
      reply = { status: 200, body: 'Speaker 1: Hello\nSpeaker 2: Hi there', headers: { 'Content-Type': 'text/plain' } };
      emitted = [{ transcript: 'Speaker 1: Hello\nSpeaker 2: Hi there' }];
      break;
    case 'redirect':
      reply = { status: 302, body: '', headers: { Location: 'https://recordings.intercom.test/signed/abc?sig=1' } };
      emitted = [{ url: 'https://recordings.intercom.test/signed/abc?sig=1', status: 302 }];
      break;
    case 'gzipCsv':
    case 'binaryCsv':
      accept = 'application/octet-stream';
      reply = {
        status: 200,
        body: shape.response === 'gzipCsv' ? gzippedCsv() : Buffer.from(CSV_TEXT),
        headers: { 'Content-Type': 'application/octet-stream' },
      };
      emitted = CSV_ROWS.map((row) => ({ row }));
      break;
    default: {
      const document = example?.response?.body ?? synth(outSchema(key), 'out');
      reply = { status: example?.response?.status ?? 200, body: document };
      emitted = [Array.isArray(document) ? { data: document } : document];
    }
  }
  return {
    name: `${key}: ${op}`,
    key,
    module: join(ROOT, 'lib', 'actions', key),
    input,
    calls: [{ ...expected, accept, reply }],
    emitted,
  };
}

/** The documented object for a response without a body (shapeResult in lib/operation/action.ts), computed independently. */
function confirmation(method: string, template: string, path: string, status: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = [...template.matchAll(/\{([^}]+)\}/g)];
  if (names.length > 0) {
    const index = template.split('/').indexOf(`{${names[names.length - 1]?.[1] ?? ''}}`);
    out['id'] = decodeURIComponent(path.split('/')[index] ?? '');
  }
  if (method === 'DELETE') out['deleted'] = true;
  out['status'] = status;
  return out;
}

// ------------------------------------------------------------------------------------------ convenience actions

const conversation = (state: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'conversation', id: '123', state, open: state !== 'closed', ...extra });
const contact = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'contact', id, role: 'user', ...extra });
const list = (data: unknown[]): Record<string, unknown> => ({ type: 'list', data, total_count: data.length, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1 } });
/** Every action's module, generated or wrapping a hand-written definition, is lib/actions/<key>. */
const curatedModule = (key: string): string => join(ROOT, 'lib', 'actions', key);

const curatedCases: Array<Omit<Case, 'module'>> = [
  {
    name: 'closeConversation: admin and closing message, ids mapped as numbers',
    key: 'closeConversation',
    input: { conversation_id: 123, admin_id: 456, body: 'Solved, closing.' },
    calls: [{ method: 'POST', path: '/conversations/123/parts', body: { message_type: 'close', type: 'admin', admin_id: '456', body: 'Solved, closing.' }, reply: { status: 200, body: conversation('closed') } }],
    emitted: [conversation('closed')],
  },
  {
    name: 'reopenConversation: acting admin from the step setting',
    key: 'reopenConversation',
    input: { conversation_id: '123' },
    cfg: { adminId: '77' },
    calls: [{ method: 'POST', path: '/conversations/123/parts', body: { message_type: 'open', admin_id: '77' }, reply: { status: 200, body: conversation('open') } }],
    emitted: [conversation('open')],
  },
  {
    name: 'snoozeConversation: ISO date becomes Unix seconds',
    key: 'snoozeConversation',
    input: { conversation_id: '123', until: '2030-01-01T00:00:00Z', admin_id: 5 },
    calls: [{ method: 'POST', path: '/conversations/123/parts', body: { message_type: 'snoozed', admin_id: '5', snoozed_until: 1893456000 }, reply: { status: 200, body: conversation('snoozed', { snoozed_until: 1893456000 }) } }],
    emitted: [conversation('snoozed', { snoozed_until: 1893456000 })],
  },
  {
    name: 'snoozeConversation: Unix seconds given as a number',
    key: 'snoozeConversation',
    input: { conversation_id: '123', until: 1893456000, admin_id: '5' },
    calls: [{ method: 'POST', path: '/conversations/123/parts', body: { message_type: 'snoozed', admin_id: '5', snoozed_until: 1893456000 }, reply: { status: 200, body: conversation('snoozed') } }],
    emitted: [conversation('snoozed')],
  },
  {
    name: 'assignConversation: team first, then admin, message on the last request',
    key: 'assignConversation',
    input: { conversation_id: '123', assignee_admin_id: 11, assignee_team_id: 22, admin_id: 5, body: 'Passing this on.' },
    calls: [
      { method: 'POST', path: '/conversations/123/parts', body: { message_type: 'assignment', type: 'team', admin_id: '5', assignee_id: '22' }, reply: { status: 200, body: conversation('open', { team_assignee_id: '22' }) } },
      {
        method: 'POST',
        path: '/conversations/123/parts',
        body: { message_type: 'assignment', type: 'admin', admin_id: '5', assignee_id: '11', body: 'Passing this on.' },
        reply: { status: 200, body: conversation('open', { team_assignee_id: '22', admin_assignee_id: 11 }) },
      },
    ],
    emitted: [conversation('open', { team_assignee_id: '22', admin_assignee_id: 11 })],
  },
  {
    name: 'assignConversation: team from the step setting only',
    key: 'assignConversation',
    input: { conversation_id: '123' },
    cfg: { adminId: '5', assigneeTeamId: '22' },
    calls: [{ method: 'POST', path: '/conversations/123/parts', body: { message_type: 'assignment', type: 'team', admin_id: '5', assignee_id: '22' }, reply: { status: 200, body: conversation('open') } }],
    emitted: [conversation('open')],
  },
  {
    name: 'replyToConversation: admin note with attachment URLs given as one string',
    key: 'replyToConversation',
    input: { conversation_id: '123', body: '<p>Internal</p>', message_type: 'note', admin_id: 5, attachment_urls: 'https://files.test/a.png, https://files.test/b.png' },
    calls: [
      {
        method: 'POST',
        path: '/conversations/123/reply',
        body: { message_type: 'note', type: 'admin', admin_id: '5', body: '<p>Internal</p>', attachment_urls: ['https://files.test/a.png', 'https://files.test/b.png'] },
        reply: { status: 200, body: conversation('open') },
      },
    ],
    emitted: [conversation('open')],
  },
  {
    name: 'replyToConversation: reply as the contact, found by email',
    key: 'replyToConversation',
    input: { conversation_id: '123', body: 'Thanks!', reply_as: 'contact', email: 'ann@example.test' },
    calls: [{ method: 'POST', path: '/conversations/123/reply', body: { message_type: 'comment', type: 'user', email: 'ann@example.test', body: 'Thanks!' }, reply: { status: 200, body: conversation('open') } }],
    emitted: [conversation('open')],
  },
  {
    name: 'upsertContact: no external_id match, one email match without external_id: updated',
    key: 'upsertContact',
    input: { external_id: 'ext-1', email: 'ann@example.test', name: 'Ann', custom_attributes: { plan: 'pro' } },
    calls: [
      { method: 'GET', path: '/contacts/find_by_external_id/ext-1', reply: { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] } } },
      { method: 'POST', path: '/contacts/search', body: { query: { field: 'email', operator: '=', value: 'ann@example.test' }, pagination: { per_page: 50 } }, reply: { status: 200, body: list([contact('c1', { email: 'ann@example.test', external_id: null })]) } },
      {
        method: 'PUT',
        path: '/contacts/c1',
        body: { name: 'Ann', custom_attributes: { plan: 'pro' }, external_id: 'ext-1', email: 'ann@example.test' },
        reply: { status: 200, body: contact('c1', { email: 'ann@example.test', external_id: 'ext-1' }) },
      },
    ],
    emitted: [{ result: 'updated', matched_by: 'email', contact: contact('c1', { email: 'ann@example.test', external_id: 'ext-1' }) }],
  },
  {
    name: 'upsertContact: found by external_id: updated without searching',
    key: 'upsertContact',
    input: { external_id: 'ext-2', phone: '+1 555 0100' },
    calls: [
      { method: 'GET', path: '/contacts/find_by_external_id/ext-2', reply: { status: 200, body: contact('c2', { external_id: 'ext-2' }) } },
      { method: 'PUT', path: '/contacts/c2', body: { phone: '+1 555 0100', external_id: 'ext-2' }, reply: { status: 200, body: contact('c2', { external_id: 'ext-2', phone: '+1 555 0100' }) } },
    ],
    emitted: [{ result: 'updated', matched_by: 'external_id', contact: contact('c2', { external_id: 'ext-2', phone: '+1 555 0100' }) }],
  },
  {
    name: 'upsertContact: nothing matches: created as a user',
    key: 'upsertContact',
    input: { email: 'new@example.test', signed_up_at: '1700000000' },
    calls: [
      { method: 'POST', path: '/contacts/search', body: { query: { field: 'email', operator: '=', value: 'new@example.test' }, pagination: { per_page: 50 } }, reply: { status: 200, body: list([]) } },
      { method: 'POST', path: '/contacts', body: { role: 'user', signed_up_at: 1700000000, email: 'new@example.test' }, reply: { status: 200, body: contact('c3', { email: 'new@example.test' }) } },
    ],
    emitted: [{ result: 'created', contact: contact('c3', { email: 'new@example.test' }) }],
  },
  {
    name: 'upsertPerson: an OIH Person mapped to contact inputs; no match by email: created',
    key: 'upsertPerson',
    input: { firstName: 'Ada', lastName: 'Lovelace', photo: 'https://img.test/ada.png', contactData: [{ type: 'email', value: 'ada@example.test' }, { type: 'phone', value: '+44 20 0000' }] },
    calls: [
      { method: 'POST', path: '/contacts/search', body: { query: { field: 'email', operator: '=', value: 'ada@example.test' }, pagination: { per_page: 50 } }, reply: { status: 200, body: list([]) } },
      {
        method: 'POST',
        path: '/contacts',
        body: { role: 'user', name: 'Ada Lovelace', phone: '+44 20 0000', avatar: 'https://img.test/ada.png', email: 'ada@example.test' },
        reply: { status: 200, body: contact('c7', { email: 'ada@example.test' }) },
      },
    ],
    emitted: [{ result: 'created', contact: contact('c7', { email: 'ada@example.test' }) }],
  },
  {
    name: 'upsertOrganization: a custom JSONata mapping over {metadata, data} supplies company_id: created or updated by it',
    key: 'upsertOrganization',
    input: { organizationName: 'Analytical Engines', contactData: [{ type: 'url', value: 'https://engines.test' }], crmId: 'crm-7' },
    cfg: { customMapping: '{ "data": { "name": data.organizationName, "website": data.contactData[type="url"].value, "company_id": data.crmId } }' },
    calls: [
      {
        method: 'POST',
        path: '/companies',
        body: { name: 'Analytical Engines', website: 'https://engines.test', company_id: 'crm-7' },
        reply: { status: 200, body: { type: 'company', id: 'co1', company_id: 'crm-7', name: 'Analytical Engines' } },
      },
    ],
    emitted: [{ result: 'createdOrUpdated', matched_by: 'company_id', company: { type: 'company', id: 'co1', company_id: 'crm-7', name: 'Analytical Engines' } }],
  },
  {
    name: 'deletePerson: the contact of the given id, Intercom\'s answer emitted (elastic.io)',
    key: 'deletePerson',
    input: { id: 'c9' },
    calls: [{ method: 'DELETE', path: '/contacts/c9', reply: { status: 200, body: { type: 'contact', id: 'c9', deleted: true } } }],
    emitted: [{ type: 'contact', id: 'c9', deleted: true }],
  },
  {
    name: 'deleteOrganization: the company of the given id, Intercom\'s answer emitted (elastic.io)',
    key: 'deleteOrganization',
    input: { id: 'co9' },
    calls: [{ method: 'DELETE', path: '/companies/co9', reply: { status: 200, body: { id: 'co9', object: 'company', deleted: true } } }],
    emitted: [{ id: 'co9', object: 'company', deleted: true }],
  },
  {
    name: 'findContactByEmail: one match',
    key: 'findContactByEmail',
    input: { email: 'ann@example.test', role: 'user' },
    calls: [
      {
        method: 'POST',
        path: '/contacts/search',
        body: { query: { operator: 'AND', value: [{ field: 'email', operator: '=', value: 'ann@example.test' }, { field: 'role', operator: '=', value: 'user' }] }, pagination: { per_page: 50 } },
        reply: { status: 200, body: list([contact('c1', { email: 'ann@example.test' })]) },
      },
    ],
    emitted: [{ found: true, count: 1, contact: contact('c1', { email: 'ann@example.test' }), contacts: [contact('c1', { email: 'ann@example.test' })] }],
  },
  {
    name: 'findContactByExternalId: nothing found',
    key: 'findContactByExternalId',
    input: { external_id: 99 },
    calls: [{ method: 'POST', path: '/contacts/search', body: { query: { field: 'external_id', operator: '=', value: '99' }, pagination: { per_page: 50 } }, reply: { status: 200, body: list([]) } }],
    emitted: [{ found: false, count: 0, contacts: [] }],
  },
  {
    name: 'tagContactByName: existing tag',
    key: 'tagContactByName',
    input: { contact_id: 'c1', tag_name: 'VIP' },
    calls: [
      { method: 'GET', path: '/tags', reply: { status: 200, body: { type: 'list', data: [{ type: 'tag', id: '8', name: 'Other' }, { type: 'tag', id: '9', name: 'VIP' }] } } },
      { method: 'POST', path: '/contacts/c1/tags', body: { id: '9' }, reply: { status: 200, body: { type: 'tag', id: '9', name: 'VIP' } } },
    ],
    emitted: [{ tag: { type: 'tag', id: '9', name: 'VIP' }, tag_created: false, contact_id: 'c1' }],
  },
  {
    name: 'tagConversationByName: tag created first',
    key: 'tagConversationByName',
    input: { conversation_id: 123, tag_name: 'Urgent' },
    cfg: { adminId: '5' },
    calls: [
      { method: 'GET', path: '/tags', reply: { status: 200, body: { type: 'list', data: [] } } },
      { method: 'POST', path: '/tags', body: { name: 'Urgent' }, reply: { status: 200, body: { type: 'tag', id: '10', name: 'Urgent' } } },
      { method: 'POST', path: '/conversations/123/tags', body: { id: '10', admin_id: '5' }, reply: { status: 200, body: { type: 'tag', id: '10', name: 'Urgent' } } },
    ],
    emitted: [{ tag: { type: 'tag', id: '10', name: 'Urgent' }, tag_created: true, conversation_id: '123' }],
  },
  {
    name: 'tagCompanyByName: case-insensitive match, applied by company_id in one request',
    key: 'tagCompanyByName',
    input: { company_id: 'acme', tag_name: 'VIP' },
    calls: [
      { method: 'GET', path: '/tags', reply: { status: 200, body: { type: 'list', data: [{ type: 'tag', id: '9', name: 'vip' }] } } },
      { method: 'POST', path: '/tags', body: { name: 'vip', companies: [{ company_id: 'acme' }] }, reply: { status: 200, body: { type: 'tag', id: '9', name: 'vip' } } },
    ],
    emitted: [{ tag: { type: 'tag', id: '9', name: 'vip' }, tag_created: false, company_id: 'acme' }],
  },
  {
    name: 'rawRequest: GET with a list query parameter, method in lower case',
    key: 'rawRequest',
    input: { method: 'get', path: '/contacts/c1/companies', query: { per_page: 5, ids: [1, 2] } },
    calls: [{ method: 'GET', path: '/contacts/c1/companies', query: { per_page: '5', ids: '1,2' }, reply: { status: 200, body: list([{ id: 'co1' }]) } }],
    emitted: [list([{ id: 'co1' }])],
  },
  {
    name: 'rawRequest: read-only POST search, all pages, one message per item',
    key: 'rawRequest',
    input: { method: 'POST', path: '/tickets/search', body: { query: { field: 'open', operator: '=', value: true } }, paginate: 'searchBody', items_path: 'tickets' },
    cfg: { readOnly: true, fetch: 'all', emit: 'individually', pageSize: '2' },
    calls: [
      {
        method: 'POST',
        path: '/tickets/search',
        body: { query: { field: 'open', operator: '=', value: true }, pagination: { per_page: 2 } },
        reply: { status: 200, body: { type: 'ticket.list', tickets: [{ id: 't1' }, { id: 't2' }], pages: { next: { starting_after: 'cur2' } } } },
      },
      {
        method: 'POST',
        path: '/tickets/search',
        body: { query: { field: 'open', operator: '=', value: true }, pagination: { per_page: 2, starting_after: 'cur2' } },
        reply: { status: 200, body: { type: 'ticket.list', tickets: [{ id: 't3' }], pages: { next: null } } },
      },
    ],
    emitted: [{ id: 't1' }, { id: 't2' }, { id: 't3' }],
  },
  {
    name: 'rawRequest: DELETE without a body gives the confirmation object',
    key: 'rawRequest',
    input: { method: 'DELETE', path: '/content_snippets/42' },
    calls: [{ method: 'DELETE', path: '/content_snippets/42', reply: { status: 204 } }],
    emitted: [{ deleted: true, status: 204 }],
  },
  // Standard object actions: expected requests written by hand from Intercom's query-language rules.
  {
    name: 'lookupObjects: two contact terms joined by or become one OR query (ISO date as Unix seconds)',
    key: 'lookupObjects',
    input: {
      searchTerm1: { fieldName: 'email', condition: '~', fieldValue: 'example.test' },
      criteriaLink1: 'or',
      searchTerm2: { fieldName: 'created_at', condition: '>', fieldValue: '2024-01-01T00:00:00Z' },
    },
    cfg: { objectType: 'contacts', termNumber: '2', outputMethod: 'emitAll' },
    calls: [
      {
        method: 'POST',
        path: '/contacts/search',
        body: { query: { operator: 'OR', value: [{ field: 'email', operator: '~', value: 'example.test' }, { field: 'created_at', operator: '>', value: 1704067200 }] } },
        reply: { status: 200, body: list([contact('c1'), contact('c2')]) },
      },
    ],
    emitted: [{ results: [contact('c1'), contact('c2')] }],
  },
  {
    name: 'lookupObjects: a company term Intercom filters on becomes its query parameter',
    key: 'lookupObjects',
    input: { searchTerm1: { fieldName: 'tag_id', condition: '=', fieldValue: '17' } },
    cfg: { objectType: 'companies', termNumber: '1', outputMethod: 'emitIndividually' },
    calls: [{ method: 'GET', path: '/companies', query: { tag_id: '17' }, reply: { status: 200, body: list([{ type: 'company', id: 'co1' }]) } }],
    emitted: [{ type: 'company', id: 'co1' }],
  },
  {
    name: 'lookupObject: a company by its company_id',
    key: 'lookupObject',
    input: { company_id: 'acme-1' },
    cfg: { objectType: 'companies' },
    calls: [{ method: 'GET', path: '/companies', query: { company_id: 'acme-1' }, reply: { status: 200, body: { type: 'company', id: 'co1', company_id: 'acme-1' } } }],
    emitted: [{ type: 'company', id: 'co1', company_id: 'acme-1' }],
  },
  {
    name: 'upsertObject: a contact with its Intercom id is updated',
    key: 'upsertObject',
    input: { id: 'c1', name: 'Ann' },
    cfg: { objectType: 'contacts' },
    calls: [{ method: 'PUT', path: '/contacts/c1', body: { name: 'Ann' }, reply: { status: 200, body: contact('c1', { name: 'Ann' }) } }],
    emitted: [contact('c1', { name: 'Ann' })],
  },
  {
    name: 'deleteObject: a deleted ticket gives {id} (OIH\'s standardized Delete Object), Intercom\'s answer beside it',
    key: 'deleteObject',
    input: { id: 405 },
    cfg: { objectType: 'tickets' },
    calls: [{ method: 'DELETE', path: '/tickets/405', reply: { status: 200, body: { id: '405', object: 'ticket', deleted: true } } }],
    emitted: [{ id: '405', response: { id: '405', object: 'ticket', deleted: true } }],
  },
  {
    name: 'deleteObject: a ticket that is not there gives an empty object',
    key: 'deleteObject',
    input: { id: 404 },
    cfg: { objectType: 'tickets' },
    calls: [{ method: 'DELETE', path: '/tickets/404', reply: { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'Ticket not found' }] } } }],
    emitted: [{}],
  },
];

/** Search actions given simple terms instead of the query object (lib/search): the query below is written by hand. */
const simpleSearchCases: Case[] = [
  {
    name: 'searchContacts: simple terms joined by and become one AND query',
    key: 'searchContacts',
    module: join(ROOT, 'lib', 'actions', 'searchContacts'),
    input: {
      searchTerm1: { fieldName: 'role', condition: '=', fieldValue: 'lead' },
      criteriaLink1: 'and',
      searchTerm2: { fieldName: 'email', condition: '$', fieldValue: '@example.test' },
    },
    calls: [
      {
        method: 'POST',
        path: '/contacts/search',
        body: { query: { operator: 'AND', value: [{ field: 'role', operator: '=', value: 'lead' }, { field: 'email', operator: '$', value: '@example.test' }] } },
        reply: { status: 200, body: list([contact('c9')]) },
      },
    ],
    emitted: [list([contact('c9')])],
  },
];

// ------------------------------------------------------------------------------------------ the table

const cases: Case[] = [
  ...[...shapes.keys()].sort().map(generatedCase),
  ...curatedCases.map((c) => ({ ...c, module: curatedModule(c.key) })),
  ...simpleSearchCases,
];

describe('wire: every action sends the request Intercom expects and emits what it promises', () => {
  offlineRuntime({ allowLoopback: true });

  it('covers every generated and convenience action', function () {
    if (!description) {
      if (process.env['CI']) throw new Error('Intercom\'s OpenAPI description is missing; CI derives the expected requests from it');
      console.log('    (generated actions skipped: Intercom\'s OpenAPI description is not beside the checkout; set INTERCOM_OPENAPI)');
      this.skip();
    }
    const covered = new Set(cases.map((c) => c.key));
    const actions = Object.keys(readActions());
    assert.deepEqual(actions.filter((key) => !covered.has(key)), []);
  });

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const captured: Captured[] = [];
      for (const call of testCase.calls) expectCall(call.method, call.reply, captured);
      const step = new FakeStep();
      const mod = require(testCase.module) as ActionModule;
      await mod.process.call(step, { id: 'msg-1', body: testCase.input, headers: {}, attachments: {}, metadata: {} }, wireConfig(testCase.cfg), {});

      assert.equal(captured.length, testCase.calls.length, `${testCase.calls.length} request(s) expected, ${captured.length} sent`);
      testCase.calls.forEach((call, index) => {
        const got = captured[index];
        assert.ok(got);
        assert.equal(got.method, call.method);
        assert.equal(got.path, call.path);
        assert.deepEqual(got.query, call.query ?? {}, 'query');
        assert.deepEqual(got.body, call.body, 'JSON body');
        assert.equal(got.headers['authorization'], `Bearer ${WIRE_TOKEN}`);
        assert.equal(got.headers['intercom-version'], INTERCOM_API_VERSION);
        assert.equal(got.headers['accept'], call.accept ?? 'application/json');
      });

      assert.deepEqual(step.events('error'), []);
      const messages = step.events('data') as Array<Record<string, unknown>>;
      for (const message of messages) {
        assert.ok(isRecord(message) && typeof message['id'] === 'string' && isRecord(message['headers']), 'a sailor message envelope');
      }
      assert.deepEqual(step.bodies(), testCase.emitted);
    });
  }
});

function readActions(): Record<string, Schema> {
  return (require(join(ROOT, 'component.json')) as { actions: Record<string, Schema> }).actions;
}
