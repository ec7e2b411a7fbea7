/**
 * nock, not the sandbox: answers and failures that quote the token, scripted per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import verifyCredentials from '../../../lib/verifyCredentials';
import { FakeStep, netError, offlineRuntime, TEST_BASE_URL } from '../../helpers/context';

const TOKEN = 'tok_SECRECY_d1st1nct1ve_7f3a9c';

describe('secrecy: the access token never leaves the process', () => {
  offlineRuntime();

  it('appears in no log line, error or emitted message, whatever Intercom answers', async () => {
    const step = new FakeStep();
    const errors: string[] = [];
    const cfg = { accessToken: TOKEN, baseUrl: TEST_BASE_URL };
    const attempt = async (key: string, body: unknown): Promise<void> => {
      try {
        await forOperation(key).process.call(step, { body }, cfg, {});
      } catch (error) {
        errors.push(`${(error as Error).message}\n${(error as Error).stack ?? ''}\n${JSON.stringify(error)}`);
      }
    };
    nock(TEST_BASE_URL)
      .get('/contacts/c1').reply(200, { id: 'c1' })
      // An upstream that echoes the credential back must not get it into the step error.
      .get('/contacts/c2').reply(401, { type: 'error.list', errors: [{ code: 'unauthorized', message: `token ${TOKEN} is invalid (Bearer ${TOKEN})` }] })
      .get('/contacts/c3').reply(504, `<html><title>Bad ${TOKEN}</title></html>`)
      .get('/contacts/c4').times(10).replyWithError(netError('ECONNRESET'))
      .post('/contacts').reply(422, { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'bad' }] });
    await attempt('getContact', { contact_id: 'c1' });
    await attempt('getContact', { contact_id: 'c2' });
    await attempt('getContact', { contact_id: 'c3' });
    await attempt('getContact', { contact_id: 'c4' });
    await attempt('createContact', { email: 'a@b.co' });
    await attempt('createContact', { email: 42, colour: 'red' });
    nock(TEST_BASE_URL).get('/me').reply(401, { type: 'error.list', errors: [{ code: 'unauthorized', message: `bad ${TOKEN}` }] });
    const verification = await verifyCredentials.call(step, cfg);

    assert.equal(errors.length, 5);
    const everything = [JSON.stringify(step.emitted), step.logs.join('\n'), errors.join('\n'), JSON.stringify(verification)].join('\n');
    assert.ok(everything.length > 500);
    assert.ok(!everything.includes(TOKEN), 'token leaked');
    assert.ok(!everything.includes(TOKEN.slice(4, 20)), 'token fragment leaked');
  });
});
