/**
 * What the page shows of the component's functions, read as the platform reads them (component.json, the schemas
 * it names) through the runner's manifest reader; and the calls the platform makes while a step is configured:
 * select models (dropdowns) and getMetaModel (dynamic metadata), on the function's own module.
 */
import { exampleFor } from '../cli/example';
import { allFunctions, findFunction, type FunctionInfo, inputSchema, outputSchema } from '../cli/manifest';
import { functionModule, type StepLogger } from '../cli/runStep';
import type { FunctionDetails, FunctionSummary, StepField } from './page/src/protocol';

export type { FunctionDetails, FunctionSummary, StepField };

export function summaryOf(info: FunctionInfo): FunctionSummary {
  const summary: FunctionSummary = {
    key: info.key,
    kind: info.kind,
    polling: info.entry.type === 'polling',
    title: info.entry.title,
    description: info.entry.description ?? '',
    resource: info.resource,
    risk: info.risk,
    deprecated: info.entry.deprecated === true,
  };
  if (info.method) summary.method = info.method;
  if (info.path) summary.path = info.path;
  return summary;
}

export function listFunctions(): FunctionSummary[] {
  return allFunctions().map(summaryOf);
}

/** Step fields as the platform orders them: a higher `order` first, then as declared. */
function stepFields(info: FunctionInfo): StepField[] {
  const entries = Object.entries(info.entry.fields ?? {}).map(([name, field], index) => ({ name, field, index }));
  entries.sort((a, b) => (b.field.order ?? 0) - (a.field.order ?? 0) || a.index - b.index);
  return entries.map(({ name, field }) => {
    const out: StepField = { name, label: field.label ?? name, viewClass: field.viewClass ?? 'TextFieldView', required: field.required === true };
    if (field.note) out.note = field.note;
    if (field.placeholder) out.placeholder = field.placeholder;
    if (field.prompt) out.prompt = field.prompt;
    if (typeof field.model === 'string') out.selectModel = field.model;
    else if (field.model) out.options = field.model;
    return out;
  });
}

export function detailsOf(key: string): FunctionDetails {
  const info = findFunction(key);
  const polling = info.entry.type === 'polling';
  const takesInput = !polling;
  const inSchema = takesInput ? inputSchema(info) : undefined;
  const details: FunctionDetails = {
    ...summaryOf(info),
    fields: stepFields(info),
    dynamicMetadata: info.entry.dynamicMetadata === true,
    takesInput,
    example: info.kind === 'action' ? exampleFor(info.key, inSchema).input : {},
  };
  if (inSchema) details.in = inSchema;
  const out = outputSchema(info);
  if (out) details.out = out;
  if (info.pagination) details.paging = info.pagination.style;
  return details;
}

type ModuleFn = (this: unknown, cfg: unknown) => Promise<unknown>;

/** A select model of the function's module, called as the platform calls it: `{value: label}`. */
export async function selectOptions(key: string, model: string, cfg: Record<string, unknown>, logger: StepLogger): Promise<Record<string, string>> {
  const info = findFunction(key);
  const declared = Object.values(info.entry.fields ?? {}).some((field) => field.model === model);
  if (!declared) throw new Error(`${key} has no dropdown "${model}"`);
  const fn = functionModule(info)[model];
  if (typeof fn !== 'function') throw new Error(`${info.entry.main} does not export ${model}`);
  const options = await (fn as ModuleFn).call({ logger, emit: () => Promise.resolve() }, cfg);
  return (typeof options === 'object' && options !== null ? options : {}) as Record<string, string>;
}

/** The dynamic metadata for the configured step (the object type chosen, the workspace's custom attributes). */
export async function metaModel(key: string, cfg: Record<string, unknown>, logger: StepLogger): Promise<{ in?: unknown; out?: unknown }> {
  const info = findFunction(key);
  if (info.entry.dynamicMetadata !== true) throw new Error(`${key} has no dynamic metadata`);
  const fn = functionModule(info)['getMetaModel'];
  if (typeof fn !== 'function') throw new Error(`${info.entry.main} does not export getMetaModel`);
  const meta = (await (fn as ModuleFn).call({ logger, emit: () => Promise.resolve() }, cfg)) as { in?: unknown; out?: unknown } | undefined;
  return meta ?? {};
}
