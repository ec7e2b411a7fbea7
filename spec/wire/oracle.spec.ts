import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import sinon from 'sinon';
import { allOperations } from '../../lib/catalogue/index';
import { loadDescription, descriptionPath } from '../../scripts/generate/description';
import type { CorruptedJob, CorruptedRun } from './corruptedTable';
import { type Captured, describedSpec, type ExpectedRequest, expectedRequest, inSchema, readJson, ROOT, synthInput } from './helpers';
import { type WireShape, wireShapes } from './oracle';

/**
 * Proof that the wire oracle (spec/wire/oracle.ts) does not share its source with the code under test: real
 * actions run on a copy of the generated table with one row made wrong, and the request they send no longer
 * matches the oracle's expectation, in exactly the part that was made wrong. On the true table they match.
 */

const TABLE = join(ROOT, 'lib', 'generated', 'operations.json');

type Row = Record<string, unknown> & { inputs: Record<string, string>; queryStyles?: Record<string, string> };

interface Corruption {
  name: string;
  key: string;
  /** Default: every input, synthesized from the action's in-schema. */
  input?: Record<string, unknown>;
  corrupt(row: Row): void;
  /** The parts of the request the wire comparison must then find wrong, and no other. */
  mismatch: string[];
}

const corruptions: Corruption[] = [
  { name: 'a body input moved to the query', key: 'tagContact', corrupt: (row) => void (row.inputs['id'] = 'query'), mismatch: ['query', 'body'] },
  { name: 'another path template', key: 'getContact', corrupt: (row) => void (row['path'] = '/contact/{contact_id}'), mismatch: ['path'] },
  { name: 'another method', key: 'updateCompany', corrupt: (row) => void (row['method'] = 'POST'), mismatch: ['method'] },
  {
    name: 'an object query parameter sent as JSON instead of spread',
    key: 'listDataEvents',
    input: { filter: { email: 'ann@example.test' }, type: 'user' },
    corrupt: (row) => {
      delete row.queryStyles?.['filter'];
    },
    mismatch: ['query'],
  },
  {
    name: 'an empty body for an operation that takes none',
    key: 'deleteArticle',
    input: { article_id: 4242 },
    corrupt: (row) => void (row['jsonBody'] = true),
    mismatch: ['body'],
  },
];

interface ChildOutput {
  tableReads: number;
  results: CorruptedRun[];
}

/** Runs spec/wire/corruptedTable.ts in its own process (the runtime reads the table once per process). */
function runOnTable(job: CorruptedJob): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'corruptedTable.ts')], { cwd: ROOT }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${error.message}\n${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildOutput);
    });
    child.stdin?.end(JSON.stringify(job));
  });
}

/** The parts of a sent request that differ from the expected one, compared as spec/wire/operations.spec.ts does. */
function mismatches(sent: Captured[] | undefined, expected: ExpectedRequest): string[] {
  const got = sent?.[0];
  if (!got || sent.length !== 1) return [`${sent?.length ?? 0} requests`];
  const out: string[] = [];
  if (got.method !== expected.method) out.push('method');
  if (got.path !== expected.path) out.push('path');
  if (!isDeepStrictEqual(got.query, expected.query)) out.push('query');
  if (!isDeepStrictEqual(got.body, expected.body)) out.push('body');
  return out;
}

describe('wire oracle: independent of the generated table it checks', function () {
  this.timeout(60_000);
  const table = readJson('lib/generated/operations.json') as Record<string, Row>;
  const inputs = corruptions.map((c) => c.input ?? synthInput(inSchema(c.key)));
  let shapes = new Map<string, WireShape>();
  let truth: ChildOutput = { tableReads: 0, results: [] };
  let corrupted: ChildOutput = { tableReads: 0, results: [] };

  const expected = (index: number): ExpectedRequest => {
    const corruption = corruptions[index]!;
    const shape = shapes.get(corruption.key);
    assert.ok(shape, corruption.key);
    return expectedRequest(shape, inSchema(corruption.key), inputs[index]!);
  };

  before(async function () {
    const spec = describedSpec();
    if (!spec) {
      if (process.env['CI']) throw new Error('Intercom\'s OpenAPI description is missing; CI derives the expected requests from it');
      console.log('    (skipped: Intercom\'s OpenAPI description is not beside the checkout; set INTERCOM_OPENAPI)');
      this.skip();
    }
    shapes = wireShapes(spec, allOperations());
    const rows: Record<string, Row> = {};
    for (const corruption of corruptions) {
      const row = structuredClone(table[corruption.key]!);
      corruption.corrupt(row);
      assert.notDeepEqual(row, table[corruption.key], `${corruption.key}: the corruption changes the row`);
      rows[corruption.key] = row;
    }
    const runs = corruptions.map((c, index) => ({ key: c.key, input: inputs[index]! }));
    [truth, corrupted] = await Promise.all([runOnTable({ rows: {}, runs }), runOnTable({ rows, runs })]);
  });

  it('builds every expectation without reading lib/generated/operations.json', () => {
    const read = sinon.stub(fs, 'readFileSync');
    read.callThrough();
    read.withArgs(TABLE).throws(new Error('the oracle read the generated table'));
    try {
      const fresh = wireShapes(loadDescription(descriptionPath()), allOperations());
      assert.equal(fresh.size, allOperations().length);
      assert.ok(read.calledWith(descriptionPath()), 'the stub sees the reads (the description was read through it)');
      assert.ok(read.neverCalledWith(TABLE));
    } finally {
      read.restore();
    }
  });

  it('the actions run in the child read the table the harness replaces', () => {
    assert.ok(truth.tableReads > 0 && corrupted.tableReads > 0, 'the runtime no longer reads lib/generated/operations.json through fs.readFileSync: update spec/wire/corruptedTable.ts');
  });

  it('on the true table every one of these actions sends what the oracle expects', () => {
    corruptions.forEach((corruption, index) => {
      const run = truth.results[index];
      assert.equal(run?.key, corruption.key);
      assert.deepEqual(mismatches(run.captured, expected(index)), [], `${corruption.key}: ${run.error ?? ''}`);
    });
  });

  corruptions.forEach((corruption, index) => {
    it(`${corruption.key}, ${corruption.name}: the wire comparison fails on ${corruption.mismatch.join(' and ')}`, () => {
      const run = corrupted.results[index];
      assert.equal(run?.key, corruption.key);
      assert.deepEqual(mismatches(run.captured, expected(index)), corruption.mismatch);
    });
  });
});
