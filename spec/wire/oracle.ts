import type { OperationDecl, ResponseKind } from '../../lib/catalogue/types';
import type { Json, LoadedDescription } from '../../scripts/generate/description';

/**
 * The wire oracle: what a request of each action must look like, read from Intercom's description and the
 * hand-written catalogue declaration only. It never reads lib/generated/operations.json nor runtime code, so a
 * wrong row of that table shows up as a wire mismatch (spec/wire/oracle.spec.ts proves it). The deliberate
 * conventions are those scripts/generate/operations.ts applies; this file restates them, it does not import them.
 */

export type Location = 'path' | 'query' | 'body';

/** How a query input is written: comma-separated list, object spread key by key, JSON text, or plain text. */
export type QueryStyle = 'csv' | 'explode' | 'json' | 'text';

export interface WireShape {
  method: string;
  /** Path template exactly as in the description. */
  path: string;
  locations: Record<string, Location>;
  queryStyles: Record<string, QueryStyle>;
  /** The description requires a body. */
  bodyRequired: boolean;
  /** The operation takes a JSON body: `{}` is sent even when no body input is given, as Intercom's clients do. */
  jsonBody: boolean;
  /** Decides the Accept header and how the answer is read. */
  response: ResponseKind;
}

/** Paging query parameters a declaration with `addPagingParams` adds (see lib/catalogue/types.ts). */
function pagingParams(decl: OperationDecl): string[] {
  return decl.paginate === 'cursor' ? ['starting_after'] : ['page'];
}

/** A list's page size is the step field "Page size": the description's own `per_page` is no input of it. */
const PAGE_SIZE = 'per_page';

export function wireShape(spec: LoadedDescription, key: string, decl: OperationDecl): WireShape {
  const [method = '', path = ''] = decl.op.split(' ');
  const item = ((spec.document['paths'] ?? {}) as Record<string, Json | undefined>)[path];
  const op = item?.[method.toLowerCase()] as Json | undefined;
  if (!item || !op) throw new Error(`${key}: "${decl.op}" is not an operation of the description`);

  const locations: Record<string, Location> = {};
  const queryStyles: Record<string, QueryStyle> = {};
  const place = (name: string, location: Location): void => {
    const earlier = locations[name];
    if (earlier && earlier !== location) throw new Error(`${key}: input "${name}" would go both in the ${earlier} and in the ${location}`);
    locations[name] = location;
  };

  for (const match of path.matchAll(/\{([^}]+)\}/g)) place(match[1] ?? '', 'path');

  for (const param of parameters(spec, item, op)) {
    const name = String(param['name']);
    // Declared in the path template and as a query parameter too: the template wins.
    if (param['in'] !== 'query' || locations[name] === 'path') continue;
    if (decl.paginate && name === PAGE_SIZE) continue;
    place(name, 'query');
    queryStyles[name] = queryStyle(spec, param);
  }
  for (const name of [...(decl.optionalParams ?? []), ...(decl.workspaceIdParam ? [decl.workspaceIdParam] : [])]) {
    if (locations[name] !== 'query') throw new Error(`${key}: declared "${name}" is not a query parameter of ${decl.op}`);
  }
  if (decl.addPagingParams) {
    for (const name of pagingParams(decl)) {
      if (locations[name]) continue;
      place(name, 'query');
      queryStyles[name] = 'text';
    }
  }

  const requestBody = spec.resolve(op['requestBody']) as Json | undefined;
  const media = (requestBody?.['content'] as Json | undefined)?.['application/json'] as Json | undefined;
  const bodyNames = propertyNames(spec, media?.['schema']);
  for (const name of [...bodyNames, ...Object.keys(decl.undeclaredBody ?? {})]) {
    if (!(decl.paginate && name === PAGE_SIZE)) place(name, 'body');
  }
  for (const name of decl.freeform ?? []) {
    if (!bodyNames.has(name)) throw new Error(`${key}: freeform "${name}" is not a body property`);
  }

  return {
    method: method.toUpperCase(),
    path,
    locations,
    queryStyles,
    bodyRequired: requestBody?.['required'] === true,
    jsonBody: media?.['schema'] !== undefined,
    response: decl.response ?? responseKind(spec, op),
  };
}

/** Path-item parameters, then the operation's own; an operation parameter replaces one of the same name and place. */
function parameters(spec: LoadedDescription, item: Json, op: Json): Json[] {
  const byId = new Map<string, Json>();
  for (const raw of [...((item['parameters'] as unknown[]) ?? []), ...((op['parameters'] as unknown[]) ?? [])]) {
    const param = spec.resolve(raw) as Json;
    byId.set(`${String(param['in'])}:${String(param['name'])}`, param);
  }
  return [...byId.values()];
}

/** Arrays travel comma-separated; objects declared form + explode (the defaults) are spread, other objects are JSON. */
function queryStyle(spec: LoadedDescription, param: Json): QueryStyle {
  const type = typeOf(spec, param['schema'], new Set());
  if (type === 'array') return 'csv';
  if (type !== 'object') return 'text';
  const style = param['style'] ?? 'form';
  const explode = param['explode'] ?? style === 'form';
  return style === 'form' && explode === true ? 'explode' : 'json';
}

function typeOf(spec: LoadedDescription, node: unknown, seen: Set<unknown>): string | undefined {
  const schema = spec.resolve(node) as Json | undefined;
  if (!schema || seen.has(schema)) return undefined;
  seen.add(schema);
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type as unknown[]).find((t): t is string => typeof t === 'string' && t !== 'null');
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  const parts = composedParts(schema).map((part) => typeOf(spec, part, seen));
  const known = new Set(parts.filter((t) => t !== undefined));
  return known.size === 1 ? [...known][0] : undefined;
}

/** Property names of a body schema, through references and every allOf/oneOf/anyOf part. */
function propertyNames(spec: LoadedDescription, node: unknown, seen = new Set<unknown>(), out = new Set<string>()): Set<string> {
  const schema = spec.resolve(node) as Json | undefined;
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return out;
  seen.add(schema);
  for (const name of Object.keys(schema['properties'] ?? {})) out.add(name);
  for (const part of composedParts(schema)) propertyNames(spec, part, seen, out);
  return out;
}

function composedParts(schema: Json): unknown[] {
  return [...((schema['allOf'] as unknown[]) ?? []), ...((schema['oneOf'] as unknown[]) ?? []), ...((schema['anyOf'] as unknown[]) ?? [])];
}

/** What the success answer carries when the declaration does not say (downloads declare theirs). */
function responseKind(spec: LoadedDescription, op: Json): ResponseKind {
  const responses = (op['responses'] ?? {}) as Record<string, unknown>;
  const success = Object.keys(responses).filter((status) => /^2/.test(status)).sort();
  if (success.length === 0) return responses['302'] ? 'redirect' : 'json';
  const types = success.flatMap((status) => Object.keys(((spec.resolve(responses[status]) as Json | undefined)?.['content'] ?? {}) as Json));
  if (types.includes('application/json')) return 'json';
  if (types.includes('text/plain')) return 'text';
  return 'empty';
}

/** Every declared action's wire shape. */
export function wireShapes(spec: LoadedDescription, declared: Array<[string, OperationDecl, string]>): Map<string, WireShape> {
  return new Map(declared.map(([key, decl]) => [key, wireShape(spec, key, decl)]));
}
