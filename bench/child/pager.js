'use strict';
/**
 * Benchmark 3: page through the sandbox's contacts with listContacts (all pages, one message per contact),
 * sampling this process's RSS. The sandbox runs in another process, so only the component is measured.
 */
const { performance } = require('node:perf_hooks');
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

async function main() {
  // Warm-up: one page, so modules, schema and sockets are ready; the process is then "idle".
  await action.process.call(step, { body: {} }, { ...cfg, fetch: 'page', maxItems: 10 }, {});
  emitted = 0;
  const idleRss = process.memoryUsage.rss();
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  await action.process.call(step, { body: {} }, { ...cfg, maxItems: Number(maxItems) }, {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  process.stdout.write(`${JSON.stringify({ emitted, lastId, ms, perSecond: emitted / (ms / 1000), idleRss, peakRss, kernelPeakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
