import { resolve } from 'node:path';
import { killAllTracked } from './cleanup';
import { metric } from './metrics';
import { startRabbit, type RabbitNode } from './rabbit';

/** The component under test is the repository itself: spec/e2e/harness → ../../.. (never a hard-coded path). */
export const COMPONENT_ROOT = resolve(__dirname, '..', '..', '..');

let rabbit: Promise<RabbitNode> | undefined;

/**
 * One private RabbitMQ node for the whole mocha run, started by the first test that needs it (a run of only
 * the service-mode spec starts none). Each test isolates itself with its own exchange and queue names.
 */
export function sharedRabbit(): Promise<RabbitNode> {
  if (!rabbit) {
    rabbit = startRabbit().then((node) => {
      metric('rabbitmq_start_ms', node.startMs, 'private node, spawn to first AMQP connection');
      return node;
    });
  }
  return rabbit;
}

// Registered when the first spec file imports this module, i.e. on mocha's root suite: it runs once, after
// every file, also when tests failed.
after(async function stopSharedRabbit() {
  this.timeout(60_000);
  if (rabbit) {
    const node = await rabbit.catch(() => undefined);
    rabbit = undefined;
    if (node) await node.stop();
  }
  // A test that timed out may have left a runtime running; its open pipes would keep mocha from exiting.
  const leftovers = killAllTracked();
  if (leftovers > 0) process.stdout.write(`[e2e] killed ${leftovers} process group(s) left running by failed tests\n`);
});
