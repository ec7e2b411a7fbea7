/**
 * One run of a step for the page: every emit, log line, request and page read becomes an event as it happens.
 * A polling trigger's snapshot is kept between runs, as `poll` keeps it in a file and the platform in its store:
 * only after a run succeeded. One run at a time (the progress and request hooks are per process).
 */
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { credentialFields, findFunction } from '../cli/manifest';
import { errorMessage, executeStep, type StepLogger } from '../cli/runStep';
import type { RunEvent } from './page/src/protocol';

export type { RunEvent };

interface PageProgress {
  operation: string;
  page: number;
  items: number;
  totalPages?: number;
  totalItems?: number;
}

interface RequestReport {
  operation: string;
  method: string;
  path: string;
  query?: Readonly<Record<string, string>>;
  status: number;
  requestId?: string;
  ms: number;
  code?: string;
}

/** The component's hooks and redaction from its build: the same module instances its functions use. */
const progress = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'progress.js')) as {
  onProgress(listener: ((p: PageProgress) => void) | undefined): void;
  onRequest(listener: ((r: RequestReport) => void) | undefined): void;
};
const { redact } = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'redact.js')) as { redact: (text: string) => string };

/** Keys the platforms put into the configuration beside the declared credential fields (secretId, an OIH key). */
const CREDENTIAL_KEYS = ['secretId', 'key', 'refreshToken'];

/** A step field the page may not set. */
export class StepFieldError extends Error {}

/** Every event leaves the process as redacted JSON: secrets the component registered never reach the page. */
export function encodeEvent(event: RunEvent): string {
  return redact(JSON.stringify(event));
}

export class Runs {
  private busy = false;
  private readonly snapshots = new Map<string, unknown>();

  constructor(private readonly connection: Record<string, unknown>) {}

  snapshotOf(key: string): unknown {
    return this.snapshots.get(key);
  }

  forget(key: string): void {
    this.snapshots.delete(key);
  }

  get running(): boolean {
    return this.busy;
  }

  /** A logger that sends each line to the page (debug lines too: the page lets the reader hide them). */
  logger(send: (event: RunEvent) => void): StepLogger {
    const line = (level: string) => (message: string): void => send({ type: 'log', level, message });
    return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'), debugEnabled: true };
  }

  /**
   * The configuration the platform would pass: the step fields set on the page, then the connection's credentials.
   * The page sets step fields only: a credential there (a base URL that would carry the token elsewhere) is refused.
   */
  config(stepFields: Record<string, unknown>): Record<string, unknown> {
    const credentials = [...Object.keys(credentialFields()), ...CREDENTIAL_KEYS];
    const misplaced = Object.keys(stepFields).filter((name) => credentials.includes(name));
    if (misplaced.length > 0) throw new StepFieldError(`${misplaced.join(', ')}: credentials come from the command line and the environment, not from the page`);
    return { ...stepFields, ...this.connection };
  }

  async run(key: string, input: unknown, stepFields: Record<string, unknown>, send: (event: RunEvent) => void): Promise<void> {
    if (this.busy) throw new Error('a run is in progress; wait for it to end');
    const info = findFunction(key);
    const cfg = this.config(stepFields);
    const polling = info.entry.type === 'polling';
    this.busy = true;
    const started = Date.now();
    const before = polling ? (this.snapshots.get(key) ?? {}) : {};
    send({ type: 'start', key, ...(polling ? { snapshot: before } : {}) });
    progress.onProgress((p) => send({ type: 'progress', page: p.page, items: p.items, ...(p.totalPages !== undefined ? { totalPages: p.totalPages } : {}), ...(p.totalItems !== undefined ? { totalItems: p.totalItems } : {}) }));
    progress.onRequest((r) => {
      const query = r.query && Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query as Record<string, string>).toString()}` : '';
      send({ type: 'request', method: r.method, path: `${r.path}${query}`, status: r.status, ms: r.ms, ...(r.requestId ? { requestId: r.requestId } : {}), ...(r.code ? { code: r.code } : {}) });
    });
    try {
      const outcome = await executeStep(info, polling ? {} : input, cfg, before, {
        logger: this.logger(send),
        data: (body) => send({ type: 'data', body }),
        snapshot: (_event, snapshot) => send({ type: 'snapshot', snapshot }),
        rebound: (reason) => send({ type: 'rebound', message: errorMessage(reason) }),
        error: (error) => {
          const problems = (error as { problems?: unknown } | null)?.problems;
          send({ type: 'error', message: errorMessage(error), ...(Array.isArray(problems) ? { problems: problems.map(String) } : {}) });
        },
      });
      // As the platform: a snapshot is kept only when the run that emitted it succeeded.
      const kept = polling && outcome.code === 0 && outcome.snapshot !== undefined;
      if (kept) this.snapshots.set(key, outcome.snapshot);
      send({ type: 'end', code: outcome.code, ms: Date.now() - started, dataMessages: outcome.dataMessages, snapshotKept: kept });
    } finally {
      progress.onProgress(undefined);
      progress.onRequest(undefined);
      this.busy = false;
    }
  }
}
