/** Runs one step the way the sailor does: same module, same validation, same emits; prints what it emits. */
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { UsageError } from './args';
import type { CommandName } from './commands';
import { credentialFields, type FunctionInfo } from './manifest';
import type { Printer } from './output';

type ProcessFn = (this: unknown, msg: unknown, cfg: unknown, snapshot: unknown) => Promise<unknown>;

export interface StepOutcome {
  /** 0 done, 1 failed, 75 rebound (EX_TEMPFAIL: the platform would retry the message later). */
  code: number;
  /** The last snapshot the step emitted, if any. */
  snapshot?: unknown;
  dataMessages: number;
}

/**
 * `--config` may name the function's step fields only: a typo would otherwise be ignored silently. Credentials
 * come from the environment and the connection flags, never from --config.
 */
export function checkConfigKeys(info: FunctionInfo, config: Record<string, unknown>, command: CommandName): void {
  const fields = Object.keys(info.entry.fields ?? {});
  const credentials = Object.keys(credentialFields());
  const misplaced = Object.keys(config).filter((key) => credentials.includes(key));
  if (misplaced.length > 0) {
    const what = misplaced.length > 1 ? `${misplaced.join(', ')} are credentials, not step fields` : `${misplaced.join('')} is a credential, not a step field`;
    throw new UsageError(
      `--config: ${what}: the token comes from INTERCOM_ACCESS_TOKEN, the region from --region or INTERCOM_REGION, the base URL from --base-url or INTERCOM_BASE_URL`,
      command,
    );
  }
  const unknown = Object.keys(config).filter((key) => !fields.includes(key));
  if (unknown.length > 0) {
    const valid = fields.length > 0 ? `its step fields are ${fields.join(', ')}` : 'it has no step fields';
    throw new UsageError(`--config: ${info.key} has no step field ${unknown.map((k) => JSON.stringify(k)).join(', ')}; ${valid} (see: intercom-component describe ${info.key})`, command);
  }
}

export async function runStep(info: FunctionInfo, input: unknown, cfg: Record<string, unknown>, snapshot: unknown, out: Printer): Promise<StepOutcome> {
  const mod = require(join(COMPONENT_ROOT, info.entry.main)) as { process?: ProcessFn };
  if (typeof mod.process !== 'function') throw new Error(`${info.entry.main} does not export process`);
  const outcome: StepOutcome = { code: 0, dataMessages: 0 };
  let errorShown = false;
  const logger = {
    ...out.logger,
    error: (message: string): void => {
      errorShown = true;
      out.logger.error(message);
    },
  };
  const context = {
    logger,
    emit: (event: string, payload?: unknown): Promise<void> => {
      if (event === 'data') {
        outcome.dataMessages++;
        process.stdout.write(`${JSON.stringify((payload as { body?: unknown }).body ?? payload)}\n`);
      } else if (event === 'snapshot' || event === 'updateSnapshot') {
        outcome.snapshot = payload;
        out.note(`${event}: ${JSON.stringify(payload)}`);
      } else if (event === 'rebound') {
        // The step has already logged why (a warning line); the exit code says the rest.
        outcome.code = 75;
      } else if (event === 'error') {
        outcome.code = 1;
        if (!errorShown) out.error((payload as Error | undefined)?.message ?? 'unknown error');
        errorShown = true;
      }
      return Promise.resolve();
    },
  };
  const msg = { id: 'cli', body: input, headers: {}, attachments: {}, metadata: {} };
  try {
    await mod.process.call(context, msg, cfg, snapshot);
  } catch (error) {
    // Every function logs its own failure once (lib/runtime/step.ts); print only what nobody printed.
    outcome.code = 1;
    if (!errorShown) out.error(error instanceof Error ? error.message : String(error));
  }
  return outcome;
}
