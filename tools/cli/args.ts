import { existsSync, readFileSync } from 'node:fs';
import { COMMANDS, type CommandName, type CommandSpec, type FlagSpec, isCommandName, REGIONS } from './commands';

/** Options of the local Intercom sandbox (`sandbox` command, and `run`/`poll`/`verify` without a token). */
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
  command: CommandName;
  /** `--help`/`-h` given: print the command's help and exit 0. */
  help: boolean;
  target?: string;
  input: unknown;
  config: Record<string, unknown>;
  /** The snapshot given with --snapshot (undefined: none given). */
  snapshot?: unknown;
  snapshotFile?: string;
  region?: string;
  baseUrl?: string;
  quiet: boolean;
  everySeconds?: number;
  runs?: number;
  resource?: string;
  /** The designer page's port (`designer --listen`). */
  listen?: number;
  sandbox: SandboxArgs;
}

/** A mistake on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/** Reads standard input once (for `--input -`). */
export type StdinReader = () => string;

const readStdin: StdinReader = () => readFileSync(0, 'utf8');

/**
 * A JSON flag takes `-` (standard input), `@path`, inline JSON, or the path of a JSON file. Inline JSON wins
 * over a file of the same name; `@` forces a file.
 */
export function jsonArg(value: string, flag: string, stdin: StdinReader = readStdin): unknown {
  if (value === '-') return parseJson(stdin(), `${flag} - (standard input)`);
  if (value.startsWith('@')) return parseJson(readJsonFile(value.slice(1), flag), `${flag} ${value}`);
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    if (existsSync(value)) return parseJson(readJsonFile(value, flag), `${flag} ${value}`);
    const looksLikeJson = /^\s*[[{"]/.test(value);
    if (looksLikeJson) throw new UsageError(`${flag}: not valid JSON (${(error as Error).message})`);
    throw new UsageError(`${flag}: ${JSON.stringify(value)} is neither JSON nor an existing file (give JSON, @file.json, a file path, or - for standard input)`);
  }
}

function readJsonFile(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`${flag}: cannot read ${path}: ${reason}`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${source}: not valid JSON (${(error as Error).message})`);
  }
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return number;
}

function fraction(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`${flag} must be a number from 0 to 1; got ${JSON.stringify(value)}`);
  }
  return number;
}

/** One of the regions the component knows; anything else would be refused by the step only after starting it. */
export function region(value: string, source: string): string {
  if (!(REGIONS as readonly string[]).includes(value)) throw new UsageError(`${source} must be one of ${REGIONS.join(', ')}; got ${JSON.stringify(value)}`);
  return value;
}

/** An absolute http(s) address; which hosts the component accepts is its own rule (https, or http to this machine). */
export function baseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} must be an absolute URL such as https://api.eu.intercom.io; got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${source} must be an http(s) URL; got ${JSON.stringify(value)}`);
  return value;
}

function jsonObject(value: unknown, flag: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${flag} must be a JSON object, e.g. '{"fetch":"all"}'`);
  return value as Record<string, unknown>;
}

function apply(args: CliArgs, spec: FlagSpec, value: string, stdin: StdinReader): void {
  const flag = `--${spec.name}`;
  switch (spec.name) {
    case 'input':
      args.input = jsonArg(value, flag, stdin);
      return;
    case 'config':
      args.config = jsonObject(jsonArg(value, flag, stdin), flag);
      return;
    case 'snapshot':
      args.snapshot = jsonArg(value, flag, stdin);
      return;
    case 'snapshot-file':
      args.snapshotFile = value;
      return;
    case 'region':
      args.region = region(value, flag);
      return;
    case 'base-url':
      args.baseUrl = baseUrl(value, flag);
      return;
    case 'quiet':
      args.quiet = true;
      return;
    case 'every':
      args.everySeconds = wholeNumber(value, flag, 1, 86_400);
      return;
    case 'runs':
      args.runs = wholeNumber(value, flag, 1, 1_000_000);
      return;
    case 'resource':
      args.resource = value;
      return;
    case 'listen':
      args.listen = wholeNumber(value, flag, 0, 65_535);
      return;
    case 'port':
      args.sandbox.port = wholeNumber(value, flag, 0, 65_535);
      return;
    case 'contacts':
    case 'companies':
    case 'conversations':
    case 'tickets':
      args.sandbox[spec.name] = wholeNumber(value, flag, 0, RECORDS_MAX);
      return;
    case 'latency':
      args.sandbox.latencyMs = wholeNumber(value, flag, 0, 600_000);
      return;
    case 'error-rate':
      args.sandbox.errorRate = fraction(value, flag);
      return;
    case 'rate-limit':
      args.sandbox.rateLimit = wholeNumber(value, flag, 0, 1_000_000);
      return;
    case 'timezone':
      args.sandbox.timezone = value;
      return;
  }
}

const RECORDS_MAX = 10_000_000;

/**
 * Parses `<command> [target] [--flag value | --flag=value]…`. Each command takes its own flags; a flag given
 * twice, a flag another command owns and an unknown command are errors that say so.
 */
export function parseArgs(argv: string[], stdin: StdinReader = readStdin): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    return { command: 'help', help: true, input: {}, config: {}, quiet: false, sandbox: {}, ...(rest[0] !== undefined ? { target: rest[0] } : {}) };
  }
  if (!isCommandName(first)) throw new UsageError(`unknown command "${first}"`);
  const command = first;
  const args: CliArgs = { command, help: false, input: {}, config: {}, quiet: false, sandbox: {} };
  const spec: CommandSpec = COMMANDS[command];
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word === '-h' || word === '--help') {
      args.help = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      if (spec.target === undefined) throw new UsageError(`${command} takes no ${JSON.stringify(word)}`, command);
      if (args.target !== undefined) throw new UsageError(`${command} takes one ${spec.target.name}; got ${JSON.stringify(args.target)} and ${JSON.stringify(word)}`, command);
      args.target = word;
      continue;
    }
    const [name, inlineValue] = splitFlag(word);
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) {
      const owner = (Object.entries(COMMANDS) as Array<[string, CommandSpec]>).filter(([, c]) => c.flags.some((f) => f.name === name)).map(([c]) => c);
      throw new UsageError(
        owner.length > 0 ? `--${name} does not apply to ${command} (it belongs to ${owner.join(', ')})` : `unknown option --${name} for ${command}`,
        command,
      );
    }
    if (seen.has(name)) throw new UsageError(`--${name} is given twice; give it once`, command);
    seen.add(name);
    if (flag.kind === 'switch') {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value`, command);
      apply(args, flag, '', stdin);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      value = rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value (${flag.value})`, command);
    }
    try {
      apply(args, flag, value, stdin);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(error.message, command);
      throw error;
    }
  }
  if (args.snapshot !== undefined && args.snapshotFile !== undefined) throw new UsageError('give --snapshot or --snapshot-file, not both', command);
  return args;
}

function splitFlag(word: string): [string, string | undefined] {
  const body = word.replace(/^--?/, '');
  const eq = body.indexOf('=');
  return eq < 0 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

export function hasSandboxArgs(args: CliArgs): boolean {
  return Object.keys(args.sandbox).length > 0;
}
