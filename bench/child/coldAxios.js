'use strict';
/**
 * Benchmark 2, in a fresh process: the transport's own share of a cold start. axios alone is required and makes
 * the same first request the action makes (a GET over a keep-alive agent to the local server the parent runs);
 * what bench/child/coldStart.js measures above this is the component's own.
 */
const [, url] = process.argv.slice(2);
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
const cpuAtStart = process.cpuUsage();
const http = require('node:http');
const axios = require(require.resolve('axios', { paths: [root] }));
const cpuRequired = process.cpuUsage(cpuAtStart);
const ms = (usage) => (usage.user + usage.system) / 1000;
axios
  .create({ baseURL: url, httpAgent: new http.Agent({ keepAlive: true }) })
  .get('/contacts/6543', { headers: { Authorization: 'Bearer tok_cold_start_0123456789', Accept: 'application/json' } })
  .then(() => {
    process.stdout.write(`${JSON.stringify({ requireCpuMs: ms(cpuRequired), totalCpuMs: ms(process.cpuUsage(cpuAtStart)) })}\n`);
    process.exit(0);
  });
