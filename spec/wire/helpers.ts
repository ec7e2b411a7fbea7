/**
 * nock, not the sandbox: every operation is answered with Intercom's own example response from its description,
 * and every request is captured exactly as sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { loadDescription, descriptionPath, type Json, type LoadedDescription } from '../../scripts/generate/description';
import { sampleInput } from '../helpers/sampleInput';
import type { WireShape } from './oracle';

/** Helpers of the table-driven wire test: inputs, expected requests and replies for every action. */

export const ROOT = join(__dirname, '..', '..');
export const WIRE_BASE_URL = 'https://wire.intercom.test';
export const WIRE_TOKEN = 'tok_wire_test_abc123';
export const wireConfig = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ accessToken: WIRE_TOKEN, baseUrl: WIRE_BASE_URL, ...extra });

export type Schema = Record<string, unknown>;

export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as unknown;
}

/** What an action's input is validated against: its strict schema when generated, else its in-schema. */
export const inSchema = (key: string): Schema =>
  readJson(existsSync(join(ROOT, `schemas/${key}.in.strict.json`)) ? `schemas/${key}.in.strict.json` : `schemas/${key}.in.json`) as Schema;
export const outSchema = (key: string): Schema => readJson(`schemas/${key}.out.json`) as Schema;

// ------------------------------------------------------------------------------------------ spec examples

export interface Examples {
  request?: Record<string, unknown>;
  response?: { status: number; body: unknown };
}

let described: LoadedDescription | null | undefined;

/** Intercom's description, when it is beside the checkout (INTERCOM_OPENAPI, else ../shared), read once. */
export function describedSpec(): LoadedDescription | undefined {
  if (described === undefined) {
    const path = descriptionPath();
    described = existsSync(path) ? loadDescription(path) : null;
  }
  return described ?? undefined;
}

/** Request and response examples of Intercom's description, when it is beside the checkout (else none). */
export function specExamples(): Map<string, Examples> {
  const out = new Map<string, Examples>();
  const spec = describedSpec();
  if (!spec) return out;
  for (const [op, specOp] of spec.operations) {
    const examples: Examples = {};
    const requestBody = spec.resolve(specOp.op['requestBody']) as Json | undefined;
    const request = firstExample((node) => spec.resolve(node), (requestBody?.['content'] as Json | undefined)?.['application/json']);
    if (isRecord(request)) examples.request = request;
    const responses = (specOp.op['responses'] ?? {}) as Record<string, unknown>;
    for (const status of Object.keys(responses).filter((s) => /^2\d\d$/.test(s)).sort()) {
      const response = spec.resolve(responses[status]) as Json;
      const body = firstExample((node) => spec.resolve(node), (response['content'] as Json | undefined)?.['application/json']);
      if (body !== undefined) {
        examples.response = { status: Number(status), body };
        break;
      }
    }
    out.set(op, examples);
  }
  return out;
}

function firstExample(resolve: (node: unknown) => unknown, media: unknown): unknown {
  if (!isRecord(media)) return undefined;
  if (media['example'] !== undefined) return media['example'];
  const examples = media['examples'];
  if (!isRecord(examples)) return undefined;
  for (const example of Object.values(examples)) {
    const value = (resolve(example) as Json | undefined)?.['value'];
    if (value !== undefined) return value;
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function containsNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some(containsNull);
  if (isRecord(value)) return Object.values(value).some(containsNull);
  return false;
}

// ------------------------------------------------------------------------------------------ synthesized values

/**
 * A value for a schema. Fields named like ids that the schema types as string get a *number*, so every case
 * also proves a mapped number travels as the declared string.
 */
export function synth(schema: Schema | undefined, name: string, depth = 0): unknown {
  const type = schema?.['type'];
  const values = schema?.['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0];
  switch (type) {
    case 'string':
      return /(^id$|_id$)/.test(name) ? 4242 : `${name}-text`;
    case 'number':
    case 'integer':
      return 7;
    case 'boolean':
      return true;
    case 'array': {
      const items = schema?.['items'] as Schema | undefined;
      return depth > 2 ? [] : [items ? synth(items, name, depth + 1) : `${name}-item`];
    }
    case 'object': {
      const properties = schema?.['properties'] as Record<string, Schema> | undefined;
      if (!properties || depth > 2) return { [`${name}_key`]: `${name}-value` };
      const out: Record<string, unknown> = {};
      for (const [child, childSchema] of Object.entries(properties)) {
        if (depth === 0 || childSchema['required'] === true) out[child] = synth(childSchema, child, depth + 1);
      }
      return out;
    }
    default:
      return `${name}-any`;
  }
}

/** Inputs a search action turns into its `query` before sending (spec/unit/search covers that rewrite). */
export const SIMPLE_SEARCH_INPUT = /^(searchTerm|criteriaLink)\d+$/;

/** Every top-level input of an action (required and optional) that travels as it is, sampled from its validation schema. */
export function synthInput(schema: Schema): Record<string, unknown> {
  const input = sampleInput(schema, 'top');
  for (const name of Object.keys(input)) if (SIMPLE_SEARCH_INPUT.test(name)) Reflect.deleteProperty(input, name);
  return input;
}

/**
 * The value the wire must carry for a mapped value: the conversions the README documents (a decimal numeric string
 * for a number, a number for a text, "true"/"false" for a yes/no), read from the types the schema and its
 * allOf/anyOf/oneOf members declare. Written independently of the runtime.
 */
export function coerce(value: unknown, schema: Schema | undefined): unknown {
  if (!schema || value === null) return value;
  const members = membersOf(schema);
  if (Array.isArray(value)) {
    const items = members.map((m) => m['items']).find(isRecord);
    return items ? value.map((item) => coerce(item, items)) : value;
  }
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerce(v, propertyOf(schema, k))]));
  }
  const types = new Set(members.flatMap((m) => [m['type']].flat().filter((t): t is string => typeof t === 'string')));
  const numeric = types.has('number') || types.has('integer');
  if (typeof value === 'string' && !types.has('string')) {
    if (numeric && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) && Number.isFinite(Number(value))) return Number(value);
    if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  }
  if (typeof value === 'number' && !numeric && types.has('string')) return String(value);
  return value;
}

function membersOf(schema: Schema): Schema[] {
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as Schema[]) : []));
  return [schema, ...parts.flatMap(membersOf)];
}

/** The schema of a property as every member that declares it sees it. */
export function propertyOf(schema: Schema, name: string): Schema | undefined {
  const found = membersOf(schema)
    .map((m) => (m['properties'] as Record<string, Schema> | undefined)?.[name] ?? m['additionalProperties'])
    .filter((p): p is Schema => isRecord(p) && Object.keys(p).length > 0);
  return found.length <= 1 ? found[0] : { anyOf: found };
}

// ------------------------------------------------------------------------------------------ expected request

export interface ExpectedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/**
 * The request an action must send for an input, from the oracle's shape (spec/wire/oracle.ts): never from the
 * generated table the runtime builds requests from. An input the oracle cannot place fails the case.
 */
export function expectedRequest(shape: WireShape, schema: Schema, input: Record<string, unknown>): ExpectedRequest {
  const value = (name: string): unknown => coerce(input[name], propertyOf(schema, name));
  const path = shape.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(value(name))));
  const query: Record<string, string> = {};
  let body: Record<string, unknown> | undefined;
  for (const name of Object.keys(input)) {
    const location = shape.locations[name];
    const v = value(name);
    if (location === 'query') {
      if (Array.isArray(v)) query[name] = v.map(String).join(',');
      else if (isRecord(v)) {
        if (shape.queryStyles[name] === 'explode') for (const [k, x] of Object.entries(v)) query[k] = String(x);
        else query[name] = JSON.stringify(v);
      } else query[name] = String(v);
    } else if (location === 'body') {
      body ??= {};
      body[name] = v;
    } else if (location !== 'path') {
      throw new Error(`input "${name}" has no place in ${shape.method} ${shape.path} according to the description`);
    }
  }
  if (!body && shape.jsonBody) body = {};
  return { method: shape.method, path, query, body };
}

// ------------------------------------------------------------------------------------------ capture

export interface Captured {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * One interceptor per expected call that accepts any path and records what arrived, so a wrong path or
 * query fails as a readable diff instead of "no match".
 */
export function expectCall(method: string, reply: Reply, captured: Captured[]): nock.Scope {
  return nock(WIRE_BASE_URL)
    .intercept(() => true, method)
    .reply(function (uri, requestBody) {
      const url = new URL(uri, WIRE_BASE_URL);
      const headers: Record<string, string> = {};
      for (const [name, raw] of Object.entries(this.req.headers)) headers[name.toLowerCase()] = Array.isArray(raw) ? raw.join(', ') : raw;
      captured.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        body: parseBody(requestBody),
        headers,
      });
      return [reply.status, reply.body as nock.Body, reply.headers ?? {}];
    });
}

function parseBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

// ------------------------------------------------------------------------------------------ CSV fixtures

export const CSV_TEXT = 'id,name,comment\r\n1,Ann,"says ""hi"", twice"\r\n2,Bob,"line one\nline two"\r\n';
export const CSV_ROWS = [
  { id: '1', name: 'Ann', comment: 'says "hi", twice' },
  { id: '2', name: 'Bob', comment: 'line one\nline two' },
];
export const gzippedCsv = (text = CSV_TEXT): Buffer => gzipSync(Buffer.from(text, 'utf8'));
