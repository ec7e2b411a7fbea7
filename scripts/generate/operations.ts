import { FILE_INPUTS } from '../../lib/catalogue/fields';
import { attachmentsInput, INTERCOM_FILES_PROPERTY } from '../../lib/catalogue/files';
import type { OperationDecl, ResponseKind, Risk } from '../../lib/catalogue/types';
import type { InputLocation, OperationEntry } from '../../lib/runtime/operations';
import type { HttpMethod } from '../../lib/runtime/client';
import { pruneSchema, titleFromName } from './prune';
import type { Json, LoadedSpec, SpecOperation } from './spec';

export interface BuiltOperation {
  key: string;
  group: string;
  decl: OperationDecl;
  specOp: SpecOperation;
  entry: OperationEntry;
  inSchema: Json;
  outSchema: Json;
}

/** Budget per schema file; beyond it the mapper becomes unusable, so nesting is cut until it fits. */
export const SCHEMA_BUDGET_BYTES = 30_000;
const DEPTHS = [5, 4, 3, 2, 1];

const PAGING_QUERY: Record<string, Json> = {
  page: { type: 'number', title: 'Page' },
  per_page: { type: 'number', title: 'Per page' },
  starting_after: { type: 'string', title: 'Starting after' },
};

export function buildOperation(spec: LoadedSpec, key: string, group: string, decl: OperationDecl): BuiltOperation {
  const specOp = spec.operations.get(decl.op);
  if (!specOp) throw new Error(`${key}: "${decl.op}" is not an operation of the ${spec.version} description`);
  const method = specOp.method as HttpMethod;
  const inputs: Record<string, InputLocation> = {};
  const queryStyles: Record<string, 'csv' | 'explode'> = {};
  const properties: Record<string, Json> = {};

  const pathParams = [...specOp.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  for (const name of pathParams) {
    // Ids travel in the path as text, whatever the description says; numbers mapped by a user are converted.
    properties[name] = { type: 'string', title: titleFromName(name), required: true };
    inputs[name] = 'path';
  }
  const optional = new Set([...(decl.optionalParams ?? []), ...(decl.workspaceIdParam ? [decl.workspaceIdParam] : [])]);
  for (const param of specOp.parameters) {
    const name = String(param['name']);
    // A parameter declared both in the path template and as a query parameter (reporting export) goes in the path.
    if (param['in'] !== 'query' || inputs[name]) continue;
    const schema = pruneSchema(spec, param['schema'] ?? {}, 3);
    const required = param['required'] === true && !optional.has(name);
    properties[name] = { ...schema, title: titleFromName(name), ...(required ? { required: true } : {}) };
    inputs[name] = 'query';
    if (schema['type'] === 'array') queryStyles[name] = 'csv';
    if (schema['type'] === 'object' && param['explode'] !== false) queryStyles[name] = 'explode';
  }
  for (const name of optional) {
    if (inputs[name] !== 'query') throw new Error(`${key}: "${name}" is not a query parameter of ${decl.op}`);
  }
  if (decl.addPagingParams) {
    const names = decl.paginate === 'cursor' ? ['per_page', 'starting_after'] : ['page', 'per_page'];
    for (const name of names) {
      if (inputs[name]) continue;
      properties[name] = PAGING_QUERY[name] ?? {};
      inputs[name] = 'query';
    }
  }

  const requestBody = spec.resolve(specOp.op['requestBody']) as Json | undefined;
  const bodySchemaRef = requestBody ? ((requestBody['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'] : undefined;
  let bodyProperties: Record<string, Json> = {};
  let inSchema: Json = {};
  for (const depth of DEPTHS) {
    bodyProperties = {};
    if (bodySchemaRef) {
      const pruned = pruneSchema(spec, bodySchemaRef, depth);
      bodyProperties = (pruned['properties'] ?? {}) as Record<string, Json>;
      for (const name of decl.freeform ?? []) {
        const existing = bodyProperties[name];
        if (!existing) throw new Error(`${key}: freeform field "${name}" is not a body property`);
        bodyProperties[name] = { type: 'object', title: existing['title'], ...(existing['required'] ? { required: true } : {}) };
      }
    }
    for (const name of Object.keys(bodyProperties)) {
      if (inputs[name] && inputs[name] !== 'body') throw new Error(`${key}: input "${name}" is both a ${inputs[name]} parameter and a body property`);
    }
    inSchema = { type: 'object', properties: { ...properties, ...bodyProperties }, additionalProperties: false };
    if (JSON.stringify(inSchema, null, 2).length <= SCHEMA_BUDGET_BYTES) break;
  }
  for (const name of Object.keys(bodyProperties)) inputs[name] = 'body';
  const inProperties = inSchema['properties'] as Record<string, Json>;
  for (const [name, values] of Object.entries(decl.enums ?? {})) {
    const property = inProperties[name];
    if (!property) throw new Error(`${key}: enums names "${name}", which is not an input`);
    inProperties[name] = { ...property, enum: values };
  }
  // Intercom takes files inline (base64) where the body has attachment_files: such actions also take the files
  // of the incoming message by name (lib/files/attachmentFiles.ts reads them from the platform's storage).
  const attachmentFiles = inputs[INTERCOM_FILES_PROPERTY] === 'body' ? INTERCOM_FILES_PROPERTY : undefined;
  if (attachmentFiles) {
    if (inProperties[FILE_INPUTS.attachments]) throw new Error(`${key}: "${FILE_INPUTS.attachments}" is already an input of ${decl.op}`);
    inProperties[FILE_INPUTS.attachments] = attachmentsInput;
  }
  for (const name of decl.requireOneOf ?? []) {
    if (!inputs[name]) throw new Error(`${key}: requireOneOf names "${name}", which is not an input`);
  }

  const response = decl.response ?? responseKind(specOp);
  const outSchema = response === 'json' ? fitOutSchema(spec, specOp) : fixedOutSchema(response, method);
  const risk: Risk = decl.risk ?? (method === 'GET' ? 'read' : method === 'DELETE' ? 'destructive' : 'write');
  const idempotent = decl.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
  const itemsPath = decl.paginate ? (decl.itemsPath ?? guessItemsPath(outSchema, key)) : undefined;

  const entry: OperationEntry = {
    title: decl.title,
    method,
    path: specOp.path,
    tag: specOp.tag,
    operationId: specOp.operationId,
    risk,
    idempotent,
    inputs,
    ...(Object.keys(queryStyles).length > 0 ? { queryStyles } : {}),
    bodyRequired: requestBody?.['required'] === true,
    ...(decl.requireOneOf ? { requireOneOf: decl.requireOneOf } : {}),
    pagination: decl.paginate && itemsPath ? { style: decl.paginate, itemsPath } : null,
    response,
    ...(decl.workspaceIdParam ? { workspaceIdParam: decl.workspaceIdParam } : {}),
    ...(attachmentFiles ? { attachmentFiles } : {}),
    ...(decl.partAttachments ? { partAttachments: true } : {}),
  };
  return { key, group, decl, specOp, entry, inSchema, outSchema };
}

function fitOutSchema(spec: LoadedSpec, specOp: SpecOperation): Json {
  const schema = successSchema(spec, specOp);
  if (!schema) return { type: 'object' };
  for (const depth of DEPTHS) {
    const pruned = pruneSchema(spec, schema, depth);
    // A top-level array is emitted as `{ data: [...] }` (shapeResult in lib/runtime/action.ts): a message body is an object.
    const fitted = pruned['type'] === 'array' ? { type: 'object', properties: { data: { ...pruned, title: 'Data' } } } : pruned;
    if (JSON.stringify(fitted, null, 2).length <= SCHEMA_BUDGET_BYTES) return fitted;
  }
  return { type: 'object' };
}

function successSchema(spec: LoadedSpec, specOp: SpecOperation): unknown {
  const responses = (specOp.op['responses'] ?? {}) as Record<string, unknown>;
  for (const status of Object.keys(responses).filter((s) => s.startsWith('2')).sort()) {
    const response = spec.resolve(responses[status]) as Json;
    const json = ((response['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'];
    if (json) return json;
  }
  return undefined;
}

function responseKind(specOp: SpecOperation): ResponseKind {
  const responses = (specOp.op['responses'] ?? {}) as Record<string, Json>;
  const success = Object.keys(responses).filter((s) => s.startsWith('2'));
  if (success.length === 0 && responses['302']) return 'redirect';
  for (const status of success) {
    const content = (responses[status]?.['content'] ?? {}) as Json;
    if (content['application/json']) return 'json';
    if (content['text/plain']) return 'text';
  }
  return success.length > 0 ? 'empty' : 'json';
}

/** Our own small documents for responses that carry no JSON (see shapeResult in lib/runtime/action.ts). */
function fixedOutSchema(kind: ResponseKind, method: string): Json {
  const prop = (type: string, name: string): Json => ({ type, title: titleFromName(name) });
  // Deliver as: file (lib/files): the file travels as an attachment of the message; the body describes it.
  const fileOut: Json = { type: 'object', title: 'File', properties: { name: prop('string', 'name'), size: prop('number', 'size'), content_type: prop('string', 'content_type') } };
  switch (kind) {
    case 'text':
      return { type: 'object', properties: { transcript: prop('string', 'transcript') } };
    case 'redirect':
      return { type: 'object', properties: { url: prop('string', 'url'), status: prop('number', 'status'), file: fileOut } };
    case 'gzipCsv':
    case 'binaryCsv':
      return {
        type: 'object',
        properties: {
          row: prop('object', 'row'),
          rows: prop('array', 'rows'),
          file: fileOut,
        },
      };
    default:
      return {
        type: 'object',
        properties: {
          id: prop('string', 'id'),
          ...(method === 'DELETE' ? { deleted: prop('boolean', 'deleted') } : {}),
          status: prop('number', 'status'),
        },
      };
  }
}

function guessItemsPath(outSchema: Json, key: string): string {
  const arrays = Object.entries((outSchema['properties'] ?? {}) as Record<string, Json>).filter(([, p]) => p['type'] === 'array');
  if (arrays.length === 1 && arrays[0]) return arrays[0][0];
  throw new Error(`${key}: cannot tell where the items of a page are; set itemsPath in the catalogue`);
}
