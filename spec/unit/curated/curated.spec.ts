/**
 * nock, not the sandbox: each case pins the exact requests a convenience action sends, in order, and scripts the
 * matches and conflicts it must handle.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import nock from 'nock';
import { convenienceActions } from '../../../lib/catalogue/convenience';
import type { ComponentModule as ActionModule } from '../../../lib/operation/componentModule';
import { InputValidationError, IntercomApiError } from '../../../lib/runtime/errors';
import { settings } from '../../../lib/runtime/settings';
import { pathProblems } from '../../../lib/curated/rawRequest';
import { parseUntil } from '../../../lib/curated/conversation';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

/** Convenience actions: the behaviour the wire table does not show (validation, conflicts, options, safety). */

const ROOT = join(__dirname, '..', '..', '..');
const load = (key: string): ActionModule => require(join(ROOT, 'lib', 'actions', key)) as ActionModule;

const run = async (key: string, body: unknown, cfg: Record<string, unknown> = {}, step = new FakeStep()): Promise<FakeStep> => {
  await load(key).process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, testConfig(undefined, cfg), {});
  return step;
};

/** The action must fail validation naming every listed field, and send nothing (no interceptor is set). */
async function rejectsInput(key: string, body: unknown, fields: string[], cfg: Record<string, unknown> = {}): Promise<void> {
  await assert.rejects(run(key, body, cfg), (error: unknown) => {
    assert.ok(error instanceof InputValidationError, `expected an input error, got ${String(error)}`);
    for (const field of fields) assert.match(error.message, new RegExp(`field ${field.replace(/\./g, '\\.')}[:.]`), error.message);
    return true;
  });
}

const contact = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'contact', id, role: 'user', ...extra });
const list = (data: unknown[], total = data.length): Record<string, unknown> => ({ type: 'list', data, total_count: total });

describe('convenience actions', () => {
  offlineRuntime();

  describe('modules', () => {
    for (const [key, decl] of Object.entries(convenienceActions)) {
      it(`${key}: its definition exports only the action; its module exports process (not a function named process) and every select model its fields name`, () => {
        const definition = require(join(ROOT, 'lib', decl.module)) as Record<string, unknown>;
        assert.equal(typeof (definition['action'] as { process?: unknown } | undefined)?.process, 'function');
        assert.deepEqual(Object.keys(definition).filter((name) => ['process', 'getMetaModel'].includes(name) || name.startsWith('select')), [], 'no wrapper parts written by hand');
        const mod = load(key) as unknown as Record<string, unknown>;
        assert.equal(typeof mod['process'], 'function');
        assert.notEqual((mod['process'] as { name: string }).name, 'process');
        for (const field of Object.values(decl.fields ?? {})) {
          if (typeof field.model === 'string') assert.equal(typeof mod[field.model], 'function', `${key} re-exports ${field.model}`);
        }
      });
    }
  });

  describe('input validation: one error naming every problem, nothing sent', () => {
    it('conversation actions need the conversation and an acting admin (message or step setting)', async () => {
      await rejectsInput('closeConversation', {}, ['conversation_id', 'admin_id']);
      await rejectsInput('reopenConversation', { conversation_id: '1', colour: 'red' }, ['colour', 'admin_id']);
    });

    it('the empty-value rule of every action: an empty required field is an error naming it, nothing sent', async () => {
      await rejectsInput('closeConversation', { conversation_id: null, admin_id: '2' }, ['conversation_id']);
      await rejectsInput('replyToConversation', { conversation_id: '1', admin_id: '2', body: '' }, ['body']);
      await rejectsInput('findContactByEmail', { email: null }, ['email']);
    });

    it('an empty choice is no choice: findContactByEmail with role "" searches every role', async () => {
      const scope = nock(TEST_BASE_URL)
        .post('/contacts/search', { query: { field: 'email', operator: '=', value: 'ada@example.com' }, pagination: { per_page: 50 } })
        .reply(200, { type: 'list', data: [], total_count: 0 });
      await run('findContactByEmail', { email: 'ada@example.com', role: '' });
      scope.done();
    });

    it('a mapped null on an optional field also leaves the step setting in force', async () => {
      const scope = nock(TEST_BASE_URL).post('/conversations/1/parts', { message_type: 'open', admin_id: '9' }).reply(200, { id: '1' });
      await run('reopenConversation', { conversation_id: '1', admin_id: null }, { adminId: '9' });
      scope.done();
    });

    it('an empty string counts as not given, so the step setting applies', async () => {
      const scope = nock(TEST_BASE_URL).post('/conversations/1/parts', { message_type: 'open', admin_id: '9' }).reply(200, { id: '1' });
      await run('reopenConversation', { conversation_id: '1', admin_id: '' }, { adminId: '9' });
      scope.done();
    });

    it('snoozeConversation: until must be Unix seconds or an ISO date in the future', async () => {
      await rejectsInput('snoozeConversation', { conversation_id: '1', admin_id: '2', until: 'next tuesday' }, ['until']);
      await rejectsInput('snoozeConversation', { conversation_id: '1', admin_id: '2', until: '2001-01-01' }, ['until']);
      await rejectsInput('snoozeConversation', { conversation_id: '1', admin_id: '2' }, ['until']);
    });

    it('parseUntil: seconds, milliseconds, dates and times with a zone; none without', () => {
      const now = settings.now;
      settings.now = () => Date.parse('2026-01-01T00:00:00Z');
      try {
        assert.deepEqual(parseUntil('1893456000'), { seconds: 1893456000 });
        assert.deepEqual(parseUntil(1893456000123), { seconds: 1893456000 });
        assert.match(parseUntil('2030-01-01').problem ?? '', /^field until: "2030-01-01" is a date without a time and zone/);
        assert.match(parseUntil('2030-01-01T01:00:00').problem ?? '', /^field until: "2030-01-01T01:00:00" names no time zone/);
        assert.deepEqual(parseUntil('2030-01-01T01:00:00Z'), { seconds: 1893456000 + 3600 });
        assert.deepEqual(parseUntil('2030-01-01T02:00:00+01:00'), { seconds: 1893456000 + 3600 });
        assert.match(parseUntil('2025-12-31T23:59:59Z').problem ?? '', /not in the future/);
        assert.match(parseUntil('2030-13-45T00:00:00Z').problem ?? '', /not a valid date/);
      } finally {
        settings.now = now;
      }
    });

    it('assignConversation needs an admin or a team to assign to', async () => {
      await rejectsInput('assignConversation', { conversation_id: '1', admin_id: '2' }, ['assignee_admin_id']);
    });

    it('replyToConversation: a contact reply names exactly one contact and is a comment; an admin reply names none', async () => {
      await rejectsInput('replyToConversation', { conversation_id: '1', body: 'x', reply_as: 'contact', email: 'a@b.test', user_id: 'u1', message_type: 'note' }, ['intercom_user_id', 'message_type']);
      await rejectsInput('replyToConversation', { conversation_id: '1', body: 'x', admin_id: '2', email: 'a@b.test' }, ['email']);
      await rejectsInput('replyToConversation', { conversation_id: '1', reply_as: 'bot' }, ['body', 'reply_as', 'admin_id']);
    });

    it('replyToConversation: at most 10 attachment URLs, each http(s)', async () => {
      const urls = Array.from({ length: 11 }, (_, i) => `https://files.test/${i}.png`);
      await rejectsInput('replyToConversation', { conversation_id: '1', body: 'x', admin_id: '2', attachment_urls: urls }, ['attachment_urls']);
      await rejectsInput('replyToConversation', { conversation_id: '1', body: 'x', admin_id: '2', attachment_urls: ['ftp://x/y.png'] }, ['attachment_urls.0']);
    });

    it('upsertContact needs an external_id or an email', async () => {
      await rejectsInput('upsertContact', { name: 'Ann', role: 'admin' }, ['external_id', 'role']);
    });

    it('tagCompanyByName needs exactly one company reference', async () => {
      await rejectsInput('tagCompanyByName', { tag_name: 'VIP', id: '1', company_id: 'acme' }, ['id']);
      await rejectsInput('tagCompanyByName', { tag_name: 'VIP' }, ['id']);
    });

    it('find actions need the value to look for', async () => {
      await rejectsInput('findContactByEmail', {}, ['email']);
      await rejectsInput('findContactByExternalId', { external_id: { nested: 1 } }, ['external_id']);
    });
  });

  describe('upsertContact', () => {
    it('several contacts with the email and no other external_id: fails naming them, creates nothing', async () => {
      nock(TEST_BASE_URL)
        .post('/contacts/search')
        .reply(200, list([contact('c1', { email: 'a@b.test' }), contact('c2', { email: 'a@b.test', role: 'lead' })]));
      await assert.rejects(run('upsertContact', { email: 'a@b.test', name: 'Ann' }), /2 contacts have email a@b\.test and no other external_id: c1 \(user\), c2 \(lead\)/);
    });

    it('an email match that carries another external_id is another person: a new contact is created', async () => {
      const scope = nock(TEST_BASE_URL)
        .get('/contacts/find_by_external_id/ext-new')
        .reply(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] })
        .post('/contacts/search')
        .reply(200, list([contact('c1', { email: 'a@b.test', external_id: 'ext-old' })]))
        .post('/contacts', { role: 'user', external_id: 'ext-new', email: 'a@b.test' })
        .reply(200, contact('c9'));
      const step = await run('upsertContact', { external_id: 'ext-new', email: 'a@b.test' });
      scope.done();
      assert.deepEqual(step.bodies(), [{ result: 'created', contact: contact('c9') }]);
    });

    it('the owner picked in the step field is used when the message maps no owner_id; a mapped one wins', async () => {
      const scope = nock(TEST_BASE_URL)
        .post('/contacts/search')
        .reply(200, list([]))
        .post('/contacts', { role: 'user', owner_id: '42', email: 'a@b.test' })
        .reply(200, contact('c9'))
        .post('/contacts/search')
        .reply(200, list([]))
        .post('/contacts', { role: 'user', owner_id: '7', email: 'b@b.test' })
        .reply(200, contact('c10'));
      await run('upsertContact', { email: 'a@b.test' }, { ownerId: '42' });
      await run('upsertContact', { email: 'b@b.test', owner_id: '7' }, { ownerId: '42' });
      scope.done();
    });

    it('a 409 from Intercom becomes an error naming the contacts that already have the email', async () => {
      nock(TEST_BASE_URL)
        .post('/contacts/search')
        .reply(200, list([]))
        .post('/contacts')
        .reply(409, { type: 'error.list', request_id: 'req-409', errors: [{ code: 'conflict', message: 'A contact matching those details already exists' }] })
        .post('/contacts/search')
        .reply(200, list([contact('c5', { email: 'a@b.test', external_id: 'e5' })]));
      await assert.rejects(run('upsertContact', { email: 'a@b.test' }), (error: unknown) => {
        assert.ok(error instanceof IntercomApiError);
        assert.equal(error.status, 409);
        assert.match(error.message, /already exists; 1 contact\(s\) already have email a@b\.test: c5 \(user, external_id e5\) \(request_id req-409\) in upsertContact/);
        return true;
      });
    });

    it('a create that fails with a 5xx is not retried (it may have happened)', async () => {
      const scope = nock(TEST_BASE_URL)
        .post('/contacts/search')
        .reply(200, list([]))
        .post('/contacts')
        .reply(503, { type: 'error.list', errors: [{ code: 'server_error', message: 'busy' }] });
      await assert.rejects(run('upsertContact', { email: 'a@b.test' }), /Intercom 503/);
      scope.done();
    });
  });

  describe('find actions: zero, one or many', () => {
    it('nothing found: found false, or a failure when the step says so', async () => {
      nock(TEST_BASE_URL).post('/contacts/search').twice().reply(200, list([]));
      const step = await run('findContactByEmail', { email: 'none@b.test' });
      assert.deepEqual(step.bodies(), [{ found: false, count: 0, contacts: [] }]);
      await assert.rejects(run('findContactByEmail', { email: 'none@b.test' }, { failIfNotFound: true }), /findContactByEmail: no contact has email none@b\.test/);
    });

    it('several: all (default), the most recently updated, or a failure naming them', async () => {
      const matches = [contact('c1', { updated_at: 100 }), contact('c2', { updated_at: 300 }), contact('c3', { updated_at: 200 })];
      nock(TEST_BASE_URL).post('/contacts/search').times(3).reply(200, list(matches, 3));
      assert.deepEqual((await run('findContactByExternalId', { external_id: 'e' })).bodies(), [{ found: true, count: 3, contacts: matches }]);
      assert.deepEqual((await run('findContactByExternalId', { external_id: 'e' }, { ifMultiple: 'newest' })).bodies(), [{ found: true, count: 3, contact: matches[1], contacts: matches }]);
      await assert.rejects(run('findContactByExternalId', { external_id: 'e' }, { ifMultiple: 'fail' }), /3 contacts have external_id e: c1 \(user\), c2 \(user\), c3 \(user\)/);
    });

    it('a "When several contacts match" it does not offer is an error naming the step field, before any request', async () => {
      const scope = nock(TEST_BASE_URL).post('/contacts/search').reply(200, list([]));
      for (const ifMultiple of ['first', 'Newest', 1, ['all']]) {
        await assert.rejects(run('findContactByEmail', { email: 'a@b.test' }, { ifMultiple }), /Step field "ifMultiple" must be one of all, newest, fail; got /);
      }
      assert.equal(scope.isDone(), false, 'no search was sent');
      nock.cleanAll();
    });
  });

  describe('rawRequest', () => {
    it('only paths on the configured host: no scheme, host, query, backslash or dot segment', async () => {
      for (const path of ['contacts', 'https://evil.test/x', '//evil.test/x', '/a/../b', '/a/%2e%2E/b', '/a?x=1', '/a#f', '/a\\b', '/a b', '/a/%2F..%2Fb', '/a/%zz']) {
        assert.ok(pathProblems(path).length > 0, `${path} must be refused`);
        await rejectsInput('rawRequest', { path }, ['path']);
      }
      assert.deepEqual(pathProblems('/contacts/abc-123/notes'), []);
      assert.deepEqual(pathProblems('/custom_object_instances/Order/ext%20id'), []);
    });

    it('refuses a body on GET, object query values and unknown methods', async () => {
      await rejectsInput('rawRequest', { path: '/me', body: { a: 1 }, query: { nested: { a: 1 } } }, ['body', 'query.nested']);
      await rejectsInput('rawRequest', { path: '/me', method: 'TRACE' }, ['method']);
    });

    it('a POST is not retried after a 5xx unless the step says it only reads', async () => {
      const once = nock(TEST_BASE_URL).post('/contacts').reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'boom' }] });
      await assert.rejects(run('rawRequest', { method: 'POST', path: '/contacts', body: { email: 'a@b.test' } }), /Intercom 500/);
      once.done();
      const retried = nock(TEST_BASE_URL).post('/contacts/search').reply(500, {}).post('/contacts/search').reply(200, list([]));
      const step = await run('rawRequest', { method: 'POST', path: '/contacts/search', body: { query: {} } }, { readOnly: true });
      retried.done();
      assert.deepEqual(step.bodies(), [list([])]);
    });

    it('PATCH is never retried; GET is', async () => {
      nock(TEST_BASE_URL).patch('/data_connectors/1').reply(502);
      await assert.rejects(run('rawRequest', { method: 'PATCH', path: '/data_connectors/1', body: { name: 'x' } }), /Intercom 502/);
      const scope = nock(TEST_BASE_URL).get('/me').reply(503).get('/me').reply(200, { id: '1' });
      await run('rawRequest', { path: '/me' });
      scope.done();
    });

    it('a list the catalogue knows keeps its own largest page: 51 for /audiences (at most 50) is refused, nothing sent; 200 for redirects (250) is sent', async () => {
      const scope = nock(TEST_BASE_URL).get('/audiences').query(true).reply(200, { type: 'list', data: [] });
      await assert.rejects(run('rawRequest', { path: '/audiences' }, { fetch: 'all', pageSize: 51 }), /Step field "pageSize" must be a whole number from 1 to 50; got 51/);
      assert.equal(scope.isDone(), false);
      nock.cleanAll();
      const redirects = nock(TEST_BASE_URL).get('/help_center/help_centers/7/redirects').query({ per_page: '200' }).reply(200, { type: 'list', data: [] });
      await run('rawRequest', { path: '/help_center/help_centers/7/redirects' }, { fetch: 'all', pageSize: 200 });
      redirects.done();
    });

    it('Intercom errors come back as they do for every action', async () => {
      nock(TEST_BASE_URL).get('/nothing').reply(404, { type: 'error.list', request_id: 'r-1', errors: [{ code: 'not_found', message: 'Resource Not Found' }] });
      await assert.rejects(run('rawRequest', { path: '/nothing' }), /Intercom 404 not_found: Resource Not Found \(request_id r-1\) in rawRequest/);
    });
  });

  describe('envelope', () => {
    it('under ferryman the input is read from data and the output names the emitted record as recordUid', async () => {
      const scope = nock(TEST_BASE_URL).post('/conversations/1/parts').reply(200, { type: 'conversation', id: '1', state: 'closed' });
      const step = new FakeStep();
      await load('closeConversation').process.call(step, { data: { conversation_id: '1', admin_id: '2' }, metadata: { recordUid: 'r-1' } }, testConfig(), {}, {}, { function: 'closeConversation' });
      scope.done();
      assert.deepEqual(step.events('data'), [{ data: { type: 'conversation', id: '1', state: 'closed' }, metadata: { recordUid: '1' } }]);
    });
  });
});
