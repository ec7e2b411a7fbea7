import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import { safeLogger } from './logger';

/**
 * The only file that knows the two runtimes' message shapes.
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

export type Emit = (event: string, payload?: unknown) => unknown;

export interface StepContext {
  runtime: RuntimeKind;
  logger: Logger;
  emit(event: string, payload?: unknown): Promise<void>;
  /** Emit one record as a data message in the runtime's envelope. */
  emitData(body: unknown): Promise<void>;
  incoming: IncomingMessage;
}

export function detectRuntime(msg: IncomingMessage | undefined, tokenData: unknown): RuntimeKind {
  if (typeof tokenData === 'object' && tokenData !== null) return 'ferryman';
  return msg && msg.body === undefined && msg.data !== undefined ? 'ferryman' : 'sailor';
}

export function readInput(msg: IncomingMessage | undefined): unknown {
  if (!msg) return {};
  return msg.body !== undefined ? msg.body : (msg.data ?? {});
}

export function outgoingMessage(runtime: RuntimeKind, incoming: IncomingMessage, body: unknown): Record<string, unknown> {
  if (runtime === 'ferryman') {
    const metadata = typeof incoming.metadata === 'object' && incoming.metadata !== null ? { ...incoming.metadata } : {};
    return { data: body, metadata };
  }
  // Exactly what elasticio-node's messages.newMessageWithBody(body) builds (a unit test compares the two), with
  // Node's own UUID: elasticio-node's uuid 3 reads the kernel's random device per message, measured at about a
  // tenth of an action's whole call to a local server (npm run bench).
  return { id: randomUUID(), attachments: {}, body, headers: {}, metadata: {} };
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
    emitData: (body) => emit('data', outgoingMessage(runtime, incoming, body)),
    incoming,
  };
}
