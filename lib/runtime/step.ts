import { randomUUID } from 'node:crypto';
import { RateLimitExhaustedError } from './errors';
import { type Logger, safeLogger } from './logger';

/**
 * The one wrapper around every function the platforms call (generated and convenience actions, polling and
 * webhook triggers), and the only file that knows the two runtimes' message shapes:
 * - elastic.io sailor: `process(msg, cfg, snapshot)`, input in `msg.body`, output `{id, body, headers, attachments, metadata}`.
 * - OIH ferryman: `process(msg, cfg, snapshot, headers, tokenData)`, input in `msg.data`, output `{data, metadata}`
 *   with the incoming OIH metadata (oihUid, recordUid, applicationUid) carried over.
 */
export type RuntimeKind = 'sailor' | 'ferryman';

export interface IncomingMessage {
  body?: unknown;
  data?: unknown;
  metadata?: unknown;
  [key: string]: unknown;
}

export type Config = Record<string, unknown>;

export type ProcessFunction = (
  this: unknown,
  msg: IncomingMessage,
  cfg: unknown,
  snapshot?: unknown,
  headers?: unknown,
  tokenData?: unknown,
) => Promise<void>;

export interface StepContext {
  runtime: RuntimeKind;
  logger: Logger;
  emit(event: string, payload?: unknown): Promise<void>;
  /**
   * Emit one record as a data message in the runtime's envelope; `attachments` (`{ name: { url, size,
   * "content-type" } }`, files in the platform's storage) go with it under the sailor only.
   */
  emitData(body: unknown, attachments?: Record<string, unknown>): Promise<void>;
  incoming: IncomingMessage;
}

/** What the body of a step works with. */
export interface StepRun {
  key: string;
  ctx: StepContext;
  /** The message's input (`body` under the sailor, `data` under ferryman). */
  input: unknown;
  cfg: Config;
  snapshot: unknown;
}

type Emit = (event: string, payload?: unknown) => unknown;

export function detectRuntime(msg: IncomingMessage | undefined, tokenData: unknown): RuntimeKind {
  if (typeof tokenData === 'object' && tokenData !== null) return 'ferryman';
  return msg && msg.body === undefined && msg.data !== undefined ? 'ferryman' : 'sailor';
}

export function readInput(msg: IncomingMessage | undefined): unknown {
  if (!msg) return {};
  return msg.body !== undefined ? msg.body : (msg.data ?? {});
}

export function asConfig(cfg: unknown): Config {
  return (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Config;
}

export function outgoingMessage(runtime: RuntimeKind, incoming: IncomingMessage, body: unknown, attachments: Record<string, unknown> = {}): Record<string, unknown> {
  if (runtime === 'ferryman') {
    const metadata = typeof incoming.metadata === 'object' && incoming.metadata !== null ? { ...incoming.metadata } : {};
    return { data: body, metadata };
  }
  // Exactly what elasticio-node's messages.newMessageWithBody(body) builds (a unit test compares the two), with
  // Node's own UUID: elasticio-node's uuid 3 reads the kernel's random device per message, measured at about a
  // tenth of an action's whole call to a local server (npm run bench).
  return { id: randomUUID(), attachments, body, headers: {}, metadata: {} };
}

/** Builds the step context from the `this` the runtime passes (TaskExec in both runtimes). */
export function stepContext(self: unknown, msg: IncomingMessage | undefined, tokenData: unknown): StepContext {
  const host = (typeof self === 'object' && self !== null ? self : {}) as { emit?: Emit; logger?: unknown };
  const runtime = detectRuntime(msg, tokenData);
  const incoming = msg ?? {};
  const rawEmit = host.emit;
  // Both runtimes' emit may return a promise (sailor awaits the AMQP publish, with throttling): always await it.
  const emit = async (event: string, payload?: unknown): Promise<void> => {
    if (typeof rawEmit !== 'function') throw new Error('The runtime did not provide an emit function');
    await rawEmit.call(host, event, payload);
  };
  return {
    runtime,
    logger: safeLogger(host.logger),
    emit,
    emitData: (body, attachments) => emit('data', outgoingMessage(runtime, incoming, body, attachments)),
    incoming,
  };
}

/**
 * The `process` of a step. A rate limit that outlasted the retries goes back to the platform as a rebound
 * (retried later, nothing lost); anything else fails the step with one clear error.
 */
export function step(key: string, body: (run: StepRun) => Promise<void>): ProcessFunction {
  // Named processStep, not process: a function named `process` would shadow Node's global inside it.
  async function processStep(this: unknown, msg: IncomingMessage, cfg: unknown, snapshot?: unknown, _headers?: unknown, tokenData?: unknown): Promise<void> {
    const ctx = stepContext(this, msg, tokenData);
    const started = Date.now();
    try {
      await body({ key, ctx, input: readInput(msg), cfg: asConfig(cfg), snapshot });
      ctx.logger.info(`${key} finished in ${Date.now() - started} ms`);
    } catch (error) {
      if (error instanceof RateLimitExhaustedError) {
        ctx.logger.warn(`${key}: ${error.message}; handing the message back to the platform (rebound)`);
        await ctx.emit('rebound', error);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      ctx.logger.error(`${key} failed: ${message}`);
      throw error;
    }
  }
  return processStep;
}
