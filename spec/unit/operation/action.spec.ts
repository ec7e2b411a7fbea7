/**
 * nock, not the sandbox: exact request bodies matched, and paging documents (last pages, repeated cursors)
 * scripted per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import nock from 'nock';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { forOperation } from '../../../lib/operation/action';
import { outgoingMessage } from '../../../lib/runtime/step';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const run = async (key: string, body: unknown, cfg: Record<string, unknown> = testConfig(), step = new FakeStep()): Promise<FakeStep> => {
  await forOperation(key).process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
};

describe('operation: generic action', () => {
  offlineRuntime();

  describe('input', () => {
    it('rejects bad input with one error listing every problem by field, and sends no request', async () => {
      const scope = nock(TEST_BASE_URL).post('/contacts').reply(200, {});
      await assert.rejects(run('createContact', { email: { nested: true }, signed_up_at: 'yesterday', colour: 'red' }), (error: Error) => {
        assert.match(error.message, /^Invalid input for createContact: /);
        assert.match(error.message, /field colour: is not an input of this action/);
        assert.match(error.message, /field email: must be string/);
        assert.match(error.message, /field signed_up_at: must be Unix seconds or an ISO 8601 date and time with a zone/);
        return true;
      });
      assert.equal(scope.isDone(), false);
    });

    it('enforces rules the description states only in prose: a contact needs email, external_id or role; role is user or lead', async () => {
      await assert.rejects(run('createContact', {}), /fields email, external_id, role: at least one of them is required/);
      await assert.rejects(run('createContact', { role: 'wizard' }), /field role: must be one of: "user", "lead"/);
    });

    it('sendMessage: a WhatsApp message goes to a phone number, as the description\'s example sends it; in-app and email to contacts', async () => {
      // 2.16's admin_whatsapp_message_created example: to { phone: 5547999998888, name: "John Doe" }.
      const whatsapp = { message_type: 'whatsapp', from: { type: 'admin', id: 991267817 }, template: 'keep_live', locale: 'en', components: [{ type: 'BODY', parameters: [{ type: 'text', text: 'Username 123' }] }] };
      // The example's unquoted +5547999998888 is a number to YAML; written as text (E.164) it is sent as text.
      const scope = nock(TEST_BASE_URL)
        .post('/messages', { ...whatsapp, to: { phone: 5547999998888, name: 'John Doe' } }).reply(200, { type: 'admin_message', id: '1' })
        .post('/messages', { ...whatsapp, to: { phone: '+5547999998888', name: 'John Doe' } }).reply(200, { type: 'admin_message', id: '2' })
        .post('/messages', { ...whatsapp, to: { phone: '5547999998888' } }).reply(200, { type: 'admin_message', id: '3' });
      await run('sendMessage', { ...whatsapp, to: { phone: 5547999998888, name: 'John Doe' } });
      await run('sendMessage', { ...whatsapp, to: { phone: '+5547999998888', name: 'John Doe' } });
      await run('sendMessage', { ...whatsapp, to: { phone: '5547999998888' } });
      scope.done();
      const none = nock(TEST_BASE_URL).post('/messages').reply(200, {});
      await assert.rejects(run('sendMessage', { ...whatsapp, to: { type: 'user', id: 'c1' } }), /field to\.phone: is required/);
      for (const phone of ['+55 47 99999 8888', '+0123456789', '12345', 'tel:+5547999998888', 12345]) {
        await assert.rejects(run('sendMessage', { ...whatsapp, to: { phone } }), /field to\.phone/, String(phone));
      }
      await assert.rejects(run('sendMessage', { message_type: 'inapp', from: { type: 'admin', id: 1 }, body: 'Hi', to: { phone: 5547999998888 } }), /field to: must fit one of its forms/);
      assert.equal(none.isDone(), false);
      nock.cleanAll();
    });

    it('sends a mapped null as null (clearing the field) instead of coercing it to "", 0 or false', async () => {
      const scope = nock(TEST_BASE_URL).put('/contacts/c1', { name: null, last_seen_at: null, unsubscribed_from_emails: null }).reply(200, { id: 'c1' });
      await run('updateContact', { contact_id: 'c1', name: null, last_seen_at: null, unsubscribed_from_emails: null });
      scope.done();
      await assert.rejects(run('getContact', { contact_id: null }), /field contact_id/);
    });

    it('an empty required field (null or "") is an error naming it and nothing is sent: never coerced into false or 0', async () => {
      const scope = nock(TEST_BASE_URL).put('/admins/7/away').reply(200, {}).post('/articles').reply(200, {});
      await assert.rejects(run('setAdminAway', { admin_id: '7', away_mode_enabled: null, away_mode_reassign: '' }), (error: Error) => {
        assert.match(error.message, /field away_mode_enabled: is required/);
        assert.match(error.message, /field away_mode_reassign: is required/);
        assert.doesNotMatch(error.message, /must be boolean/);
        return true;
      });
      await assert.rejects(run('createArticle', { title: 'Hello', author_id: null }), /field author_id: is required/);
      await assert.rejects(run('createArticle', { title: '', author_id: 1 }), /field title: is required/);
      assert.equal(scope.isDone(), false);
      assert.equal(scope.pendingMocks().length, 2);
    });

    it('an id picked in a dropdown step field fills the input the message leaves empty; a mapped value wins', async () => {
      const scope = nock(TEST_BASE_URL).get('/teams/5').reply(200, { id: '5' }).get('/teams/9').reply(200, { id: '9' });
      await run('getTeam', {}, testConfig(undefined, { pick_team_id: '5' }));
      await run('getTeam', { team_id: '9' }, testConfig(undefined, { pick_team_id: '5' }));
      scope.done();
      const tagged = nock(TEST_BASE_URL).post('/contacts/c1/tags', { id: '77' }).reply(200, { id: '77' });
      await run('tagContact', { contact_id: 'c1', id: '' }, testConfig(undefined, { pick_id: '77' }));
      tagged.done();
    });

    it('with neither a mapped nor a picked id, the required id is an error naming it and nothing is sent', async () => {
      const scope = nock(TEST_BASE_URL).get('/teams/5').reply(200, {});
      await assert.rejects(run('getTeam', {}, testConfig(undefined, { pick_team_id: ' ' })), /field team_id: is required/);
      assert.equal(scope.isDone(), false);
    });

    it('the mapper leaves such an input optional (elastic.io will not save a step with a required field unmapped); the validation requires it', () => {
      const schema = (file: string): { properties?: Record<string, { required?: boolean; description?: string }>; required?: string[] } =>
        JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', file), 'utf8')) as { properties?: Record<string, { required?: boolean; description?: string }>; required?: string[] };
      const mapper = schema('getTeam.in.json').properties?.['team_id'];
      assert.equal(mapper?.required, undefined);
      assert.match(mapper?.description ?? '', /Required: map it here or pick it in the step field of the same name\.$/);
      assert.ok(schema('getTeam.in.strict.json').required?.includes('team_id'));
      // An input without a dropdown keeps the mapper's required flag.
      assert.equal(schema('getContact.in.json').properties?.['contact_id']?.required, true);
    });

    it('an empty optional field: "" stays text on a free-text field and is sent as null on any other', async () => {
      const scope = nock(TEST_BASE_URL)
        .put('/contacts/c1', { name: '', role: null, signed_up_at: null, unsubscribed_from_emails: null, custom_attributes: null })
        .reply(200, { id: 'c1' });
      await run('updateContact', { contact_id: 'c1', name: '', role: '', signed_up_at: '', unsubscribed_from_emails: '', custom_attributes: '' });
      scope.done();
    });

    it('requires path parameters and names them', async () => {
      await assert.rejects(run('getContact', {}), /Invalid input for getContact: field contact_id: is required/);
    });

    it('encodes path parameters so an id can never change the route', async () => {
      for (const id of ['a/b', 'x?y=1', '#frag', '%2F', '../admins']) {
        const scope = nock(TEST_BASE_URL).get(`/contacts/${encodeURIComponent(id)}`).reply(200, { id });
        const step = await run('getContact', { contact_id: id });
        scope.done();
        assert.deepEqual(step.bodies(), [{ id }]);
      }
      await assert.rejects(run('getContact', { contact_id: '..' }), /field contact_id: "\.\." is not a valid id/);
    });

    it('rejects __proto__ and constructor keys anywhere in the input', async () => {
      const body = JSON.parse('{"email":"a@b.co","custom_attributes":{"__proto__":{"admin":true}}}') as unknown;
      await assert.rejects(run('createContact', body), /field custom_attributes.__proto__: this key name is not allowed/);
    });

    it('sends a number mapped into a string id as a string', async () => {
      const scope = nock(TEST_BASE_URL).post('/contacts/123/tags', { id: '7' }).reply(200, { type: 'tag', id: '7' });
      await run('tagContact', { contact_id: 123, id: 7 });
      scope.done();
    });

    it('puts path, query and body inputs where the operation declares them', async () => {
      const scope = nock(TEST_BASE_URL)
        .put('/contacts/c1', { name: 'Ada' })
        .query({ include_merge_history: 'true' })
        .reply(200, { id: 'c1', name: 'Ada' });
      await run('updateContact', { contact_id: 'c1', include_merge_history: 'true', name: 'Ada' });
      scope.done();
    });

    it('reads ferryman input from msg.data and answers {data, metadata}: recordUid is Intercom\'s id, only oihUid is carried over', async () => {
      nock(TEST_BASE_URL).get('/contacts/c9').reply(200, { type: 'contact', id: 'c9' });
      const step = new FakeStep();
      const metadata = { oihUid: 'o-1', recordUid: 'r-1', applicationUid: 'app-1' };
      await forOperation('getContact').process.call(step, { data: { contact_id: 'c9' }, metadata }, testConfig(), {}, {}, { function: 'getContact' });
      assert.deepEqual(step.events('data'), [{ data: { type: 'contact', id: 'c9' }, metadata: { oihUid: 'o-1', recordUid: 'c9' } }]);
    });

    it('builds the sailor message exactly as elasticio-node does', () => {
      const ours = outgoingMessage('sailor', {}, { id: 'c1' });
      const theirs = newMessageWithBody({ id: 'c1' });
      assert.deepEqual({ ...ours, id: 'same' }, { ...theirs, id: 'same' });
      assert.match(String(ours['id']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('emits elastic.io messages with body under the sailor', async () => {
      nock(TEST_BASE_URL).get('/contacts/c9').reply(200, { id: 'c9' });
      const step = await run('getContact', { contact_id: 'c9' });
      const [message] = step.events('data') as Array<Record<string, unknown>>;
      assert.deepEqual(message?.['body'], { id: 'c9' });
      assert.equal(typeof message?.['id'], 'string');
    });
  });

  describe('outcomes', () => {
    it('turns an Intercom error into one clear step error with status, code, message, request_id and action', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts/nope')
        .reply(404, { type: 'error.list', request_id: 'req-404-abc', errors: [{ code: 'not_found', message: 'Contact Not Found' }] });
      await assert.rejects(run('getContact', { contact_id: 'nope' }), {
        message: 'Intercom 404 not_found: Contact Not Found (request_id req-404-abc) in getContact',
      });
    });

    it('emits a rebound, not an error, when the rate limit outlasts the retries', async () => {
      // The first attempt and the 5 retries INTERCOM_MAX_RATE_LIMIT_RETRIES allows by default.
      const scope = nock(TEST_BASE_URL).get('/contacts/c1').times(6).reply(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit' }] });
      const step = await run('getContact', { contact_id: 'c1' });
      scope.done();
      assert.equal(step.events('rebound').length, 1);
      assert.equal(step.events('data').length, 0);
    });

    it('emits a documented confirmation for an empty success body', async () => {
      nock(TEST_BASE_URL).delete('/tags/t1').reply(200, '');
      const step = await run('deleteTag', { tag_id: 't1' });
      assert.deepEqual(step.bodies(), [{ id: 't1', deleted: true, status: 200 }]);
    });

    it('refuses a baseUrl to a non-loopback http host before any request', async () => {
      await assert.rejects(run('getContact', { contact_id: 'c1' }, { accessToken: 'tok_aaaaaaaaaaaa', baseUrl: 'http://intercom.example.com' }), /must use https:\/\//);
    });
  });

  describe('pagination', () => {
    const contact = (n: number): Record<string, unknown> => ({ type: 'contact', id: `c${n}` });
    const cursorPage = (ids: number[], next?: string): Record<string, unknown> => ({
      type: 'list',
      data: ids.map(contact),
      pages: { type: 'pages', per_page: ids.length, ...(next ? { next: { starting_after: next } } : {}) },
    });

    it('returns one page with its paging information by default', async () => {
      nock(TEST_BASE_URL).get('/contacts').reply(200, cursorPage([1, 2], 'cur2'));
      const step = await run('listContacts', {});
      assert.deepEqual(step.bodies(), [cursorPage([1, 2], 'cur2')]);
    });

    it('cursor style: follows starting_after and emits every item once, in order, page by page', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts').query({ per_page: '2' }).reply(200, cursorPage([1, 2], 'cur2'))
        .get('/contacts').query({ per_page: '2', starting_after: 'cur2' }).reply(200, cursorPage([3, 4], 'cur3'))
        .get('/contacts').query({ per_page: '2', starting_after: 'cur3' }).reply(200, cursorPage([5]));
      const step = await run('listContacts', {}, testConfig(undefined, { fetch: 'all', emit: 'individually', pageSize: '2' }));
      assert.deepEqual(step.bodies(), [1, 2, 3, 4, 5].map(contact));
    });

    it('all pages in one message keep the page shape without cursors, limited by maxItems', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts').reply(200, cursorPage([1, 2], 'cur2'))
        .get('/contacts').query({ starting_after: 'cur2' }).reply(200, cursorPage([3, 4], 'cur3'));
      const step = await run('listContacts', {}, testConfig(undefined, { fetch: 'all', maxItems: 3 }));
      assert.deepEqual(step.bodies(), [{ type: 'list', data: [1, 2, 3].map(contact) }]);
    });

    it('search style: the cursor travels in the body as pagination.starting_after', async () => {
      const query = { field: 'email', operator: '~', value: 'example.com' };
      nock(TEST_BASE_URL)
        .post('/contacts/search', { query, pagination: { per_page: 150 } }).reply(200, cursorPage([1], 's2'))
        .post('/contacts/search', { query, pagination: { per_page: 150, starting_after: 's2' } }).reply(200, cursorPage([2]));
      const step = await run('searchContacts', { query }, testConfig(undefined, { fetch: 'all', emit: 'individually', pageSize: 150 }));
      assert.deepEqual(step.bodies(), [contact(1), contact(2)]);
    });

    it('page style: asks for page+1 until total_pages', async () => {
      const page = (n: number, total: number): Record<string, unknown> => ({ type: 'list', data: [{ id: `co${n}` }], pages: { type: 'pages', page: n, per_page: 1, total_pages: total, next: n < total ? `https://api.intercom.io/companies/list?page=${n + 1}` : null } });
      nock(TEST_BASE_URL)
        .post('/companies/list').reply(200, page(1, 3))
        .post('/companies/list').query({ page: '2' }).reply(200, page(2, 3))
        .post('/companies/list').query({ page: '3' }).reply(200, page(3, 3));
      const step = await run('listCompanies', {}, testConfig(undefined, { fetch: 'all', emit: 'individually' }));
      assert.deepEqual(step.bodies(), [{ id: 'co1' }, { id: 'co2' }, { id: 'co3' }]);
    });

    it('page style with the paging information beside the items (audiences): reads on to total_pages', async () => {
      const page = (n: number): Record<string, unknown> => ({ type: 'audience.list', data: [{ id: `au${n}` }], total_count: 2, page: n, per_page: 1, total_pages: 2 });
      const scope = nock(TEST_BASE_URL)
        .get('/audiences').query({ per_page: '1' }).reply(200, page(1))
        .get('/audiences').query({ per_page: '1', page: '2' }).reply(200, page(2));
      const step = await run('listAudiences', {}, testConfig(undefined, { fetch: 'all', emit: 'individually', pageSize: 1 }));
      scope.done();
      assert.deepEqual(step.bodies(), [{ id: 'au1' }, { id: 'au2' }]);
    });

    it('a list Intercom answers whole (tags, admins, searchCalls): one request, no page size sent, items one by one', async () => {
      // 2.16 gives GET /tags, GET /admins and POST /calls/search no paging parameters and no paging information.
      const scope = nock(TEST_BASE_URL)
        .get('/tags').reply(200, { type: 'list', data: [{ id: 't1' }, { id: 't2' }] })
        .get('/admins').reply(200, { type: 'admin.list', admins: [{ id: 'a1' }] })
        .post('/calls/search', { conversation_ids: ['9'] }).reply(200, { type: 'list', data: [{ id: 'call1' }] });
      // A page size saved by an older flow is not sent: these lists take none.
      const tags = await run('listTags', {}, testConfig(undefined, { fetch: 'all', emit: 'individually', pageSize: 20 }));
      const admins = await run('listAdmins', {}, testConfig(undefined, { emit: 'individually' }));
      const calls = await run('searchCalls', { conversation_ids: ['9'] }, testConfig(undefined, { fetch: 'all', emit: 'individually' }));
      scope.done();
      assert.deepEqual(tags.bodies(), [{ id: 't1' }, { id: 't2' }]);
      assert.deepEqual(admins.bodies(), [{ id: 'a1' }]);
      assert.deepEqual(calls.bodies(), [{ id: 'call1' }]);
    });

    it('page-in-body style: page and per_page travel in the JSON body', async () => {
      const page = (n: number): Record<string, unknown> => ({ type: 'activity_log.list', activity_logs: [{ id: `a${n}` }], pages: { type: 'pages', page: n, per_page: 1, total_pages: 2 } });
      nock(TEST_BASE_URL)
        .post('/admins/activity_logs/search', { created_at_after: 1, per_page: 1 }).reply(200, page(1))
        .post('/admins/activity_logs/search', { created_at_after: 1, per_page: 1, page: 2 }).reply(200, page(2));
      const step = await run('searchAdminActivityLogs', { created_at_after: 1 }, testConfig(undefined, { fetch: 'all', emit: 'individually', pageSize: 1 }));
      assert.deepEqual(step.bodies(), [{ id: 'a1' }, { id: 'a2' }]);
    });

    it('scroll style: follows scroll_param until an empty page; a 500 restarts from the top without repeating items', async () => {
      const page = (ids: string[], param: string): Record<string, unknown> => ({ type: 'list', data: ids.map((id) => ({ id })), scroll_param: param });
      nock(TEST_BASE_URL)
        .get('/companies/scroll').reply(200, page(['a', 'b'], 'p1'))
        .get('/companies/scroll').query({ scroll_param: 'p1' }).reply(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'Request failed due to an internal network error. Please restart the scroll operation.' }] })
        .get('/companies/scroll').reply(200, page(['a', 'b'], 'p2'))
        .get('/companies/scroll').query({ scroll_param: 'p2' }).reply(200, page(['c'], 'p3'))
        .get('/companies/scroll').query({ scroll_param: 'p3' }).reply(200, page([], 'p4'));
      const step = await run('scrollCompanies', {}, testConfig(undefined, { fetch: 'all', emit: 'individually' }));
      assert.deepEqual(step.bodies(), [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    });

    it('next_cursor style: follows next_cursor while has_more', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts/c1/merge_history').reply(200, { type: 'list', data: [{ id: 'm1' }], next_cursor: 'n2', has_more: true })
        .get('/contacts/c1/merge_history').query({ cursor: 'n2' }).reply(200, { type: 'list', data: [{ id: 'm2' }], next_cursor: null, has_more: false });
      const step = await run('listContactMergeHistory', { id: 'c1' }, testConfig(undefined, { fetch: 'all', emit: 'individually' }));
      assert.deepEqual(step.bodies(), [{ id: 'm1' }, { id: 'm2' }]);
    });

    it('stops with a clear error when Intercom repeats the same next cursor (a "next" that never ends)', async () => {
      nock(TEST_BASE_URL)
        .get('/contacts').reply(200, cursorPage([1], 'same'))
        .get('/contacts').query({ starting_after: 'same' }).times(2).reply(200, cursorPage([2], 'same'));
      await assert.rejects(run('listContacts', {}, testConfig(undefined, { fetch: 'all' })), /same next-page cursor twice/);
    });

    it('a list keeps the largest page its description allows: more is an error naming the field, before any request', async () => {
      const scope = nock(TEST_BASE_URL).get(/.*/).reply(200, { type: 'list', data: [] });
      // 2.16: audiences, content snippets and content search at most 50, calls 25, execution results 30, message statuses 100.
      for (const [key, input, most] of [
        ['listAudiences', {}, 50],
        ['listContentSnippets', {}, 50],
        ['searchContent', { query: 'refund' }, 50],
        ['listDataConnectors', {}, 50],
        ['listDataConnectorExecutionResults', { data_connector_id: '5' }, 30],
        ['listCalls', {}, 25],
        ['listMessageStatuses', { ruleset_id: '9' }, 100],
      ] as const) {
        await assert.rejects(run(key, input, testConfig(undefined, { pageSize: most + 1 })), new RegExp(`Step field "pageSize" must be a whole number from 1 to ${most}; got ${most + 1}`), key);
      }
      assert.equal(scope.isDone(), false);
      nock.cleanAll();
      const allowed = nock(TEST_BASE_URL)
        .get('/audiences').query({ per_page: '50' }).reply(200, { type: 'audience.list', data: [] })
        .get('/help_center/help_centers/7/redirects').query({ per_page: '250' }).reply(200, { type: 'list', data: [] });
      await run('listAudiences', {}, testConfig(undefined, { pageSize: 50 }));
      await run('listHelpCenterRedirects', { help_center_id: 7 }, testConfig(undefined, { pageSize: 250 }));
      allowed.done();
    });

    it('a per_page input still in the message names the largest page of its own list', async () => {
      await assert.rejects(run('listCalls', { per_page: 10 }), /field per_page: is not an input of this action; the page size is the step field "Page size" \(pageSize\) since 1\.2\.0; set it there \(at most 25\)/);
    });

    it('rejects bad paging configuration before any request', async () => {
      await assert.rejects(run('listContacts', {}, testConfig(undefined, { fetch: 'everything' })), /Step field "fetch" must be one of page, all/);
      await assert.rejects(run('listContacts', {}, testConfig(undefined, { pageSize: 500 })), /Step field "pageSize" must be a whole number from 1 to 150; got 500/);
    });
  });
});
