/** `describe <key>` and `actions [word] [--resource R]`: what a flow designer sees, as text. */
import { join } from 'node:path';
import { COMPONENT_ROOT } from '../componentRoot';
import { allFunctions, findFunction, inputSchema, type FieldEntry, type FunctionInfo } from './manifest';
import { UsageError } from './args';
import { exampleFor } from './example';
import type { Example } from './examples';
import { DEFAULT_OBJECT_TYPE } from './examples';

type Schema = Record<string, unknown>;

function typeOf(schema: Schema): string {
  const type = schema['type'];
  const base = Array.isArray(type) ? type.filter((t) => t !== 'null').join('|') : typeof type === 'string' ? type : 'any';
  if (base === 'array') {
    const items = schema['items'];
    return `array of ${typeof items === 'object' && items !== null ? typeOf(items as Schema) : 'any'}`;
  }
  const format = typeof schema['format'] === 'string' ? ` (${schema['format']})` : '';
  return `${base}${format}`;
}

function isRequired(name: string, schema: Schema, parent: Schema): boolean {
  if (schema['required'] === true) return true;
  return Array.isArray(parent['required']) && (parent['required'] as unknown[]).includes(name);
}

/** Allowed values or the dropdown behind a field. */
function choicesOf(schema: Schema): string | undefined {
  const values = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  if (values) return `one of ${values.map((e) => JSON.stringify(e)).join(', ')}`;
  const model = schema['model'];
  if (typeof model === 'string') return `dropdown from the workspace (${model})`;
  if (typeof model === 'object' && model !== null) return `one of ${Object.keys(model).map((k) => JSON.stringify(k)).join(', ')}`;
  const select = schema['selectModel'] ?? schema['x-select-model'];
  if (typeof select === 'string') return `dropdown from the workspace (${select})`;
  return undefined;
}

function inputLines(schema: Schema | undefined): string[] {
  const properties = schema?.['properties'];
  if (!schema || typeof properties !== 'object' || properties === null) return ['  (none)'];
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(properties as Record<string, Schema>)) {
    const required = isRequired(name, raw, schema) ? 'required' : 'optional';
    lines.push(`  ${name}  ${typeOf(raw)}, ${required}${typeof raw['title'] === 'string' && raw['title'] !== name ? ` — ${raw['title']}` : ''}`);
    const help = raw['description'];
    if (typeof help === 'string' && help !== '') lines.push(`      ${help}`);
    const choices = choicesOf(raw);
    if (choices) lines.push(`      ${choices}`);
  }
  return lines;
}

function fieldLines(fields: Record<string, FieldEntry> | undefined): string[] {
  if (!fields || Object.keys(fields).length === 0) return ['  (none)'];
  const lines: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    lines.push(`  ${name}  ${field.label ?? name}${field.required ? ', required' : ''}`);
    if (field.note) lines.push(`      ${field.note}`);
    if (typeof field.model === 'string') lines.push(`      dropdown from the workspace (${field.model})`);
    else if (field.model) lines.push(`      one of ${Object.entries(field.model).map(([k, label]) => `${JSON.stringify(k)} (${label})`).join(', ')}`);
    if (field.placeholder && !field.model) lines.push(`      default: ${field.placeholder}`);
  }
  return lines;
}

/** What one run emits: one message, pages, rows, records, or a message per delivery. */
export function pagingLine(info: FunctionInfo): string {
  const fields = info.entry.fields ?? {};
  if (info.entry.type === 'polling') return 'Runs on the flow schedule; each run emits what changed since the last, one message per record, oldest first (see the step fields).';
  if (info.entry.type === 'webhook') return 'One message per notification Intercom delivers; pings, topics not chosen, changes made by this connection and repeated deliveries emit nothing.';
  if (info.response === 'gzipCsv' || info.response === 'binaryCsv') {
    return 'Streams the export: one message per CSV row (or per batch of rows with Rows per message), or one message with the whole CSV attached (Deliver as: file).';
  }
  if (info.response === 'redirect') return "One message with the file's signed address, or with the file attached (Deliver as: file).";
  if (info.key === 'lookupObjects') return 'Emit behaviour decides: one message with every result (Emit all), one message per page (Emit page) or one message per record (Emit individually); at most Maximum number of records.';
  if (info.key === 'lookupObject') return 'One message with the record found (an empty object when nothing matches and zero results are allowed).';
  if (fields['fetch'] && fields['emit'] && !info.pagination) {
    return "One message with the answer; when the path is a list, the step fields fetch/emit/maxItems/pageSize read one page or all of them and emit one message or one per item, as the list actions do.";
  }
  if (!info.pagination) return 'One request, one message.';
  if (info.pagination.style === 'whole') {
    return `Not paged: one request answers the whole list; items at "${info.pagination.itemsPath ?? 'data'}". By default one message; the step fields emit/maxItems emit one message per item, at most maxItems.`;
  }
  return `Pages Intercom's ${info.pagination.style} style; items at "${info.pagination.itemsPath ?? 'data'}". By default one page in one message; the step fields fetch/emit/maxItems/pageSize read all pages and emit one message or one per item.`;
}

/** The standard object actions: their inputs depend on the object type chosen in the step. */
function isObjectAction(info: FunctionInfo): boolean {
  return DEFAULT_OBJECT_TYPE[info.key] !== undefined;
}

/** The metadata a dynamic-metadata function gives for these step fields (the object actions' chosen type). */
async function dynamicInput(info: FunctionInfo, config: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  const mod = require(join(COMPONENT_ROOT, info.entry.main)) as { getMetaModel?: (this: unknown, cfg: unknown) => Promise<{ in?: Record<string, unknown> }> };
  if (typeof mod.getMetaModel !== 'function') return undefined;
  const quiet = { info: (): void => undefined, warn: (): void => undefined, debug: (): void => undefined, error: (): void => undefined };
  return (await mod.getMetaModel.call({ logger: quiet }, config)).in;
}

function shellQuote(value: unknown): string {
  return `'${JSON.stringify(value).replace(/'/g, "'\\''")}'`;
}

/** The command lines of an example: the steps that create what it needs, then the action itself. */
export function exampleLines(key: string, example: Example): string[] {
  const line = (step: { key: string; input: Record<string, unknown>; config?: Record<string, unknown> }): string =>
    `  intercom-component run ${step.key}${step.config && Object.keys(step.config).length > 0 ? ` --config ${shellQuote(step.config)}` : ''} --input ${shellQuote(step.input)}`;
  const lines = [...example.before.map(line), line({ key, input: example.input, config: example.config })];
  if (example.before.length === 0) return ['Example (runs against a fresh sandbox when INTERCOM_ACCESS_TOKEN is not set):', ...lines];
  return ['Example (start "intercom-component sandbox" in another terminal first, so the steps share one sandbox):', ...lines];
}

export async function describe(key: string, config: Record<string, unknown> = {}): Promise<string> {
  const info = findFunction(key, 'describe');
  const object = isObjectAction(info);
  const chosen = object ? { ...config, objectType: config['objectType'] ?? DEFAULT_OBJECT_TYPE[info.key] } : config;
  // Lookup Objects shows the inputs of the terms it is set up for (none unless --config says otherwise).
  const schema = object ? await dynamicInput(info, info.key === 'lookupObjects' ? { termNumber: '0', outputMethod: 'emitAll', ...chosen } : chosen) : inputSchema(info);
  const lines = [
    `${info.key} (${info.kind}${info.entry.type === 'polling' ? ', polling' : ''}): ${info.entry.title}${info.entry.deprecated ? ' [deprecated]' : ''}`,
    info.entry.description ?? '',
    '',
    `Risk: ${info.risk}${info.method ? `    Calls: ${info.method} ${info.path ?? ''}` : ''}`,
    `Paging: ${pagingLine(info)}`,
    '',
    object ? `Inputs (--input) for object type ${String(chosen['objectType'])}; choose another with --config '{"objectType":"…"}':` : 'Inputs (--input):',
    ...inputLines(info.kind === 'action' ? schema : undefined),
  ];
  if (info.entry.dynamicMetadata && !object) lines.push('  The flow designer also shows fields read from the workspace (custom attributes).');
  lines.push('', 'Step fields (--config):', ...fieldLines(info.entry.fields));
  if (info.kind === 'action') {
    lines.push('', ...exampleLines(info.key, exampleFor(info.key, schema, object ? chosen : config, Object.keys(info.entry.fields ?? {}))));
  } else {
    lines.push('', 'Example:', `  intercom-component ${info.entry.type === 'polling' ? 'poll' : 'run'} ${info.key}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `actions`: key, kind, risk, title; a word filters on key and title, --resource on the resource name. */
export function listFunctions(word: string | undefined, resource: string | undefined): string {
  const lowerWord = word?.toLowerCase();
  const lowerResource = resource?.toLowerCase();
  const resources = [...new Set(allFunctions().map((f) => f.resource))].sort();
  if (lowerResource !== undefined && !resources.some((r) => r.toLowerCase() === lowerResource)) {
    throw new UsageError(`unknown resource "${resource ?? ''}"; resources: ${resources.join(', ')}`, 'actions');
  }
  const rows = allFunctions().filter(
    (f) =>
      (lowerWord === undefined || f.key.toLowerCase().includes(lowerWord) || f.entry.title.toLowerCase().includes(lowerWord)) &&
      (lowerResource === undefined || f.resource.toLowerCase() === lowerResource),
  );
  if (rows.length === 0) throw new Error(`nothing matches "${word ?? ''}"${resource ? ` in resource "${resource}"` : ''}`);
  const width = Math.max(...rows.map((f) => f.key.length));
  return rows
    .map((f) => `${f.key.padEnd(width)}  ${(f.kind + (f.entry.type === 'polling' ? ' (polling)' : '')).padEnd(17)}  ${f.risk.padEnd(11)}  ${f.entry.title}\n`)
    .join('');
}
