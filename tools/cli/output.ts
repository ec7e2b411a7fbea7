/**
 * What a person sees on stderr: the component's log lines (redacted by the component's own redaction), progress
 * of long reads with totals and an estimate, and errors, each once. Stdout carries only emitted data (JSON lines).
 */
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';

/**
 * The component's own redaction and progress hook, from its build: the secrets it registered while reading the
 * credentials are the ones scrubbed here (a copy compiled into the tools would hold an empty registry).
 */
const { redact } = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'redact.js')) as { redact: (text: string) => string };

interface PageProgress {
  operation: string;
  page: number;
  items: number;
  totalPages?: number;
  totalItems?: number;
}
const { onProgress } = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'progress.js')) as {
  onProgress: (listener: ((progress: PageProgress) => void) | undefined) => void;
};

export { redact };

export interface Printer {
  logger: { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void; debugEnabled: boolean };
  /** A line for people (always shown, even with --quiet: errors, the sandbox notice is not one). */
  error(message: string): void;
  /** A line for people that --quiet hides. */
  note(message: string): void;
  /** Stops reporting progress (the listener is per process). */
  close(): void;
}

const number = (n: number): string => n.toLocaleString('en-US');

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** "page 3 of 20, 450 of 3,000 items, 2.1 s, about 12 s left" — totals and estimate only when known. */
export function progressText(progress: PageProgress, elapsedMs: number): string {
  const pages = progress.totalPages !== undefined ? `page ${number(progress.page)} of ${number(progress.totalPages)}` : `page ${number(progress.page)}`;
  const items = progress.totalItems !== undefined ? `${number(progress.items)} of ${number(progress.totalItems)} items` : `${number(progress.items)} items`;
  let left: number | undefined;
  if (progress.totalItems !== undefined && progress.items > 0) left = ((progress.totalItems - progress.items) * elapsedMs) / progress.items;
  else if (progress.totalPages !== undefined) left = ((progress.totalPages - progress.page) * elapsedMs) / progress.page;
  const rate = elapsedMs > 0 ? `, ${number(Math.round((progress.items * 1000) / elapsedMs))} items/s` : '';
  const estimate = left !== undefined && left > 0 ? `, about ${seconds(left)} left` : '';
  return `${progress.operation}: ${pages}, ${items}, ${seconds(elapsedMs)}${rate}${estimate}`;
}

export function printer(options: { quiet: boolean; debug: boolean; now?: () => number }): Printer {
  const now = options.now ?? Date.now;
  const tty = process.stderr.isTTY;
  let progressShown = false;
  const write = (line: string): void => {
    // On a terminal the progress line is rewritten in place; anything else starts on a clean line.
    if (progressShown) process.stderr.write('\r\x1b[K');
    progressShown = false;
    process.stderr.write(`${line}\n`);
  };
  let walkStarted = now();
  let lastReport = walkStarted;
  if (!options.quiet) {
    onProgress((progress) => {
      const at = now();
      if (progress.page === 1) walkStarted = lastReport;
      lastReport = at;
      // A one-page read needs no progress report.
      if (progress.page === 1 && (progress.totalPages ?? 1) <= 1) return;
      const text = `progress: ${progressText(progress, at - walkStarted)}`;
      if (tty) {
        process.stderr.write(`\r\x1b[K${text}`);
        progressShown = true;
      } else write(text);
    });
  }
  const log = (level: string) => (message: string): void => {
    if (!options.quiet) write(`${level}: ${redact(message)}`);
  };
  return {
    logger: {
      // The component builds its debug lines only when they are shown (lib/runtime/logger.ts debugEnabled).
      debugEnabled: options.debug && !options.quiet,
      debug: (message) => {
        if (options.debug && !options.quiet) write(`debug: ${redact(message)}`);
      },
      info: log('info'),
      warn: log('warn'),
      error: (message) => write(`error: ${redact(message)}`),
    },
    error: (message) => write(`error: ${redact(message)}`),
    note: (message) => {
      if (!options.quiet) write(redact(message));
    },
    close: () => {
      onProgress(undefined);
      if (progressShown) process.stderr.write('\n');
      progressShown = false;
    },
  };
}
