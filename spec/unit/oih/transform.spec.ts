/**
 * OIH's transformation contract on the envelope {metadata, data}, called directly: which transformation applies
 * (skipTransformation, a customMapping, the default mapping), the raw-record copy, and what a customMapping must
 * give back. Expected messages and envelopes are written by hand.
 */
import assert from 'node:assert/strict';
import { transform, usesDefaultMapping } from '../../../lib/oih/transform';
import type { Mapping, OihMessage } from '../../../lib/oih/envelope';
import type { StepContext } from '../../../lib/runtime/step';

describe('OIH transformation contract (transform.ts)', () => {
  const message: OihMessage = { metadata: { recordUid: 'c1', oihUid: 'o1' }, data: { name: 'Ada Lovelace', email: 'ada@example.test' } };
  const upper: Mapping = (m) => ({ metadata: m.metadata, data: { NAME: (m.data as { name: string }).name.toUpperCase() } });
  const emitted: Array<[string, unknown]> = [];
  const ctx = {
    emit: (event: string, body: unknown): Promise<void> => {
      emitted.push([event, body]);
      return Promise.resolve();
    },
  } as unknown as StepContext;
  beforeEach(() => {
    emitted.length = 0;
  });

  it('skipTransformation ticked (true, "true", "on"): the message itself, no raw-record copy even when the node stores raw records', async () => {
    for (const skip of [true, 'true', 'on']) {
      assert.equal(await transform(message, { skipTransformation: skip, customMapping: '{"data": 1}', nodeSettings: { storeRawRecord: true } }, upper, ctx), message);
      assert.equal(usesDefaultMapping({ skipTransformation: skip }), false);
    }
    assert.deepEqual(emitted, []);
  });

  it('skipTransformation not ticked ("false", false, absent) and no customMapping: the default mapping', async () => {
    for (const skip of ['false', false, undefined]) {
      assert.deepEqual(await transform(message, { skipTransformation: skip }, upper, ctx), { metadata: { recordUid: 'c1', oihUid: 'o1' }, data: { NAME: 'ADA LOVELACE' } });
      assert.equal(usesDefaultMapping({ skipTransformation: skip }), true);
    }
  });

  it('a blank or absent customMapping is none: the default mapping applies', async () => {
    for (const customMapping of ['', '   ', null, undefined]) {
      assert.deepEqual((await transform(message, { customMapping }, upper, ctx)).data, { NAME: 'ADA LOVELACE' });
      assert.equal(usesDefaultMapping({ customMapping }), true);
    }
    assert.equal(usesDefaultMapping({ customMapping: '{"data": data}' }), false);
  });

  it('a customMapping that is not text is an error naming the field and what it got', async () => {
    await assert.rejects(transform(message, { customMapping: ['{"data": data}'] }, upper, ctx), (e: Error) => e.message === 'Step field "customMapping" must be a JSONata expression (text); got array');
    await assert.rejects(transform(message, { customMapping: 42 }, upper, ctx), (e: Error) => e.message === 'Step field "customMapping" must be a JSONata expression (text); got number');
    assert.throws(() => usesDefaultMapping({ customMapping: { expression: 'data' } }), /got object$/);
  });

  it('storeRawRecord (a truthy node setting): the incoming record goes to raw-record storage first; not set or false: nothing', async () => {
    await transform(message, { nodeSettings: { storeRawRecord: true } }, upper, ctx);
    assert.equal(emitted.length, 1);
    const [event, body] = emitted[0] as [string, { rawRecordId: string; payload: unknown }];
    assert.equal(event, 'raw-record');
    assert.deepEqual(body.payload, { name: 'Ada Lovelace', email: 'ada@example.test' });
    assert.match(body.rawRecordId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    emitted.length = 0;
    await transform(message, { nodeSettings: { storeRawRecord: false } }, upper, ctx);
    await transform(message, { nodeSettings: 'storeRawRecord' }, upper, ctx);
    await transform(message, {}, upper, ctx);
    assert.deepEqual(emitted, []);
  });

  describe('what a customMapping gives', function () {
    this.timeout(30_000);
    const mapped = (customMapping: string): Promise<OihMessage> => transform(message, { customMapping }, upper, ctx);
    const gave = async (customMapping: string, what: string): Promise<void> => {
      await assert.rejects(
        mapped(customMapping),
        (e: Error) =>
          e.message ===
          `Step field "customMapping" must give OIH's message envelope {"data": …, "metadata": …} (it is evaluated over {metadata, data}, as in other OIH connectors); it gave ${what}`,
      );
    };

    it('an envelope with metadata: both taken from it', async () => {
      assert.deepEqual(await mapped('{"data": {"mail": data.email}, "metadata": {"recordUid": "x9"}}'), { metadata: { recordUid: 'x9' }, data: { mail: 'ada@example.test' } });
    });

    it('an envelope without metadata, or with metadata that is not an object: the incoming metadata is kept', async () => {
      assert.deepEqual(await mapped('{"data": {"mail": data.email}}'), { metadata: { recordUid: 'c1', oihUid: 'o1' }, data: { mail: 'ada@example.test' } });
      assert.deepEqual(await mapped('{"data": 1, "metadata": "x9"}'), { metadata: { recordUid: 'c1', oihUid: 'o1' }, data: 1 });
    });

    it('a data of null is a value, passed on', async () => {
      assert.deepEqual(await mapped('{"data": null}'), { metadata: { recordUid: 'c1', oihUid: 'o1' }, data: null });
    });

    it('no envelope: nothing, an array, a text, an object without data (its first five fields named)', async () => {
      await gave('nothing.here', 'nothing');
      await gave('[1, 2]', 'an array');
      await gave('"text"', 'string');
      await gave('{"a": 1, "b": 2}', 'an object with only a, b');
      await gave('{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}', 'an object with only a, b, c, d, e');
      await gave('{}', 'an object with no fields');
    });
  });
});
