/** Options of startSandbox() and their defaults. */
import { toClock, type Clock } from './clock';
import { defaultOperationsFile, defaultSchemasDir } from './generatedOperations';
import type { KnobValues } from './knobs';
import { hash32 } from './random';
import type { LogEntry } from './requestLog';
import { DEFAULT_SEED, type SeedOptions } from './store/workspace';
import { assertTimeZone } from './timezone';

export interface SandboxOptions {
  /** Interface to bind; only loopback makes sense (default 127.0.0.1). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted bearer tokens; default: any non-empty token. */
  tokens?: Iterable<string>;
  /** Tokens that authenticate (GET /me works) but lack every scope: other calls answer 403 `forbidden`. */
  forbiddenTokens?: Iterable<string>;
  /** Dataset sizes and the key everything deterministic derives from; records are generated on demand. */
  seed?: SeedOptions;
  /** Workspace timezone reported by /me and used by contact search's day rule (default UTC). */
  timezone?: string;
  /** `app.region` of /me (default "US"). */
  region?: string;
  /** `app.id_code` (default derived from the seed key). */
  appId?: string;
  appName?: string;
  /** Time source for timestamps, rate windows, scroll expiry and index delay (default: system clock). */
  clock?: Clock | (() => number);
  /** Initial fault and limit knobs; also settable at run time through the returned `knobs`. */
  knobs?: Partial<KnobValues>;
  /** Idle expiry of a company scroll (default 60,000 ms). */
  scrollTtlMs?: number;
  /** Companies per scroll page (Intercom does not document its size; default 50). */
  scrollPageSize?: number;
  /** How long an export job takes to complete on the sandbox clock (default 2,000 ms). */
  exportJobMs?: number;
  /** The generator's operations.json; null disables the synthesized fallbacks. */
  operationsFile?: string | null;
  /** Directory of `<key>.out.json` schemas (default: <package>/schemas). */
  schemasDir?: string;
  /** Origin written into `pages.next` links (default: the listening URL). */
  publicUrl?: string;
  /** Entries kept in the request log ring buffer (default 1000). */
  requestLogLimit?: number;
  /** Keep the first N bytes of each request body in its log entry (default 0: bodies are not recorded). */
  requestBodyLogBytes?: number;
  /** Largest request head (request line and headers) accepted, in bytes (default 16 KiB, as Node's own default). */
  maxHeaderSize?: number;
  /** Called with each request log entry as it is recorded (the CLI prints them). */
  onRequest?: (entry: LogEntry) => void;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  tokens: ReadonlySet<string> | undefined;
  forbiddenTokens: ReadonlySet<string>;
  seed: Required<SeedOptions>;
  timezone: string;
  region: string;
  appId: string;
  appName: string;
  clock: Clock;
  knobs: Partial<KnobValues>;
  scrollTtlMs: number;
  scrollPageSize: number;
  exportJobMs: number;
  operationsFile: string | undefined;
  schemasDir: string;
  publicUrl: string | undefined;
  requestLogLimit: number;
  requestBodyLogBytes: number;
  onRequest: ((entry: LogEntry) => void) | undefined;
  maxHeaderSize: number;
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`seed.${name} must be a non-negative integer`);
  return value;
}

function externalIdPrefix(value: string | undefined): string {
  if (value === undefined) return DEFAULT_SEED.externalIdPrefix;
  if (typeof value !== 'string' || value.length > 64) throw new RangeError('seed.externalIdPrefix must be text of at most 64 characters');
  return value;
}

function nonNegative(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const s = options.seed ?? {};
  const seed: Required<SeedOptions> = {
    key: s.key ?? DEFAULT_SEED.key,
    contacts: count('contacts', s.contacts, DEFAULT_SEED.contacts),
    companies: count('companies', s.companies, DEFAULT_SEED.companies),
    conversations: count('conversations', s.conversations, DEFAULT_SEED.conversations),
    tickets: count('tickets', s.tickets, DEFAULT_SEED.tickets),
    admins: count('admins', s.admins, DEFAULT_SEED.admins),
    teams: count('teams', s.teams, DEFAULT_SEED.teams),
    tags: count('tags', s.tags, DEFAULT_SEED.tags),
    epoch: s.epoch ?? DEFAULT_SEED.epoch,
    externalIdPrefix: externalIdPrefix(s.externalIdPrefix),
  };
  const timezone = options.timezone ?? 'UTC';
  assertTimeZone(timezone);
  const tokens = options.tokens === undefined ? undefined : new Set(options.tokens);
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    tokens,
    forbiddenTokens: new Set(options.forbiddenTokens ?? []),
    seed,
    timezone,
    region: options.region ?? 'US',
    appId: options.appId ?? hash32(`${seed.key}|app`).toString(36).padStart(8, 'a').slice(0, 8),
    appName: options.appName ?? 'Intercom Sandbox',
    clock: toClock(options.clock),
    knobs: options.knobs ?? {},
    scrollTtlMs: options.scrollTtlMs ?? 60_000,
    scrollPageSize: Math.max(1, options.scrollPageSize ?? 50),
    exportJobMs: Math.max(0, options.exportJobMs ?? 2_000),
    operationsFile: options.operationsFile === null ? undefined : (options.operationsFile ?? defaultOperationsFile()),
    schemasDir: options.schemasDir ?? defaultSchemasDir(),
    publicUrl: options.publicUrl,
    requestLogLimit: options.requestLogLimit ?? 1000,
    requestBodyLogBytes: nonNegative('requestBodyLogBytes', options.requestBodyLogBytes),
    onRequest: options.onRequest,
    maxHeaderSize: options.maxHeaderSize ?? 16 * 1024,
  };
}
