import fs from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import sinon from 'sinon';
import type { ComponentModule as ActionModule } from '../../lib/operation/componentModule';
import { FakeStep } from '../helpers/fakeStep';
import { type Captured, expectCall, ROOT, wireConfig } from './helpers';

/**
 * Child process of spec/wire/oracle.spec.ts: runs real actions through their process() while the runtime reads a
 * table whose rows were replaced, and prints the requests they sent. A separate process because the runtime
 * reads lib/generated/operations.json once per process; the replacement happens where it reads the file, so
 * nothing in lib/ changes. stdin: {rows, runs}; stdout (last line): {tableReads, results}.
 */

export interface CorruptedJob {
  /** Rows that replace the table's own, by action key. */
  rows: Record<string, unknown>;
  runs: Array<{ key: string; input: Record<string, unknown> }>;
}

export interface CorruptedRun {
  key: string;
  captured: Captured[];
  error?: string;
}

const TABLE = join(ROOT, 'lib', 'generated', 'operations.json');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(0, 'utf8')) as CorruptedJob;
  const table = { ...(JSON.parse(fs.readFileSync(TABLE, 'utf8')) as Record<string, unknown>), ...job.rows };
  const read = sinon.stub(fs, 'readFileSync');
  read.callThrough();
  const tableRead = read.withArgs(TABLE).returns(JSON.stringify(table));

  nock.disableNetConnect();
  const results: CorruptedRun[] = [];
  for (const run of job.runs) {
    const captured: Captured[] = [];
    // Any method is answered, so a changed method shows up as a request rather than a refused connection.
    for (const method of METHODS) expectCall(method, { status: 200, body: {} }, captured);
    const result: CorruptedRun = { key: run.key, captured };
    try {
      const mod = require(join(ROOT, 'lib', 'actions', run.key)) as ActionModule;
      await mod.process.call(new FakeStep(), { id: 'msg-1', body: run.input, headers: {}, attachments: {}, metadata: {} }, wireConfig(), {});
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    nock.cleanAll();
    results.push(result);
  }
  process.stdout.write(`\n${JSON.stringify({ tableReads: tableRead.callCount, results })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
