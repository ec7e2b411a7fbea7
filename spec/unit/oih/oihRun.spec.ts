/**
 * What every OIH action starts from (oihRun.ts): a record for a custom mapping, or Intercom inputs when the
 * transformation is skipped, must be a JSON object, checked before any request; (the default mapping's
 * OIH record is checked against the function's schema elsewhere). Expected messages written by hand.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import upsertOrganization from '../../../lib/actions/upsertOrganization';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

describe('OIH actions: the incoming record', () => {
  offlineRuntime();
  const run = async (body: unknown, cfg: Record<string, unknown>): Promise<FakeStep> => {
    const step = new FakeStep();
    await upsertOrganization.process.call(step, { body, headers: {}, attachments: {}, metadata: {} }, cfg, {});
    return step;
  };

  for (const [name, cfg] of [
    ['a custom mapping', { customMapping: '{"data": data}' }],
    ['skipTransformation', { skipTransformation: true }],
  ] as const) {
    it(`with ${name}, a body that is a list, text or null is refused before any request`, async () => {
      const scope = nock(TEST_BASE_URL).post('/companies').reply(200, {});
      for (const body of [[{ name: 'Engines' }], 'Engines', null]) {
        await assert.rejects(run(body, testConfig(undefined, cfg)), (e: Error) => e.message === 'Invalid input for upsertOrganization: the message body must be a JSON object', JSON.stringify(body));
      }
      assert.equal(scope.isDone(), false);
    });
  }

  it('with skipTransformation, an object body is the Intercom input as it is', async () => {
    const scope = nock(TEST_BASE_URL).post('/companies', { name: 'Raw', company_id: 'ext-raw' }).reply(200, { type: 'company', id: 'co9', company_id: 'ext-raw' });
    await run({ name: 'Raw', company_id: 'ext-raw' }, testConfig(undefined, { skipTransformation: true }));
    scope.done();
  });
});
