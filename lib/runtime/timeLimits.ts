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

/**
 * One timer for every pending bound (each message's deadline, each request attempt's), armed for the earliest and
 * re-armed when it fires, instead of a setTimeout/clearTimeout pair per bound: Node keeps a timer list per duration,
 * created and dropped with the one timer in it, and every message and every request paid for that (with the race
 * below, about a twentieth of an action's whole call to a local server, npm run bench). The timer holds the process
 * open exactly while a bound is pending, as the timers it replaces did.
 */
interface Alarm {
  at: number;
  ring: () => void;
}

const alarms = new Set<Alarm>();
let alarmTimer: NodeJS.Timeout | undefined;
let alarmTimerAt = Infinity;

function fireAlarms(): void {
  alarmTimer = undefined;
  alarmTimerAt = Infinity;
  const now = performance.now();
  const due: Alarm[] = [];
  let next = Infinity;
  for (const alarm of alarms) {
    if (alarm.at <= now) {
      alarms.delete(alarm);
      due.push(alarm);
    } else if (alarm.at < next) next = alarm.at;
  }
  if (next !== Infinity) armFor(next);
  for (const alarm of due) {
    try {
      alarm.ring();
    } catch (error) {
      // As from a timer of its own: the error is thrown, and the other alarms still ring.
      setImmediate(() => {
        throw error;
      });
    }
  }
}

function armFor(at: number): void {
  if (alarmTimer !== undefined) {
    if (alarmTimerAt <= at) return;
    clearTimeout(alarmTimer);
  }
  alarmTimerAt = at;
  alarmTimer = setTimeout(fireAlarms, Math.max(1, Math.ceil(at - performance.now())));
}

/** Calls `ring` in `ms` unless cleared first. */
function setAlarm(ms: number, ring: () => void): Alarm {
  const alarm = { at: performance.now() + ms, ring };
  if (alarms.size === 0) alarmTimer?.ref();
  alarms.add(alarm);
  armFor(alarm.at);
  return alarm;
}

function clearAlarm(alarm: Alarm): void {
  // A timer armed for a cleared alarm stays armed: it finds nothing due, re-arms for the next one or lets go.
  if (alarms.delete(alarm) && alarms.size === 0) alarmTimer?.unref();
}

function expired(label: string, ms: number): LimitExceededError {
  return new LimitExceededError(
    `${label} did not finish within ${ms} ms, the time allowed for one message (INTERCOM_MESSAGE_TIMEOUT_MS); what was emitted before stays emitted`,
  );
}

/**
 * Runs `body` with a deadline `ms` from `now`, known to the clients made with `scope` (the message's logger): no
 * request of theirs outlives it, and the returned promise rejects at it.
 */
export function withMessageDeadline<T>(scope: object, label: string, ms: number, now: number, body: () => Promise<T>): Promise<T> {
  // No abort signal to fan out: every attempt and every wait for a streamed chunk is already cut to the time left.
  deadlines.set(scope, { label, ms, endsAt: now + ms });
  // Settled by the body or by the deadline, whichever comes first; the body may still settle later, unheard. A plain
  // promise, not an async function around one: every message went through both.
  return new Promise<T>((resolve, reject) => {
    const alarm = setAlarm(ms, () => reject(expired(label, ms)));
    const cleared =
      <A>(settle: (outcome: A) => void) =>
      (outcome: A): void => {
        clearAlarm(alarm);
        settle(outcome);
      };
    try {
      body().then(cleared(resolve), cleared(reject));
    } catch (error) {
      clearAlarm(alarm);
      throw error;
    }
  });
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
  private readonly alarm: Alarm;
  timedOut = false;

  constructor(readonly ms: number) {
    this.alarm = setAlarm(ms, () => {
      this.timedOut = true;
      this.signal.abort();
    });
  }

  end(): void {
    clearAlarm(this.alarm);
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
  const watched = Readable.from(chunks(), { objectMode: false });
  // Destroying the watched stream must close the connection now: Readable.from only ends the generator after a
  // read still waiting for the network settles (up to idleMs), and never runs its finally if no read began.
  const destroyGenerator = watched._destroy.bind(watched);
  watched._destroy = (error, callback) => {
    source.destroy();
    destroyGenerator(error, callback);
  };
  return watched;
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
