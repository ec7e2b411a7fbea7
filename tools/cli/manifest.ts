/**
 * What the runner knows about the component's functions, read from its published files: component.json (as the
 * platform reads it), the schemas it names, and the runtime table and catalogue in the component's build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { UsageError } from './args';
import type { CommandName } from './commands';

export interface FieldEntry {
  label?: string;
  /** The platform shows fields with a higher order first. */
  order?: number;
  viewClass?: string;
  required?: boolean;
  placeholder?: string;
  note?: string;
  prompt?: string;
  model?: Record<string, string> | string;
}

export interface ManifestEntry {
  title: string;
  description?: string;
  main: string;
  type?: string;
  fields?: Record<string, FieldEntry>;
  metadata?: { in?: string | Record<string, unknown>; out?: string | Record<string, unknown> };
  dynamicMetadata?: boolean;
  deprecated?: boolean;
}

interface Manifest {
  actions: Record<string, ManifestEntry>;
  triggers?: Record<string, ManifestEntry>;
  credentials?: { fields?: Record<string, FieldEntry> };
}

export interface Pagination {
  style: string;
  itemsPath?: string;
}

/** One action or trigger as the runner shows it. */
export interface FunctionInfo {
  key: string;
  kind: 'action' | 'trigger';
  entry: ManifestEntry;
  risk: string;
  resource: string;
  method?: string;
  path?: string;
  pagination?: Pagination;
  /** What a successful answer carries: json, empty, text, redirect (a file's address), gzipCsv or binaryCsv (an export). */
  response?: string;
}

interface TableRow {
  method: string;
  path: string;
  risk?: string;
  tag?: string;
  pagination?: Pagination | null;
  response?: string;
}

let cached: Manifest | undefined;

export function manifest(): Manifest {
  cached ??= JSON.parse(readFileSync(join(COMPONENT_ROOT, 'component.json'), 'utf8')) as Manifest;
  return cached;
}

function operationsTable(): Record<string, TableRow> {
  const file = join(COMPONENT_ROOT, 'lib', 'generated', 'operations.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, TableRow>) : {};
}

/** Risks of the hand-written functions live in the catalogue; the build carries it. */
function handWrittenRisks(): Record<string, string> {
  const file = join(COMPONENT_ROOT, 'dist', 'catalogue', 'handWritten.js');
  if (!existsSync(file)) return {};
  const { handWritten } = require(file) as { handWritten: Record<string, { risk: string }> };
  return Object.fromEntries(Object.entries(handWritten).map(([key, decl]) => [key, decl.risk]));
}

/** "Contacts: Create" → "Contacts": every title starts with its resource. */
function resourceOf(title: string): string {
  const colon = title.indexOf(':');
  return colon > 0 ? title.slice(0, colon) : title;
}

export function allFunctions(): FunctionInfo[] {
  const { actions, triggers = {} } = manifest();
  const table = operationsTable();
  const risks = handWrittenRisks();
  const info = (key: string, kind: FunctionInfo['kind'], entry: ManifestEntry): FunctionInfo => {
    const row = table[key];
    const out: FunctionInfo = { key, kind, entry, risk: row?.risk ?? risks[key] ?? (kind === 'trigger' ? 'read' : 'write'), resource: row?.tag ?? resourceOf(entry.title) };
    if (row) {
      out.method = row.method;
      out.path = row.path;
      if (row.pagination) out.pagination = row.pagination;
      if (row.response) out.response = row.response;
    }
    return out;
  };
  return [
    ...Object.entries(triggers).map(([key, entry]) => info(key, 'trigger', entry)),
    ...Object.entries(actions).map(([key, entry]) => info(key, 'action', entry)),
  ];
}

/** The function named on the command line, or a command-line mistake naming close matches. */
export function findFunction(key: string, command?: CommandName): FunctionInfo {
  const all = allFunctions();
  const found = all.find((f) => f.key === key);
  if (found) return found;
  const lower = key.toLowerCase();
  const close = all.filter((f) => f.key.toLowerCase() === lower || f.key.toLowerCase().includes(lower)).slice(0, 5);
  const hint = close.length > 0 ? `; did you mean ${close.map((f) => f.key).join(', ')}?` : '';
  throw new UsageError(`unknown action or trigger "${key}"${hint} (list them with: intercom-component actions)`, command);
}

/** A schema named by the manifest (a file path) or given inline. */
export function schemaOf(ref: string | Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref !== 'string') return ref;
  return JSON.parse(readFileSync(join(COMPONENT_ROOT, ref), 'utf8')) as Record<string, unknown>;
}

/** The input schema: the manifest's, else the generated file (functions with dynamic metadata keep theirs there). */
export function inputSchema(info: FunctionInfo): Record<string, unknown> | undefined {
  const declared = schemaOf(info.entry.metadata?.in);
  if (declared) return declared;
  const file = join(COMPONENT_ROOT, 'schemas', `${info.key}.in.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

/** The output schema: the manifest's, else the generated file (functions with dynamic metadata keep theirs there). */
export function outputSchema(info: FunctionInfo): Record<string, unknown> | undefined {
  const declared = schemaOf(info.entry.metadata?.out);
  if (declared) return declared;
  const file = join(COMPONENT_ROOT, 'schemas', `${info.key}.out.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

/** Credential fields the runner fills itself, and which of them a user may set with --config. */
export function credentialFields(): Record<string, FieldEntry> {
  return manifest().credentials?.fields ?? {};
}
