/**
 * A validating mock of Intercom's official description (not the sandbox: it knows no data, only the rules). Every
 * request is checked against the description's own parameters and request-body schemas, read at run time from
 * where the generator reads it (INTERCOM_OPENAPI, else ../shared; never committed), and answered 200 `{}` when
 * valid, 400 with the problems otherwise. It restates the description's rules with its own reading of OpenAPI
 * 3.0 (nullable, references, formats): only the description's location comes from scripts/generate/, nothing
 * from lib/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { descriptionPath as defaultDescriptionPath } from '../../scripts/generate/description';

type Json = Record<string, unknown>;

export interface MockedRequest {
  method: string;
  path: string;
  /** `METHOD /template` of the description's operation the request was routed to, if any. */
  operation?: string;
  accepted: boolean;
  problems: string[];
  hasBody: boolean;
  /** The description marks the operation's request body required. */
  bodyRequired: boolean;
}

/**
 * Where the description is known to disagree with Intercom's own usage, the mock accepts both. Each entry says why.
 * - POST /messages `message_type`: the enum lists `in_app`, while the description's own request examples (and
 *   Intercom's SDKs) send `inapp`.
 */
const ERRATA: Array<{ operation: string; pointer: string[]; extraEnum: unknown[] }> = [
  { operation: 'POST /messages', pointer: ['properties', 'message_type'], extraEnum: ['inapp'] },
];

/**
 * A string that must be a UUID (36 characters) and at most 24 characters long cannot be given at all: the mock
 * reads such a format as the mistake it is (createConversation's `from.id`, a 24-character contact id).
 */
function dropImpossibleFormat(schema: Json): void {
  if (schema['format'] === 'uuid' && typeof schema['maxLength'] === 'number' && schema['maxLength'] < 36) delete schema['format'];
}

interface Route {
  operation: string;
  method: string;
  pattern: RegExp;
  literals: number;
  pathParams: Array<{ name: string; validate: ValidateFunction }>;
  queryParams: Map<string, { required: boolean; type: string | undefined; validate: ValidateFunction }>;
  body?: { required: boolean; validate: ValidateFunction };
}

/** Dates as RFC 3339 says, e-mail addresses with one @ and a dotted domain, absolute URIs, UUIDs; others are hints. */
function addMockFormats(ajv: Ajv): void {
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/);
  ajv.addFormat('uri', { type: 'string', validate: (text: string) => URL.canParse(text) });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i);
  for (const hint of ['int64', 'int32', 'float', 'double', 'timestamp', 'byte', 'binary', 'password']) ajv.addFormat(hint, true);
}

/** OpenAPI 3.0 → JSON Schema for ajv: `nullable`, and no examples or prose (an example may hold a `$ref` key). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'example' || key === 'examples' || key === 'description' || key === 'discriminator' || key.startsWith('x-')) continue;
    out[key] = key === 'enum' || key === 'required' ? value : toJsonSchema(value);
  }
  dropImpossibleFormat(out);
  if (out['nullable'] === true) {
    delete out['nullable'];
    if (Array.isArray(out['enum']) && !(out['enum'] as unknown[]).includes(null)) out['enum'] = [...(out['enum'] as unknown[]), null];
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    else if (out['type'] === undefined) return { anyOf: [{ type: 'null' }, out] };
  } else delete out['nullable'];
  return out;
}

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class DescribedIntercom {
  readonly requests: MockedRequest[] = [];
  private readonly routes: Route[] = [];
  private server?: Server;

  constructor(descriptionPath = defaultDescriptionPath()) {
    const document = toJsonSchema(load(readFileSync(descriptionPath, 'utf8'))) as Json;
    for (const erratum of ERRATA) {
      const [method = '', path = ''] = erratum.operation.split(' ');
      const operation = ((document['paths'] as Json)[path] as Json)[method.toLowerCase()] as Json;
      const body = resolveNode(document, operation['requestBody']) as Json;
      let target = resolveNode(document, ((body['content'] as Json)['application/json'] as Json)['schema']) as Json;
      for (const part of erratum.pointer) target = target[part] as Json;
      target['enum'] = [...(target['enum'] as unknown[]), ...erratum.extraEnum];
    }
    const bodies = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    const params = new Ajv({ allErrors: true, strict: false, validateSchema: false, coerceTypes: 'array' });
    for (const ajv of [bodies, params]) {
      addMockFormats(ajv);
      ajv.addSchema(document, 'intercom');
    }
    const compile = (ajv: Ajv, pointerParts: string[]): ValidateFunction =>
      ajv.compile({ $ref: `intercom#/${pointerParts.map(escapePointer).join('/')}` });

    for (const [path, item] of Object.entries(document['paths'] as Record<string, Json>)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const operation = `${method.toUpperCase()} ${path}`;
        const route: Route = {
          operation,
          method: method.toUpperCase(),
          pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, '(?<$1>[^/]+)')}$`),
          literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
          pathParams: [],
          queryParams: new Map(),
        };
        const declared = [...((item['parameters'] as unknown[]) ?? []).map((p, i) => ['parameters', String(i), p] as const)];
        const own = ((op['parameters'] as unknown[]) ?? []).map((p, i) => [method, 'parameters', String(i), p] as const);
        for (const entry of [...declared.map((d) => ['paths', path, ...d] as const), ...own.map((o) => ['paths', path, ...o] as const)]) {
          const raw = entry[entry.length - 1] as Json;
          const where = entry.slice(0, -1) as string[];
          const param = (typeof raw['$ref'] === 'string' ? pointer(document, raw['$ref']) : raw) as Json;
          const schemaPointer = typeof raw['$ref'] === 'string' ? [...raw['$ref'].slice(2).split('/').map(unescape), 'schema'] : [...where, 'schema'];
          if (param['schema'] === undefined) continue;
          const validate = compile(params, schemaPointer);
          const name = String(param['name']);
          if (param['in'] === 'path') route.pathParams.push({ name, validate });
          if (param['in'] === 'query') {
            route.queryParams.set(name, { required: param['required'] === true, type: typeOfSchema(document, param['schema']), validate });
          }
        }
        const requestBody = resolveNode(document, op['requestBody']) as Json | undefined;
        const media = (requestBody?.['content'] as Json | undefined)?.['application/json'] as Json | undefined;
        if (media?.['schema']) {
          const bodyPointer = typeof (op['requestBody'] as Json)['$ref'] === 'string'
            ? [...((op['requestBody'] as Json)['$ref'] as string).slice(2).split('/').map(unescape), 'content', 'application/json', 'schema']
            : ['paths', path, method, 'requestBody', 'content', 'application/json', 'schema'];
          route.body = { required: requestBody?.['required'] === true, validate: compile(bodies, bodyPointer) };
        }
        this.routes.push(route);
      }
    }
    // A literal segment beats a parameter: /contacts/search is not /contacts/{id}.
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://mock.local');
    const method = req.method ?? 'GET';
    const record: MockedRequest = { method, path: url.pathname, accepted: false, problems: [], hasBody: text.length > 0, bodyRequired: false };
    this.requests.push(record);
    const route = this.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      record.problems.push('no operation of the description has this method and path');
      return reply(res, 404, record.problems);
    }
    record.operation = route.operation;
    record.bodyRequired = route.body?.required === true;
    const groups = route.pattern.exec(url.pathname)?.groups ?? {};
    for (const { name, validate } of route.pathParams) {
      if (!validate(decodeURIComponent(groups[name] ?? ''))) record.problems.push(`path ${name}: ${ajvText(validate)}`);
    }
    const seen = new Set<string>();
    for (const [name, param] of route.queryParams) {
      const explodedObject = param.type === 'object';
      let value: unknown = url.searchParams.get(name) ?? undefined;
      if (explodedObject) {
        const fields = Object.fromEntries([...url.searchParams].filter(([key]) => !route.queryParams.has(key)));
        for (const key of Object.keys(fields)) seen.add(key);
        value = Object.keys(fields).length > 0 ? fields : undefined;
      } else if (param.type === 'array' && typeof value === 'string') value = value.split(',');
      if (url.searchParams.has(name)) seen.add(name);
      if (value === undefined) {
        if (param.required) record.problems.push(`query ${name}: is required`);
        continue;
      }
      if (!param.validate(value)) record.problems.push(`query ${name}: ${ajvText(param.validate)}`);
    }
    for (const key of url.searchParams.keys()) if (!seen.has(key)) record.problems.push(`query ${key}: is not a parameter of ${route.operation}`);
    if (route.body) {
      if (text.length === 0) {
        if (route.body.required) record.problems.push('body: is required');
      } else {
        let body: unknown;
        try {
          body = JSON.parse(text);
          if (!route.body.validate(body)) record.problems.push(`body: ${ajvText(route.body.validate)}`);
        } catch {
          record.problems.push('body: is not JSON');
        }
      }
    } else if (text.length > 0) record.problems.push(`body: ${route.operation} takes none`);
    record.accepted = record.problems.length === 0;
    if (!record.accepted) return reply(res, 400, record.problems);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(url.pathname === '/me' ? JSON.stringify({ type: 'admin', id: '1', app: { id_code: 'abc123' } }) : '{}');
  }
}

function reply(res: ServerResponse, status: number, problems: string[]): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ type: 'error.list', errors: problems.map((message) => ({ code: 'parameter_invalid', message })) }));
}

function ajvText(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointer(document: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map(unescape)
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

function resolveNode(document: Json, node: unknown): unknown {
  let current = node;
  while (typeof current === 'object' && current !== null && typeof (current as Json)['$ref'] === 'string') {
    current = pointer(document, (current as Json)['$ref'] as string);
  }
  return current;
}

function typeOfSchema(document: Json, node: unknown): string | undefined {
  const schema = resolveNode(document, node) as Json | undefined;
  if (!schema) return undefined;
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== 'null');
  if (schema['properties'] || schema['oneOf'] || schema['anyOf']) return 'object';
  return undefined;
}
