import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'intercom-component.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Nothing listens on port 1: without a token the runner looks for a running sandbox there, finds none and starts
 * its own, whatever a developer runs on the default port 4010.
 */
export const NO_SANDBOX_PORT = '1';

/** Runs the built CLI in a child process with only PATH and the given variables in its environment. */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', INTERCOM_SANDBOX_PORT: NO_SANDBOX_PORT, ...env } });
    // A command that reads no input may exit before its stdin is written: the write then fails with EPIPE (or a
    // reset), which says nothing about the command (its output and exit code do). Unhandled, it crashed the run.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') stderr += `\n[runCli] writing stdin failed: ${error.message}`;
    });
    child.stdin.end(stdin ?? '');
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface SandboxProcess {
  url: string;
  port: string;
  /** Everything it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * A long-running command of the runner in a child process: resolves once its stdout shows `ready` (the line a person
 * waits for), with what it printed and a Ctrl-C that resolves with the exit code.
 */
function startLongRunning<T>(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  started: (match: RegExpExecArray, process: { output(): { stdout: string; stderr: string }; stop(): Promise<number | null> }) => T | undefined,
): Promise<T> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const handle = {
    output: () => ({ stdout, stderr }),
    stop: () => {
      child.kill('SIGINT');
      return closed;
    },
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = ready.exec(stdout);
      const result = match ? started(match, handle) : undefined;
      if (result !== undefined) resolve(result);
    });
    child.on('exit', () => reject(new Error(`${name} exited early: ${stderr}`)));
  });
}

/** `intercom-component sandbox --port 0 …` in a child process, as a person runs it in a second terminal. */
export function startSandboxProcess(extra: string[] = []): Promise<SandboxProcess> {
  return startLongRunning('sandbox', ['sandbox', '--port', '0', ...extra], {}, /listening at (http:\/\/127\.0\.0\.1:(\d+))/, (match, handle) =>
    match[1] && match[2] ? { url: match[1], port: match[2], ...handle } : undefined,
  );
}

export interface DesignerProcess {
  /** The page's address with its token, as printed. */
  pageUrl: string;
  /** Scheme, host and port. */
  origin: string;
  port: string;
  token: string;
  output(): { stdout: string; stderr: string };
  stop(): Promise<number | null>;
}

/** `intercom-component designer --listen 0 …` in a child process, as a person starts it. */
export function startDesignerProcess(extra: string[] = [], env: Record<string, string> = {}): Promise<DesignerProcess> {
  return startLongRunning(
    'designer',
    ['designer', '--listen', '0', ...extra],
    { INTERCOM_SANDBOX_PORT: NO_SANDBOX_PORT, ...env },
    /open (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([\w-]+)/,
    (match, handle) =>
      match[1] && match[2] && match[3] ? { pageUrl: `${match[1]}/?token=${match[3]}`, origin: match[1], port: match[2], token: match[3], ...handle } : undefined,
  );
}

