import { redact } from './redact';

/** The part of the platform's bunyan logger the component uses. Only strings are logged (bunyan would print objects as "[object Object]"). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /**
   * Whether debug lines are shown at all, so the code can skip building them: the platforms' bunyan logger at
   * level debug (LOG_LEVEL=debug), the runner with DEBUG set. Absent means shown.
   */
  readonly debugEnabled?: boolean;
}

/** bunyan's level number for debug: a logger whose level() is at or below it prints debug lines. */
const BUNYAN_DEBUG = 20;

type LogMethod = (message: string) => void;

/** Wraps whatever logger the runtime offers (sailor, ferryman, CLI) so every line is redacted. */
export function safeLogger(platformLogger: unknown): Logger {
  const base = (typeof platformLogger === 'object' && platformLogger !== null ? platformLogger : {}) as Record<
    string,
    unknown
  >;
  const pick = (level: keyof Logger): LogMethod => {
    const fn = base[level] ?? base['info'];
    if (typeof fn === 'function') return (message) => (fn as LogMethod).call(base, redact(message));
    return (message) => process.stderr.write(`${level}: ${redact(message)}\n`);
  };
  return { debug: pick('debug'), info: pick('info'), warn: pick('warn'), error: pick('error'), debugEnabled: debugEnabled(base) };
}

function debugEnabled(base: Record<string, unknown>): boolean {
  if (typeof base['debugEnabled'] === 'boolean') return base['debugEnabled'];
  const level = base['level'];
  if (typeof level === 'function') {
    const current: unknown = (level as () => unknown).call(base);
    if (typeof current === 'number') return current <= BUNYAN_DEBUG;
  }
  return typeof base['debug'] === 'function';
}

/** A debug line built only when debug lines are shown (building one costs a little on every request). */
export function debugLine(logger: Logger, build: () => string): void {
  if (logger.debugEnabled !== false) logger.debug(build());
}
