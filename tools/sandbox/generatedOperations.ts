/**
 * Fallback routes for every operation the sandbox does not model: read the generator's runtime
 * table (lib/generated/operations.json) and answer each operation from its out-schema
 * (schemas/<key>.out.json), or with the declared non-JSON kind. Hand-written routes always win.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPONENT_ROOT } from '../componentRoot';
import { empty, json, type Reply } from './http';
import { templateShape, type Router } from './router';
import { synthesize } from './synth';

export interface OperationEntry {
  method: string;
  path: string;
  operationId?: string;
  response?: string;
  pagination?: { style: string; itemsPath?: string } | null;
}

/** Success statuses other than 200 declared in the description (the runtime table does not carry them). */
const SUCCESS_STATUS: Readonly<Record<string, number>> = {
  [templateShape('POST', '/office_hours_schedules/{}/office_hours_exceptions')]: 201,
  [templateShape('POST', '/office_hours_schedules')]: 201,
  [templateShape('POST', '/audiences')]: 201,
  [templateShape('POST', '/data_connectors')]: 201,
  [templateShape('POST', '/content_snippets')]: 201,
  [templateShape('POST', '/content/bulk_actions')]: 202,
  [templateShape('POST', '/events')]: 202,
  [templateShape('DELETE', '/ai/content_import_sources/{}')]: 204,
  [templateShape('DELETE', '/audiences/{}')]: 204,
  [templateShape('DELETE', '/content_snippets/{}')]: 204,
};

export function defaultOperationsFile(): string | undefined {
  const file = join(COMPONENT_ROOT, 'lib', 'generated', 'operations.json');
  return existsSync(file) ? file : undefined;
}

export function defaultSchemasDir(): string {
  return join(COMPONENT_ROOT, 'schemas');
}

export function loadOperations(file: string | undefined): Record<string, OperationEntry> {
  if (file === undefined || !existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return {};
  const out: Record<string, OperationEntry> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    if (typeof v['method'] === 'string' && typeof v['path'] === 'string') out[key] = v as unknown as OperationEntry;
  }
  return out;
}

/** Register a fallback for each operation; returns the keys that got one. */
export function registerSynthesized(router: Router, operations: Record<string, OperationEntry>, schemasDir: string): string[] {
  const registered: string[] = [];
  for (const [key, op] of Object.entries(operations)) {
    const method = op.method.toUpperCase();
    if (router.has(method, op.path)) continue;
    const status = SUCCESS_STATUS[templateShape(method, op.path)];
    let cached: unknown;
    const schema = (): unknown => {
      if (cached === undefined) {
        const file = join(schemasDir, `${key}.out.json`);
        cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : {};
      }
      return cached;
    };
    router.add(method, op.path, (req) => respond(op, status, schema, req.params), { fallback: true, produces: op.response === 'json' || op.response === undefined ? 'json' : 'any' });
    registered.push(key);
  }
  return registered;
}

function respond(op: OperationEntry, status: number | undefined, schema: () => unknown, params: Readonly<Record<string, string>>): Reply {
  switch (op.response) {
    case 'empty':
      return empty(status ?? (op.method.toUpperCase() === 'DELETE' ? 204 : 200));
    case 'text':
      return { kind: 'raw', status: 200, body: 'Sandbox text response.\n', contentType: 'text/plain; charset=utf-8' };
    case 'redirect':
      return empty(302, { Location: 'https://downloads.sandbox.invalid/file?signature=0' });
    case 'gzipCsv':
      return { kind: 'raw', status: 200, body: gzipSync('id,value\n1,sandbox\n'), contentType: 'application/octet-stream' };
    case 'binaryCsv':
      return { kind: 'raw', status: 200, body: 'id,value\n1,sandbox\n', contentType: 'application/octet-stream' };
    default: {
      const body = synthesize(schema());
      // Echo the addressed id so a get-after-create chain stays coherent.
      const values = Object.values(params);
      const last = values[values.length - 1];
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && last !== undefined) {
        const obj = body as Record<string, unknown>;
        if (typeof obj['id'] === 'string') obj['id'] = last;
      }
      return json(body, status ?? 200);
    }
  }
}
