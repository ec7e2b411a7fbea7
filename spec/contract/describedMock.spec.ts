/**
 * The validating mock of Intercom's 2.16 description (spec/mock/describedIntercom.ts), not the sandbox: what is
 * measured here is agreement with the description's rules, which the sandbox does not hold. Loopback only.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { allOperations } from '../../lib/catalogue/index';
import { InputValidationError } from '../../lib/runtime/errors';
import { descriptionPath } from '../../scripts/generate/description';
import { FakeStep } from '../helpers/fakeStep';
import { sampleInput } from '../helpers/sampleInput';
import { DescribedIntercom } from '../mock/describedIntercom';
import { measure, shippedValidationSchema } from '../mock/measure';

type Json = Record<string, unknown>;
const ROOT = join(__dirname, '..', '..');
const described = existsSync(descriptionPath());

function skipWithoutDescription(context: Mocha.Context): void {
  if (described) return;
  if (process.env['CI']) throw new Error('Intercom\'s OpenAPI description is missing; CI measures against it');
  context.skip();
}

/** Read here from the description alone: the top-level inputs of each declared operation it types as integer. */
function integerInputs(): Array<{ key: string; name: string }> {
  const document = load(readFileSync(descriptionPath(), 'utf8')) as Json;
  const resolve = (node: unknown): Json => {
    let current = node as Json | undefined;
    while (typeof current?.['$ref'] === 'string') {
      current = current['$ref'].slice(2).split('/').reduce<unknown>((n, k) => (n as Json)[k.replace(/~1/g, '/')], document) as Json;
    }
    return current ?? {};
  };
  const propertiesOf = (node: unknown, seen = new Set<Json>()): Array<[string, Json]> => {
    const schema = resolve(node);
    if (seen.has(schema)) return [];
    seen.add(schema);
    const own = Object.entries((schema['properties'] ?? {}) as Record<string, unknown>).map(([n, p]): [string, Json] => [n, resolve(p)]);
    const parts = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (schema[k] as unknown[] | undefined) ?? []);
    return [...own, ...parts.flatMap((part) => propertiesOf(part, seen))];
  };
  const found: Array<{ key: string; name: string }> = [];
  for (const [key, decl] of allOperations()) {
    const [method = '', path = ''] = decl.op.split(' ');
    const item = (document['paths'] as Record<string, Json>)[path] ?? {};
    const op = (item[method.toLowerCase()] ?? {}) as Json;
    const names = new Set<string>();
    for (const raw of [...((item['parameters'] as unknown[]) ?? []), ...((op['parameters'] as unknown[]) ?? [])]) {
      const param = resolve(raw);
      if ((param['in'] === 'path' || param['in'] === 'query') && resolve(param['schema'])['type'] === 'integer') names.add(String(param['name']));
    }
    const body = resolve(resolve(op['requestBody'])['content'] ? ((resolve(op['requestBody'])['content'] as Json)['application/json'] as Json | undefined)?.['schema'] : undefined);
    for (const [name, schema] of propertiesOf(body)) if (schema['type'] === 'integer') names.add(name);
    // Declared text on purpose (see the declaration): the description's integer there is wrong.
    for (const name of decl.textIds ?? []) names.delete(name);
    for (const name of names) found.push({ key, name });
  }
  return found;
}

describe('contract: requests made from the component\'s metadata against Intercom\'s 2.16 description', function () {
  this.timeout(120_000);

  it('the mock refuses what the description refuses and accepts what it allows (it can fail)', async function () {
    skipWithoutDescription(this);
    const mock = new DescribedIntercom();
    const url = await mock.start();
    try {
      const post = (path: string, body: unknown): Promise<number> =>
        fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
      assert.equal(await post('/data_attributes', { name: 'plan', model: 'contact', data_type: 'string' }), 200);
      assert.equal(await post('/data_attributes', { name: 'plan', model: 'contact' }), 400, 'data_type is required');
      assert.equal(await post('/events', { event_name: 'x', created_at: 1.5, user_id: 'u' }), 400, 'created_at is an integer');
      assert.equal((await fetch(`${url}/admins/abc`)).status, 400, 'admin_id is an integer');
      assert.equal((await fetch(`${url}/admins/42`)).status, 200);
    } finally {
      await mock.stop();
    }
  });

  it('required fields only: at least 225 of 231 accepted, and every request whose body is required carries one', async function () {
    skipWithoutDescription(this);
    const result = await measure('none');
    const refused = result.outcomes.filter((o) => !o.accepted).map((o) => `${o.key}: ${o.problems.join('; ')}`);
    console.log(`      (required fields only: ${result.accepted}/${result.total} accepted)`);
    assert.equal(result.total, 231);
    assert.ok(result.accepted >= 225, `${result.accepted}/${result.total} accepted:\n${refused.join('\n')}`);
    const withoutBody = result.outcomes.flatMap((o) => o.requests).filter((r) => r.bodyRequired && !r.hasBody);
    assert.deepEqual(withoutBody.map((r) => `${r.method} ${r.path}`), []);
    assert.ok(result.outcomes.flatMap((o) => o.requests).some((r) => r.bodyRequired), 'some operation requires a body');
  });

  it('every optional field filled: the figure is measured (paging inputs the description leaves out are refused by it)', async function () {
    skipWithoutDescription(this);
    const result = await measure('all');
    console.log(`      (every optional field filled: ${result.accepted}/${result.total} accepted)`);
    assert.equal(result.total, 231);
    assert.ok(result.accepted >= 200, `${result.accepted}/${result.total}`);
  });

  it('for every top-level input the description types as integer, 1.5 is refused naming the field and nothing is sent', async function () {
    skipWithoutDescription(this);
    const cases = integerInputs();
    assert.ok(cases.length >= 100, `${cases.length} integer inputs found`);
    const mock = new DescribedIntercom();
    const baseUrl = await mock.start();
    const failures: string[] = [];
    try {
      for (const { key, name } of cases) {
        const input = { ...sampleInput(shippedValidationSchema(key), 'none'), [name]: 1.5 };
        const action = require(join(ROOT, 'lib', 'actions', key)) as { process: (this: FakeStep, ...args: unknown[]) => Promise<void> };
        const before = mock.requests.length;
        try {
          await action.process.call(new FakeStep(), { body: input, headers: {}, attachments: {}, metadata: {} }, { accessToken: 'tok_integer_0123456789', baseUrl }, {});
          failures.push(`${key}.${name}: accepted`);
        } catch (error) {
          if (!(error instanceof InputValidationError) || !error.message.includes(`field ${name}`)) failures.push(`${key}.${name}: ${String(error)}`);
        }
        if (mock.requests.length !== before) failures.push(`${key}.${name}: a request was sent`);
      }
    } finally {
      await mock.stop();
    }
    console.log(`      (${cases.length} integer inputs of ${new Set(cases.map((c) => c.key)).size} actions, each refused)`);
    assert.deepEqual(failures, []);
  });

  it('variant-required fields are refused by name: createDataAttribute data_type, submitDataEvent event_name/created_at, sendMessage message_type/from/to', async function () {
    const cases: Array<[string, Json, string[]]> = [
      ['createDataAttribute', { name: 'plan', model: 'contact' }, ['data_type']],
      ['submitDataEvent', { user_id: 'u1', metadata: {} }, ['event_name', 'created_at']],
      ['sendMessage', { body: 'Hi', subject: 'Hello', template: 'plain' }, ['message_type', 'from', 'to']],
    ];
    for (const [key, input, fields] of cases) {
      const action = require(join(ROOT, 'lib', 'actions', key)) as { process: (this: FakeStep, ...args: unknown[]) => Promise<void> };
      // No server at all: a request would fail as a network error, not as this input error.
      await assert.rejects(
        action.process.call(new FakeStep(), { body: input, headers: {}, attachments: {}, metadata: {} }, { accessToken: 'tok_variant_0123456789', baseUrl: 'http://127.0.0.1:9' }, {}),
        (error: Error) => {
          assert.ok(error instanceof InputValidationError, String(error));
          for (const field of fields) assert.match(error.message, new RegExp(`field ${field}: is required`));
          return true;
        },
      );
    }
  });
});
