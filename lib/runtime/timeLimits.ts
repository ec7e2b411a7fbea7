import { Readable } from 'node:stream';
import { LimitExceededError } from './errors';

/**
 * Every time bound of the runtime: the whole message, one request attempt, a streamed body.
 *
 * The whole-message bound. step() gives each message one; the HTTP client finds it through the message's logger
 * (every client of a message is made with the step context's logger), so every request, retry and wait of the
 * message is cut short at the same instant, and step() returns by then even if an emit hangs. A WeakMap keyed by
 * that logger, not AsyncLocalStorage: on Node 20 the latter slows every promise of the process (measured: about a
 * fifth of an action's call).
 */
export interface MessageDeadline {
  label: string;
  ms: number;
  endsAt: number;
}

const deadlines = new WeakMap<object, MessageDeadline>();

function expired(label: string, ms: number): LimitExceededError {
  return new LimitExceededError(
    `${label} did not finish within ${ms} ms, the time allowed for one message (INTERCOM_MESSAGE_TIMEOUT_MS); what was emitted before stays emitted`,
  );
}

/**
 * Runs `body` with a deadline `ms` from `now`, known to the clients made with `scope` (the message's logger): no
 * request of theirs outlives it, and the returned promise rejects at it.
 */
export async function withMessageDeadline<T>(scope: object, label: string, ms: number, now: number, body: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired(label, ms)), ms);
  });
  // No abort signal to fan out: every attempt and every wait for a streamed chunk is already cut to the time left.
  deadlines.set(scope, { label, ms, endsAt: now + ms });
  const run = body();
  // The body may still settle after the deadline won the race; nobody waits for it any more.
  run.catch(() => undefined);
  try {
    return await Promise.race([run, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** The deadline of the message whose logger this is (undefined outside a step: verifyCredentials, dropdowns). */
export function deadlineOf(scope: object): MessageDeadline | undefined {
  return deadlines.get(scope);
}

/** Milliseconds left before `deadline` (Infinity without one). */
export function timeLeft(deadline: MessageDeadline | undefined, now: number): number {
  return deadline ? deadline.endsAt - now : Infinity;
}

/** The error that ends a message for lack of time. */
export function timeUp(deadline: MessageDeadline | undefined): LimitExceededError {
  return expired(deadline?.label ?? 'The message', deadline?.ms ?? 0);
}

/**
 * What axios's http adapter uses of an AbortSignal: `aborted` and one 'abort' listener. A full AbortController
 * (an EventTarget) per request cost about a tenth of an action's whole call to a local server (npm run bench).
 */
export class AttemptSignal {
  aborted = false;
  private listener: (() => void) | undefined;

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener;
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listener === listener) this.listener = undefined;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }
}

/**
 * One request attempt's wall-clock bound (axios's own timeout only sees an idle socket, so a trickled body would
 * outlive it); callers cut `ms` to the message's time left.
 */
export class Attempt {
  readonly signal = new AttemptSignal();
  private readonly timer: NodeJS.Timeout;
  timedOut = false;

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.signal.abort();
    }, ms);
  }

  end(): void {
    clearTimeout(this.timer);
  }
}

/**
 * A streamed body that fails when the server sends nothing for `idleMs` (or the message runs out of time). Only the
 * wait for the network is timed: while the consumer is busy emitting, nothing is asked of the socket.
 */
export function watchedStream(source: Readable, idleMs: number, deadline: MessageDeadline | undefined, now: () => number, stalled: () => Error): Readable {
  const iterator: AsyncIterator<unknown> = source[Symbol.asyncIterator]();
  async function* chunks(): AsyncGenerator {
    try {
      for (;;) {
        const left = timeLeft(deadline, now());
        const next = await within(iterator.next(), Math.min(idleMs, Math.max(left, 0)), () => (left <= idleMs ? timeUp(deadline) : stalled()));
        if (next.done) return;
        yield next.value;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
