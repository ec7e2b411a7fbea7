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

/** The logger the step gets, as the platform's: the component redacts what it passes to it. */
export interface StepLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  readonly debugEnabled?: boolean;
}

/** Where what a step emits goes: the terminal (run, poll) or the designer page. */
export interface StepSink {
  logger: StepLogger;
  data(body: unknown): void;
  snapshot(event: string, snapshot: unknown): void;
  rebound(reason: unknown): void;
  /** The step failed; `logged` when the step had already logged the failure itself. */
  error(error: unknown, logged: boolean): void;
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

/** The function's module from the component's build, as the sailor requires it. */
export function functionModule(info: FunctionInfo): Record<string, unknown> {
  return require(join(COMPONENT_ROOT, info.entry.main)) as Record<string, unknown>;
}

/** One message through the function's process(), every emit handed to the sink; resolves with the outcome. */
export async function executeStep(info: FunctionInfo, input: unknown, cfg: Record<string, unknown>, snapshot: unknown, sink: StepSink): Promise<StepOutcome> {
  const mod = functionModule(info) as { process?: ProcessFn };
  if (typeof mod.process !== 'function') throw new Error(`${info.entry.main} does not export process`);
  const outcome: StepOutcome = { code: 0, dataMessages: 0 };
  let errorLogged = false;
  const logger: StepLogger = {
    ...sink.logger,
    error: (message: string): void => {
      errorLogged = true;
      sink.logger.error(message);
    },
  };
  const context = {
    logger,
    emit: (event: string, payload?: unknown): Promise<void> => {
      if (event === 'data') {
        outcome.dataMessages++;
        sink.data((payload as { body?: unknown } | undefined)?.body ?? payload);
      } else if (event === 'snapshot' || event === 'updateSnapshot') {
        outcome.snapshot = payload;
        sink.snapshot(event, payload);
      } else if (event === 'rebound') {
        outcome.code = 75;
        sink.rebound(payload);
      } else if (event === 'error') {
        outcome.code = 1;
        sink.error(payload, errorLogged);
        errorLogged = true;
      }
      return Promise.resolve();
    },
  };
  const msg = { id: 'cli', body: input, headers: {}, attachments: {}, metadata: {} };
  try {
    await mod.process.call(context, msg, cfg, snapshot);
  } catch (error) {
    // Every function logs its own failure once (lib/runtime/step.ts); the sink shows only what nobody showed.
    outcome.code = 1;
    sink.error(error, errorLogged);
  }
  return outcome;
}

/** The message of whatever a step emitted or threw as its error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string') return message;
  return error === undefined ? 'unknown error' : JSON.stringify(error);
}

/** The terminal's sink: data on stdout as JSON lines, the rest on stderr, each error once. */
function terminalSink(out: Printer): StepSink {
  return {
    logger: out.logger,
    data: (body) => process.stdout.write(`${JSON.stringify(body)}\n`),
    snapshot: (event, snapshot) => out.note(`${event}: ${JSON.stringify(snapshot)}`),
    // The step has already logged why (a warning line); the exit code says the rest.
    rebound: () => undefined,
    error: (error, logged) => {
      if (!logged) out.error(errorMessage(error));
    },
  };
}

export function runStep(info: FunctionInfo, input: unknown, cfg: Record<string, unknown>, snapshot: unknown, out: Printer): Promise<StepOutcome> {
  return executeStep(info, input, cfg, snapshot, terminalSink(out));
}
