import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaginationStyle, ResponseKind, Risk } from '../catalogue/types';
import type { ApiRequest, HttpMethod } from './client';
import { PACKAGE_ROOT } from './constants';

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
  /** At least one of these inputs must be present. */
  requireOneOf?: string[];
  pagination: PagingSpec | null;
  response: ResponseKind;
  /** Query parameter filled with the workspace code from GET /me when the input leaves it empty. */
  workspaceIdParam?: string;
}

/** How a list pages: the style, and where the items of a page are. */
export interface PagingSpec {
  style: PaginationStyle;
  itemsPath: string;
}

/**
 * A request with what it takes to run it: its paging, when it pages, and how to read its answer. Generated
 * actions, convenience actions, rawRequest and the polling triggers all run their requests as calls.
 */
export interface Call extends ApiRequest {
  paging?: PagingSpec;
  /** Default `json`. */
  response?: ResponseKind;
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
