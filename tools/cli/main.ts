import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import type { SandboxHandle, SandboxOptions } from '../sandbox';
import { API_VERSION } from '../sandbox/auth';
import { type CliArgs, hasSandboxArgs, parseArgs, type SandboxArgs, USAGE } from './args';

interface ManifestEntry {
  title: string;
  main: string;
  type?: string;
}
interface Manifest {
  actions: Record<string, ManifestEntry>;
  triggers?: Record<string, ManifestEntry>;
}

type ProcessFn = (this: unknown, msg: unknown, cfg: unknown, snapshot: unknown) => Promise<unknown>;

/** The token the runner gives the sandbox it starts itself (the sandbox accepts any bearer token). */
export const SANDBOX_TOKEN = 'sandbox-token';

/** Port of `intercom-component sandbox` unless --port says otherwise. */
export const DEFAULT_SANDBOX_PORT = 4010;

function manifest(): Manifest {
  return JSON.parse(readFileSync(join(COMPONENT_ROOT, 'component.json'), 'utf8')) as Manifest;
}

/**
 * The component's own redaction, from its build: the secrets it registered while reading the credentials are
 * the ones scrubbed here (a copy compiled into the tools would hold an empty registry).
 */
const { redact } = require(join(COMPONENT_ROOT, 'dist', 'runtime', 'redact.js')) as { redact: (text: string) => string };

/** The runtime's per-page debug line of a fetch-all read (lib/runtime/action.ts). */
const PAGE_PROGRESS = /: page (\d+), (\d+) item\(s\) so far$/;

function progressLine(message: string): string | undefined {
  const match = PAGE_PROGRESS.exec(message);
  if (!match) return undefined;
  const page = Number(match[1]);
  // A one-page read needs no progress report; from the second page on, every page is reported.
  if (page < 2) return undefined;
  return `progress: page ${page.toLocaleString('en-US')}, ${Number(match[2]).toLocaleString('en-US')} items\n`;
}

const stderrLogger = {
  debug: (message: string): void => {
    if (process.env['DEBUG']) process.stderr.write(`debug: ${redact(message)}\n`);
    else {
      const progress = progressLine(message);
      if (progress) process.stderr.write(progress);
    }
  },
  info: (message: string): void => void process.stderr.write(`info: ${redact(message)}\n`),
  warn: (message: string): void => void process.stderr.write(`warn: ${redact(message)}\n`),
  error: (message: string): void => void process.stderr.write(`error: ${redact(message)}\n`),
};

function credentialsConfig(args: CliArgs): Record<string, unknown> {
  const accessToken = process.env['INTERCOM_ACCESS_TOKEN'];
  if (!accessToken) throw new Error('Set INTERCOM_ACCESS_TOKEN to an Intercom access token');
  return {
    accessToken,
    region: args.region ?? process.env['INTERCOM_REGION'] ?? 'auto',
    ...(args.baseUrl ?? process.env['INTERCOM_BASE_URL'] ? { baseUrl: args.baseUrl ?? process.env['INTERCOM_BASE_URL'] } : {}),
  };
}

function sandboxOptions(sandbox: SandboxArgs, port: number): SandboxOptions {
  const seed: NonNullable<SandboxOptions['seed']> = {};
  if (sandbox.contacts !== undefined) seed.contacts = sandbox.contacts;
  if (sandbox.companies !== undefined) seed.companies = sandbox.companies;
  if (sandbox.conversations !== undefined) seed.conversations = sandbox.conversations;
  if (sandbox.tickets !== undefined) seed.tickets = sandbox.tickets;
  const knobs: NonNullable<SandboxOptions['knobs']> = {};
  if (sandbox.latencyMs !== undefined) knobs.latencyMs = sandbox.latencyMs;
  if (sandbox.errorRate !== undefined) knobs.errorRate = sandbox.errorRate;
  if (sandbox.rateLimit !== undefined) knobs.rateLimitPerWindow = sandbox.rateLimit;
  const options: SandboxOptions = { host: '127.0.0.1', port, seed, knobs };
  if (sandbox.timezone !== undefined) options.timezone = sandbox.timezone;
  return options;
}

/** Loaded only when needed: a run with a real token does not pay for the sandbox. */
async function startLocalSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const { startSandbox } = require('../sandbox') as typeof import('../sandbox');
  return startSandbox(options);
}

interface Connection {
  cfg: Record<string, unknown>;
  close(): Promise<void>;
}

/** Intercom with the user's token; without one, a sandbox in this process (said so on stderr). */
async function connect(args: CliArgs): Promise<Connection> {
  if (process.env['INTERCOM_ACCESS_TOKEN']) {
    if (hasSandboxArgs(args)) throw new Error('sandbox options (--contacts, --latency …) apply only without INTERCOM_ACCESS_TOKEN');
    return { cfg: credentialsConfig(args), close: () => Promise.resolve() };
  }
  if (args.baseUrl ?? process.env['INTERCOM_BASE_URL']) {
    throw new Error(
      `Set INTERCOM_ACCESS_TOKEN to call ${args.baseUrl ? '--base-url' : 'INTERCOM_BASE_URL'} (a sandbox started with "intercom-component sandbox" accepts any token, e.g. ${SANDBOX_TOKEN})`,
    );
  }
  const sb = await startLocalSandbox(sandboxOptions(args.sandbox, args.sandbox.port ?? 0));
  process.stderr.write(
    `sandbox: INTERCOM_ACCESS_TOKEN is not set, so this run calls a local Intercom sandbox with sample data at ${sb.url} (nothing leaves this machine); set INTERCOM_ACCESS_TOKEN to call your workspace\n`,
  );
  return { cfg: { accessToken: SANDBOX_TOKEN, baseUrl: sb.url }, close: () => sb.close() };
}

/** Runs one step the way the sailor does: same module, same validation, same emits; prints what it emits. */
async function runStep(args: CliArgs): Promise<number> {
  const key = args.target;
  if (!key) throw new Error(`run needs an action or trigger key\n${USAGE}`);
  const { actions, triggers = {} } = manifest();
  const entry = actions[key] ?? triggers[key];
  if (!entry) throw new Error(`unknown action or trigger "${key}"; list them with: intercom-component actions`);
  const mod = require(join(COMPONENT_ROOT, entry.main)) as { process?: ProcessFn };
  if (typeof mod.process !== 'function') throw new Error(`${entry.main} does not export process`);
  let failed = false;
  let rebounded = false;
  const context = {
    logger: stderrLogger,
    emit: (event: string, payload?: unknown): Promise<void> => {
      if (event === 'data') process.stdout.write(`${JSON.stringify((payload as { body?: unknown }).body ?? payload)}\n`);
      else if (event === 'snapshot' || event === 'updateSnapshot') process.stderr.write(`${event}: ${JSON.stringify(payload)}\n`);
      else if (event === 'rebound') {
        rebounded = true;
        process.stderr.write(`rebound: ${redact((payload as Error | undefined)?.message ?? '')}\n`);
      } else if (event === 'error') {
        failed = true;
        process.stderr.write(`error: ${redact((payload as Error | undefined)?.message ?? 'unknown error')}\n`);
      }
      return Promise.resolve();
    },
  };
  const connection = await connect(args);
  try {
    const cfg = { ...args.config, ...connection.cfg };
    const msg = { id: 'cli', body: args.input, headers: {}, attachments: {}, metadata: {} };
    await mod.process.call(context, msg, cfg, args.snapshot);
  } finally {
    await connection.close();
  }
  if (rebounded) return 75; // EX_TEMPFAIL: the platform would retry this message later
  return failed ? 1 : 0;
}

async function verify(args: CliArgs): Promise<number> {
  const verifyCredentials = require(join(COMPONENT_ROOT, 'verifyCredentials.js')) as (this: unknown, cfg: unknown) => Promise<{ verified: boolean; reason?: string }>;
  const result = await verifyCredentials.call({ logger: stderrLogger }, credentialsConfig(args));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.verified ? 0 : 1;
}

function listActions(): number {
  const { actions, triggers = {} } = manifest();
  for (const [key, entry] of Object.entries(triggers)) process.stdout.write(`${key}\ttrigger${entry.type === 'polling' ? ' (polling)' : ''}\t${entry.title}\n`);
  for (const [key, entry] of Object.entries(actions)) process.stdout.write(`${key}\taction\t${entry.title}\n`);
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `intercom-component sandbox`: serves the sandbox on loopback until Ctrl-C, logging each request on stderr. */
async function serveSandbox(args: CliArgs): Promise<number> {
  if (args.target !== undefined) throw new Error(`unknown argument ${args.target}\n${USAGE}`);
  const port = args.sandbox.port ?? DEFAULT_SANDBOX_PORT;
  const options = sandboxOptions(args.sandbox, port);
  options.onRequest = (e) => {
    process.stderr.write(`${e.method} ${e.path} -> ${e.status === 0 ? 'no answer' : e.status}${e.fault ? ` (fault: ${e.fault})` : ''}\n`);
  };
  let sb: SandboxHandle;
  try {
    sb = await startLocalSandbox(options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new Error(`port ${port} is already in use; choose another with --port N (0 picks a free one)`, { cause: error });
    throw error;
  }
  const seed = sb.state.settings.seed;
  process.stdout.write(
    [
      `Intercom sandbox (REST API ${API_VERSION}) listening at ${sb.url}`,
      `  sample data: ${seed.contacts.toLocaleString('en-US')} contacts, ${seed.companies.toLocaleString('en-US')} companies, ${seed.conversations.toLocaleString('en-US')} conversations, ${seed.tickets.toLocaleString('en-US')} tickets`,
      `  any bearer token is accepted; in another terminal:`,
      `    export INTERCOM_BASE_URL=${sb.url} INTERCOM_ACCESS_TOKEN=${SANDBOX_TOKEN}`,
      `    npx intercom-component run listContacts --config '{"fetch":"all","emit":"individually"}'`,
      `  Ctrl-C stops it.`,
      '',
    ].join('\n'),
  );
  const signal = await untilStopped();
  await sb.close();
  process.stderr.write(`sandbox: stopped (${signal}) after ${sb.requests.total.toLocaleString('en-US')} request(s)\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command !== 'run' && args.command !== 'sandbox' && hasSandboxArgs(args)) {
    throw new Error(`sandbox options (--port, --contacts …) apply to run and sandbox only\n${USAGE}`);
  }
  switch (args.command) {
    case 'run':
      return runStep(args);
    case 'verify':
      return verify(args);
    case 'actions':
      return listActions();
    case 'sandbox':
      return serveSandbox(args);
    default:
      process.stdout.write(`${USAGE}\n`);
      return args.command === 'help' || args.command === '--help' ? 0 : 2;
  }
}

/** Entry point of bin/intercom-component.js: sets the exit code, never prints an unredacted error. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    process.stderr.write(`error: ${redact(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  }
}
