/**
 * nock, not the sandbox: error bodies that echo the token in every field, scripted per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/runtime/action';
import { redact, registeredSecretCount, registerSecret } from '../../../lib/runtime/redact';
import { RateLimitExhaustedError } from '../../../lib/runtime/errors';
import { step } from '../../../lib/runtime/step';
import { FakeStep, offlineRuntime, TEST_BASE_URL } from '../../helpers/context';

async function failure(token: string, reply: () => nock.Scope): Promise<{ error: unknown; step: FakeStep }> {
  reply();
  const step = new FakeStep();
  try {
    await forOperation('getContact').process.call(step, { body: { contact_id: 'c1' } }, { accessToken: token, baseUrl: TEST_BASE_URL }, {});
  } catch (error) {
    return { error, step };
  }
  throw new Error('expected the step to fail');
}

/** Everything a platform could show of an error: its message, stack and every property, nested ones too. */
function everythingOf(error: unknown): string {
  const own = Object.fromEntries(Object.getOwnPropertyNames(error).map((k) => [k, (error as Record<string, unknown>)[k]]));
  return `${JSON.stringify(own)}\n${(error as Error).stack ?? ''}`;
}

describe('redaction: a secret is scrubbed from every property of an error, whatever its length', () => {
  offlineRuntime();

  it('error.errors[].code and .field, the request_id and the message all lose a token Intercom echoed in them', async () => {
    const token = 'tok_echoed_in_every_field_42';
    const { error, step } = await failure(token, () =>
      nock(TEST_BASE_URL)
        .get('/contacts/c1')
        .reply(400, { type: 'error.list', request_id: `req-${token}`, errors: [{ code: `bad_${token}`, field: `field ${token}`, message: `token ${token}` }] }),
    );
    const seen = everythingOf(error) + step.logs.join('\n');
    assert.match(seen, /bad_\*\*\*/, 'the code is still there, scrubbed');
    assert.ok(!seen.includes(token), seen);
  });

  it('a token of 5 characters is redacted too, as a whole word only (other words containing it are left alone)', async () => {
    const token = 'k9Zq2';
    const { error, step } = await failure(token, () =>
      nock(TEST_BASE_URL).get('/contacts/c1').reply(401, { type: 'error.list', errors: [{ code: 'unauthorized', message: `token ${token} refused; see k9Zq2abc` }] }),
    );
    const seen = everythingOf(error) + step.logs.join('\n');
    assert.match(seen, /token \*\*\* refused; see k9Zq2abc/);
    assert.ok(!/(^|[^A-Za-z0-9])k9Zq2([^A-Za-z0-9]|$)/.test(seen), seen);
  });

  it('the registry stays bounded after 50,000 tokens, and the tokens in use are still redacted', () => {
    const inUse = 'tok_in_use_all_along_0001';
    for (let i = 0; i < 50_000; i++) {
      registerSecret(`tok_bulk_${i}_abcdefgh`);
      if (i % 100 === 0) registerSecret(inUse); // its messages read their credentials again between the others
    }
    assert.ok(registeredSecretCount() <= 256, `${registeredSecretCount()} secrets remembered`);
    assert.equal(redact(`calling with ${inUse} and tok_bulk_49999_abcdefgh`), 'calling with *** and ***');
  });

  // Each layer on its own: the HTTP client's errors are scrubbed where they are made, so the tests above pass even
  // without one of these two safeguards.
  describe('redact(): the bearer scrub, for a credential nobody registered', () => {
    it('replaces what follows "Bearer " (any case) and nothing else', () => {
      assert.equal(redact('Authorization: Bearer abcd.EFG-123_x~+/='), 'Authorization: Bearer ***');
      assert.equal(redact('proxy said BEARER Zm9vYmFy: denied'), 'proxy said BEARER ***: denied');
      assert.equal(redact('two: bearer aaaa1111 and Bearer bbbb2222'), 'two: bearer *** and Bearer ***');
      assert.equal(redact('a bearer of news'), 'a bearer of news', 'a word of fewer than 4 token characters is not a credential');
      assert.equal(redact('no credential here'), 'no credential here');
    });
  });

  describe('step(): the error a step throws is scrubbed before the platform sees it', () => {
    const secret = 'tok_thrown_by_a_step_body_77';
    const failing = (error: Error) =>
      step('redactionProbe', () => {
        registerSecret(secret);
        return Promise.reject(error);
      });

    it('its message, stack and own properties, nested ones too, lose a registered secret', async () => {
      const error = Object.assign(new Error(`refused ${secret}`), { detail: `detail ${secret}`, response: { body: [`echo ${secret}`] } });
      const runStep = new FakeStep();
      await assert.rejects(failing(error).call(runStep, { body: {} }, {}, {}), (thrown: unknown) => thrown === error);
      assert.equal(error.message, 'refused ***');
      assert.equal((error as unknown as { detail: string }).detail, 'detail ***');
      assert.deepEqual((error as unknown as { response: unknown }).response, { body: ['echo ***'] });
      assert.ok(!String(error.stack).includes(secret), String(error.stack));
      assert.ok(!runStep.logs.join('\n').includes(secret));
    });

    it('a rate limit handed back as a rebound is scrubbed too', async () => {
      // Made before the secret is known, as an error carrying a value from elsewhere would be.
      const late = 'tok_registered_after_the_error_was_made_5';
      const error = Object.assign(new RateLimitExhaustedError(429, [{ code: 'rate_limit_exceeded', message: 'Exceeded' }], undefined, 'redactionProbe'), { detail: `for ${late}` });
      const runStep = new FakeStep();
      await step('redactionProbe', () => {
        registerSecret(late);
        return Promise.reject(error);
      }).call(runStep, { body: {} }, {}, {});
      const [rebound] = runStep.events('rebound') as Error[];
      assert.equal(rebound, error);
      assert.equal(error.detail, 'for ***');
    });
  });
});
