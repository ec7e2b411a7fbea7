/**
 * Where a run sends its requests: the user's workspace (INTERCOM_ACCESS_TOKEN), else a running
 * `intercom-component sandbox` (which keeps every change while it runs), else a sandbox started for this run
 * only (which forgets everything when the run ends, and says so).
 */
import { request } from 'node:http';
import type { SandboxHandle, SandboxOptions } from '../sandbox';
import { baseUrl as checkedBaseUrl, type CliArgs, hasSandboxArgs, region as checkedRegion, type SandboxArgs, UsageError } from './args';

/** The token the runner gives a sandbox (the sandbox accepts any bearer token). */
export const SANDBOX_TOKEN = 'sandbox-token';

/** Port of `intercom-component sandbox` unless --port or INTERCOM_SANDBOX_PORT says otherwise. */
export const DEFAULT_SANDBOX_PORT = 4010;

/** Must match tools/sandbox/server.ts SANDBOX_HEADER (read here without loading the sandbox). */
const SANDBOX_HEADER = 'x-intercom-sandbox';

export interface Connection {
  cfg: Record<string, unknown>;
  /** Where requests go, for messages: "your workspace", "the sandbox at …". */
  target: string;
  close(): Promise<void>;
}

export function sandboxPort(args: CliArgs): number {
  if (args.sandbox.port !== undefined) return args.sandbox.port;
  const fromEnv = process.env['INTERCOM_SANDBOX_PORT'];
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_SANDBOX_PORT;
  const port = Number(fromEnv);
  if (!/^\d+$/.test(fromEnv) || port < 1 || port > 65_535) throw new UsageError(`INTERCOM_SANDBOX_PORT must be a port number from 1 to 65535; got ${JSON.stringify(fromEnv)}`);
  return port;
}

export function sandboxOptions(sandbox: SandboxArgs, port: number): SandboxOptions {
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
export async function startLocalSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const { startSandbox } = require('../sandbox') as typeof import('../sandbox');
  return startSandbox(options);
}

/** True when an `intercom-component sandbox` answers on this loopback port (one quick request, 1 s at most). */
export function sandboxListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/me', method: 'GET', timeout: 1000, headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } }, (res) => {
      res.resume();
      resolve(res.headers[SANDBOX_HEADER] !== undefined);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** The environment's settings are checked like the flags they stand in for: a typo is a command-line mistake. */
function fromEnvironment(name: string, check: (value: string, source: string) => string, command: CliArgs['command']): string | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  try {
    return check(value, name);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message, command);
    throw error;
  }
}

function workspaceConfig(args: CliArgs, token: string): Record<string, unknown> {
  const baseUrl = args.baseUrl ?? fromEnvironment('INTERCOM_BASE_URL', checkedBaseUrl, args.command);
  return {
    accessToken: token,
    region: args.region ?? fromEnvironment('INTERCOM_REGION', checkedRegion, args.command) ?? 'auto',
    ...(baseUrl ? { baseUrl } : {}),
  };
}

export async function connect(args: CliArgs, say: (line: string) => void): Promise<Connection> {
  const token = process.env['INTERCOM_ACCESS_TOKEN'];
  if (token) {
    if (hasSandboxArgs(args)) throw new UsageError('sandbox options (--port, --contacts, --latency …) apply only without INTERCOM_ACCESS_TOKEN', args.command);
    const cfg = workspaceConfig(args, token);
    return { cfg, target: typeof cfg['baseUrl'] === 'string' ? (cfg['baseUrl']) : 'your Intercom workspace', close: () => Promise.resolve() };
  }
  const baseUrl = args.baseUrl ?? process.env['INTERCOM_BASE_URL'];
  if (baseUrl) {
    throw new UsageError(
      `Set INTERCOM_ACCESS_TOKEN to call ${args.baseUrl ? '--base-url' : 'INTERCOM_BASE_URL'} (a sandbox started with "intercom-component sandbox" accepts any token, e.g. ${SANDBOX_TOKEN})`,
      args.command,
    );
  }
  const port = sandboxPort(args);
  const seedOptions = { ...args.sandbox };
  delete seedOptions.port;
  if (Object.keys(seedOptions).length === 0 && (await sandboxListening(port))) {
    const url = `http://127.0.0.1:${port}`;
    say(`sandbox: INTERCOM_ACCESS_TOKEN is not set, so this run uses the running sandbox at ${url}, which keeps changes until it stops`);
    return { cfg: { accessToken: SANDBOX_TOKEN, baseUrl: url }, target: `the sandbox at ${url}`, close: () => Promise.resolve() };
  }
  const sb = await startLocalSandbox(sandboxOptions(args.sandbox, args.sandbox.port ?? 0));
  say(
    `sandbox: INTERCOM_ACCESS_TOKEN is not set, so this run calls a local Intercom sandbox with sample data at ${sb.url} (nothing leaves this machine). ` +
      `It forgets its changes when the run ends; to keep them between runs, start "intercom-component sandbox" in another terminal. Set INTERCOM_ACCESS_TOKEN to call your workspace.`,
  );
  return { cfg: { accessToken: SANDBOX_TOKEN, baseUrl: sb.url }, target: `the sandbox at ${sb.url}`, close: () => sb.close() };
}
