'use strict';
/**
 * Benchmark 6, second part: downloadContentDataExport with "Deliver as: file" on a gzip bomb (about 510 KiB
 * that unpack to 512 MiB of zeros), served by a stand-in answering that one download (the benchmark process).
 * Reports how it ended (the error the step failed with), how long that took and this process's RSS and Buffer
 * growth over idle. Run with --expose-gc so the idle figures are taken after a collection.
 */
const { performance } = require('node:perf_hooks');
const { setInterval, clearInterval } = require('node:timers');
const [url] = process.argv.slice(2);
const contentExport = require('../../dist/actions/downloadContentDataExport.js');

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let stored;
const step = {
  logger: quiet,
  emit: (event, payload) => {
    if (event === 'data') stored = payload.body.file.size;
    return Promise.resolve();
  },
};
const cfg = { accessToken: 'tok_bomb_0123456789', baseUrl: url, deliverAs: 'file' };

async function main() {
  // Warm-up: a small export stored the same way, so modules, sockets and fetch are ready; the process is then "idle".
  await contentExport.process.call(step, { body: { job_identifier: 'small' } }, cfg, {});
  global.gc?.();
  const idle = { rss: process.memoryUsage.rss(), buffers: process.memoryUsage().arrayBuffers };
  const peak = { ...idle };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.buffers = Math.max(peak.buffers, usage.arrayBuffers);
  }, 10);
  stored = undefined;
  const started = performance.now();
  let outcome;
  try {
    await contentExport.process.call(step, { body: { job_identifier: 'bomb' } }, cfg, {});
    outcome = `stored as one file of ${stored} bytes`;
  } catch (error) {
    outcome = error.message;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify({ outcome, ms, idleRss: idle.rss, peakRss: peak.rss, idleBuffers: idle.buffers, peakBuffers: peak.buffers })}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
