/**
 * nock, not the sandbox: error bodies that echo the token in every field, scripted per case.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nock from 'nock';
import { forOperation } from '../../../lib/operation/action';
import { redact, registeredSecretCount, registerSecret } from '../../../lib/runtime/redact';
import webhookTrigger from '../../../lib/triggers/webhookEvents';
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

describe('redaction: secrets of any type, in encoded forms, and in successful answers', () => {
  offlineRuntime();

  const everything = (error: unknown, step: FakeStep): string => `${everythingOf(error)}\n${step.logs.join('\n')}`;

  // A number is still the token: the configuration error names the field and the type, never the value.
  const numericSecrets: Array<[string, Record<string, unknown>, RegExp]> = [
    ['accessToken', { accessToken: 48151623420815 }, /Credential field "accessToken" must be text; got a number/],
    ['the OIH key', { key: 48151623420815 }, /The OIH secret field "key" must be text; got a number/],
    ['clientSecret', { clientSecret: 48151623420815 }, /Step field "clientSecret" must be text; got a number/],
  ];
  for (const [name, cfg, message] of numericSecrets) {
    it(`a numeric ${name} is not echoed in the configuration error or the log`, async () => {
      const step = new FakeStep();
      const run = name === 'clientSecret'
        ? webhookTrigger.process.call(step, { body: { type: 'notification_event', id: 'n1', topic: 'ping' }, headers: {} }, cfg, {})
        : forOperation('getContact').process.call(step, { body: { contact_id: 'c1' } }, { ...cfg, baseUrl: TEST_BASE_URL }, {});
      const error = await run.then(() => undefined, (e: unknown) => e);
      assert.match(String((error as Error | undefined)?.message), message);
      const seen = everything(error, step);
      assert.ok(!seen.includes('48151623420815'), seen);
    });
  }

  it('a token base64-, base64url- or URL-encoded inside an Intercom error is scrubbed, wherever it sits in the encoded text', async () => {
    const token = 'tok_enc/od+ed_Ωmega_0123456789';
    // Independent encodings: Node's own base64 of texts that hold the token at each offset, and encodeURIComponent.
    const encodings = [
      Buffer.from(`${token}:`).toString('base64'),
      Buffer.from(`x${token}`).toString('base64'),
      Buffer.from(`xy${token}yz`).toString('base64url'),
      encodeURIComponent(token),
      encodeURIComponent(token).toLowerCase(),
    ];
    const { error, step } = await failure(token, () =>
      nock(TEST_BASE_URL).get('/contacts/c1').reply(400, { type: 'error.list', errors: encodings.map((e, i) => ({ code: 'parameter_invalid', message: `echo ${i}: ${e}` })) }),
    );
    const seen = everything(error, step);
    assert.equal((seen.match(/echo \d: \S*\*\*\*/g) ?? []).length >= encodings.length, true, seen);
    for (const encoded of encodings) {
      // What is left of an encoding is at most the one or two characters at each end that mix in other bytes.
      assert.ok(!seen.includes(encoded.slice(2, -3)), `${encoded} in ${seen}`);
    }
  });

  it('a token echoed in a 2xx answer is replaced by *** before it is emitted, and the log says so', async () => {
    const token = 'tok_echoed_in_success_0123456789';
    nock(TEST_BASE_URL)
      .get('/contacts/c1')
      .reply(200, { type: 'contact', id: 'c1', name: `copied ${token}`, custom_attributes: { note: `Bearer ${token}`, url: `https://x.test/?t=${encodeURIComponent(`${token}/x`)}` }, escaped: `a\\/${token}` });
    const step = new FakeStep();
    await forOperation('getContact').process.call(step, { body: { contact_id: 'c1' } }, { accessToken: token, baseUrl: TEST_BASE_URL }, {});
    const emitted = JSON.stringify(step.emitted);
    assert.ok(!emitted.includes(token), emitted);
    assert.deepEqual((step.bodies()[0] as { name: string }).name, 'copied ***');
    assert.ok(step.logs.some((line) => /warn getContact: Intercom's answer contained a secret of this step; it was replaced by \*\*\*/.test(line)), step.logs.join('\n'));
  });

  it('a token inside an export\'s CSV rows is replaced by *** before the rows are emitted, even across two network chunks', async () => {
    const token = 'tok_in_export_rows_0123456789';
    const csv = `id,text\n1,plain\n2,"pasted ${token} here"\n`;
    const at = csv.indexOf(token) + 5;
    nock(TEST_BASE_URL).get('/download/content/data/j1').reply(200, () => Readable.from([Buffer.from(csv.slice(0, at)), Buffer.from(csv.slice(at))]));
    const step = new FakeStep();
    await forOperation('downloadContentDataExport').process.call(step, { body: { job_identifier: 'j1' } }, { accessToken: token, baseUrl: TEST_BASE_URL }, {});
    assert.deepEqual(step.bodies(), [{ row: { id: '1', text: 'plain' } }, { row: { id: '2', text: 'pasted *** here' } }]);
  });
});
