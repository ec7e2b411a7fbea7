'use strict';
/**
 * Benchmark 5: downloadContentDataExport with "Deliver as: file" on a large export, sampling this process's
 * RSS and V8 heap. The sandbox (Intercom) and the storage stand-in run in other processes, so only the
 * component is measured. Run with --expose-gc so the idle figures are taken after a collection.
 */
const { performance } = require('node:perf_hooks');
const { setInterval, clearInterval } = require('node:timers');
const [url] = process.argv.slice(2);
const contentExport = require('../../dist/actions/downloadContentDataExport.js');
const reportingExport = require('../../dist/actions/downloadReportingDataExport.js');

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let message;
const step = {
  logger: quiet,
  emit: (event, payload) => {
    if (event === 'data') message = payload;
    return Promise.resolve();
  },
};
const cfg = { accessToken: 'tok_export_0123456789', baseUrl: url, deliverAs: 'file' };

/** An export job of the sandbox (it finishes at once there: exportJobMs 0), as a flow would have created it. */
async function exportJob(path, body) {
  const answer = await globalThis.fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${cfg.accessToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await answer.json()).job_identifier;
}

async function main() {
  // Warm-up: a small export stored the same way, so modules, sockets and fetch are ready; the process is then "idle".
  const warmUp = await exportJob('/export/reporting_data/enqueue', { dataset_id: 'conversation', attribute_ids: ['conversation_id'], start_time: 0, end_time: 2000000000 });
  const job = await exportJob('/export/content/data', { created_at_after: 0, created_at_before: 2000000000 });
  await reportingExport.process.call(step, { body: { job_identifier: warmUp, app_id: 'bench' } }, cfg, {});
  global.gc?.();
  const idle = { rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed, buffers: process.memoryUsage().arrayBuffers };
  const peak = { ...idle };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
    peak.buffers = Math.max(peak.buffers, usage.arrayBuffers);
  }, 10);
  const started = performance.now();
  await contentExport.process.call(step, { body: { job_identifier: job } }, cfg, {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  const name = Object.keys(message.attachments)[0];
  const attachment = message.attachments[name];
  process.stdout.write(`${JSON.stringify({ name, url: attachment.url, bytes: message.body.file.size, ms, idleRss: idle.rss, peakRss: peak.rss, idleHeap: idle.heap, peakHeap: peak.heap, idleBuffers: idle.buffers, peakBuffers: peak.buffers })}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
