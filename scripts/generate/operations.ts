import { FILE_INPUTS } from '../../lib/catalogue/fields';
import { attachmentsInput, INTERCOM_FILES_PROPERTY } from '../../lib/catalogue/files';
import type { OperationDecl, ResponseKind, Risk } from '../../lib/catalogue/types';
import type { InputLocation, OperationEntry } from '../../lib/runtime/operations';
import type { HttpMethod } from '../../lib/runtime/client';
import { repeatableMethod } from '../../lib/runtime/retryPolicy';
import { MAX_SEARCH_ACTION_TERMS, SEARCH_MODELS, type SearchModelName } from '../../lib/catalogue/searchFields';
import { searchRules, searchTermProperties } from '../../lib/search/schema';
import { pruneSchema } from './prune';
import { humanTitle } from './titles';
import { article } from './nouns';
import { pathRecordNoun } from './help';
import type { Json, LoadedDescription, DescribedOperation } from './description';
import { markUnixTime, strictSchema, withoutTopLevelClosure } from './strict';

export interface BuiltOperation {
  key: string;
  group: string;
  decl: OperationDecl;
  specOp: DescribedOperation;
  entry: OperationEntry;
  /** The mapper's view (platform dialect): what the flow designer sees. */
  inSchema: Json;
  /** Every rule of the description the run-time validation enforces (standard JSON Schema). */
  strictInSchema: Json;
  outSchema: Json;
}

/** Budget per schema file; beyond it the mapper becomes unusable, so nesting is cut until it fits. */
export const SCHEMA_BUDGET_BYTES = 30_000;
const DEPTHS = [5, 4, 3, 2, 1];
/** The run-time validation reads bodies this deep, whatever depth the mapper's budget allowed. */
const STRICT_DEPTH = DEPTHS[0] ?? 5;
const QUERY_DEPTH = 3;

/** Paging query parameters added by `addPagingParams` (the page size is the step field, see PAGE_SIZE_INPUT). */
const PAGING_QUERY: Record<string, Json> = {
  page: { type: 'integer', minimum: 1 },
  starting_after: { type: 'string' },
};

/**
 * A list action has one page size: the step field "Page size" (PAGING_FIELDS.pageSize). The description's own
 * `per_page` input of the same list is left out, so the two cannot disagree.
 */
const PAGE_SIZE_INPUT = 'per_page';

export function buildOperation(spec: LoadedDescription, key: string, group: string, decl: OperationDecl): BuiltOperation {
  const specOp = spec.operations.get(decl.op);
  if (!specOp) throw new Error(`${key}: "${decl.op}" is not an operation of the ${spec.version} description`);
  const method = specOp.method as HttpMethod;
  const inputs: Record<string, InputLocation> = {};
  const queryStyles: Record<string, 'csv' | 'explode'> = {};
  const properties: Record<string, Json> = {};

  // Each input has its strict schema (run-time validation) and its mapper view (derived from it).
  const strict: Record<string, Json> = {};
  const requiredInputs: string[] = [];
  const addInput = (name: string, location: InputLocation, schema: Json, required: boolean, depth: number): void => {
    strict[name] = schema;
    properties[name] = { ...pruneSchema(spec, schema, depth), title: humanTitle(name), ...(required ? { required: true } : {}) };
    inputs[name] = location;
    if (required) requiredInputs.push(name);
  };
  const pathParams = [...specOp.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  for (const name of pathParams) {
    // The description's type: an integer id is validated as one (a numeric string is accepted) and sent as digits.
    const param = specOp.parameters.find((p) => p['in'] === 'path' && p['name'] === name);
    const schema = param?.['schema'] && !decl.textIds?.includes(name) ? strictSchema(spec, param['schema'], QUERY_DEPTH) : {};
    addInput(name, 'path', schema['type'] ? schema : { ...schema, type: 'string' }, true, QUERY_DEPTH);
  }
  const optional = new Set([...(decl.optionalParams ?? []), ...(decl.workspaceIdParam ? [decl.workspaceIdParam] : [])]);
  for (const param of specOp.parameters) {
    const name = String(param['name']);
    // A parameter declared both in the path template and as a query parameter (reporting export) goes in the path.
    if (param['in'] !== 'query' || inputs[name]) continue;
    if (decl.paginate && name === PAGE_SIZE_INPUT) continue;
    const described = spec.resolve(param['schema'] ?? {}) as Json;
    const schema = markUnixTime(name, { description: param['description'] ?? described['description'], format: described['format'] }, strictSchema(spec, param['schema'] ?? {}, QUERY_DEPTH));
    addInput(name, 'query', schema, param['required'] === true && !optional.has(name), QUERY_DEPTH);
    const type = properties[name]?.['type'];
    if (type === 'array') queryStyles[name] = 'csv';
    if (type === 'object' && param['explode'] !== false) queryStyles[name] = 'explode';
  }
  for (const name of decl.textIds ?? []) {
    if (inputs[name] !== 'path') throw new Error(`${key}: textIds names "${name}", which is not a path parameter`);
  }
  for (const name of optional) {
    if (inputs[name] !== 'query') throw new Error(`${key}: "${name}" is not a query parameter of ${decl.op}`);
  }
  if (decl.addPagingParams) {
    const names = decl.paginate === 'cursor' ? ['starting_after'] : ['page'];
    for (const name of names) {
      if (inputs[name]) continue;
      addInput(name, 'query', PAGING_QUERY[name] ?? {}, false, QUERY_DEPTH);
    }
  }

  const requestBody = spec.resolve(specOp.op['requestBody']) as Json | undefined;
  const bodySchemaRef = requestBody ? ((requestBody['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'] : undefined;
  const strictBody = withoutTopLevelClosure(bodySchemaRef ? strictSchema(spec, bodySchemaRef, STRICT_DEPTH) : {});
  const strictBodyProperties = { ...((strictBody['properties'] ?? {}) as Record<string, Json>), ...decl.undeclaredBody };
  if (decl.paginate) Reflect.deleteProperty(strictBodyProperties, PAGE_SIZE_INPUT);
  // A freeform field is a bare object in the mapper only: its value is still validated as the description says.
  for (const name of decl.freeform ?? []) {
    if (!strictBodyProperties[name]) throw new Error(`${key}: freeform field "${name}" is not a body property`);
  }
  let bodyProperties: Record<string, Json> = {};
  let inSchema: Json = {};
  for (const depth of DEPTHS) {
    bodyProperties = {};
    if (bodySchemaRef) {
      const pruned = pruneSchema(spec, { ...strictBody, properties: strictBodyProperties }, depth);
      bodyProperties = (pruned['properties'] ?? {}) as Record<string, Json>;
      if (decl.paginate) Reflect.deleteProperty(bodyProperties, PAGE_SIZE_INPUT);
      for (const name of decl.freeform ?? []) {
        const existing = bodyProperties[name] ?? {};
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
    // Another spelling that is sent as one of these (sentAs) is accepted, without being offered in the mapper.
    const accepted = [...values, ...Object.keys(decl.sentAs?.[name] ?? {}).filter((value) => !values.includes(value))];
    strict[name] = { ...(strict[name] ?? strictBodyProperties[name] ?? {}), enum: accepted };
  }
  // Intercom takes files inline (base64) where the body has attachment_files: such actions also take the files
  // of the incoming message by name (lib/files/attachmentFiles.ts reads them from the platform's storage).
  const attachmentFiles = inputs[INTERCOM_FILES_PROPERTY] === 'body' ? INTERCOM_FILES_PROPERTY : undefined;
  if (attachmentFiles) {
    if (inProperties[FILE_INPUTS.attachments]) throw new Error(`${key}: "${FILE_INPUTS.attachments}" is already an input of ${decl.op}`);
    inProperties[FILE_INPUTS.attachments] = attachmentsInput;
    strict[FILE_INPUTS.attachments] = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
  }
  for (const name of decl.requireOneOf ?? []) {
    if (!inputs[name]) throw new Error(`${key}: requireOneOf names "${name}", which is not an input`);
  }
  const strictInSchema = flatStrictSchema(strict, requiredInputs, strictBody, strictBodyProperties, Object.keys(bodyProperties));
  if (decl.simpleSearch) addSimpleSearchTerms(key, inProperties, decl.simpleSearch);

  const response = decl.response ?? responseKind(specOp);
  const outSchema = response === 'json' ? fitOutSchema(spec, specOp) : fixedOutSchema(response, method, answerOf(spec, specOp));
  const risk: Risk = decl.risk ?? (method === 'GET' ? 'read' : method === 'DELETE' ? 'destructive' : 'write');
  // Which methods may be repeated after a failure is the retry policy's rule; a declaration may say otherwise.
  const idempotent = decl.idempotent ?? repeatableMethod(method);
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
    jsonBody: bodySchemaRef !== undefined,
    ...(decl.requireOneOf ? { requireOneOf: decl.requireOneOf } : {}),
    ...(decl.sentAs ? { sentAs: decl.sentAs } : {}),
    pagination: decl.paginate && itemsPath ? { style: decl.paginate, itemsPath } : null,
    response,
    ...(decl.workspaceIdParam ? { workspaceIdParam: decl.workspaceIdParam } : {}),
    ...(attachmentFiles ? { attachmentFiles } : {}),
    ...(decl.partAttachments ? { partAttachments: true } : {}),
  };
  return { key, group, decl, specOp, entry, inSchema, strictInSchema, outSchema };
}

/**
 * The flat input's strict schema: path and query inputs beside the body's properties, the body's `required` list
 * and its allOf/oneOf/anyOf rules applied to the same flat object, and no name outside the action's inputs.
 */
function flatStrictSchema(
  params: Record<string, Json>,
  requiredParams: string[],
  body: Json,
  bodyProperties: Record<string, Json>,
  bodyNames: string[],
): Json {
  const properties: Record<string, Json> = { ...params };
  // A name only the variants declare is checked there, and here by what all their declarations agree on, so a
  // value of the wrong type or outside every variant's values is an error naming the field.
  for (const name of bodyNames) properties[name] = params[name] ?? bodyProperties[name] ?? agreedSchema(declarationsOf(body, name));
  const bodyRequired = ((body['required'] as string[] | undefined) ?? []).filter((name) => bodyNames.includes(name));
  const required = [...new Set([...requiredParams, ...bodyRequired])];
  const out: Json = { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) if (body[combinator]) out[combinator] = body[combinator];
  return out;
}

/** Every schema a body's variants and parts give a property. */
function declarationsOf(schema: Json, name: string): Json[] {
  const own = (schema['properties'] as Record<string, Json> | undefined)?.[name];
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (schema[k] as Json[] | undefined) ?? []);
  return [...(own ? [own] : []), ...parts.flatMap((part) => declarationsOf(part, name))];
}

/** One declaration as it is; several: the type they share and the union of their values, when they agree. */
function agreedSchema(declarations: Json[]): Json {
  if (declarations.length === 1) return declarations[0] ?? {};
  const out: Json = {};
  const types = declarations.map((d) => d['type']);
  if (types.every((t) => t !== undefined)) {
    const all = new Set(types.flatMap((t) => [t].flat() as string[]));
    const nonNull = [...all].filter((t) => t !== 'null');
    if (nonNull.length === 1) out['type'] = all.has('null') ? [nonNull[0], 'null'] : nonNull[0];
  }
  if (declarations.every((d) => Array.isArray(d['enum']))) out['enum'] = [...new Set(declarations.flatMap((d) => d['enum'] as unknown[]))];
  // A list every variant declares holds items of the type they agree on (manageTag's companies: objects), so an
  // item of another type is an error naming it rather than a value some variant lets through unchecked.
  const items = declarations.map((d) => d['items'] as Json | undefined);
  if (out['type'] === 'array' && items.every((i) => i !== undefined)) {
    const itemType = agreedSchema(items)['type'];
    if (itemType !== undefined) out['items'] = { type: itemType };
  }
  return out;
}

/**
 * A search that also takes simple terms: `query` becomes optional (the terms are turned into it at run time,
 * lib/search/termsAsQuery.ts) and the term fields are added. They are never sent as such, so they get no entry in
 * the operation's inputs.
 */
function addSimpleSearchTerms(key: string, properties: Record<string, Json>, model: SearchModelName): void {
  const query = properties['query'];
  if (!query) throw new Error(`${key}: simpleSearch needs a query body property`);
  const { required: _required, ...optionalQuery } = query;
  properties['query'] = optionalQuery;
  Object.assign(properties, searchTermProperties(SEARCH_MODELS[model], MAX_SEARCH_ACTION_TERMS, searchRules(model)));
}

function fitOutSchema(spec: LoadedDescription, specOp: DescribedOperation): Json {
  const schema = successSchema(spec, specOp);
  if (!schema) return { type: 'object' };
  for (const depth of DEPTHS) {
    const pruned = pruneSchema(spec, schema, depth);
    // A top-level array is emitted as `{ data: [...] }` (shapeResult in lib/operation/action.ts): a message body is an object.
    const fitted = pruned['type'] === 'array' ? { type: 'object', properties: { data: { ...pruned, title: 'Data' } } } : pruned;
    if (JSON.stringify(fitted, null, 2).length <= SCHEMA_BUDGET_BYTES) return fitted;
  }
  return { type: 'object' };
}

function successSchema(spec: LoadedDescription, specOp: DescribedOperation): unknown {
  const responses = (specOp.op['responses'] ?? {}) as Record<string, unknown>;
  for (const status of Object.keys(responses).filter((s) => s.startsWith('2')).sort()) {
    const response = spec.resolve(responses[status]) as Json;
    const json = ((response['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'];
    if (json) return json;
  }
  return undefined;
}

function responseKind(specOp: DescribedOperation): ResponseKind {
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

/** What an operation without a JSON answer answers: its success statuses, and the record its path's last id names. */
interface Answer {
  statuses: string[];
  /** The path parameter the confirmation's id comes from (the last one of the path), if any. */
  lastParam?: string;
  /** The record that id names ("content snippet"). */
  record?: string;
}

function answerOf(spec: LoadedDescription, specOp: DescribedOperation): Answer {
  const statuses = Object.keys((specOp.op['responses'] ?? {}) as Record<string, unknown>).filter((s) => s.startsWith('2')).sort();
  const lastParam = /\{([^}]+)\}[^{]*$/.exec(specOp.path)?.[1];
  const record = lastParam ? pathRecordNoun(spec, specOp.path, lastParam) : undefined;
  return { statuses, ...(lastParam ? { lastParam } : {}), ...(record ? { record } : {}) };
}

const STATUS_WORDS: Readonly<Record<string, string>> = { '200': 'OK, no content', '201': 'created', '202': 'accepted, done later', '204': 'no content' };

/** Our own small documents for responses that carry no JSON (see shapeResult in lib/operation/action.ts). */
function fixedOutSchema(kind: ResponseKind, method: string, answer: Answer): Json {
  // These documents are ours (shapeResult in lib/runtime/action.ts), so their help is written here.
  const prop = (type: string, name: string, help: string): Json => ({ type, title: humanTitle(name), description: help });
  // Deliver as: file (lib/files): the file travels as an attachment of the message; the body describes it.
  const fileOut: Json = {
    ...prop('object', 'file', 'The file attached to the message (Deliver as: file): its name, size and media type.'),
    properties: {
      name: prop('string', 'name', 'Name of the attached file, e.g. export.csv or recording.mp3.'),
      size: prop('number', 'size', 'Size of the attached file in bytes.'),
      content_type: prop('string', 'content_type', 'Media type of the attached file, e.g. text/csv.'),
    },
  };
  switch (kind) {
    case 'text':
      return { type: 'object', properties: { transcript: prop('string', 'transcript', 'The whole text Intercom answered with, e.g. the transcript of the call.') } };
    case 'redirect':
      return {
        type: 'object',
        properties: {
          url: prop('string', 'url', 'Signed address of the file; it works for a short time only, so fetch it in the next step.'),
          status: prop('number', 'status', 'HTTP status Intercom answered with (302 for a redirect to the file).'),
          file: fileOut,
        },
      };
    case 'gzipCsv':
    case 'binaryCsv':
      return {
        type: 'object',
        properties: {
          row: prop('object', 'row', 'One row of the export, as column name → value pairs (Rows per message empty or 1).'),
          rows: prop('array', 'rows', 'Several rows of the export, each as column name → value pairs (Rows per message above 1).'),
          file: fileOut,
        },
      };
    default: {
      // confirmation() in lib/operation/action.ts: the path's last id, deleted on a DELETE, and the status.
      const record = answer.record ?? 'record';
      const statuses = answer.statuses.map((status) => `${status} (${STATUS_WORDS[status] ?? 'success'})`);
      const statusHelp =
        statuses.length === 1
          ? `HTTP status of Intercom's answer: always ${statuses[0] ?? ''} for this action.`
          : `HTTP status of Intercom's answer: ${statuses.join(' or ')}.`;
      const notFound = `With Treat not found as deleted, ${article(record)} ${record} already gone gives an empty object instead (no fields).`;
      return {
        type: 'object',
        properties: {
          ...(answer.lastParam
            ? { id: prop('string', 'id', `Intercom's ID of the ${record} the action ${method === 'DELETE' ? 'deleted' : 'worked on'}: the ${answer.lastParam} it was given, as a confirmation.`) }
            : {}),
          ...(method === 'DELETE' ? { deleted: prop('boolean', 'deleted', `Always true: Intercom deleted the ${record}. ${notFound}`) } : {}),
          status: prop('number', 'status', statusHelp),
        },
      };
    }
  }
}

function guessItemsPath(outSchema: Json, key: string): string {
  const arrays = Object.entries((outSchema['properties'] ?? {}) as Record<string, Json>).filter(([, p]) => p['type'] === 'array');
  if (arrays.length === 1 && arrays[0]) return arrays[0][0];
  throw new Error(`${key}: cannot tell where the items of a page are; set itemsPath in the catalogue`);
}
