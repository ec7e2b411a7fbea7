import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../runtime/constants';
import { redact } from '../runtime/redact';
import { parseArgs, USAGE, type CliArgs } from './args';

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

function manifest(): Manifest {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'component.json'), 'utf8')) as Manifest;
}

const stderrLogger = {
  debug: (message: string): void => {
    if (process.env['DEBUG']) process.stderr.write(`debug: ${redact(message)}\n`);
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

/** Runs one step the way the sailor does: same module, same validation, same emits; prints what it emits. */
async function runStep(args: CliArgs): Promise<number> {
  const key = args.target;
  if (!key) throw new Error(`run needs an action or trigger key\n${USAGE}`);
  const { actions, triggers = {} } = manifest();
  const entry = actions[key] ?? triggers[key];
  if (!entry) throw new Error(`unknown action or trigger "${key}"; list them with: intercom-component actions`);
  const mod = require(join(PACKAGE_ROOT, entry.main)) as { process?: ProcessFn };
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
  const cfg = { ...args.config, ...credentialsConfig(args) };
  const msg = { id: 'cli', body: args.input, headers: {}, attachments: {}, metadata: {} };
  await mod.process.call(context, msg, cfg, args.snapshot);
  if (rebounded) return 75; // EX_TEMPFAIL: the platform would retry this message later
  return failed ? 1 : 0;
}

async function verify(args: CliArgs): Promise<number> {
  const verifyCredentials = require(join(PACKAGE_ROOT, 'verifyCredentials.js')) as (this: unknown, cfg: unknown) => Promise<{ verified: boolean; reason?: string }>;
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

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'run':
      return runStep(args);
    case 'verify':
      return verify(args);
    case 'actions':
      return listActions();
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
