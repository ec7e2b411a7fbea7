'use strict';
/**
 * Benchmark 4: one worker (one replica of the component) processing getContact messages back to back until
 * the deadline, sharing its token with the other workers. Counts each message's outcome and the waits the
 * runtime logged (pacing before a request, waits after a 429).
 */
const [url, token, deadline, contactId] = process.argv.slice(2);
const action = require('../../dist/actions/getContact.js');
const { settings } = require('../../dist/runtime/settings');

let paced = 0;
let after429 = 0;
const logger = {
  debug() {},
  info(line) {
    if (line.includes('rate-limit window nearly used up')) paced++;
  },
  warn(line) {
    if (line.includes('Intercom rate limit reached')) after429++;
  },
  error() {},
};
const outcome = { data: 0, errors: 0, rebounds: 0, firstError: null };
const step = {
  logger,
  emit: (event, payload) => {
    if (event === 'data') outcome.data++;
    if (event === 'rebound') outcome.rebounds++;
    void payload;
    return Promise.resolve();
  },
};

async function main() {
  const end = Number(deadline);
  const cfg = { accessToken: token, baseUrl: url };
  while (settings.now() < end) {
    try {
      await action.process.call(step, { body: { contact_id: contactId } }, cfg, {});
    } catch (error) {
      outcome.errors++;
      outcome.firstError = outcome.firstError || String(error && error.message);
    }
  }
  process.stdout.write(`${JSON.stringify({ ...outcome, paced, after429 })}\n`);
}

main().then(() => process.exit(0));
