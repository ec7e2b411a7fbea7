/**
 * Run-time knobs: misbehaviour and limits a test can change while the sandbox runs. The same object is
 * returned by startSandbox() as `knobs`; every request reads the current values, so assignments take
 * effect on the next request.
 */
import { SeededRandom } from './random';

/** What one request suffers. Built by SandboxKnobs.plan() from the knobs plus per-request overrides. */
export interface FaultPlan {
  /** Wait this long before answering. */
  delayMs: number;
  /** Never answer (the client's timeout fires). */
  hang: boolean;
  /** Destroy the socket without an HTTP answer. */
  reset: boolean;
  /** Replace the answer with this status (an error.list JSON body, or an HTML page when `html`). */
  status?: number;
  html: boolean;
  /** Execute the request first, then replace its answer (a write lands but the client sees a failure). */
  afterProcessing: boolean;
  /** Send only half of the body. */
  truncate: boolean;
  /** The injected error quotes the request's Authorization header and bearer token (see faults.ts). */
  echoAuthorization: boolean;
}

/** A fault to inject: an HTTP status, or one of the transport-level misbehaviours. */
export type FaultMode = number | 'reset' | 'hang' | 'truncate' | 'html504' | { delayMs: number };

export interface FailNextOptions {
  /** Only requests with this method consume the rule. */
  method?: string;
  /** Only requests whose path equals this string or matches this pattern consume the rule. */
  path?: string | RegExp;
  /** Apply after the request was executed (for "the create landed but the answer was lost"). */
  afterProcessing?: boolean;
  /** Let this many matching requests through first (e.g. 2: the third page of a listing fails). */
  skip?: number;
  /** The injected status's error quotes the request's credentials, as a misbehaving gateway might. */
  echoAuthorization?: boolean;
}

export interface KnobValues {
  /** Added to every answer, in milliseconds. */
  latencyMs: number;
  /** Probability (0..1) that a request is answered with a 5xx from `errorStatuses`. */
  errorRate: number;
  errorStatuses: number[];
  /** Injected 5xx answers carry an HTML gateway page instead of JSON (as Intercom's edge does). */
  htmlErrors: boolean;
  /** Probability that the connection is reset instead of answered. */
  resetRate: number;
  /** Probability that a JSON body is cut in half. */
  truncateRate: number;
  /** Probability that the request is never answered. */
  hangRate: number;
  /** Requests allowed per token in each 10-second window (1666 ≈ 10,000/min). */
  rateLimitPerWindow: number;
  /** Records written less than this many seconds ago are not yet visible to search. */
  searchIndexDelaySeconds: number;
  /** Above `searchIndexDelaySeconds`: each write waits its own delay, drawn evenly between the two (late indexing). */
  searchIndexDelayMaxSeconds: number;
  /** Search ignores the request's `sort` (results in storage order), as a server without sorting would. */
  searchIgnoresSort: boolean;
  /** The n-th page (1 = first) of the next company scroll answers 500; cleared once it fires. */
  scrollFailOnPage: number | null;
  /**
   * Rows of a content data export. null: one per stored conversation, at most 50. A number: exactly that many,
   * synthesized past the stored conversations (large exports for benchmarks).
   */
  contentExportRows: number | null;
}

export const DEFAULT_KNOBS: Readonly<KnobValues> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  errorStatuses: [500, 502, 503, 504],
  htmlErrors: false,
  resetRate: 0,
  truncateRate: 0,
  hangRate: 0,
  rateLimitPerWindow: 1666,
  searchIndexDelaySeconds: 0,
  searchIndexDelayMaxSeconds: 0,
  searchIgnoresSort: false,
  scrollFailOnPage: null,
  contentExportRows: null,
});

interface QueuedFault {
  remaining: number;
  skip: number;
  mode: FaultMode;
  options: FailNextOptions;
}

export class SandboxKnobs implements KnobValues {
  latencyMs = DEFAULT_KNOBS.latencyMs;
  errorRate = DEFAULT_KNOBS.errorRate;
  errorStatuses = [...DEFAULT_KNOBS.errorStatuses];
  htmlErrors = DEFAULT_KNOBS.htmlErrors;
  resetRate = DEFAULT_KNOBS.resetRate;
  truncateRate = DEFAULT_KNOBS.truncateRate;
  hangRate = DEFAULT_KNOBS.hangRate;
  rateLimitPerWindow = DEFAULT_KNOBS.rateLimitPerWindow;
  searchIndexDelaySeconds = DEFAULT_KNOBS.searchIndexDelaySeconds;
  searchIndexDelayMaxSeconds = DEFAULT_KNOBS.searchIndexDelayMaxSeconds;
  searchIgnoresSort = DEFAULT_KNOBS.searchIgnoresSort;
  scrollFailOnPage: number | null = DEFAULT_KNOBS.scrollFailOnPage;
  contentExportRows: number | null = DEFAULT_KNOBS.contentExportRows;

  private readonly queue: QueuedFault[] = [];
  private readonly random: SeededRandom;

  constructor(seed: string, initial: Partial<KnobValues> = {}) {
    this.random = new SeededRandom(`${seed}|faults`);
    this.set(initial);
  }

  set(values: Partial<KnobValues>): void {
    Object.assign(this, values);
  }

  /** Back to defaults and an empty fault queue. */
  reset(): void {
    this.set({ ...DEFAULT_KNOBS, errorStatuses: [...DEFAULT_KNOBS.errorStatuses] });
    this.queue.length = 0;
  }

  /** The next `count` matching requests suffer `mode` (deterministic, unlike the rates). */
  failNext(count: number, mode: FaultMode, options: FailNextOptions = {}): void {
    if (count > 0) this.queue.push({ remaining: count, skip: Math.max(0, options.skip ?? 0), mode, options });
  }

  clearFaults(): void {
    this.queue.length = 0;
  }

  /** Rules still waiting to fire. */
  pendingFaults(): number {
    return this.queue.reduce((n, q) => n + q.remaining, 0);
  }

  /** Decide what happens to one request. `override` is the per-request `X-Sandbox-Fault` value. */
  plan(method: string, path: string, override: string | undefined): FaultPlan {
    const plan: FaultPlan = { delayMs: this.latencyMs, hang: false, reset: false, html: this.htmlErrors, afterProcessing: false, truncate: false, echoAuthorization: false };
    const queued = this.takeQueued(method, path);
    if (queued !== undefined) {
      applyMode(plan, queued.mode);
      if (queued.options.afterProcessing === true) plan.afterProcessing = true;
      if (queued.options.echoAuthorization === true) plan.echoAuthorization = true;
    }
    if (override !== undefined) applyOverride(plan, override);
    if (queued === undefined && override === undefined) this.drawRates(plan);
    return plan;
  }

  private takeQueued(method: string, path: string): QueuedFault | undefined {
    for (let index = 0; index < this.queue.length; index++) {
      const rule = this.queue[index];
      if (rule === undefined || !matches(rule.options, method, path)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.queue.splice(index, 1);
      return rule;
    }
    return undefined;
  }

  private drawRates(plan: FaultPlan): void {
    // Each enabled rate draws from the seeded stream, so a run is reproducible request by request.
    if (this.resetRate > 0 && this.random.next() < this.resetRate) plan.reset = true;
    else if (this.hangRate > 0 && this.random.next() < this.hangRate) plan.hang = true;
    else if (this.errorRate > 0 && this.random.next() < this.errorRate) {
      const statuses = this.errorStatuses.length > 0 ? this.errorStatuses : [503];
      plan.status = statuses[this.random.int(statuses.length)] ?? 503;
    } else if (this.truncateRate > 0 && this.random.next() < this.truncateRate) plan.truncate = true;
  }
}

function matches(options: FailNextOptions, method: string, path: string): boolean {
  if (options.method !== undefined && options.method.toUpperCase() !== method) return false;
  if (options.path === undefined) return true;
  return typeof options.path === 'string' ? options.path === path : options.path.test(path);
}

function applyMode(plan: FaultPlan, mode: FaultMode): void {
  if (typeof mode === 'number') plan.status = mode;
  else if (mode === 'reset') plan.reset = true;
  else if (mode === 'hang') plan.hang = true;
  else if (mode === 'truncate') plan.truncate = true;
  else if (mode === 'html504') {
    plan.status = 504;
    plan.html = true;
  } else plan.delayMs += mode.delayMs;
}

/**
 * `X-Sandbox-Fault` (or `__fault` in the query): comma-separated tokens —
 * a status (`503`), `html504`, `html` (5xx as HTML), `reset`, `hang`/`timeout`, `truncate`,
 * `after` (apply the status after executing), `echo-auth` (the error quotes the credentials), `latency=<ms>`/`delay=<ms>`.
 */
export function applyOverride(plan: FaultPlan, spec: string): void {
  for (const raw of spec.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '') continue;
    const delay = /^(?:latency|delay)=(\d+)$/.exec(token);
    if (delay?.[1] !== undefined) plan.delayMs += Number(delay[1]);
    else if (/^[1-5]\d\d$/.test(token)) plan.status = Number(token);
    else if (token === 'html504') applyMode(plan, 'html504');
    else if (token === 'html') plan.html = true;
    else if (token === 'reset') plan.reset = true;
    else if (token === 'hang' || token === 'timeout') plan.hang = true;
    else if (token === 'truncate') plan.truncate = true;
    else if (token === 'after') plan.afterProcessing = true;
    else if (token === 'echo-auth') plan.echoAuthorization = true;
  }
}
