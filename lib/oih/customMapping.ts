import { type ChildProcess, spawn } from 'node:child_process';
import { OIH_FIELDS } from '../catalogue/fields';
import { ConfigurationError, LimitExceededError } from '../runtime/errors';
import { settings } from '../runtime/settings';

/**
 * A customMapping (JSONata) evaluated by the component itself, not handed to ferryman's `transform`, which logs a
 * failing expression and passes the input on unmapped. Evaluation runs in one child process per process (started on
 * the first mapping, then kept), so any expression ends within the bounds (settings: mappingTimeoutMs,
 * mappingMemoryMb; the result within maxMessageBytes) and the step's event loop stays free. An endless recursion, a
 * huge range, a regular expression that backtracks for ever are stopped by killing the child, which no evaluation
 * hook could do (a regular expression runs inside V8 to its end); a process, not a worker thread, because V8 ends
 * the whole process when a thread's heap limit is hit by one large allocation (`[1..1e7]`), and a process limit
 * ends only the child. Evaluations take turns; a stopped child is replaced on the next. The child gets an empty
 * environment (no secret of the step reaches it). The JSONata is the version ferryman depends on (package.json pins
 * it), so an expression means here what it means in ferryman's own per-node transforms.
 */

const FIELD = `Step field "${OIH_FIELDS.customMapping}"`;

/** The child: compiles (cached) and evaluates, answers with the result as JSON or JSONata's error fields. */
const evaluatorSource = (jsonataPath: string): string => `
const jsonata = require(${JSON.stringify(jsonataPath)});
const compiled = new Map();
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
process.on('message', (task) => {
  let reply;
  try {
    let expression = compiled.get(task.expression);
    if (expression === undefined) {
      expression = jsonata(task.expression);
      if (compiled.size >= 16) compiled.clear();
      compiled.set(task.expression, expression);
    }
    const result = expression.evaluate(task.input);
    const json = result === undefined ? undefined : JSON.stringify(result);
    const bytes = json === undefined ? 0 : Buffer.byteLength(json);
    reply = bytes > task.maxBytes ? { id: task.id, tooLarge: bytes } : { id: task.id, json };
  } catch (error) {
    const e = error === null || typeof error !== 'object' ? { message: String(error) } : error;
    reply = { id: task.id, error: { message: String(e.message ?? ''), code: e.code, position: e.position, token: e.token } };
  }
  process.send(reply);
});
`;

interface Reply {
  id: number;
  json?: string;
  tooLarge?: number;
  error?: { message: string; code?: unknown; position?: unknown; token?: unknown };
}

interface Evaluator {
  child: ChildProcess;
  /** Settles once the child has loaded JSONata: the time bound counts from there, not from the process start. */
  ready: Promise<void>;
}

/** A child that does not report ready within this long (a machine under heavy load) fails the step. */
const STARTUP_MS = 30_000;

let evaluator: Evaluator | undefined;
let lastTask = 0;
let turn: Promise<unknown> = Promise.resolve();

/** The value of `expression` over `input` (plain JSON data), or a clear error naming the step field. */
export function evaluateMapping(expression: string, input: unknown): Promise<unknown> {
  const run = turn.then(() => evaluateNow(expression, input));
  turn = run.catch(() => undefined);
  return run;
}

function startEvaluator(): Evaluator {
  const child = spawn(process.execPath, [`--max-old-space-size=${settings.mappingMemoryMb}`, '-e', evaluatorSource(require.resolve('jsonata'))], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env: {},
  });
  // An idle evaluator must not keep the step's process alive; a running evaluation's timer does.
  child.unref();
  child.channel?.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const failed = (why: string): void => {
      clearTimeout(timer);
      child.off('message', onReady);
      stop(child);
      reject(new ConfigurationError(`${FIELD} could not be evaluated: the evaluator process ${why}`));
    };
    const timer = setTimeout(() => failed(`did not start within ${STARTUP_MS} ms`), STARTUP_MS);
    const onReady = (message: unknown): void => {
      if ((message as { ready?: unknown }).ready !== true) return;
      clearTimeout(timer);
      child.off('message', onReady);
      child.off('exit', onEarlyExit);
      child.off('error', onStartError);
      resolve();
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => failed(`ended while starting (${signal ?? `exit code ${code}`})`);
    // A process that cannot be started at all (too many processes or open files) says so at once, not after STARTUP_MS.
    const onStartError = (error: Error): void => failed(`could not start (${error.message})`);
    child.on('message', onReady);
    child.once('exit', onEarlyExit);
    child.once('error', onStartError);
  });
  child.on('error', () => stop(child));
  // A child that ends while idle (killed from outside) is forgotten, so the next evaluation starts a new one.
  child.on('exit', () => stop(child));
  const started = { child, ready };
  return started;
}

function stop(child: ChildProcess): void {
  if (evaluator?.child === child) evaluator = undefined;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function evaluateNow(expression: string, input: unknown): Promise<unknown> {
  const { child, ready } = (evaluator ??= startEvaluator());
  await ready;
  const id = ++lastTask;
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const timer = setTimeout(() => {
      done();
      stop(child);
      reject(new LimitExceededError(`${FIELD} did not finish within ${settings.mappingTimeoutMs} ms (INTERCOM_MAPPING_TIMEOUT_MS); its evaluation was stopped`));
    }, settings.mappingTimeoutMs);
    const onMessage = (message: unknown): void => {
      const reply = message as Reply;
      if (reply.id !== id) return;
      done();
      if (reply.error) reject(mappingError(reply.error));
      else if (reply.tooLarge !== undefined) reject(new LimitExceededError(`${FIELD} gave a result of ${reply.tooLarge} bytes of JSON, more than ${settings.maxMessageBytes} (INTERCOM_MAX_MESSAGE_BYTES)`));
      else resolve(reply.json === undefined ? undefined : (JSON.parse(reply.json) as unknown));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done();
      stop(child);
      reject(
        new LimitExceededError(
          `${FIELD} stopped its evaluation (${signal ?? `exit code ${code}`}): most likely it needed more than ${settings.mappingMemoryMb} MiB (INTERCOM_MAPPING_MEMORY_MB)`,
        ),
      );
    };
    const onError = (error: Error): void => {
      done();
      stop(child);
      reject(new ConfigurationError(`${FIELD} could not be evaluated: ${error.message}`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.on('error', onError);
    child.send({ id, expression, input, maxBytes: settings.maxMessageBytes }, (error) => {
      if (!error) return;
      done();
      stop(child);
      reject(new ConfigurationError(`${FIELD} could not be given its input: ${error.message}`));
    });
  });
}

/** JSONata's own message, code and position: S… codes are the expression's syntax, the others its evaluation. */
function mappingError(error: NonNullable<Reply['error']>): ConfigurationError {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const where = [code ? `JSONata ${code}` : undefined, typeof error.position === 'number' ? `at position ${error.position}` : undefined].filter(Boolean).join(' ');
  const detail = `${error.message || 'no message'}${where ? ` (${where})` : ''}`;
  return new ConfigurationError(
    code?.startsWith('S') ? `${FIELD} is not a valid JSONata expression: ${detail}` : `${FIELD} failed: ${detail}`,
  );
}
