import type { PaginationStyle } from '../catalogue/types';
import type { ApiRequest, ApiResponse, IntercomClient } from './client';
import { IntercomApiError } from './errors';
import { settings } from './settings';

export interface Page {
  /** The whole response document of this page. */
  document: unknown;
  items: unknown[];
  /** Set on the marker yielded when a broken scroll starts again from the top: items may repeat. */
  restarted?: boolean;
}

export interface PaginationSpec {
  style: PaginationStyle;
  itemsPath: string;
}

/**
 * Walks every page of a paginated operation, one request at a time, so a caller that consumes pages as they
 * come holds one page in memory. Each of Intercom's five styles is expressed as "how to ask for the next
 * page" and "where the next page's token is".
 */
export async function* pages(
  client: IntercomClient,
  first: ApiRequest,
  spec: PaginationSpec,
  pageSize?: number,
): AsyncGenerator<Page> {
  let request = withPageSize(first, spec.style, pageSize);
  const seenCursors = new Set<string>();
  let scrollRestarts = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > settings.maxPages) {
      throw new Error(`${first.operation}: stopped after ${settings.maxPages} pages; Intercom kept announcing a next page`);
    }
    let response: ApiResponse;
    try {
      response = await client.request(request);
    } catch (error) {
      // A scroll that broke on Intercom's side cannot be resumed, only started again (intercom-api.md §4.4).
      if (spec.style === 'scroll' && error instanceof IntercomApiError && error.status >= 500 && scrollRestarts < 2) {
        scrollRestarts++;
        request = withPageSize(first, spec.style, pageSize);
        seenCursors.clear();
        yield { document: null, items: [], restarted: true };
        continue;
      }
      throw error;
    }
    const document = response.data;
    const items = itemsAt(document, spec.itemsPath);
    yield { document, items };
    const next = nextRequest(request, spec.style, document, items);
    if (!next) return;
    // A scroll keeps one scroll_param for the whole walk (the sandbox does the same) and ends on an empty
    // page, so a repeated param is normal there; settings.maxPages still bounds it.
    if (spec.style !== 'scroll') {
      const cursor = JSON.stringify([next.query, (next.body as { pagination?: unknown; page?: unknown } | undefined)?.pagination ?? (next.body as { page?: unknown } | undefined)?.page]);
      if (seenCursors.has(cursor)) {
        throw new Error(`${first.operation}: Intercom returned the same next-page cursor twice; stopping to avoid an endless loop`);
      }
      seenCursors.add(cursor);
    }
    request = next;
  }
}

export function itemsAt(document: unknown, path: string): unknown[] {
  let value: unknown = document;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return [];
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) ? value : [];
}

export function withPageSize(request: ApiRequest, style: PaginationStyle, pageSize: number | undefined): ApiRequest {
  const copy: ApiRequest = { ...request };
  // A scroll page must never be retried with the same scroll_param after a server error: it is restarted instead.
  if (style === 'scroll') copy.idempotent = false;
  if (!pageSize) return copy;
  if (style === 'searchBody') {
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    const pagination = { ...((body['pagination'] as Record<string, unknown> | undefined) ?? {}) };
    pagination['per_page'] ??= pageSize;
    body['pagination'] = pagination;
    copy.body = body;
  } else if (style === 'pageBody') {
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    body['per_page'] ??= pageSize;
    copy.body = body;
  } else if (style !== 'scroll') {
    copy.query = { per_page: String(pageSize), ...request.query };
  }
  return copy;
}

function nextRequest(current: ApiRequest, style: PaginationStyle, document: unknown, items: unknown[]): ApiRequest | undefined {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  const pagesInfo = (typeof doc['pages'] === 'object' && doc['pages'] !== null ? doc['pages'] : {}) as Record<string, unknown>;
  switch (style) {
    case 'cursor': {
      const cursor = startingAfter(pagesInfo);
      return cursor && items.length > 0 ? { ...current, query: { ...current.query, starting_after: cursor } } : undefined;
    }
    case 'searchBody': {
      const cursor = startingAfter(pagesInfo);
      if (!cursor || items.length === 0) return undefined;
      const body = { ...((current.body as Record<string, unknown> | undefined) ?? {}) };
      body['pagination'] = { ...((body['pagination']) ?? {}), starting_after: cursor };
      return { ...current, body };
    }
    case 'page':
    case 'pageBody': {
      if (items.length === 0 || !hasNextPage(pagesInfo)) return undefined;
      const page = (Number(pagesInfo['page']) || currentPage(current, style)) + 1;
      if (style === 'page') return { ...current, query: { ...current.query, page: String(page) } };
      return { ...current, body: { ...((current.body) ?? {}), page } };
    }
    case 'scroll': {
      const param = doc['scroll_param'];
      return typeof param === 'string' && param && items.length > 0
        ? { ...current, query: { ...current.query, scroll_param: param } }
        : undefined;
    }
    case 'nextCursor': {
      const cursor = doc['next_cursor'];
      return typeof cursor === 'string' && cursor && doc['has_more'] !== false
        ? { ...current, query: { ...current.query, cursor } }
        : undefined;
    }
  }
}

function startingAfter(pagesInfo: Record<string, unknown>): string | undefined {
  const next = pagesInfo['next'];
  if (typeof next === 'object' && next !== null) {
    const cursor = (next as Record<string, unknown>)['starting_after'];
    return typeof cursor === 'string' && cursor ? cursor : undefined;
  }
  return undefined;
}

/** `pages.next` is a URL string (or object) while there are more pages; `total_pages` says when to stop. */
function hasNextPage(pagesInfo: Record<string, unknown>): boolean {
  const page = Number(pagesInfo['page']);
  const total = Number(pagesInfo['total_pages']);
  if (Number.isFinite(page) && Number.isFinite(total)) return page < total;
  const next = pagesInfo['next'];
  return (typeof next === 'string' && next !== '') || (typeof next === 'object' && next !== null);
}

function currentPage(request: ApiRequest, style: PaginationStyle): number {
  const raw = style === 'page' ? request.query?.['page'] : (request.body as Record<string, unknown> | undefined)?.['page'];
  const page = Number(raw ?? 1);
  return Number.isFinite(page) && page > 0 ? page : 1;
}
