'use strict';
/**
 * Benchmark 2, in a fresh process: require one action module from dist/ and make its first call (to a local
 * server the parent runs). Times are read from this process's own clock; performance.now() counts from the
 * process's start, so `bootMs` is Node's own start-up before this file ran.
 */
const { performance } = require('node:perf_hooks');
const bootMs = performance.now();
const [key, url] = process.argv.slice(2);

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let emitted = 0;
const step = { logger: quiet, emit: () => { emitted++; return Promise.resolve(); } };

// CPU time of every thread of the process (main, compiler, GC), beside the wall clock: on a busy shared machine the
// wall clock mostly measures the wait for a core, the CPU time the work itself.
const cpuAtStart = process.cpuUsage();
const started = performance.now();
const action = require(`../../dist/actions/${key}.js`);
const required = performance.now();
const cpuRequired = process.cpuUsage(cpuAtStart);
action.process
  .call(step, { body: { contact_id: '6543' } }, { accessToken: 'tok_cold_start_0123456789', baseUrl: url }, {})
  .then(() => {
    const called = performance.now();
    const cpu = process.cpuUsage(cpuAtStart);
    const ms = (usage) => (usage.user + usage.system) / 1000;
    process.stdout.write(
      `${JSON.stringify({ bootMs, requireMs: required - started, firstCallMs: called - required, totalMs: called - started, requireCpuMs: ms(cpuRequired), totalCpuMs: ms(cpu), emitted, rss: process.memoryUsage.rss() })}\n`,
    );
    process.exit(0);
  });
