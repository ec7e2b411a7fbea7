/** The runner's commands, their flags and their help: parsing, `--help` and the usage text all read this table. */

export interface FlagSpec {
  name: string;
  /** `value` flags take one argument; `switch` flags take none. */
  kind: 'value' | 'switch';
  /** What the value looks like, for help and errors. */
  value: string;
  help: string;
}

export interface CommandSpec {
  summary: string;
  target?: { name: string; required: boolean };
  flags: FlagSpec[];
  /** Lines after the flags: what the command prints and where. */
  notes: string[];
}

const v = (name: string, value: string, help: string): FlagSpec => ({ name, kind: 'value', value, help });
const s = (name: string, help: string): FlagSpec => ({ name, kind: 'switch', value: '', help });

const CONNECTION: FlagSpec[] = [
  v('region', 'auto|us|eu|au', 'Intercom region of the workspace (default: INTERCOM_REGION, else auto-detected)'),
  v('base-url', 'URL', 'call this address instead of the region (default: INTERCOM_BASE_URL)'),
];

/** Where a run without INTERCOM_ACCESS_TOKEN finds its sandbox (run, poll and the designer). */
const SANDBOX_PORT = v('port', 'N', 'without INTERCOM_ACCESS_TOKEN: the port of a running sandbox to use, else where to start one (default INTERCOM_SANDBOX_PORT, else 4010)');

/** How the sandbox is seeded and misbehaves (the `sandbox` command, and runs that start their own). */
const SANDBOX_DATA: FlagSpec[] = [
  v('contacts', 'N', 'sample contacts in the sandbox (default 20)'),
  v('companies', 'N', 'sample companies (default 5)'),
  v('conversations', 'N', 'sample conversations (default 10)'),
  v('tickets', 'N', 'sample tickets (default 4)'),
  v('latency', 'MS', 'delay before every answer'),
  v('error-rate', '0..1', 'share of requests answered with a 5xx or a dropped connection'),
  v('rate-limit', 'N', 'requests allowed per 10-second window before 429s'),
  v('timezone', 'Area/City', "the workspace's time zone (default Europe/Dublin)"),
];

const SANDBOX: FlagSpec[] = [SANDBOX_PORT, ...SANDBOX_DATA];

const INPUT_FORMS = 'JSON|@file|file|-';

const EXIT_CODES =
  'Exit codes: 0 done, 1 the step failed, 2 a command-line mistake (an unknown command, action, trigger, resource or option, or a bad option value), 75 rebound (the platform would retry later).';

/** The regions --region and INTERCOM_REGION take (the credential field `region` of the component). */
export const REGIONS = ['auto', 'us', 'eu', 'au'] as const;

export const COMMANDS = {
  run: {
    summary: 'run one action or trigger once, the way the platform does',
    target: { name: 'actionOrTrigger', required: true },
    flags: [
      v('input', INPUT_FORMS, 'the message body: inline JSON, @file.json or a file path, or - for standard input'),
      v('config', INPUT_FORMS, 'step fields, e.g. {"fetch":"all","emit":"individually"} (see: describe <key>)'),
      v('snapshot', INPUT_FORMS, "a polling trigger's snapshot from an earlier run"),
      s('quiet', 'print no progress or log lines, only errors'),
      ...CONNECTION,
      ...SANDBOX,
    ],
    notes: [
      'Emitted data messages go to stdout as JSON lines; progress, logs, snapshots and errors go to stderr.',
      EXIT_CODES,
    ],
  },
  poll: {
    summary: 'run a polling trigger every few seconds, keeping its snapshot in a file, printing records as they come',
    target: { name: 'trigger', required: true },
    flags: [
      v('every', 'SECONDS', 'seconds between runs (default 60)'),
      v('runs', 'N', 'stop after this many runs (default: until Ctrl-C)'),
      v('config', INPUT_FORMS, 'step fields of the trigger, e.g. {"startTime":"2026-01-01T00:00:00Z"}'),
      v('snapshot-file', 'PATH', 'where the snapshot is kept between runs (default .intercom-component/<trigger>.snapshot.json)'),
      s('quiet', 'print no progress or log lines, only errors'),
      ...CONNECTION,
      ...SANDBOX,
    ],
    notes: ['Records go to stdout as JSON lines; one summary line per run goes to stderr. Ctrl-C stops after the current run.', EXIT_CODES],
  },
  describe: {
    summary: "show an action's or trigger's inputs, step fields, dropdowns, risk, paging and an example input",
    target: { name: 'actionOrTrigger', required: true },
    flags: [v('config', INPUT_FORMS, 'step fields the inputs depend on, e.g. {"objectType":"tickets"} for the standard object actions')],
    notes: ['The example runs as shown against a fresh sandbox (no INTERCOM_ACCESS_TOKEN): its ids are records the sandbox holds.'],
  },
  actions: {
    summary: 'list the actions and triggers with their risk; filter by a word or a resource',
    target: { name: 'word', required: false },
    flags: [v('resource', 'NAME', 'only this resource, e.g. Contacts or "Help Center"')],
    notes: ['Columns: key, kind, risk (read / write / destructive), title.', 'Exit codes: 0 something matched, 1 nothing matched the word, 2 an unknown resource or option.'],
  },
  designer: {
    summary: 'a local web page showing each action and trigger as the flow designer does: step fields, dropdowns, the input form, runs and the output tree',
    flags: [
      v('listen', 'N', 'port of the page (default 4020; 0 picks a free one); it listens on 127.0.0.1 only'),
      ...CONNECTION,
      ...SANDBOX,
    ],
    notes: [
      'Prints the address of the page, with a token that is new on every start; only that address opens it.',
      'Without INTERCOM_ACCESS_TOKEN it uses a running sandbox (--port, INTERCOM_SANDBOX_PORT, else 4010) or starts one, and says so on the page.',
      'Ctrl-C stops it.',
    ],
  },
  verify: {
    summary: 'check the credentials with GET /me, as the platform does when you save them',
    flags: [...CONNECTION, SANDBOX_PORT],
    notes: ['Without INTERCOM_ACCESS_TOKEN it checks against the sandbox (a running one, else one started for the check).'],
  },
  sandbox: {
    summary: 'serve a local Intercom with sample data on loopback until Ctrl-C; it keeps every change while it runs',
    flags: [v('port', 'N', 'port to listen on (default 4010; 0 picks a free one)'), ...SANDBOX_DATA],
    notes: ['While it runs, `run`, `poll` and `verify` without INTERCOM_ACCESS_TOKEN use it (give them --port N, or set INTERCOM_SANDBOX_PORT, for another port).'],
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS | 'help';

export function isCommandName(name: string): name is keyof typeof COMMANDS {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

const PROGRAM = 'intercom-component';

function flagLine(flag: FlagSpec): string {
  const left = flag.kind === 'switch' ? `--${flag.name}` : `--${flag.name} ${flag.value}`;
  return `  ${left.padEnd(30)} ${flag.help}`;
}

/** `intercom-component <command> --help`. */
export function commandHelp(name: keyof typeof COMMANDS): string {
  const spec: CommandSpec = COMMANDS[name];
  const target = spec.target ? (spec.target.required ? ` <${spec.target.name}>` : ` [${spec.target.name}]`) : '';
  const lines = [`Usage: ${PROGRAM} ${name}${target}${spec.flags.length > 0 ? ' [options]' : ''}`, '', `${spec.summary[0]?.toUpperCase() ?? ''}${spec.summary.slice(1)}.`];
  if (spec.flags.length > 0) lines.push('', 'Options:', ...spec.flags.map(flagLine));
  lines.push(`  ${'-h, --help'.padEnd(30)} this help`);
  if (spec.notes.length > 0) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}

/** `intercom-component --help` and the text after a usage error. */
export function overview(): string {
  const lines = [`Usage: ${PROGRAM} <command> [options]`, '', 'Commands:'];
  for (const [name, spec] of Object.entries(COMMANDS) as Array<[string, CommandSpec]>) lines.push(`  ${name.padEnd(10)} ${spec.summary}`);
  lines.push(
    '',
    `Run "${PROGRAM} <command> --help" for the options of a command.`,
    'The access token is read from INTERCOM_ACCESS_TOKEN, never from the command line (where other users could see it).',
    'Without it, run, poll and verify call a local Intercom sandbox with sample data instead; nothing leaves the machine.',
    'Environment: INTERCOM_ACCESS_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL, INTERCOM_SANDBOX_PORT, DEBUG (debug log lines).',
    EXIT_CODES,
    'Documentation: README.md, every command and flag in docs/runner.md, every action and trigger in docs/actions.md.',
  );
  return `${lines.join('\n')}\n`;
}
