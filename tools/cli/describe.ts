/** `describe <key>` and `actions [word] [--resource R]`: what a flow designer sees, as text. */
import { allFunctions, findFunction, inputSchema, type FieldEntry, type FunctionInfo } from './manifest';
import { UsageError } from './args';
import { exampleInput } from './example';

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

function pagingLine(info: FunctionInfo): string {
  if (info.entry.type === 'polling') return 'Runs on the flow schedule; each run emits what changed since the last, oldest first (see the step fields).';
  if (!info.pagination) return 'One request, one message.';
  return `Pages Intercom's ${info.pagination.style} style; items at "${info.pagination.itemsPath ?? 'data'}". Step fields fetch/emit/maxItems/pageSize choose one page or all, one message or one per item.`;
}

export function describe(key: string): string {
  const info = findFunction(key, 'describe');
  const schema = inputSchema(info);
  const lines = [
    `${info.key} (${info.kind}${info.entry.type === 'polling' ? ', polling' : ''}): ${info.entry.title}${info.entry.deprecated ? ' [deprecated]' : ''}`,
    info.entry.description ?? '',
    '',
    `Risk: ${info.risk}${info.method ? `    Calls: ${info.method} ${info.path ?? ''}` : ''}`,
    `Paging: ${pagingLine(info)}`,
    '',
    'Inputs (--input):',
    ...inputLines(info.kind === 'action' ? schema : undefined),
  ];
  if (info.entry.dynamicMetadata) lines.push('  The flow designer also shows fields read from the workspace (custom attributes).');
  lines.push('', 'Step fields (--config):', ...fieldLines(info.entry.fields));
  if (info.kind === 'action') {
    lines.push('', 'Example:', `  intercom-component run ${info.key} --input '${JSON.stringify(exampleInput(schema))}'`);
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
