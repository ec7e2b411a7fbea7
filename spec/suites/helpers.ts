/**
 * Shared by the fault, bad-input and secrecy suites: the manifest, the modules behind it (TypeScript sources,
 * so the runtime settings a suite tunes are the ones the modules use), runtime tuning and outcome capture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { IntercomApiError, NetworkError } from '../../lib/runtime/errors';
import { resetRateLimitState } from '../../lib/runtime/rateLimit';
import { clearRegionCache } from '../../lib/runtime/region';
import { type RuntimeSettings, settings } from '../../lib/runtime/settings';

import { FakeStep } from '../helpers/fakeStep';

export { FakeStep };

export const ROOT = join(__dirname, '..', '..');

export interface ManifestEntry {
  title: string;
  main: string;
  type?: string;
  fields?: Record<string, { model?: unknown; required?: boolean; viewClass?: string }>;
  metadata?: { in?: string; out?: string };
}

export interface Manifest {
  actions: Record<string, ManifestEntry>;
  triggers: Record<string, ManifestEntry>;
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as Manifest;
}

export type ProcessFn = (this: unknown, msg: Record<string, unknown>, cfg: unknown, snapshot?: unknown, headers?: unknown, tokenData?: unknown) => Promise<void>;

/** The module behind a manifest entry, loaded from lib/ (`./dist/actions/x.js` → `lib/actions/x.ts`). */
export function loadModule(main: string): Record<string, unknown> & { process: ProcessFn } {
  const relative = main.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
  const mod = require(join(ROOT, 'lib', relative)) as Record<string, unknown> & { process: ProcessFn };
  if (typeof mod.process !== 'function') throw new Error(`${main} exports no process function`);
  return mod;
}

/** Step settings the standard object actions cannot run without (the object type), as a flow designer sets them. */
export const OBJECT_ACTION_CONFIG: Readonly<Record<string, Record<string, unknown>>> = {
  lookupObject: { objectType: 'contacts' },
  lookupObjects: { objectType: 'contacts', termNumber: '1' },
  upsertObject: { objectType: 'contacts' },
  deleteObject: { objectType: 'contacts' },
};

/**
 * Assigns runtime settings for a suite; returns the function that puts the previous values back. The suites talk
 * to a real sandbox: nock, which the unit specs load into the same process (npm test), stops intercepting for
 * them (through it, one request of each bad-input case set hung until its timeouts, 20 s an action).
 */
export function tuneRuntime(overrides: Partial<RuntimeSettings>): () => void {
  const saved = { ...settings };
  const intercepting = nock.isActive();
  if (intercepting) nock.restore();
  Object.assign(settings, overrides);
  resetRateLimitState();
  clearRegionCache();
  return () => {
    Object.assign(settings, saved);
    resetRateLimitState();
    clearRegionCache();
    if (intercepting && !nock.isActive()) nock.activate();
  };
}

/** Fast but real waits: retries still go through the sleep path, just with short delays. */
export const FAST_RETRIES: Partial<RuntimeSettings> = {
  maxRetries: 3,
  maxRateLimitRetries: 4,
  retryBaseMs: 4,
  retryMaxMs: 20,
  maxRateLimitWaitMs: 30,
};

export interface Outcome {
  step: FakeStep;
  /** What process() threw (the platform reports it as the step's error). */
  error?: unknown;
  data: number;
  rebounds: number;
}

export async function runProcess(fn: ProcessFn, body: unknown, cfg: unknown, snapshot: unknown = {}, step = new FakeStep()): Promise<Outcome> {
  let error: unknown;
  try {
    await fn.call(step, { id: 'suite', body, headers: {}, attachments: {}, metadata: {} }, cfg, snapshot);
  } catch (e) {
    error = e;
  }
  const outcome: Outcome = { step, data: step.events('data').length, rebounds: step.events('rebound').length };
  if (error !== undefined) outcome.error = error;
  return outcome;
}

export type OutcomeKind = 'data' | 'error' | 'rebound';

/**
 * The one outcome of a message. A single-response action ends in exactly one of: data (one message),
 * error (thrown, nothing emitted) or rebound (one rebound, nothing else); a streamed listing may emit items
 * before its error or rebound, never both an error and a rebound.
 */
export function outcomeOf(o: Outcome, streamed = false): OutcomeKind {
  const thrown = o.error !== undefined;
  if (thrown && o.rebounds > 0) throw new Error(`both an error and a rebound: ${describe(o.error)}`);
  if (o.rebounds > 1) throw new Error(`${o.rebounds} rebounds for one message`);
  if (thrown) {
    if (!streamed && o.data > 0) throw new Error(`data emitted and an error thrown: ${describe(o.error)}`);
    return 'error';
  }
  if (o.rebounds === 1) {
    if (!streamed && o.data > 0) throw new Error('data emitted and a rebound');
    return 'rebound';
  }
  if (!streamed && o.data !== 1) throw new Error(`${o.data} data messages for one request`);
  return 'data';
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export const REQUEST_ID = /\(request_id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/;

/**
 * A clear error names the action and either Intercom's status and code (and request_id when Intercom sent
 * one) or the network cause.
 */
export function assertClearError(error: unknown, key: string, options: { requestId?: boolean } = {}): void {
  if (!(error instanceof Error)) throw new Error(`not an Error: ${String(error)}`);
  const message = error.message;
  if (!message.includes(` in ${key}`)) {
    throw new Error(`the error does not name the action ${key}: ${message}`);
  }
  if (error instanceof IntercomApiError) {
    if (!/^Intercom \d{3} [a-z_,]+: \S/.test(message)) throw new Error(`no status and code: ${message}`);
    if (options.requestId && !REQUEST_ID.test(message)) throw new Error(`no request_id: ${message}`);
  } else if (error instanceof NetworkError) {
    if (!/failed without a response \((ECONNRESET|ECONNABORTED|ETIMEDOUT|ECONNREFUSED|EPIPE|ERR_NETWORK|ERR_BAD_RESPONSE|ECANCELED)[^)]*: [a-z]/.test(message)) {
      throw new Error(`no network cause: ${message}`);
    }
  } else {
    throw new Error(`unexpected error class ${error.name}: ${message}`);
  }
}

/** Runs `count` jobs with at most `width` in flight. */
export async function inParallel<T>(count: number, width: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const workers = Array.from({ length: Math.min(width, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await job(index);
    }
  });
  await Promise.all(workers);
  return results;
}
