/**
 * The one reader of step fields: every whole-number field follows one rule (a JSON whole number, or text of the
 * digits 0-9), every select field one rule (a declared value exactly, or the default when empty). The fields and
 * their bounds are listed by hand from the step forms (README, component.json notes), not read from the code.
 * No server: a bad value must fail while the configuration is read; nock refuses any connection.
 */
import assert from 'node:assert/strict';
import { readDownloadOptions } from '../../../lib/operation/csvDownload';
import { partAttachmentsAsFiles, recordingAsFile } from '../../../lib/operation/fileOptions';
import lookupObjects from '../../../lib/actions/lookupObjects';
import { readTermNumber } from '../../../lib/objects/termModel';
import { choiceOf, optionalId, wholeNumber } from '../../../lib/runtime/configValues';
import { ConfigurationError } from '../../../lib/runtime/errors';
import { readPagingOptions } from '../../../lib/runtime/paging';
import { readPollingOptions } from '../../../lib/triggers/polling/options';
import { FakeStep, offlineRuntime, testConfig } from '../../helpers/context';

/** Each whole-number step field: how it is read, and the bounds its form states. */
const NUMBER_FIELDS: Array<{ field: string; read: (value: unknown) => unknown; bounds: string; inside: Array<[unknown, unknown]> }> = [
  { field: 'maxItems', read: (v) => readPagingOptions({ maxItems: v }).maxItems, bounds: 'of at least 1', inside: [[1, 1], ['250', 250], [' 7 ', 7]] },
  { field: 'pageSize', read: (v) => readPagingOptions({ pageSize: v }).pageSize, bounds: 'from 1 to 150', inside: [[150, 150], ['20', 20]] },
  { field: 'batchSize', read: (v) => readDownloadOptions({ batchSize: v }).batchSize, bounds: 'from 1 to 10000', inside: [['10000', 10_000], [2, 2], ['1', undefined]] },
  { field: 'overlapMinutes', read: (v) => readPollingOptions({ overlapMinutes: v }).overlapSeconds, bounds: 'from 0 to 1440', inside: [['0', 0], [1440, 86_400]] },
  { field: 'maxPerRun', read: (v) => readPollingOptions({ maxPerRun: v }).maxPerRun, bounds: 'from 1 to 10000', inside: [['10000', 10_000], [1, 1]] },
  { field: 'termNumber', read: readTermNumber, bounds: 'from 0 to 10', inside: [['0', 0], [10, 10], ['3', 3]] },
];

/** Not whole numbers in any field, though JavaScript's Number() reads most of them as one. */
const NOT_NUMBERS: unknown[] = ['0x10', '1e2', '0b11', '0o7', '+5', '-1', '2.5', '1_000', '1,000', '١٢', '12abc', 'Infinity', true, [5], { n: 5 }, 1.5, -3, Number.NaN];

describe('settings: one reader of step fields', () => {
  offlineRuntime();

  describe('one rule for numbers', () => {
    for (const { field, read, bounds, inside } of NUMBER_FIELDS) {
      it(`${field}: decimal digits or a whole number ${bounds}; hex, exponents, signs, fractions and lists are errors naming it`, () => {
        for (const [value, expected] of inside) assert.deepEqual(read(value), expected, `${field} ${JSON.stringify(value)}`);
        for (const empty of [undefined, null, '', '  ']) assert.doesNotThrow(() => read(empty), `${field} empty`);
        for (const value of NOT_NUMBERS) {
          assert.throws(
            () => read(value),
            (error: unknown) => error instanceof ConfigurationError && error.message.includes(`step field "${field}" must be a whole number ${bounds}`.slice(1)),
            `${field} ${JSON.stringify(value)}`,
          );
        }
      });
    }

    it('out of bounds is an error with the bounds, in every field', () => {
      assert.throws(() => readPagingOptions({ pageSize: 151 }), /Step field "pageSize" must be a whole number from 1 to 150; got 151/);
      assert.throws(() => readDownloadOptions({ batchSize: '10001' }), /Step field "batchSize" must be a whole number from 1 to 10000; got "10001"/);
      assert.throws(() => readPollingOptions({ maxPerRun: '0' }), /Step field "maxPerRun" must be a whole number from 1 to 10000; got "0"/);
      assert.throws(() => readTermNumber('11'), /lookupObjects: step field "termNumber" must be a whole number from 0 to 10; got "11"/);
    });

    it('Lookup Objects reads "maxFetch" by the same rule, before any request', async () => {
      const cfg = testConfig(undefined, { objectType: 'contacts', termNumber: '0' });
      for (const maxFetch of ['0x10', '1e2', '0']) {
        await assert.rejects(lookupObjects.process.call(new FakeStep(), { body: {} }, { ...cfg, maxFetch }), /lookupObjects: step field "maxFetch" must be a whole number of at least 1/);
      }
    });

    it('the reader itself: empty is "not set", a whole number within the range is read', () => {
      assert.equal(wholeNumber('', 'Step field "x"', { min: 1 }), undefined);
      assert.equal(wholeNumber(' 42 ', 'Step field "x"', { min: 1 }), 42);
      assert.equal(wholeNumber(Number.MAX_SAFE_INTEGER, 'Step field "x"', { min: 1 }), Number.MAX_SAFE_INTEGER);
      assert.throws(() => wholeNumber('9007199254740993', 'Step field "x"', { min: 1 }), /Step field "x" must be a whole number of at least 1/);
    });
  });

  describe('one rule for choices', () => {
    it('each select field takes its declared values exactly; empty is its default; anything else names the field and the choices', () => {
      assert.deepEqual(readPagingOptions({}), { fetch: 'page', emit: 'oneMessage' });
      assert.deepEqual(readPagingOptions({ fetch: 'all', emit: 'individually' }), { fetch: 'all', emit: 'individually' });
      assert.throws(() => readPagingOptions({ fetch: 'All' }), /Step field "fetch" must be one of page, all; got "All"/);
      assert.throws(() => readPagingOptions({ emit: ['individually'] }), /Step field "emit" must be one of oneMessage, individually; got a list/);
      assert.deepEqual(readDownloadOptions({ deliverAs: 'file', batchSize: 'ignored for a file' }), { deliverAs: 'file' });
      assert.throws(() => readDownloadOptions({ deliverAs: 'email' }), /Step field "deliverAs" must be one of rows, file; got "email"/);
      assert.equal(recordingAsFile({}), false);
      assert.equal(recordingAsFile({ deliverAs: 'file' }), true);
      assert.throws(() => recordingAsFile({ deliverAs: true }), /Step field "deliverAs" must be one of url, file; got true/);
      assert.equal(partAttachmentsAsFiles({ partAttachments: 'files' }), true);
      assert.throws(() => partAttachmentsAsFiles({ partAttachments: 'yes' }), /Step field "partAttachments" must be one of urls, files; got "yes"/);
    });

    it('the reader itself', () => {
      assert.equal(choiceOf(undefined, 'Step field "x"', ['a', 'b'] as const, 'b'), 'b');
      assert.equal(choiceOf('a', 'Step field "x"', ['a', 'b'] as const, 'b'), 'a');
      assert.throws(() => choiceOf(' a', 'Step field "x"', ['a', 'b'] as const, 'b'), /Step field "x" must be one of a, b; got " a"/);
      assert.equal(optionalId(' 42 ', 'Step field "x"'), '42');
      assert.equal(optionalId(42, 'Step field "x"'), '42');
      assert.equal(optionalId('', 'Step field "x"'), undefined);
      assert.throws(() => optionalId(['1', '2'], 'Step field "x"'), /Step field "x" must be a single id; got a list/);
    });
  });
});
