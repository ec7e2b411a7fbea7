/**
 * nock, not the sandbox: error bodies that echo the token in every field, scripted per case.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { redact, registeredSecretCount, registerSecret } from '../../../lib/runtime/redact';
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
});
