import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaginationStyle, ResponseKind, Risk } from '../catalogue/types';
import type { ApiRequest, HttpMethod } from './client';
import { PACKAGE_ROOT } from './constants';
import { InputValidationError } from './errors';
import { movedPagingInputs } from '../catalogue/fields';
import { type Input, type InputRules, isEmpty, validateInput } from './input';

/**
 * The catalogue's operations at run time: the generated table (lib/generated/operations.json), and the call
 * of an operation for a flat input (validated, split into path, query and body, with its paging and response).
 */

export type InputLocation = 'path' | 'query' | 'body';

/** One row of lib/generated/operations.json: everything the runtime needs to call an operation. */
export interface OperationEntry {
  title: string;
  method: HttpMethod;
  path: string;
  tag: string;
  operationId: string;
  risk: Risk;
  idempotent: boolean;
  inputs: Record<string, InputLocation>;
  /** Array query parameters are sent comma-separated (`csv`); object ones are spread into the query (`explode`). */
  queryStyles?: Record<string, 'csv' | 'explode'>;
  bodyRequired: boolean;
  /** The operation takes a JSON body: `{}` is sent when no body input is given, as Intercom's own clients do. */
  jsonBody: boolean;
  /** Input values sent in another spelling (`in_app` travels as `inapp`). */
  sentAs?: Record<string, Record<string, string>>;
  /** At least one of these inputs must be present. */
  requireOneOf?: string[];
  pagination: ListPaging | null;
  response: ResponseKind;
  /** Query parameter filled with the workspace code from GET /me when the input leaves it empty. */
  workspaceIdParam?: string;
  /** The body property that takes the files the `attachments` input selects (lib/files). */
  attachmentFiles?: string;
  /** The answer's parts carry attachments that the `partAttachments` step field can store as files (lib/files). */
  partAttachments?: boolean;
}

/** How a list pages: the style, and where the items of a page are. */
export interface ListPaging {
  style: PaginationStyle;
  itemsPath: string;
  /** The largest page the description allows for this list, when it states one (else MAX_PAGE_SIZE). */
  maxPageSize?: number;
}

/**
 * A request with what it takes to run it: its paging, when it pages, and how to read its answer. Generated
 * actions, convenience actions, rawRequest and the polling triggers all run their requests as calls.
 */
export interface Call extends ApiRequest {
  paging?: ListPaging;
  /** Default `json`. */
  response?: ResponseKind;
}

/** A call that streams a CSV file (data exports) rather than answering with one JSON document. */
export function isCsvDownload(described: { response?: ResponseKind }): boolean {
  return described.response === 'gzipCsv' || described.response === 'binaryCsv';
}

/**
 * A list Intercom answers as a bare JSON array is `{ data: [...] }` on every path (one answer, one page, all
 * pages): a message body is an object, and the generated out-schema and items path say `data`.
 */
export function asDocument(data: unknown): unknown {
  return Array.isArray(data) ? { data } : data;
}

let table: Record<string, OperationEntry> | undefined;

/** The generated table, read once per process. */
export function operationTable(): Record<string, OperationEntry> {
  table ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'lib', 'generated', 'operations.json'), 'utf8')) as Record<
    string,
    OperationEntry
  >;
  return table;
}

export function operation(key: string): OperationEntry {
  const entry = operationTable()[key];
  if (!entry) throw new Error(`Unknown Intercom operation "${key}"`);
  return entry;
}

/**
 * The call of a catalogue operation for a flat input, exactly as the operation's own action makes it: the input
 * validated against the action's in-schema (every problem at once, nothing sent when there is one) and split
 * into path, query and body. `label` names the caller in logs and errors (a trigger, or "action (operation)").
 */
const inputRules = new Map<string, InputRules>();

/** An operation's extra input rules, made once per operation and process (operationCall runs on every message). */
function inputRulesOf(key: string, entry: OperationEntry): InputRules {
  let rules = inputRules.get(key);
  if (!rules) {
    rules = {
      ...(entry.requireOneOf ? { check: oneOfCheck(entry.requireOneOf) } : {}),
      // A list's page size is its step field; the description's per_page input is gone (the generator leaves it out).
      ...(entry.pagination ? { moved: movedPagingInputs(entry.pagination.maxPageSize) } : {}),
    };
    inputRules.set(key, rules);
  }
  return rules;
}

export function operationCall(key: string, rawInput: unknown, label = key): Call {
  const entry = operation(key);
  const input = validateInput(key, rawInput, inputRulesOf(key, entry));
  const query: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const name of Object.keys(input)) {
    const given = input[name];
    if (given === undefined) continue;
    const location = entry.inputs[name];
    const value = (typeof given === 'string' ? entry.sentAs?.[name]?.[given] : undefined) ?? given;
    if (location === 'query') addQuery(query, name, value, entry.queryStyles?.[name]);
    else if (location === 'body') {
      body[name] = value;
      hasBody = true;
    }
  }
  // Every property is set here, in one order, so every call has the same shape (measured: a copied or
  // reshaped call object cost a few microseconds per request).
  return {
    operation: label,
    method: entry.method,
    path: fillPath(key, entry.path, input),
    pathTemplate: entry.path,
    query: Object.keys(query).length > 0 ? query : undefined,
    body: hasBody || entry.jsonBody || entry.bodyRequired ? body : undefined,
    idempotent: entry.idempotent,
    paging: entry.pagination ?? undefined,
    response: entry.response,
  };
}

/**
 * The input that names the record an operation reads, changes or deletes: the parameter that ends its path
 * (`PUT /contacts/{contact_id}`). Undefined for creates, lists and sub-resources (`/contacts/{id}/notes`).
 */
export function recordIdParam(entry: Pick<OperationEntry, 'method' | 'path'>): string | undefined {
  if (entry.method === 'POST') return undefined;
  return /\/\{([^}]+)\}$/.exec(entry.path)?.[1];
}

/** A DELETE of one record by its id (`DELETE /contacts/{contact_id}`): OIH's delete protocol and elastic.io's "not found" option apply. */
export function isRecordDelete(entry: Pick<OperationEntry, 'method' | 'path'>): boolean {
  return entry.method === 'DELETE' && recordIdParam(entry) !== undefined;
}

/** The record id a call's path ends with, decoded. */
export function lastPathId(call: Pick<Call, 'path'>): string {
  return decodeURIComponent(call.path.slice(call.path.lastIndexOf('/') + 1));
}

/**
 * Under ferryman, OIH's ID linking hands Intercom's id of the record in `msg.metadata.recordUid`: it fills the
 * record's id parameter when the message leaves it empty (a given id always wins).
 */
export function withRecordUid(entry: OperationEntry, input: unknown, recordUid: string | undefined): unknown {
  const param = recordIdParam(entry);
  if (!param || recordUid === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const given = input as Input;
  return isEmpty(given[param]) ? { ...given, [param]: recordUid } : input;
}

function oneOfCheck(names: string[]): (input: Input) => string[] {
  return (input) =>
    names.some((name) => !isEmpty(input[name]))
      ? []
      : [`fields ${names.join(', ')}: at least one of them is required`];
}

/** A path template cut once into literal text (even indexes) and parameter names (odd indexes). */
const templateParts = new Map<string, string[]>();

/** Each path parameter becomes exactly one encoded segment: `../x`, `a/b`, `?` or `#` cannot change the route. */
export function fillPath(key: string, template: string, input: Input): string {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{([^}]+)\}/);
    templateParts.set(template, parts);
  }
  if (parts.length === 1) return template;
  const problems: string[] = [];
  let path = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) {
      path += part;
      continue;
    }
    const value = input[part];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (text.trim() === '') problems.push(`field ${part}: is required`);
    else if (text === '.' || text === '..') problems.push(`field ${part}: "${text}" is not a valid id`);
    path += encodeURIComponent(text);
  }
  if (problems.length > 0) throw new InputValidationError(key, problems);
  return path;
}

/**
 * How a value travels in the query: lists comma-separated, objects declared `style: form, explode: true` one
 * query parameter per key, other objects as JSON text; null is left out.
 */
export function addQuery(query: Record<string, string>, name: string, value: unknown, style?: 'csv' | 'explode'): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    query[name] = value.map(scalarText).join(',');
  } else if (typeof value === 'object') {
    if (style === 'explode') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && v !== null) query[k] = scalarText(v);
    } else {
      query[name] = JSON.stringify(value);
    }
  } else {
    query[name] = scalarText(value);
  }
}

function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
