import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { debugLine, safeLogger } from '../../../lib/runtime/logger';

/** The platforms' loggers are bunyan's (sailor and ferryman): a debug line is built only when bunyan would print it. */
function bunyanLogger(level: string): { logger: unknown; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
      done();
    },
  });
  const bunyan = require('bunyan') as { createLogger(options: unknown): unknown };
  return { logger: bunyan.createLogger({ name: 'test', level, stream }), lines };
}

describe('runtime: debug lines follow the platform logger level', () => {
  it('bunyan at info: the line is never built, nothing is printed', () => {
    const { logger, lines } = bunyanLogger('info');
    const safe = safeLogger(logger);
    assert.equal(safe.debugEnabled, false);
    let built = 0;
    debugLine(safe, () => `built ${++built}`);
    assert.equal(built, 0);
    assert.deepEqual(lines, []);
  });

  it('bunyan at debug (LOG_LEVEL=debug): the line is printed, scrubbed of known secrets', () => {
    const { logger, lines } = bunyanLogger('debug');
    const safe = safeLogger(logger);
    assert.equal(safe.debugEnabled, true);
    debugLine(safe, () => 'GET /contacts?per_page=5');
    assert.deepEqual(lines, ['GET /contacts?per_page=5']);
  });

  it('a logger that says nothing about its level prints the line (a test double, a console)', () => {
    const seen: string[] = [];
    debugLine(safeLogger({ debug: (m: string) => seen.push(m) }), () => 'shown');
    assert.deepEqual(seen, ['shown']);
  });
});
