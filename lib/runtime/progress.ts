/**
 * Progress of long reads, for whoever shows it to a person: the runner registers a listener; on the platforms
 * nobody does and a report costs one comparison. Kept apart from the logger because a listener needs numbers
 * (page N of M, items of total), not text to parse.
 */
export interface PageProgress {
  operation: string;
  /** Pages read so far, this one included. */
  page: number;
  /** Items read so far, this page included. */
  items: number;
  /** Known when Intercom says so (`pages.total_pages`). */
  totalPages?: number;
  /** Known when Intercom says so (`total_count`). */
  totalItems?: number;
}

export type ProgressListener = (progress: PageProgress) => void;

let listener: ProgressListener | undefined;

/** One listener per process (the runner); `undefined` removes it. */
export function onProgress(next: ProgressListener | undefined): void {
  listener = next;
}

/** Reports a page just read; totals are taken from the page document when Intercom gives them. */
export function reportPage(operation: string, page: number, items: number, document: unknown): void {
  if (!listener) return;
  const progress: PageProgress = { operation, page, items };
  const doc = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  const pagesInfo = typeof doc['pages'] === 'object' && doc['pages'] !== null ? (doc['pages'] as Record<string, unknown>) : {};
  const totalPages = pagesInfo['total_pages'];
  if (typeof totalPages === 'number' && Number.isSafeInteger(totalPages) && totalPages > 0) progress.totalPages = totalPages;
  const totalItems = doc['total_count'];
  if (typeof totalItems === 'number' && Number.isSafeInteger(totalItems) && totalItems >= 0) progress.totalItems = totalItems;
  listener(progress);
}

/** One request the component sent and its outcome, for whoever shows it (the runner's designer page). */
export interface RequestReport {
  operation: string;
  method: string;
  /** The path as sent (ids encoded), without the query. */
  path: string;
  query?: Readonly<Record<string, string>>;
  /** 0 when no answer came (the network error is `code`). */
  status: number;
  requestId?: string;
  ms: number;
  code?: string;
}

let requestListener: ((report: RequestReport) => void) | undefined;

/** One listener per process, as for pages; `undefined` removes it. */
export function onRequest(next: ((report: RequestReport) => void) | undefined): void {
  requestListener = next;
}

/** Reports a request that got an answer (or none): a no-op, without building anything, when nobody listens. */
export function reportRequest(
  req: { operation: string; method: string; path: string; query?: Readonly<Record<string, string>> },
  status: number,
  requestId: string | undefined,
  ms: number,
  code?: string,
): void {
  if (!requestListener) return;
  const report: RequestReport = { operation: req.operation, method: req.method, path: req.path, status, ms };
  if (req.query !== undefined) report.query = req.query;
  if (requestId !== undefined) report.requestId = requestId;
  if (code !== undefined) report.code = code;
  requestListener(report);
}
