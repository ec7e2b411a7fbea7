/**
 * nock, not the sandbox: each case checks the exact request sent (or that none was), for inputs the description's
 * rules refuse or accept. Expected values are the description's (types, formats, limits, variants) and the
 * conversions README.md documents, written here by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { InputValidationError } from '../../../lib/runtime/errors';
import { forOperation } from '../../../lib/operation/action';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

const run = async (key: string, body: unknown, cfg: Record<string, unknown> = testConfig(), step = new FakeStep()): Promise<FakeStep> => {
  await forOperation(key).process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
  return step;
};

/** Runs an input that must be refused: an input error naming every given field, and no request at all. */
async function refused(key: string, body: unknown, ...fields: string[]): Promise<string> {
  // The network is closed (offlineRuntime): any request attempt is seen here.
  let attempts = 0;
  const count = (): void => {
    attempts++;
  };
  nock.emitter.on('no match', count);
  let message = '';
  try {
    await assert.rejects(run(key, body), (error: Error) => {
      assert.ok(error instanceof InputValidationError, `${error.name}: ${error.message}`);
      message = error.message;
      for (const field of fields) assert.ok(message.includes(`field ${field}`), `${message} does not name ${field}`);
      return true;
    });
    assert.equal(attempts, 0, 'a request was attempted');
  } finally {
    nock.emitter.removeListener('no match', count);
  }
  return message;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

describe('runtime: input follows the description exactly', () => {
  offlineRuntime();

  describe('no value is invented (issue 13, finding 4)', () => {
    it('null on a required boolean is refused naming the field, never sent as false', async () => {
      await refused('setAdminAway', { admin_id: 7, away_mode_enabled: null, away_mode_reassign: true }, 'away_mode_enabled');
    });

    it('null on a required integer is refused naming the field, never sent as 0', async () => {
      await refused('createArticle', { title: 'Hello', author_id: null }, 'author_id');
    });

    it('null below the top level is refused where the description does not allow it (from.id of sendMessage)', async () => {
      await refused('sendMessage', { message_type: 'inapp', body: 'Hi', from: { type: 'admin', id: null }, to: { type: 'user', id: 'u1' } }, 'from.id');
    });

    it('null below the top level is kept where the description allows it (nullable nested field)', async () => {
      const scope = nock(TEST_BASE_URL).post('/articles', { title: 'Hello', author_id: 7, translated_content: { type: null } }).reply(200, { id: '1' });
      await run('createArticle', { title: 'Hello', author_id: 7, translated_content: { type: null } });
      scope.done();
    });
  });

  describe('no lenient number (issue 13, finding 5)', () => {
    for (const text of ['1e400', '-1e400', 'Infinity', '-Infinity', 'NaN', '0x10', '0b11', '0o7', '1_000', ' ', '12abc']) {
      it(`"${text}" for a number is refused naming the field, nothing sent`, async () => {
        await refused('setAdminAway', { admin_id: 7, away_mode_enabled: true, away_mode_reassign: false, away_status_reason_id: text }, 'away_status_reason_id');
      });
    }

    it('"Infinity" for a number below the top level is refused naming its path', async () => {
      await refused('sendMessage', { message_type: 'inapp', body: 'Hi', from: { type: 'admin', id: 'Infinity' }, to: { type: 'user', id: 'u1' } }, 'from.id');
    });

    it('the documented conversions remain: a decimal numeric string for a number, a number for text, "true"/"false" for yes/no', async () => {
      const scope = nock(TEST_BASE_URL)
        .put('/admins/7/away', { away_mode_enabled: true, away_mode_reassign: false, away_status_reason_id: 12 })
        .reply(200, { id: '7' })
        .put('/companies/42', { name: '1234', size: 250 })
        .reply(200, { id: '42' });
      await run('setAdminAway', { admin_id: '7', away_mode_enabled: 'true', away_mode_reassign: 'false', away_status_reason_id: '12' });
      await run('updateCompany', { company_id: 42, name: 1234, size: '250' });
      scope.done();
    });

    it('an integer field refuses 1.5 and "1.5", and a whole number beyond exact range', async () => {
      await refused('setAdminAway', { admin_id: 7, away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: 1.5 }, 'away_status_reason_id');
      await refused('setAdminAway', { admin_id: 7, away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: '1.5' }, 'away_status_reason_id');
      await refused('setAdminAway', { admin_id: 7, away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: '90071992547409931' }, 'away_status_reason_id');
    });
  });

  describe('deep or malformed input (issue 13, finding 10)', () => {
    for (const depth of [5_000, 10_000]) {
      it(`input nested ${depth} levels deep is an input error naming the field, not a stack overflow or a retried network failure`, async () => {
        const message = await refused('updateCompany', { company_id: 'c1', custom_attributes: nested(depth) }, 'custom_attributes.inner');
        assert.match(message, /nested deeper than 64 levels/);
        assert.ok(message.length < 500, message);
      });
    }

    it('a lone surrogate in a path id is an input error naming the field, not a URIError or a retry', async () => {
      await refused('getContact', { contact_id: 'ab\uD800cd' }, 'contact_id');
      await refused('getContact', { contact_id: '\uDC00' }, 'contact_id');
    });

    it('a lone surrogate anywhere in the input (a nested value, a key) is an input error naming where', async () => {
      await refused('updateCompany', { company_id: 'c1', custom_attributes: { plan: 'gold\uD83D' } }, 'custom_attributes.plan');
      await refused('updateCompany', { company_id: 'c1', custom_attributes: { ['bad\uDE00key']: 'x' } }, 'custom_attributes');
    });

    it('a well-formed pair (an emoji) is text like any other', async () => {
      const scope = nock(TEST_BASE_URL).put('/companies/c1', { name: 'Acme 🚀' }).reply(200, { id: 'c1' });
      await run('updateCompany', { company_id: 'c1', name: 'Acme 🚀' });
      scope.done();
    });
  });

  describe('path parameters take the description\'s type', () => {
    it('an integer id given as a numeric string is accepted and sent as digits', async () => {
      const scope = nock(TEST_BASE_URL).get('/admins/991267').reply(200, { id: '991267' });
      await run('getAdmin', { admin_id: '991267' });
      scope.done();
    });

    it('a non-numeric integer id is an error naming the field, with no request', async () => {
      await refused('getAdmin', { admin_id: 'ada' }, 'admin_id');
      await refused('getAdmin', { admin_id: 1.5 }, 'admin_id');
    });
  });

  describe('formats, limits and variants', () => {
    it('a date-time, a date and a URL each in their format, else an error naming the field', async () => {
      await refused('createArticle', { title: 'Hello', author_id: 7, scheduled_publish_at: 'tomorrow at noon' }, 'scheduled_publish_at');
      const scope = nock(TEST_BASE_URL).post('/articles', { title: 'Hello', author_id: 7, scheduled_publish_at: '2030-01-01T09:00:00Z' }).reply(200, { id: '1' });
      await run('createArticle', { title: 'Hello', author_id: 7, scheduled_publish_at: '2030-01-01T09:00:00Z' });
      scope.done();
      await refused('createConversation', { from: { type: 'user', id: 'a'.repeat(24) }, body: 'Hi', attachment_urls: ['not a url'] }, 'attachment_urls.0');
      await refused('createOfficeHoursException', { office_hours_schedule_id: 's1', exception_date: '2024-02-30', open_hours: [] }, 'exception_date');
    });

    it('a list longer than the description allows is refused (attachment_urls: at most 10)', async () => {
      const urls = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`);
      await refused('createConversation', { from: { type: 'user', id: 'a'.repeat(24) }, body: 'Hi', attachment_urls: urls }, 'attachment_urls');
    });

    it('a text shorter or longer than its fixed length is refused (from.id: 24 characters)', async () => {
      await refused('createConversation', { from: { type: 'user', id: 'abc' }, body: 'Hi' }, 'from.id');
    });

    it('required across allOf parts and variants: data_type, event_name/created_at, message_type/from/to', async () => {
      await refused('createDataAttribute', { name: 'plan', model: 'contact' }, 'data_type');
      await refused('submitDataEvent', { user_id: 'u1' }, 'event_name', 'created_at');
      await refused('sendMessage', { body: 'Hi' }, 'message_type', 'from', 'to');
    });

    it('a body that fits no variant names the fields of the variant its fixed values pick (message_type "assignment")', async () => {
      const message = await refused('manageConversation', { conversation_id: '1', message_type: 'assignment', type: 'admin', admin_id: '5' }, 'assignee_id');
      assert.match(message, /field assignee_id: is required/);
    });

    it('a body that fits no variant and picks none names every variant by its distinguishing fields', async () => {
      const message = await refused('submitDataEvent', { event_name: 'x', created_at: 1 }, '(message body)');
      assert.match(message, /\(1\) with id; \(2\) with user_id; \(3\) with email/);
    });
  });

  describe('wire details (issue 10, item 6)', () => {
    it('message_type in_app is accepted and sent as inapp, as Intercom\'s own clients send it', async () => {
      const expected = { message_type: 'inapp', body: 'Hi', from: { type: 'admin', id: 5 }, to: { type: 'user', id: 'u1' } };
      const scope = nock(TEST_BASE_URL).post('/messages', expected).reply(200, { id: 'm1' }).post('/messages', expected).reply(200, { id: 'm2' });
      await run('sendMessage', { ...expected, message_type: 'in_app', from: { type: 'admin', id: '5' } });
      await run('sendMessage', expected);
      scope.done();
    });

    it('the WhatsApp variant takes components and locale', async () => {
      const body = {
        message_type: 'whatsapp',
        template: 'keep_live',
        locale: 'en',
        components: [{ type: 'BODY', parameters: [{ type: 'text', text: 'Username 123' }] }],
        from: { type: 'admin', id: 5 },
        // The description's WhatsApp example sends to a phone number, not a contact.
        to: { phone: 5547999998888, name: 'John Doe' },
      };
      const scope = nock(TEST_BASE_URL).post('/messages', body).reply(200, { id: 'm1' });
      await run('sendMessage', body);
      scope.done();
      // The message type picks its variant: what it misses is named.
      await refused('sendMessage', { ...body, components: undefined }, 'components');
    });

    it('an update without body fields sends {} where the operation takes a JSON body', async () => {
      const scope = nock(TEST_BASE_URL).put('/companies/c1', {}).reply(200, { id: 'c1' });
      await run('updateCompany', { company_id: 'c1' });
      scope.done();
    });

    it('a list answered as a bare array is emitted as {data} on the paged path too', async () => {
      const scope = nock(TEST_BASE_URL).get('/tags').reply(200, [{ id: 't1' }, { id: 't2' }]);
      const step = await run('listTags', {});
      scope.done();
      assert.deepEqual(step.bodies(), [{ data: [{ id: 't1' }, { id: 't2' }] }]);
      const individually = nock(TEST_BASE_URL).get('/tags').reply(200, [{ id: 't1' }]);
      const each = await run('listTags', {}, testConfig(undefined, { emit: 'individually' }));
      individually.done();
      assert.deepEqual(each.bodies(), [{ id: 't1' }]);
    });

    it('a list has one page size: the step field "Page size"; a per_page input is refused naming it', async () => {
      await refused('listContacts', { per_page: 5 }, 'per_page');
      const scope = nock(TEST_BASE_URL).get('/contacts').query({ per_page: '20' }).reply(200, { type: 'list', data: [], pages: {} });
      await run('listContacts', {}, testConfig(undefined, { pageSize: '20' }));
      scope.done();
    });

    it('the step field "Page size" wins over a page size inside a search body', async () => {
      const query = { field: 'email', operator: '=', value: 'a@b.co' };
      const scope = nock(TEST_BASE_URL).post('/contacts/search', { query, pagination: { per_page: 30 } }).reply(200, { type: 'list', data: [], pages: {} });
      await run('searchContacts', { query, pagination: { per_page: 5 } }, testConfig(undefined, { pageSize: '30' }));
      scope.done();
    });
  });
});
