'use strict';
/**
 * Benchmark 3: page through the sandbox's contacts with listContacts (all pages, one message per contact),
 * sampling this process's RSS. The sandbox runs in another process, so only the component is measured.
 */
const { performance } = require('node:perf_hooks');
const v8 = require('node:v8');
const { setInterval, clearInterval } = require('node:timers');
const [url, maxItems] = process.argv.slice(2);
const action = require('../../dist/actions/listContacts.js');

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let emitted = 0;
let lastId = '';
const step = {
  logger: quiet,
  emit: (event, message) => {
    if (event === 'data') {
      emitted++;
      lastId = message.body.id;
    }
    return Promise.resolve();
  },
};
const cfg = { accessToken: 'tok_paging_0123456789', baseUrl: url, fetch: 'all', emit: 'individually', pageSize: 150 };

function heapFigures() {
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  const memory = process.memoryUsage();
  return { peakHeapUsed: memory.heapUsed, peakNewSpace: newSpace ? newSpace.space_size : 0, peakArrayBuffers: memory.arrayBuffers };
}

async function main() {
  // Warm-up: one page, so modules, schema and sockets are ready; the process is then "idle".
  await action.process.call(step, { body: {} }, { ...cfg, fetch: 'page', maxItems: 10 }, {});
  emitted = 0;
  const idleRss = process.memoryUsage.rss();
  let peakRss = idleRss;
  // What the peak is made of: V8's young generation (it grows its semi-spaces over a long run) and the Buffers of
  // answers not yet collected; sampled only when a new peak is reached.
  let atPeak = heapFigures();
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) {
      peakRss = rss;
      atPeak = heapFigures();
    }
  }, 20);
  const started = performance.now();
  await action.process.call(step, { body: {} }, { ...cfg, maxItems: Number(maxItems) }, {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const kernelPeakRss = process.resourceUsage().maxRSS * 1024;
  // The live heap: what the component still holds once every page is done and the garbage is collected (the run
  // needs --expose-gc; without it the figure is left out).
  let liveHeap;
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
    liveHeap = process.memoryUsage().heapUsed;
  }
  process.stdout.write(`${JSON.stringify({ emitted, lastId, ms, perSecond: emitted / (ms / 1000), idleRss, peakRss, kernelPeakRss, liveHeap, ...atPeak })}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
