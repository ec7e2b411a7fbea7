import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { addFormats } from '../../lib/runtime/formats';
import { describeAjvErrors, inputValidator, toStandardSchema, VALIDATOR_OPTIONS } from '../../lib/runtime/schemas';
import { type OptionalFields, sampleInput, type Schema } from '../helpers/sampleInput';

/**
 * The input validators compiled ahead by the generator (lib/generated/validators) are what ajv makes of each
 * action's validation schema: for every action, on inputs made from its own metadata (spec/helpers/sampleInput,
 * independent of lib/) and on broken copies of them, the shipped validator and ajv compiling the schema file in
 * this test give the same verdict and the same errors, so the error messages are the ones ajv at run time gave.
 */

const ROOT = join(__dirname, '..', '..');
const readJson = (rel: string): Schema => JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as Schema;
const keysWithInput = readdirSync(join(ROOT, 'schemas'))
  .filter((name) => name.endsWith('.in.json'))
  .map((name) => name.slice(0, -'.in.json'.length))
  .sort();

/** The validation schema as the files give it: the strict schema, else the in-schema made standard. */
function schemaFileOf(key: string): { shipped: Schema; standard: Schema } {
  const strict = `schemas/${key}.in.strict.json`;
  if (existsSync(join(ROOT, strict))) {
    const shipped = readJson(strict);
    return { shipped, standard: shipped };
  }
  const shipped = readJson(`schemas/${key}.in.json`);
  return { shipped, standard: toStandardSchema(shipped) as Schema };
}

/** A value of another JSON type than the one given, so the schema's type rule has something to refuse. */
function otherKind(value: unknown): unknown {
  if (typeof value === 'string') return 12.5;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'a list' };
  if (typeof value === 'object' && value !== null) return 'not an object';
  return ['unexpected'];
}

/** Broken copies of a valid input: every field of another kind, null, text that fits no format, an unknown field, nothing at all. */
function brokenCopies(input: Record<string, unknown>): unknown[] {
  const copies: unknown[] = [{}, { ...input, not_an_input_of_any_action: 1 }, [], 'text'];
  for (const [name, value] of Object.entries(input)) {
    copies.push({ ...input, [name]: otherKind(value) }, { ...input, [name]: null }, { ...input, [name]: 'not-a-date-email-url-or-uuid' });
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) copies.push({ ...input, [name]: { ...value, [inner]: otherKind(innerValue) } });
    }
    if (Array.isArray(value) && value.length > 0) copies.push({ ...input, [name]: [otherKind(value[0])] });
  }
  return copies;
}

const FILLED: OptionalFields[] = ['none', 'top', 'all'];

describe('contract: the precompiled input validators agree with ajv on the schema files', () => {
  it('there is one validator module per action with an in-schema, and no other', () => {
    const modules = readdirSync(join(ROOT, 'lib', 'generated', 'validators')).sort();
    assert.deepEqual(modules, keysWithInput.map((key) => `${key}.js`).sort());
  });

  for (const key of keysWithInput) {
    it(`${key}: same verdict and errors on valid and broken inputs`, function () {
      this.timeout(60_000);
      const { shipped, standard } = schemaFileOf(key);
      const ajv = new Ajv({ ...VALIDATOR_OPTIONS });
      addFormats(ajv);
      const fresh = ajv.compile(standard);
      const precompiled = inputValidator(key);
      const samples = FILLED.map((filled) => sampleInput(shipped, filled));
      let refused = 0;
      for (const input of [...samples, ...samples.flatMap(brokenCopies)]) {
        const verdict = fresh(input);
        assert.equal(precompiled(input), verdict, `${key}: ${JSON.stringify(input).slice(0, 300)}`);
        const errors = precompiled.errors ?? null;
        assert.deepEqual(errors, fresh.errors ?? null, `${key}: errors for ${JSON.stringify(input).slice(0, 300)}`);
        assert.deepEqual(describeAjvErrors(errors), describeAjvErrors(fresh.errors));
        if (!verdict) refused++;
      }
      // The broken copies are refused at least for being no object and for lacking the required fields or having an unknown one.
      assert.ok(refused >= 3, `${key}: only ${refused} inputs refused`);
    });
  }
});

describe('contract: precompiled validators, errors written by hand', () => {
  const problems = (key: string, input: unknown): string[] => {
    const validate = inputValidator(key);
    return validate(input) ? [] : describeAjvErrors(validate.errors);
  };

  it('getContact: the contact id is required, a text, and nothing else is an input', () => {
    assert.deepEqual(problems('getContact', { contact_id: '6543' }), []);
    assert.deepEqual(problems('getContact', {}), ['field contact_id: is required']);
    assert.deepEqual(problems('getContact', { contact_id: 6543 }), ['field contact_id: must be string']);
    assert.deepEqual(problems('getContact', { contact_id: '6543', colour: 'red' }), ['field colour: is not an input of this action']);
  });

  it('startFinConversation: formats are checked by the runtime format checks (formats.ts) handed to the module', () => {
    const message = { author: 'user', body: 'Where is my order?', timestamp: '2024-05-31T14:30:00Z' };
    const user = { id: 'u-1', email: 'ada@example.com' };
    assert.deepEqual(problems('startFinConversation', { conversation_id: 'c-1', message, user }), []);
    assert.deepEqual(problems('startFinConversation', { conversation_id: 'c-1', message: { ...message, timestamp: '2024-02-30T14:30:00Z' }, user: { ...user, email: 'ada@' } }), [
      'field message.timestamp: must be a date and time such as 2024-05-31T14:30:00Z',
      'field user.email: must be an email address',
    ]);
  });
});
