import { readFileSync } from 'node:fs';

export interface CliArgs {
  command: string;
  target?: string;
  input: unknown;
  config: Record<string, unknown>;
  snapshot: unknown;
  region?: string;
  baseUrl?: string;
}

export const USAGE = `Usage:
  intercom-component run <actionOrTrigger> [--input JSON|file.json] [--config JSON|file.json] [--snapshot JSON|file.json]
                                             [--region auto|us|eu|au] [--base-url URL]
  intercom-component verify [--region …] [--base-url …]
  intercom-component actions
The access token is read from INTERCOM_ACCESS_TOKEN (never from the command line, where other users could see it).
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

export function parseArgs(argv: string[]): CliArgs {
  const [command = 'help', ...rest] = argv;
  const args: CliArgs = { command, input: {}, config: {}, snapshot: {} };
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
    else if (!flag.startsWith('--') && args.target === undefined) args.target = flag;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return args;
}
