'use strict';
/**
 * The Intercom sandbox in a process of its own (benchmarks 3 and 4): prints {"url"} once listening, answers
 * "stats" on stdin with per-10-second-window counts of accepted and rate-limited requests, stops on EOF.
 */
const { createInterface } = require('node:readline');
const { startSandbox } = require('../../tools/dist/sandbox');

const options = JSON.parse(process.argv[2] || '{}');
const windows = new Map();
let total = 0;

function onRequest(entry) {
  total++;
  const window = Math.floor(Date.now() / 10_000);
  const counts = windows.get(window) || { accepted: 0, limited: 0, other: 0 };
  if (entry.status === 429) counts.limited++;
  else if (entry.status >= 200 && entry.status < 300) counts.accepted++;
  else counts.other++;
  windows.set(window, counts);
}

startSandbox({ ...options, onRequest }).then((sb) => {
  process.stdout.write(`${JSON.stringify({ url: sb.url })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'stats') {
      const byWindow = [...windows].map(([window, counts]) => ({ window, ...counts }));
      process.stdout.write(`${JSON.stringify({ total, windows: byWindow, rss: process.memoryUsage.rss() })}\n`);
    }
  });
  lines.on('close', () => {
    sb.close().then(() => process.exit(0));
  });
});
