import { redact } from './redact';

/** The part of the platform's bunyan logger the component uses. Only strings are logged (bunyan would print objects as "[object Object]"). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

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
  return { debug: pick('debug'), info: pick('info'), warn: pick('warn'), error: pick('error') };
}
