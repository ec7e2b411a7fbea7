/**
 * Runs a search body (`{query, pagination:{per_page, starting_after}}`) over a lazy collection: the
 * cursor holds the index of the last hit, so each page scans forward from there. total_count needs a
 * full scan, so it is cached per (query, collection version).
 */
import { json, type Reply, type SandboxRequest } from '../http';
import { isObject, bodyObject, optObject } from '../input';
import { badRequest } from '../errors';
import { clampPerPage, cursorPages, cursorStart, encodeCursor, takeSlice } from '../pagination';
import { compileQuery, type SearchModel } from '../search';
import type { LazyCollection } from '../store/lazyCollection';

export interface SearchSpec<R> {
  collection: LazyCollection<R>;
  model: SearchModel<R>;
  /** Hidden records (merged, archived, not yet indexed) are skipped. */
  visible(index: number, record: R): boolean;
  render(record: R): unknown;
  defaultPerPage: number;
  listType: string;
  itemsKey: string;
  cacheKey: string;
  /** Honour the body's `sort` ({field, order}); false: ignore it, results in storage order (a server that does not sort). */
  sortable?: boolean;
}

const MAX_PER_PAGE = 150;
const countCache = new WeakMap<object, Map<string, number>>();

export function runSearch<R>(req: SandboxRequest, spec: SearchSpec<R>, cacheOwner: object): Reply {
  const body = bodyObject(req);
  const predicate = compileQuery(body['query'], spec.model);
  const pagination = optObject(body, 'pagination') ?? {};
  const rawPerPage = pagination['per_page'];
  if (rawPerPage !== undefined && rawPerPage !== null && typeof rawPerPage !== 'number') {
    throw badRequest('pagination.per_page must be an integer', 'parameter_invalid', 'pagination.per_page');
  }
  const perPage = clampPerPage(rawPerPage ?? undefined, spec.defaultPerPage, MAX_PER_PAGE, 'pagination.per_page');
  const rawAfter = pagination['starting_after'];
  if (rawAfter !== undefined && rawAfter !== null && typeof rawAfter !== 'string') {
    throw badRequest('pagination.starting_after must be a string', 'parameter_invalid', 'pagination.starting_after');
  }
  const start = cursorStart(rawAfter ?? undefined, 'pagination.starting_after');

  const matches = (index: number, record: R): boolean => spec.visible(index, record) && predicate(record);
  const sort = spec.sortable === true ? readSort(body['sort']) : undefined;
  // Sorted: the cursor holds the position in the sorted hits; otherwise the index of the last hit.
  const slice = sort
    ? takeSlice(sortedFrom(spec, matches, sort, start.after), perPage)
    : takeSlice(filtered(spec.collection.from(start.after), matches), perPage);
  const total = totalCount(spec, body['query'], matches, cacheOwner);
  const page = start.page + 1;
  const next = slice.more ? encodeCursor([slice.last, page]) : undefined;
  return json({
    type: spec.listType,
    [spec.itemsKey]: slice.items.map((r) => spec.render(r)),
    total_count: total,
    pages: cursorPages(page, perPage, total, next),
  });
}

interface Sort {
  field: string;
  descending: boolean;
}

/** `sort: {field, order}`; order defaults to descending, anything but ascending/descending is refused. */
function readSort(raw: unknown): Sort | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw) || typeof raw['field'] !== 'string' || raw['field'] === '') throw badRequest('sort must be an object with a field', 'parameter_invalid', 'sort');
  const order = raw['order'] ?? 'descending';
  if (order !== 'ascending' && order !== 'descending') {
    throw badRequest(`Invalid sort order ${JSON.stringify(order)}. Must be one of: ascending, descending`, 'invalid_sort_order', 'sort.order');
  }
  return { field: raw['field'], descending: order === 'descending' };
}

/** Numbers before text, records without the field last; ties in storage order. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

/** Every hit sorted, yielded from position `after + 1` on as [position, record]. */
function* sortedFrom<R>(spec: SearchSpec<R>, matches: (i: number, r: R) => boolean, sort: Sort, after: number): Generator<[number, R]> {
  const hits: Array<{ index: number; record: R; value: unknown }> = [];
  for (const [index, record] of spec.collection.from(-1)) if (matches(index, record)) hits.push({ index, record, value: spec.model.resolve(record, sort.field) });
  hits.sort((x, y) => {
    const missing = (v: unknown): boolean => typeof v !== 'number' && typeof v !== 'string';
    if (missing(x.value) !== missing(y.value)) return missing(x.value) ? 1 : -1;
    return (sort.descending ? -compareValues(x.value, y.value) : compareValues(x.value, y.value)) || x.index - y.index;
  });
  for (let position = Math.max(0, after + 1); position < hits.length; position++) yield [position, (hits[position] as { record: R }).record];
}

function* filtered<R>(source: Iterable<[number, R]>, keep: (index: number, record: R) => boolean): Generator<[number, R]> {
  for (const entry of source) if (keep(entry[0], entry[1])) yield entry;
}

function totalCount<R>(spec: SearchSpec<R>, query: unknown, matches: (i: number, r: R) => boolean, owner: object): number {
  let cache = countCache.get(owner);
  if (cache === undefined) {
    cache = new Map();
    countCache.set(owner, cache);
  }
  const key = `${spec.cacheKey}|${spec.collection.version}|${stableJson(query)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const [i, r] of spec.collection.from(-1)) if (matches(i, r)) n++;
  if (cache.size > 200) cache.clear();
  cache.set(key, n);
  return n;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
