'use strict';
/**
 * Benchmark 2, in a fresh process: what a cold start is made of. The parts are loaded in the order the action
 * loads them, each timed by the CPU time it adds: Node's fetch implementation (undici; axios builds its fetch
 * adapter when it is loaded, which reads the global Request), form-data (axios's first require), the rest of
 * axios, the component's own modules (with what they make at load), and the first call (the action's operation
 * entry and precompiled validator read, connection opened). ajv is not loaded: the validators are compiled ahead
 * (lib/generated/validators). The sum is the figure bench/child/coldStart.js measures as a whole.
 */
const [key, url] = process.argv.slice(2);
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
const fromRoot = (name) => require(require.resolve(name, { paths: [root] }));
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

const t0 = cpuMs();
void globalThis.Request;
const t1 = cpuMs();
fromRoot('form-data');
const t2 = cpuMs();
fromRoot('axios');
const t3 = cpuMs();
const action = require(join(root, 'dist', 'actions', `${key}.js`));
const t4 = cpuMs();
action.process
  .call({ logger: quiet, emit: () => Promise.resolve() }, { body: { contact_id: '6543' } }, { accessToken: 'tok_cold_start_0123456789', baseUrl: url }, {})
  .then(() => {
    const t5 = cpuMs();
    process.stdout.write(`${JSON.stringify({ undici: t1 - t0, formData: t2 - t1, axios: t3 - t2, component: t4 - t3, firstCall: t5 - t4, total: t5 - t0 })}\n`);
    process.exit(0);
  });
