import assert from 'node:assert/strict';
import nock from 'nock';
import trigger from '../../../lib/triggers/newOrUpdatedContacts';
import { runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

describe('trigger newOrUpdatedContacts: the workspace timezone named in the warning', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  for (const [timezone, shown] of [[undefined, 'not in /me'], ['Mars/Olympus_Mons', 'Mars/Olympus_Mons']] as const) {
    it(`a timezone ${shown === 'not in /me' ? 'missing from /me' : 'Intl does not know'} is named as "${shown}"`, async () => {
      nock(TEST_BASE_URL).get('/me').reply(200, { type: 'admin', id: '1', app: { id_code: 'abc', ...(timezone ? { timezone } : {}) } });
      nock(TEST_BASE_URL).post('/contacts/search').reply(200, { type: 'list', data: [], total_count: 0, pages: { type: 'pages' } });
      const step = await runSailor(trigger.process, testConfig(`tok_contacts_tz_${shown.length}_0001`, { startTime: '2026-03-10T12:00:00Z' }));
      assert.ok(step.logs.includes(`warn newOrUpdatedContacts: the workspace timezone is unknown (${shown}); searching one extra day`), step.logs.join('\n'));
    });
  }
});
