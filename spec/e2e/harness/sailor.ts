import { join } from 'node:path';
import type { PlatformTopology } from './amqp';
import { childEnv } from './childEnv';
import { PLATFORM_API_KEY, PLATFORM_API_USER, type FakePlatform, type ServiceResult } from './fakePlatform';
import { RuntimeProcess } from './runtimeProcess';

/** The sailor's own "ready" log line (run.js), logged after it started consuming its queue. */
export const SAILOR_READY = /Fully initialized and waiting for messages/;

export interface SailorOptions {
  /** The component root: the sailor reads component.json from its cwd (ELASTICIO_COMPONENT_PATH stays empty). */
  componentRoot: string;
  functionName: string;
  amqpUrl: string;
  topology: PlatformTopology;
  platform: FakePlatform;
  /** Step configuration (credentials + step fields) served by the fake platform as `config`. */
  config: Record<string, unknown>;
  extraEnv?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Distinguishes replicas in logs and RabbitMQ connection names. */
  containerId?: string;
}

export interface RunningSailor {
  process: RuntimeProcess;
  /** ms from spawn to the ready line. */
  readyMs: number;
}

/** Starts the real `elasticio-sailor-nodejs/run.js` for one step, like a platform container would. */
export async function startSailor(options: SailorOptions): Promise<RunningSailor> {
  const { topology, platform } = options;
  const { flowId, stepId, execId, userId } = topology.names;
  platform.setStep(flowId, stepId, { config: options.config });
  const env = childEnv({
    ELASTICIO_FLOW_ID: flowId,
    ELASTICIO_STEP_ID: stepId,
    ELASTICIO_EXEC_ID: execId,
    ELASTICIO_USER_ID: userId,
    ELASTICIO_CONTAINER_ID: options.containerId ?? `container-${stepId}`,
    ELASTICIO_WORKSPACE_ID: 'workspace-e2e',
    ELASTICIO_COMP_ID: 'intercom-component-e2e',
    ELASTICIO_FUNCTION: options.functionName,
    ELASTICIO_API_URI: platform.url,
    ELASTICIO_API_USERNAME: PLATFORM_API_USER,
    ELASTICIO_API_KEY: PLATFORM_API_KEY,
    ELASTICIO_AMQP_URI: options.amqpUrl,
    ...topology.sailorEnv(),
    ...options.extraEnv,
  });
  const script = join(options.componentRoot, 'node_modules', 'elasticio-sailor-nodejs', 'run.js');
  const name = `sailor(${options.functionName}${options.containerId ? `/${options.containerId}` : ''})`;
  const proc = new RuntimeProcess(name, process.execPath, [script], { cwd: options.componentRoot, env });
  try {
    const readyMs = await proc.waitForLine(SAILOR_READY, options.readyTimeoutMs ?? 30_000);
    return { process: proc, readyMs };
  } catch (error) {
    await proc.stop(2_000);
    throw error;
  }
}

export interface ServiceRunOptions {
  componentRoot: string;
  /** verifyCredentials | getMetaModel | selectModel */
  method: string;
  cfg: Record<string, unknown>;
  platform: FakePlatform;
  extraEnv?: Record<string, string>;
  timeoutMs?: number;
}

export interface ServiceRun {
  result: ServiceResult;
  process: RuntimeProcess;
  /** ms from spawn to process exit. */
  ms: number;
}

/**
 * Service mode: `runService.js <method>` reads cfg from ELASTICIO_CFG, POSTs `{status, data}` to
 * ELASTICIO_POST_RESULT_URL and exits. No AMQP involved.
 */
export async function runService(options: ServiceRunOptions): Promise<ServiceRun> {
  const id = `svc-${Math.random().toString(36).slice(2, 10)}`;
  const env = childEnv({
    ELASTICIO_POST_RESULT_URL: options.platform.serviceResultUrl(id),
    ELASTICIO_CFG: JSON.stringify(options.cfg),
    ELASTICIO_API_URI: options.platform.url,
    ELASTICIO_API_USERNAME: PLATFORM_API_USER,
    ELASTICIO_API_KEY: PLATFORM_API_KEY,
    ...options.extraEnv,
  });
  const script = join(options.componentRoot, 'node_modules', 'elasticio-sailor-nodejs', 'runService.js');
  const proc = new RuntimeProcess(`service(${options.method})`, process.execPath, [script, options.method], {
    cwd: options.componentRoot,
    env,
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const exit = await Promise.race([proc.exited, timer]);
  if (exit === 'timeout') {
    await proc.stop(1_000);
    throw new Error(`runService ${options.method} did not exit within ${timeoutMs} ms\n${proc.tail()}`);
  }
  const ms = Date.now() - proc.startedAt;
  const result = options.platform.serviceResults.find((r) => r.id === id);
  if (!result) {
    throw new Error(`runService ${options.method} exited ${exit.code} without posting a result\n${proc.tail()}`);
  }
  return { result, process: proc, ms };
}
