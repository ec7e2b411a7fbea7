import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { LimitExceededError } from './errors';

/**
 * Every time bound of the runtime: the whole message, one request attempt, a streamed body.
 *
 * The whole-message time bound. step() runs each message inside one; the HTTP client reads it, so every request,
 * retry and wait of the message is cut short at the same instant, and step() returns by then even if an emit hangs.
 */
interface MessageDeadline {
  label: string;
  ms: number;
  endsAt: number;
  signal: AbortSignal;
}

const current = new AsyncLocalStorage<MessageDeadline>();

function expired(label: string, ms: number): LimitExceededError {
  return new LimitExceededError(
    `${label} did not finish within ${ms} ms, the time allowed for one message (INTERCOM_MESSAGE_TIMEOUT_MS); what was emitted before stays emitted`,
  );
}

/** Runs `body` with a deadline `ms` from `now`: at the deadline its requests are aborted and the returned promise rejects. */
export async function withMessageDeadline<T>(label: string, ms: number, now: number, body: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = expired(label, ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const run = current.run({ label, ms, endsAt: now + ms, signal: controller.signal }, body);
  // The body may still settle after the deadline won the race; nobody waits for it any more.
  run.catch(() => undefined);
  try {
    return await Promise.race([run, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds left for the current message (Infinity outside one). */
export function messageTimeLeft(now: number): number {
  const deadline = current.getStore();
  return deadline ? deadline.endsAt - now : Infinity;
}

/** The error that ends the current message for lack of time. */
export function messageTimeUp(): LimitExceededError {
  const deadline = current.getStore();
  return expired(deadline?.label ?? 'The message', deadline?.ms ?? 0);
}

/** Aborted when the current message runs out of time. */
export function messageSignal(): AbortSignal | undefined {
  return current.getStore()?.signal;
}

/**
 * One request attempt's wall-clock bound (axios's own timeout only sees an idle socket, so a trickled body would
 * outlive it). Aborted when its time is up or when the message's is.
 */
export class Attempt {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly outer: AbortSignal | undefined = messageSignal();
  private readonly relay = (): void => this.controller.abort();
  timedOut = false;

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
    if (this.outer?.aborted) this.controller.abort();
    else this.outer?.addEventListener('abort', this.relay, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The message ran out of time during this attempt. */
  get messageExpired(): boolean {
    return this.outer?.aborted === true;
  }

  end(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.relay);
  }
}

/**
 * A streamed body that fails when the server sends nothing for `idleMs` (or the message runs out of time). Only the
 * wait for the network is timed: while the consumer is busy emitting, nothing is asked of the socket.
 */
export function watchedStream(source: Readable, idleMs: number, stalled: () => Error): Readable {
  const signal = messageSignal();
  const iterator: AsyncIterator<unknown> = source[Symbol.asyncIterator]();
  async function* chunks(): AsyncGenerator {
    try {
      for (;;) {
        const next = await within(iterator.next(), idleMs, signal, stalled);
        if (next.done) return;
        yield next.value;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

function within<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(onTimeout())), ms);
    const onAbort = (): void => finish(() => reject(messageTimeUp()));
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
