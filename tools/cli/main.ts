import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { type CliArgs, parseArgs, UsageError } from './args';
import { commandHelp, type CommandName, isCommandName, overview } from './commands';
import { connect } from './connection';
import { describe, listFunctions } from './describe';
import { findFunction } from './manifest';
import { printer, redact, type Printer } from './output';
import { defaultSnapshotFile, DEFAULT_POLL_SECONDS, pollLoop } from './poll';
import { checkConfigKeys, runStep } from './runStep';
import { serveDesigner } from './designerCommand';
import { serveSandbox, untilStopped } from './sandboxCommand';

export { SANDBOX_TOKEN, DEFAULT_SANDBOX_PORT } from './connection';

function printerFor(args: CliArgs): Printer {
  return printer({ quiet: args.quiet, debug: Boolean(process.env['DEBUG']) });
}

function requireTarget(args: CliArgs): string {
  if (args.target === undefined) throw new UsageError(`${args.command} needs the key of an action or trigger (list them with: intercom-component actions)`, args.command);
  return args.target;
}

async function run(args: CliArgs, out: Printer): Promise<number> {
  const info = findFunction(requireTarget(args), 'run');
  checkConfigKeys(info, args.config, 'run');
  if (args.snapshot !== undefined && (typeof args.snapshot !== 'object' || args.snapshot === null || Array.isArray(args.snapshot))) {
    throw new UsageError('--snapshot must be a JSON object: the snapshot an earlier run printed', 'run');
  }
  if (args.snapshot !== undefined && info.entry.type !== 'polling') out.note(`warn: --snapshot is only read by polling triggers; ${info.key} ignores it`);
  const connection = await connect(args, (line) => out.note(line));
  try {
    const outcome = await runStep(info, args.input, { ...args.config, ...connection.cfg }, args.snapshot ?? {}, out);
    return outcome.code;
  } finally {
    await connection.close();
  }
}

async function poll(args: CliArgs, out: Printer): Promise<number> {
  const info = findFunction(requireTarget(args), 'poll');
  if (info.entry.type !== 'polling') throw new UsageError(`${info.key} is not a polling trigger; poll runs polling triggers (list them with: intercom-component actions polling)`, 'poll');
  checkConfigKeys(info, args.config, 'poll');
  const connection = await connect(args, (line) => out.note(line));
  try {
    const plan = {
      info,
      cfg: { ...args.config, ...connection.cfg },
      snapshotFile: args.snapshotFile ?? defaultSnapshotFile(info.key),
      everySeconds: args.everySeconds ?? DEFAULT_POLL_SECONDS,
      stopped: untilStopped(),
      ...(args.runs !== undefined ? { runs: args.runs } : {}),
    };
    return await pollLoop(plan, out);
  } finally {
    await connection.close();
  }
}

async function verify(args: CliArgs, out: Printer): Promise<number> {
  const verifyCredentials = require(join(COMPONENT_ROOT, 'verifyCredentials.js')) as (this: unknown, cfg: unknown) => Promise<{ verified: boolean; reason?: string }>;
  const connection = await connect(args, (line) => out.note(line));
  try {
    const result = await verifyCredentials.call({ logger: out.logger }, connection.cfg);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.verified) out.error(`not verified against ${connection.target}`);
    return result.verified ? 0 : 1;
  } finally {
    await connection.close();
  }
}

async function dispatch(args: CliArgs, out: Printer): Promise<number> {
  switch (args.command) {
    case 'run':
      return run(args, out);
    case 'poll':
      return poll(args, out);
    case 'describe':
      process.stdout.write(await describe(requireTarget(args), args.config));
      return 0;
    case 'actions':
      process.stdout.write(listFunctions(args.target, args.resource));
      return 0;
    case 'verify':
      return verify(args, out);
    case 'sandbox':
      return serveSandbox(args);
    case 'designer':
      return serveDesigner(args, out);
    case 'help':
      if (args.target !== undefined && isCommandName(args.target)) process.stdout.write(commandHelp(args.target));
      else if (args.target !== undefined) throw new UsageError(`unknown command "${args.target}"`);
      else process.stdout.write(overview());
      return 0;
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(args.command === 'help' ? overview() : commandHelp(args.command));
    return 0;
  }
  const out = printerFor(args);
  try {
    return await dispatch(args, out);
  } finally {
    out.close();
  }
}

/** One line pointing at the help, not the whole help: the error stays the first thing a person reads. */
function usageHint(command: CommandName | undefined): string {
  return command !== undefined && command !== 'help' ? `Run "intercom-component ${command} --help" for its options.\n` : 'Run "intercom-component --help" for the commands.\n';
}

/**
 * Entry point of bin/intercom-component.js: sets the exit code (2 for a command-line mistake, with the usage),
 * prints each error once, and never an unredacted one.
 */
export async function runCli(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${redact(error.message)}\n${usageHint(error.command)}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${redact(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  }
}
