/**
 * The two small rule sets under input validation, each on its own: the only conversions of mapped values
 * (lib/runtime/coerce.ts) and the string formats checked (lib/runtime/formats.ts). Each expectation is written by
 * hand from the rule the module's comment states.
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { coerceToSchema } from '../../../lib/runtime/coerce';
import { addFormats } from '../../../lib/runtime/formats';

describe('runtime: conversions of mapped values', () => {
  it('a number field takes a decimal numeric string, and only a finite one', () => {
    const number = { type: 'number' };
    assert.equal(coerceToSchema('42', number), 42);
    assert.equal(coerceToSchema('-1.5', number), -1.5);
    assert.equal(coerceToSchema('+.5', number), 0.5);
    assert.equal(coerceToSchema('2e3', number), 2000);
    assert.equal(coerceToSchema('7.', number), 7);
    for (const kept of ['Infinity', '1e400', '0x10', '', ' 4', '4 ', '1,5', 'e3', '.']) assert.equal(coerceToSchema(kept, number), kept, JSON.stringify(kept));
  });

  it('an integer field takes only whole numbers within the exact range', () => {
    const integer = { type: 'integer' };
    assert.equal(coerceToSchema('9007199254740991', integer), 9_007_199_254_740_991);
    assert.equal(coerceToSchema('9007199254740992', integer), '9007199254740992');
    assert.equal(coerceToSchema('1.5', integer), '1.5');
    assert.equal(coerceToSchema('-3', integer), -3);
  });

  it('a text field takes a number as its text; a field that also takes numbers keeps the number', () => {
    assert.equal(coerceToSchema(42, { type: 'string' }), '42');
    assert.equal(coerceToSchema(42, { type: ['string', 'integer'] }), 42);
    assert.equal(coerceToSchema(4.5, { type: ['string', 'number'] }), 4.5);
    assert.equal(coerceToSchema('42', { type: ['string', 'integer'] }), '42', 'text stays text where text is allowed');
  });

  it('a yes/no field takes "true" and "false" and nothing else', () => {
    const boolean = { type: 'boolean' };
    assert.equal(coerceToSchema('true', boolean), true);
    assert.equal(coerceToSchema('false', boolean), false);
    for (const kept of ['TRUE', 'yes', '1', '']) assert.equal(coerceToSchema(kept, boolean), kept);
    assert.equal(coerceToSchema(1, boolean), 1);
  });

  it('null, a value without a schema and a schema without a type are left as they are', () => {
    assert.equal(coerceToSchema(null, { type: 'number' }), null);
    assert.equal(coerceToSchema('5', undefined), '5');
    assert.equal(coerceToSchema('5', { description: 'anything' }), '5');
    assert.equal(coerceToSchema(true, { type: 'number' }), true);
  });

  it('objects, lists, additionalProperties and allOf/oneOf/anyOf members are followed to the field', () => {
    const schema = {
      type: 'object',
      properties: { count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
      additionalProperties: { type: 'number' },
      allOf: [{ properties: { flag: { type: 'boolean' } } }],
      oneOf: [{ properties: { deep: { anyOf: [{ type: 'object', properties: { n: { type: 'number' } } }] } } }],
    };
    const value = { count: '3', tags: [1, 'two'], other: '2.5', flag: 'false', deep: { n: '8' } };
    assert.deepEqual(coerceToSchema(value, schema), { count: 3, tags: ['1', 'two'], other: 2.5, flag: false, deep: { n: 8 } });
    assert.deepEqual(coerceToSchema(['1', '2'], { type: 'array' }), ['1', '2'], 'a list without items is left alone');
    assert.deepEqual(coerceToSchema({ x: '1' }, { type: 'object', properties: {} }), { x: '1' }, 'a property no schema describes is left alone');
    // Two members describing the same property: either may convert it.
    assert.deepEqual(coerceToSchema({ id: '5' }, { anyOf: [{ properties: { id: { type: 'string' } } }, { properties: { id: { type: 'integer' } } }] }), { id: '5' });
    assert.deepEqual(coerceToSchema({ id: '5' }, { anyOf: [{ properties: { id: { type: 'boolean' } } }, { properties: { id: { type: 'integer' } } }] }), { id: 5 });
  });

  it('a property named like an Object.prototype member is only converted when the schema declares it', () => {
    assert.deepEqual(coerceToSchema({ toString: '1' }, { type: 'object', properties: { a: { type: 'number' } } }), { toString: '1' });
  });
});

describe('runtime: string formats', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const valid = (format: string, value: unknown): boolean => ajv.validate({ type: typeof value === 'number' ? 'number' : 'string', format }, value);

  it('date: a real calendar day only', () => {
    for (const ok of ['2024-05-31', '2024-02-29', '2000-02-29']) assert.ok(valid('date', ok), ok);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-5-31', '2024-05-31T00:00:00Z', ' 2024-05-31']) assert.ok(!valid('date', bad), bad);
  });

  it('date-time: a real day and time with a zone (Z, z or an offset); a leap second is allowed', () => {
    for (const ok of ['2024-05-31T14:30:00Z', '2024-05-31t14:30:00z', '2024-05-31 14:30:00+02:00', '2024-05-31T14:30:00.123-0530', '2024-06-30T23:59:60Z', '2024-05-31T00:00:00Z']) assert.ok(valid('date-time', ok), ok);
    for (const bad of ['2024-05-31T24:00:00Z', '2024-05-31T14:60:00Z', '2024-05-31T14:30:61Z', '2024-05-31T14:30:00', '2024-02-30T10:00:00Z', '2024-05-31T14:30Z', '2024-05-31X14:30:00Z']) assert.ok(!valid('date-time', bad), bad);
  });

  it('email: something@domain.tld, no spaces, no empty label', () => {
    for (const ok of ['ann@example.com', 'a.b+c@mail.example.co.uk']) assert.ok(valid('email', ok), ok);
    for (const bad of ['ann@example', 'ann@.com', 'ann example@x.com', '@example.com', 'ann@@example.com', 'ann@example..com', 'ann@example.com.']) assert.ok(!valid('email', bad), bad);
  });

  it('uri: an absolute URL with a scheme and no spaces', () => {
    for (const ok of ['https://example.com/page', 'mailto:ann@example.com', 'urn:isbn:0451450523', 'x+y.z-1:rest']) assert.ok(valid('uri', ok), ok);
    for (const bad of ['/relative/path', 'example.com', 'https://exa mple.com', '1http://x', 'https:']) assert.ok(!valid('uri', bad), bad);
  });

  it('uuid: 8-4-4-4-12 hexadecimal digits, either case', () => {
    assert.ok(valid('uuid', '123e4567-e89b-12d3-a456-426614174000'));
    assert.ok(valid('uuid', '123E4567-E89B-12D3-A456-426614174000'));
    for (const bad of ['123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400', '123e4567-e89b-12d3-a456-4266141740000', 'g23e4567-e89b-12d3-a456-426614174000']) assert.ok(!valid('uuid', bad), bad);
  });

  it('int64: a whole number within ±9007199254740991', () => {
    assert.ok(valid('int64', 9_007_199_254_740_991));
    assert.ok(valid('int64', -9_007_199_254_740_991));
    assert.ok(!valid('int64', 9_007_199_254_740_992));
    assert.ok(!valid('int64', 1.5));
  });
});
