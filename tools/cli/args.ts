import { readFileSync } from 'node:fs';

/** Options of the local Intercom sandbox (`sandbox` command, and `run` without a token). */
export interface SandboxArgs {
  port?: number;
  contacts?: number;
  companies?: number;
  conversations?: number;
  tickets?: number;
  latencyMs?: number;
  errorRate?: number;
  rateLimit?: number;
  timezone?: string;
}

export interface CliArgs {
  command: string;
  target?: string;
  input: unknown;
  config: Record<string, unknown>;
  snapshot: unknown;
  region?: string;
  baseUrl?: string;
  sandbox: SandboxArgs;
}

export const USAGE = `Usage:
  intercom-component run <actionOrTrigger> [--input JSON|file.json] [--config JSON|file.json] [--snapshot JSON|file.json]
                                             [--region auto|us|eu|au] [--base-url URL]
  intercom-component verify [--region …] [--base-url …]
  intercom-component actions
  intercom-component sandbox [--port N] [--contacts N] [--companies N] [--conversations N] [--tickets N]
                             [--latency MS] [--error-rate 0..1] [--rate-limit N] [--timezone Area/City]
The access token is read from INTERCOM_ACCESS_TOKEN (never from the command line, where other users could see it).
Without INTERCOM_ACCESS_TOKEN, run calls a local Intercom sandbox with sample data instead (the sandbox
options above apply to it); nothing leaves the machine.
Emitted data messages are printed to stdout as JSON lines; logs, snapshots and errors go to stderr.`;

/** `--input` takes inline JSON or the path of a JSON file. */
function jsonArg(value: string, flag: string): unknown {
  const text = value.trim().startsWith('{') || value.trim().startsWith('[') ? value : readFileSync(value, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${flag}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function wholeNumber(value: string, flag: string, max: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < 0 || number > max) {
    throw new Error(`${flag} must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}`);
  }
  return number;
}

function fraction(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new Error(`${flag} must be a number from 0 to 1; got ${JSON.stringify(value)}`);
  }
  return number;
}

const RECORDS_MAX = 10_000_000;

export function parseArgs(argv: string[]): CliArgs {
  const [command = 'help', ...rest] = argv;
  const args: CliArgs = { command, input: {}, config: {}, snapshot: {}, sandbox: {} };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? '';
    const value = (): string => {
      const next = rest[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--input') args.input = jsonArg(value(), flag);
    else if (flag === '--config') args.config = jsonArg(value(), flag) as Record<string, unknown>;
    else if (flag === '--snapshot') args.snapshot = jsonArg(value(), flag);
    else if (flag === '--region') args.region = value();
    else if (flag === '--base-url') args.baseUrl = value();
    else if (flag === '--port') args.sandbox.port = wholeNumber(value(), flag, 65_535);
    else if (flag === '--contacts') args.sandbox.contacts = wholeNumber(value(), flag, RECORDS_MAX);
    else if (flag === '--companies') args.sandbox.companies = wholeNumber(value(), flag, RECORDS_MAX);
    else if (flag === '--conversations') args.sandbox.conversations = wholeNumber(value(), flag, RECORDS_MAX);
    else if (flag === '--tickets') args.sandbox.tickets = wholeNumber(value(), flag, RECORDS_MAX);
    else if (flag === '--latency') args.sandbox.latencyMs = wholeNumber(value(), flag, 600_000);
    else if (flag === '--error-rate') args.sandbox.errorRate = fraction(value(), flag);
    else if (flag === '--rate-limit') args.sandbox.rateLimit = wholeNumber(value(), flag, 1_000_000);
    else if (flag === '--timezone') args.sandbox.timezone = value();
    else if (!flag.startsWith('--') && args.target === undefined) args.target = flag;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return args;
}

export function hasSandboxArgs(args: CliArgs): boolean {
  return Object.keys(args.sandbox).length > 0;
}
