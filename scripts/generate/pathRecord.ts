/**
 * The record a path parameter or an answer names, read from the description: the generator's help (help.ts) and
 * the operation table (operations.ts) both ask it.
 */
import { isRef, type Json, type LoadedDescription } from './description';
import { schemaNoun, segmentNoun } from './nouns';

/** The record a path input points at: what GET on the path up to it returns, else the path segment before it. */
export function pathRecordNoun(spec: LoadedDescription, template: string, param: string): string | undefined {
  const at = template.indexOf(`{${param}}`);
  if (at < 0) return undefined;
  const prefix = template.slice(0, at + param.length + 2);
  const segment = prefix.split('/').slice(-2, -1)[0] ?? '';
  const candidates = [`GET ${prefix}`, ...[...spec.operations.keys()].filter((k) => k.startsWith('GET ') && k.endsWith(`/${segment}/{${param}}`))];
  for (const key of candidates) {
    const op = spec.operations.get(key);
    if (!op) continue;
    const responses = (op.op['responses'] ?? {}) as Record<string, unknown>;
    const ok = spec.resolve(responses['200']) as Json | undefined;
    const name = namedSchema(((ok?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema']);
    if (name) return schemaNoun(name);
  }
  return segmentNoun(template, param);
}

/** The description's schema name a node is: a reference, or an allOf of one reference. */
export function namedSchema(node: unknown): string | undefined {
  const prefix = '#/components/schemas/';
  if (isRef(node)) return node.$ref.startsWith(prefix) ? node.$ref.slice(prefix.length) : undefined;
  const parts = (typeof node === 'object' && node !== null ? (node as Json)['allOf'] : undefined) as unknown[] | undefined;
  const refs = (parts ?? []).filter(isRef);
  return refs.length === 1 ? namedSchema(refs[0]) : undefined;
}
