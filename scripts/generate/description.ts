import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';

export type Json = Record<string, unknown>;

export interface DescribedOperation {
  method: string;
  path: string;
  tag: string;
  operationId: string;
  op: Json;
  parameters: Json[];
}

export interface LoadedDescription {
  version: string;
  document: Json;
  operations: Map<string, DescribedOperation>;
  resolve(node: unknown): unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Intercom's description is read from INTERCOM_OPENAPI (never committed), else from ../shared beside the checkout. */
export function descriptionPath(): string {
  return process.env['INTERCOM_OPENAPI'] ?? resolve(__dirname, '..', '..', '..', 'shared', 'intercom-openapi', `api.intercom.io-${INTERCOM_API_VERSION}.yaml`);
}

export function loadDescription(path = descriptionPath()): LoadedDescription {
  const document = load(readFileSync(path, 'utf8')) as Json;
  const resolveRef = (node: unknown): unknown => {
    let current = node;
    for (let hops = 0; isRef(current); hops++) {
      if (hops > 50) throw new Error('reference chain too long');
      current = pointer(document, current.$ref);
    }
    return current;
  };
  const operations = new Map<string, DescribedOperation>();
  for (const [path, item] of Object.entries((document['paths'] ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const parameters = [...((item['parameters'] as unknown[]) ?? []), ...((op['parameters'] as unknown[]) ?? [])].map(
        (p) => resolveRef(p) as Json,
      );
      const upper = method.toUpperCase();
      operations.set(`${upper} ${path}`, {
        method: upper,
        path,
        tag: ((op['tags'] as string[] | undefined) ?? ['Other'])[0] ?? 'Other',
        operationId: (op['operationId'] as string | undefined) ?? `~${method}_${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}`,
        op,
        parameters,
      });
    }
  }
  const info = (document['info'] ?? {}) as Json;
  return { version: typeof info['version'] === 'string' ? info['version'] : 'unknown', document, operations, resolve: resolveRef };
}

export function isRef(node: unknown): node is { $ref: string } {
  return typeof node === 'object' && node !== null && typeof (node as { $ref?: unknown }).$ref === 'string';
}

function pointer(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`external reference not supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}
