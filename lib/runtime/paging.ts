import { createHash } from 'node:crypto';
import { EMIT, FETCH, MAX_PAGE_SIZE, PAGING_FIELDS } from '../catalogue/fields';
import type { PaginationStyle } from '../catalogue/types';
import type { ApiRequest, ApiResponse, IntercomClient } from './client';
import { choiceOf, stepField, wholeNumber } from './configValues';
import { ConfigurationError } from './errors';
import { asDocument, type Call, operationCall, type ListPaging } from './operations';
import { reportPage } from './progress';
import { repeatsPage, restartsWalk } from './retryPolicy';
import { settings } from './settings';
import type { StepContext } from './step';

/**
 * Everything about paging, in one place: the step fields that choose it, walking the pages of each of
 * Intercom's paging styles, and emitting what was read (one page, or all pages as one message or one message
 * per item). Each style is expressed as "how to ask for the next page" and "where the next page's token is".
 */

// ------------------------------------------------------------------------------------------ step fields

/** The paging settings every list and search action shares (step configuration fields). */
export interface PagingOptions {
  /** `page`: one request, the page as Intercom returns it; `all`: follow every next page. */
  fetch: 'page' | 'all';
  /** `oneMessage`: one data message; `individually`: one message per item, streamed page by page. */
  emit: 'oneMessage' | 'individually';
  maxItems?: number;
  pageSize?: number;
}

const FETCH_CHOICES = Object.values(FETCH);
const EMIT_CHOICES = Object.values(EMIT);

/** `maxPageSize`: the largest page of the list this step reads (ListPaging.maxPageSize), else Intercom's usual largest. */
export function readPagingOptions(cfg: unknown, maxPageSize = MAX_PAGE_SIZE): PagingOptions {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const fetch = choiceOf(config[PAGING_FIELDS.fetch], stepField(PAGING_FIELDS.fetch), FETCH_CHOICES, FETCH.page);
  const emit = choiceOf(config[PAGING_FIELDS.emit], stepField(PAGING_FIELDS.emit), EMIT_CHOICES, EMIT.oneMessage);
  const options: PagingOptions = { fetch, emit };
  const maxItems = wholeNumber(config[PAGING_FIELDS.maxItems], stepField(PAGING_FIELDS.maxItems), { min: 1 });
  if (maxItems !== undefined) options.maxItems = maxItems;
  const pageSize = wholeNumber(config[PAGING_FIELDS.pageSize], stepField(PAGING_FIELDS.pageSize), { min: 1, max: maxPageSize });
  if (pageSize !== undefined) options.pageSize = pageSize;
  return options;
}

// ------------------------------------------------------------------------------------------ walking pages

export type PagedCall = Call & { paging: ListPaging };

export function isPaged(call: Call): call is PagedCall {
  return call.paging !== undefined;
}

/**
 * The paged call of a catalogue list or search operation, built like its action's (path, method, paging style
 * and items path all come from the operations table); `label` names the caller in logs and errors.
 */
export function pagedOperationCall(key: string, input: Record<string, unknown>, label: string): PagedCall {
  const call = operationCall(key, input, label);
  if (!isPaged(call)) throw new Error(`${key} does not page`);
  return call;
}

export interface Page {
  /** The whole response document of this page. */
  document: unknown;
  items: unknown[];
  /** Set on the marker yielded when a broken scroll starts again from the top: items may repeat. */
  restarted?: boolean;
}

/**
 * Walks every page, one request at a time, so a caller that consumes pages as they come holds one page in
 * memory.
 */
export async function* pages(client: IntercomClient, first: PagedCall, pageSize?: number): AsyncGenerator<Page> {
  const spec = first.paging;
  let request = withPageSize(first, spec.style, pageSize);
  const seenCursors = new Set<string>();
  const seenPages = new Set<string>();
  let restarts = 0;
  let itemsRead = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > settings.maxPages) {
      throw new Error(`${first.operation}: stopped after ${settings.maxPages} pages; Intercom kept announcing a next page`);
    }
    let response: ApiResponse;
    try {
      response = await client.request(request);
    } catch (error) {
      // A walk whose style cannot resume after this error (a broken scroll) starts again from the top.
      if (restartsWalk(spec.style, error, restarts)) {
        restarts++;
        client.debug(() => `${first.operation} paging (${spec.style}): Intercom answered a server error on page ${pageNumber}; this style cannot resume, so the walk starts again from the first page (restart ${restarts})`);
        request = withPageSize(first, spec.style, pageSize);
        seenCursors.clear();
        seenPages.clear();
        yield { document: null, items: [], restarted: true };
        continue;
      }
      throw error;
    }
    let document: unknown = asDocument(response.data);
    let items = itemsAt(document, spec.itemsPath);
    // No paging style legitimately serves the same items twice: a scroll stuck on one scroll_param or a list that
    // echoes the page number asked for would otherwise run to the page limit.
    const fingerprint = items.length > 0 ? pageFingerprint(items) : undefined;
    if (fingerprint !== undefined) {
      if (seenPages.has(fingerprint)) {
        throw new Error(`${first.operation}: Intercom returned the same ${items.length} item(s) again on page ${pageNumber}; stopping to avoid an endless loop`);
      }
      seenPages.add(fingerprint);
    }
    itemsRead += items.length;
    reportPage(first.operation, pageNumber, itemsRead, document);
    yield { document, items };
    const next = nextRequest(request, spec.style, document, items);
    client.debug(() => `${first.operation} paging (${spec.style}): page ${pageNumber} had ${items.length} item(s), ${itemsRead} in all; ${next ? `next page: ${nextPageText(next, spec.style)}` : 'no next page, done'}`);
    // Nothing of this page may stay referenced while the next one is read: the young-generation GCs fall mostly
    // in the next page's JSON.parse, and a page still referenced there was moved to the old generation each time
    // (paging 300,000 contacts: RSS growth 64-68 MB -> 44-46 MB with the same in emitPages). A suspended generator
    // keeps its locals, hence the assignments the linter cannot see a use for.
    // eslint-disable-next-line no-useless-assignment
    document = undefined;
    items = [];
    if (!next) return;
    // A scroll keeps one scroll_param for the whole walk and ends on an empty page, so a repeated param is normal
    // there; a stuck scroll repeats its items, which the check above catches.
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

/** What tells Intercom which page comes next, as the next request carries it. */
function nextPageText(next: ApiRequest, style: PaginationStyle): string {
  const body = (next.body ?? {}) as { pagination?: unknown; page?: unknown; scroll_param?: unknown };
  if (style === 'searchBody') return `pagination ${JSON.stringify(body.pagination)}`;
  if (style === 'pageBody') return `page ${JSON.stringify(body.page)}`;
  return next.query ? new URLSearchParams(next.query).toString() : '(no query)';
}

/** A short digest of a page's items: their ids when every item has one, else the items themselves. */
function pageFingerprint(items: unknown[]): string {
  const ids = items.map(idOf);
  const text = ids.every((id) => id !== undefined) ? ids.join('\n') : JSON.stringify(items);
  return createHash('sha1').update(text).digest('base64');
}

export function itemsAt(document: unknown, path: string): unknown[] {
  let value: unknown = document;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return [];
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) ? value : [];
}

/** The step field "Page size", when set, is the page size: it wins over any page size in the input. */
export function withPageSize(request: ApiRequest, style: PaginationStyle, pageSize: number | undefined): ApiRequest {
  const copy: ApiRequest = { ...request };
  // A page of a style that restarts its walk instead (a scroll) is never asked again as it was.
  if (!repeatsPage(style)) copy.idempotent = false;
  if (!pageSize) return copy;
  if (style === 'searchBody') {
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    const pagination = { ...((body['pagination'] as Record<string, unknown> | undefined) ?? {}) };
    pagination['per_page'] = pageSize;
    body['pagination'] = pagination;
    copy.body = body;
  } else if (style === 'pageBody') {
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    body['per_page'] = pageSize;
    copy.body = body;
  } else if (style !== 'scroll' && style !== 'whole') {
    copy.query = { ...request.query, per_page: String(pageSize) };
  }
  return copy;
}

function nextRequest(current: ApiRequest, style: PaginationStyle, document: unknown, items: unknown[]): ApiRequest | undefined {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  // Audiences and content snippets answer page, per_page and total_pages beside their items, with no `pages`.
  const pagesInfo = (typeof doc['pages'] === 'object' && doc['pages'] !== null ? doc['pages'] : style === 'page' ? doc : {}) as Record<string, unknown>;
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
    case 'whole':
      return undefined;
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

// ------------------------------------------------------------------------------------------ emitting

/**
 * Runs a paged call and emits what it read, as the step's paging fields say: one page as Intercom returns it,
 * or all pages (at most `maxItems` items) in one message keeping the shape of a page, or one message per item
 * streamed page by page.
 */
/** Items of a list are records the step found, not the record its message was about (OIH identity, step.ts). */
const FOUND = { found: true } as const;
const EMPTY_PAGE: Page = { document: undefined, items: [] };

export async function emitPages(ctx: StepContext, client: IntercomClient, call: PagedCall, paging: PagingOptions): Promise<void> {
  const spec = call.paging;
  const limit = paging.maxItems ?? Infinity;
  let emitted = 0;

  if (paging.fetch === 'page') {
    const response: ApiResponse = await client.request(withPageSize(call, spec.style, paging.pageSize));
    const document = asDocument(response.data);
    if (paging.emit === 'individually') {
      for (const item of itemsAt(document, spec.itemsPath).slice(0, limit)) await ctx.emitData(item, FOUND);
    } else {
      await ctx.emitData(limit === Infinity ? document : truncate(document, spec.itemsPath, limit));
    }
    return;
  }

  // fetch all: a scroll restarted from the top may repeat items, so those are recognised by id.
  const seen = spec.style === 'scroll' ? new Set<string>() : undefined;
  const collected: unknown[] = [];
  let collectedBytes = 0;
  let firstDocument: unknown;
  for await (let page of pages(client, call, paging.pageSize)) {
    // Only one message of all pages is built from the first page; items one by one keep no page.
    if (paging.emit === 'oneMessage') firstDocument ??= page.document;
    for (const item of page.items) {
      if (emitted >= limit) break;
      const id = seen ? idOf(item) : undefined;
      if (id !== undefined && seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      if (paging.emit === 'oneMessage') {
        // Stop before the message outgrows what the platform carries (and memory holds), not after.
        collectedBytes += Buffer.byteLength(JSON.stringify(item) ?? 'null') + 1;
        if (collectedBytes > settings.maxMessageBytes) throw tooLargeForOneMessage(call.operation, emitted);
        collected.push(item);
      }
      emitted++;
      if (paging.emit === 'individually') await ctx.emitData(item, FOUND);
    }
    // Released before pages() reads the next page (see there).
    page = EMPTY_PAGE;
    if (emitted >= limit) {
      client.debug(() => `${call.operation} paging: the maximum number of items (${limit}) is reached; no further page is read`);
      break;
    }
  }
  if (paging.emit === 'oneMessage') await ctx.emitData(allItemsDocument(firstDocument, spec.itemsPath, collected));
  ctx.logger.info(`${call.operation}: ${emitted} item(s) fetched`);
}

function tooLargeForOneMessage(operation: string, fitting: number): ConfigurationError {
  return new ConfigurationError(
    `${operation}: all pages in one message would be larger than ${settings.maxMessageBytes} bytes (INTERCOM_MAX_MESSAGE_BYTES, below the platform's message size limit) after ${fitting} item(s); set "${PAGING_FIELDS.emit}" to one message per item (individually), or "${PAGING_FIELDS.maxItems}" to ${Math.max(fitting, 1)} or less`,
  );
}

function truncate(document: unknown, itemsPath: string, limit: number): unknown {
  return replaceItems(document, itemsPath, itemsAt(document, itemsPath).slice(0, limit));
}

/** "All pages in one message" keeps the shape of a page, with every item and without paging cursors. */
function allItemsDocument(first: unknown, itemsPath: string, items: unknown[]): unknown {
  const document = replaceItems(first ?? {}, itemsPath, items) as Record<string, unknown>;
  delete document['pages'];
  delete document['scroll_param'];
  delete document['next_cursor'];
  delete document['has_more'];
  return document;
}

function replaceItems(document: unknown, itemsPath: string, items: unknown[]): unknown {
  const copy = { ...((typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>) };
  const parts = itemsPath.split('.');
  let target = copy;
  for (const part of parts.slice(0, -1)) {
    const child = { ...((target[part] as Record<string, unknown> | undefined) ?? {}) };
    target[part] = child;
    target = child;
  }
  target[parts[parts.length - 1] ?? 'data'] = items;
  return copy;
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
