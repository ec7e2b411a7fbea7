/**
 * Cursor and page helpers shared by the list endpoints. Cursors are opaque base64url strings (as
 * Intercom's are) holding the position of the last item served, so paging stays O(page) over lazily
 * generated collections and a cursor stays valid while records are added.
 */
import { badRequest } from './errors';
import type { SandboxRequest } from './http';
import { queryInteger } from './input';

export function encodeCursor(position: readonly number[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, field: string): number[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((n) => Number.isSafeInteger(n) && (n as number) >= -1)) {
      return parsed as number[];
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest(`${field} is not a cursor issued by this API`, 'parameter_invalid', field);
}

/** `per_page`: below 1 is an error, above the endpoint's maximum is capped (as Intercom caps it). */
export function clampPerPage(value: number | undefined, defaultSize: number, max: number, field = 'per_page'): number {
  if (value === undefined) return defaultSize;
  if (!Number.isInteger(value) || value < 1) throw badRequest(`${field} must be a positive integer`, 'parameter_invalid', field);
  return Math.min(value, max);
}

export interface CursorPages {
  type: 'pages';
  page: number;
  per_page: number;
  total_pages: number;
  next?: { per_page: number; starting_after: string };
}

export function totalPages(total: number, perPage: number): number {
  return total === 0 ? 0 : Math.ceil(total / perPage);
}

/** `pages` of the cursor and search styles: `next.starting_after` only while more items exist. */
export function cursorPages(page: number, perPage: number, total: number, next: string | undefined): CursorPages {
  const pages: CursorPages = { type: 'pages', page, per_page: perPage, total_pages: Math.max(totalPages(total, perPage), page) };
  if (next !== undefined) pages.next = { per_page: perPage, starting_after: next };
  return pages;
}

export interface Slice<T> {
  items: T[];
  /** Position of the last item returned, for the next cursor. */
  last: number;
  more: boolean;
}

/** Take up to `limit` items from a positioned stream, looking one further to know if more exist. */
export function takeSlice<T>(source: Iterable<[number, T]>, limit: number): Slice<T> {
  const items: T[] = [];
  let last = -1;
  for (const [position, item] of source) {
    if (items.length === limit) return { items, last, more: true };
    items.push(item);
    last = position;
  }
  return { items, last, more: false };
}

/** Parse `starting_after` of a cursor-style request: [last position, page number of the last page]. */
export function cursorStart(raw: string | null | undefined, field = 'starting_after'): { after: number; page: number } {
  if (raw === null || raw === undefined || raw === '') return { after: -1, page: 0 };
  const [after, page] = decodeCursor(raw, field);
  return { after: after ?? -1, page: page ?? 0 };
}

export interface PageParams {
  page: number;
  perPage: number;
}

export function pageParams(req: SandboxRequest, defaultSize: number, max: number): PageParams {
  const page = queryInteger(req, 'page') ?? 1;
  if (page < 1) throw badRequest('page must be a positive integer', 'parameter_invalid', 'page');
  return { page, perPage: clampPerPage(queryInteger(req, 'per_page'), defaultSize, max) };
}

export interface LinkPages {
  type: 'pages';
  page: number;
  per_page: number;
  total_pages: number;
  next: string | null;
}

/** `pages` of the page style: `next` is a URL string (Intercom's pages_link), null on the last page. */
export function linkPages(req: SandboxRequest, p: PageParams, total: number): LinkPages {
  const pages = totalPages(total, p.perPage);
  let next: string | null = null;
  if (p.page < pages) {
    const query = new URLSearchParams(req.query);
    query.delete('__fault');
    query.set('per_page', String(p.perPage));
    query.set('page', String(p.page + 1));
    next = `${req.baseUrl}${req.path}?${query.toString()}`;
  }
  return { type: 'pages', page: p.page, per_page: p.perPage, total_pages: pages, next };
}

/** The items of page `p` from a fully known array. */
export function pageOf<T>(all: readonly T[], p: PageParams): T[] {
  const start = (p.page - 1) * p.perPage;
  return all.slice(start, start + p.perPage);
}
