import { type Logger, safeLogger } from './logger';
import { messageId } from './messageId';
import { redactError } from './redact';
import { handBackToPlatform } from './retryPolicy';
import { settings } from './settings';
import { withMessageDeadline } from './timeLimits';

/**
 * The one wrapper around every function the platforms call (generated and convenience actions, polling and
 * webhook triggers), and the only file that knows the two runtimes' message shapes:
 * - elastic.io sailor: `process(msg, cfg, snapshot)`, input in `msg.body`, output `{id, body, headers, attachments, metadata}`.
 * - OIH ferryman: `process(msg, cfg, snapshot, headers, tokenData)`, input in `msg.data`, output `{data, metadata}`
 *   whose metadata names the emitted record for OIH's ID linking (see `oihMetadata`).
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

/** How one emitted record relates to the step (see StepContext.emitData). */
export interface EmitOptions {
  found?: boolean;
  attachments?: Record<string, unknown>;
}

export interface StepContext {
  runtime: RuntimeKind;
  /** Under ferryman, the Intercom id OIH hands in as `msg.metadata.recordUid` (ID linking); undefined otherwise. */
  recordUid: string | undefined;
  logger: Logger;
  emit(event: string, payload?: unknown): Promise<void>;
  /**
   * Emit one record as a data message in the runtime's envelope. `found`: one of several records the step
   * found (list items), so not the record of the incoming message (its OIH identity is not carried over).
   * `attachments` (`{ name: { url, size, "content-type" } }`, files in the platform's storage) go with it under
   * the sailor only.
   */
  emitData(body: unknown, options?: EmitOptions): Promise<void>;
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

/**
 * An action's messages are about the record of the message it received; a trigger's records are its own (the
 * incoming message is a schedule tick or a webhook delivery), as are the items a list emits one by one, so
 * they must not inherit its OIH identity.
 */
export type StepKind = 'action' | 'trigger';

/**
 * What a step adds to the runtime's plumbing: whether it is a trigger, and an optional presentation of each
 * emitted record (the OIH functions map Intercom records to OIH's data models; the identity is read first).
 */
export interface StepOptions {
  kind?: StepKind;
  /** The data emitted for an Intercom record (or a promise of it); undefined: nothing is emitted for it (logged). */
  present?: (record: unknown, cfg: Config, ctx: StepContext) => unknown;
}

/**
 * `record` is what the message is about (its identity), `body` what it carries, by default the same;
 * `aboutIncoming`: the record is the one the incoming message was about, whose OIH id (oihUid) it keeps.
 */
export function outgoingMessage(
  runtime: RuntimeKind,
  incoming: IncomingMessage,
  body: unknown,
  cfg: Config = {},
  aboutIncoming = true,
  record: unknown = body,
  attachments: Record<string, unknown> = {},
): Record<string, unknown> {
  if (runtime === 'ferryman') return withNodeSettings({ data: body, metadata: oihMetadata(aboutIncoming ? incoming : {}, record, cfg) }, cfg);
  // Exactly what elasticio-node's messages.newMessageWithBody(body) builds (a unit test compares the two), with
  // a cheaper random UUID (messageId.ts): elasticio-node's uuid 3 reads the kernel's random device per message,
  // measured at about a tenth of an action's whole call to a local server (npm run bench).
  return { id: messageId(), attachments, body, headers: {}, metadata: {} };
}

/**
 * Ferryman reads the node's settings for a data message (governance of deletes and `deletes`, ID linking's
 * `applicationUid`, per-node transforms after the step, passthrough) from the message's `passedCfg`, which it sets
 * itself only on a message that process() returns. Emitted messages carry it here: only those settings, never the
 * step's credentials, and not enumerable, so it is never serialized should it reach the wire (ferryman deletes it).
 */
function withNodeSettings(message: Record<string, unknown>, cfg: Config): Record<string, unknown> {
  const nodeSettings = cfg['nodeSettings'];
  if (!isObject(nodeSettings)) return message;
  const deletes = cfg['deletes'];
  Object.defineProperty(message, 'passedCfg', { value: { nodeSettings, ...(deletes === undefined ? {} : { deletes }) }, enumerable: false, configurable: true, writable: true });
  return message;
}

/**
 * The OIH metadata of an emitted message. Ferryman registers `recordUid` as the id of the record in the node's
 * application (`applicationUid`), so both must describe Intercom: `recordUid` is the emitted record's Intercom id
 * (none for a message that is not one record, e.g. a list), `applicationUid` comes from the node settings, and
 * only the incoming `oihUid` (the record's id in OIH, the same whichever application holds it) is kept.
 */
export function oihMetadata(incoming: IncomingMessage, record: unknown, cfg: Config): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  const recordUid = emittedRecordId(record);
  // A message that is not one record (a list, rows) has no identity: an oihUid alone would make ferryman's ID
  // linking register a link without an Intercom id.
  const oihUid = recordUid !== undefined && isObject(incoming.metadata) ? incoming.metadata['oihUid'] : undefined;
  if (oihUid !== undefined && oihUid !== null && oihUid !== '') metadata['oihUid'] = oihUid;
  if (recordUid !== undefined) metadata['recordUid'] = recordUid;
  const applicationUid = isObject(cfg['nodeSettings']) ? cfg['nodeSettings']['applicationUid'] : undefined;
  if (typeof applicationUid === 'string' && applicationUid !== '') metadata['applicationUid'] = applicationUid;
  return metadata;
}

/**
 * The one rule for which record a message carries: the body itself when it is one Intercom object (a `type`,
 * or `object` on some delete answers, that is not a list, and an `id`) or a governed delete answer (`delete`
 * and `id`); otherwise the one property of the body that is such an object (`{result, contact}`), when exactly
 * one is. Lists and summaries carry none.
 */
export function emittedRecordId(body: unknown): string | undefined {
  if (isIntercomRecord(body)) return String(body.id);
  if (!isObject(body)) return undefined;
  let found: string | undefined;
  for (const value of Object.values(body)) {
    if (!isIntercomRecord(value)) continue;
    if (found !== undefined) return undefined;
    found = String(value.id);
  }
  return found;
}

function isIntercomRecord(value: unknown): value is { id: string | number } {
  if (!isObject(value)) return false;
  const kind = value['type'] ?? value['object'];
  const id = value['id'];
  const hasId = (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
  if (hasId && typeof value['delete'] === 'string') return true;
  return hasId && typeof kind === 'string' && kind !== '' && !/(^|\.)list$/.test(kind);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Under ferryman: the Intercom id of the record the message is about, as ID linking hands it in. */
export function incomingRecordUid(runtime: RuntimeKind, incoming: IncomingMessage): string | undefined {
  if (runtime !== 'ferryman' || !isObject(incoming.metadata)) return undefined;
  const value = incoming.metadata['recordUid'];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Builds the step context from the `this` the runtime passes (TaskExec in both runtimes). */
export function stepContext(self: unknown, msg: IncomingMessage | undefined, tokenData: unknown, cfg: Config = {}, options: StepOptions = {}): StepContext {
  const { kind = 'action', present } = options;
  const host = (typeof self === 'object' && self !== null ? self : {}) as { emit?: Emit; logger?: unknown };
  const runtime = detectRuntime(msg, tokenData);
  const incoming = msg ?? {};
  const rawEmit = host.emit;
  // Both runtimes' emit may return a promise (sailor awaits the AMQP publish, with throttling): always await it.
  // Plain functions returning promises, not async ones: a list emitted one item per message goes through both for
  // every item, and their async frames were about 570 of the 4,600 bytes allocated per item (npm run bench).
  const emit = (event: string, payload?: unknown): Promise<void> => {
    try {
      if (typeof rawEmit !== 'function') throw new Error('The runtime did not provide an emit function');
      return settled(rawEmit.call(host, event, payload));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const emitPresented = async (record: unknown, aboutIncoming: boolean, attachments: Record<string, unknown>, map: NonNullable<StepOptions['present']>): Promise<void> => {
    // A presentation may be asynchronous (an OIH custom mapping is evaluated in another process).
    const data = await map(record, cfg, ctx);
    if (data === undefined) {
      ctx.logger.warn(`the mapping gave nothing for record ${emittedRecordId(record) ?? '(without id)'}; no message emitted for it`);
      return;
    }
    return emit('data', outgoingMessage(runtime, incoming, data, cfg, aboutIncoming, record, attachments));
  };
  const ctx: StepContext = {
    runtime,
    recordUid: incomingRecordUid(runtime, incoming),
    logger: safeLogger(host.logger),
    emit,
    emitData: (record, emitOptions) => {
      const aboutIncoming = kind === 'action' && !emitOptions?.found;
      const attachments = emitOptions?.attachments ?? {};
      if (present) return emitPresented(record, aboutIncoming, attachments, present);
      try {
        return emit('data', outgoingMessage(runtime, incoming, record, cfg, aboutIncoming, record, attachments));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    incoming,
  };
  return ctx;
}

const DONE: Promise<void> = Promise.resolve();
const nothing = (): void => undefined;

/** What an emit returned, as a promise of nothing: its own when it returned one (its rejection included). */
function settled(result: unknown): Promise<void> {
  if (typeof result === 'object' && result !== null && typeof (result as { then?: unknown }).then === 'function') {
    return Promise.resolve(result).then(nothing);
  }
  return DONE;
}

/**
 * The `process` of a step. What the retry policy hands back to the platform (a rate limit that outlasted the
 * retries) goes back as a rebound (retried later, nothing lost); anything else fails the step with one clear error.
 */
export function step(key: string, body: (run: StepRun) => Promise<void>, options: StepOptions = {}): ProcessFunction {
  // Named processStep, not process: a function named `process` would shadow Node's global inside it.
  async function processStep(this: unknown, msg: IncomingMessage, cfg: unknown, snapshot?: unknown, _headers?: unknown, tokenData?: unknown): Promise<void> {
    const config = asConfig(cfg);
    const ctx = stepContext(this, msg, tokenData, config, options);
    const started = settings.now();
    try {
      await withMessageDeadline(ctx.logger, key, settings.messageTimeoutMs, started, () => body({ key, ctx, input: readInput(msg), cfg: config, snapshot }));
      ctx.logger.info(`${key} finished in ${settings.now() - started} ms`);
    } catch (error) {
      redactError(error);
      if (handBackToPlatform(error)) {
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
