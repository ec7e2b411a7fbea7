import { join } from 'node:path';
import { childEnv } from './childEnv';
import type { FakePlatform } from './fakePlatform';
import type { OihTopology } from './oihTopology';
import { RuntimeProcess } from './runtimeProcess';

/** Ferryman logs this right before it starts consuming (ferryman.js run()). */
export const FERRYMAN_READY = /Start listening for messages on/;

export interface FerrymanOptions {
  componentRoot: string;
  amqpUrl: string;
  topology: OihTopology;
  platform: FakePlatform;
  extraEnv?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Start it like an image's ENTRYPOINT (e.g. `["npm", "start"]`) instead of `node …/runGlobal.js`. */
  command?: string[];
}

export interface RunningFerryman {
  process: RuntimeProcess;
  readyMs: number;
}

/**
 * Starts `@openintegrationhub/ferryman/runGlobal.js` (what the OIH image's `npm start` runs) for the component
 * at componentRoot. Every service URL points at the loopback fake; no crypto password, so messages are plain
 * JSON as the OIH orchestrator sends them.
 */
export async function startFerryman(options: FerrymanOptions): Promise<RunningFerryman> {
  const { platform } = options;
  const env = childEnv({
    ELASTICIO_COMP_ID: 'intercom-component-e2e',
    ELASTICIO_API_URI: platform.url,
    ELASTICIO_AMQP_URI: options.amqpUrl,
    ELASTICIO_SECRET_SERVICE_BASE_URL: platform.url,
    ELASTICIO_SNAPSHOTS_SERVICE_BASE_URL: platform.url,
    ELASTICIO_DATAHUB_BASE_URL: platform.url,
    ELASTICIO_GOVERNANCE_SERVICE_BASE_URL: platform.url,
    ...options.topology.ferrymanEnv(),
    ...options.extraEnv,
  });
  const script = join(options.componentRoot, 'node_modules', '@openintegrationhub', 'ferryman', 'runGlobal.js');
  const [command, ...args] = options.command ?? [process.execPath, script];
  const name = options.command ? `ferryman (${options.command.join(' ')})` : 'ferryman';
  const proc = new RuntimeProcess(name, command ?? process.execPath, args, { cwd: options.componentRoot, env });
  try {
    const readyMs = await proc.waitForLine(FERRYMAN_READY, options.readyTimeoutMs ?? 30_000);
    return { process: proc, readyMs };
  } catch (error) {
    await proc.stop(2_000);
    throw error;
  }
}
