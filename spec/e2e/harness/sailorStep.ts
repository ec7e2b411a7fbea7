import { PlatformTopology } from './amqp';
import { randomCipherSettings } from './crypto';
import type { FakePlatform } from './fakePlatform';
import type { LeakWatch } from './leakWatch';
import { metric } from './metrics';
import type { RuntimeProcess } from './runtimeProcess';
import { startSailor } from './sailor';

export interface SailorStep {
  topology: PlatformTopology;
  sailor: RuntimeProcess;
  readyMs: number;
}

export interface SailorStepOptions {
  componentRoot: string;
  amqpUrl: string;
  platform: FakePlatform;
  functionName: string;
  config: Record<string, unknown>;
  extraEnv?: Record<string, string>;
  /** Everything published and logged is handed to it when the step ends, pass or fail. */
  leakWatch?: LeakWatch;
}

/**
 * One flow step from start to finish: fresh topology (unique names, fresh cipher), a real sailor, the test
 * body, then SIGTERM and teardown, also when the body throws. The sailor must exit 0 on SIGTERM: a non-zero
 * exit or a SIGKILL means it was wedged (e.g. a message never ended).
 */
export async function withSailorStep(options: SailorStepOptions, body: (step: SailorStep) => Promise<void>): Promise<void> {
  const topology = await PlatformTopology.declare(options.amqpUrl, randomCipherSettings());
  let step: SailorStep | undefined;
  let failure: unknown;
  try {
    const started = await startSailor({
      componentRoot: options.componentRoot,
      functionName: options.functionName,
      amqpUrl: options.amqpUrl,
      topology,
      platform: options.platform,
      config: options.config,
      ...(options.extraEnv ? { extraEnv: options.extraEnv } : {}),
    });
    step = { topology, sailor: started.process, readyMs: started.readyMs };
    metric('sailor_ready_ms', started.readyMs, `${options.functionName}: spawn to "Fully initialized"`);
    await body(step);
  } catch (error) {
    failure = error;
  }
  if (step) {
    const exit = await step.sailor.stop();
    options.leakWatch?.add(`${step.sailor.name} log`, step.sailor.text());
    if (!failure && (exit.code !== 0 || exit.signal)) {
      failure = new Error(`sailor did not stop cleanly on SIGTERM (${exit.code ?? exit.signal})\n${step.sailor.tail()}`);
    }
    if (failure instanceof Error) failure.message += `\n--- ${step.sailor.name} log (tail) ---\n${step.sailor.tail(40)}`;
  }
  options.leakWatch?.add(`published by ${options.functionName}`, topology.allOutputText());
  await topology.close();
  if (failure instanceof Error) throw failure;
  if (failure !== undefined) throw new Error(`step failed: ${JSON.stringify(failure)}`);
}
