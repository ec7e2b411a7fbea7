import type { ApiRequest, ApiResponse, IntercomClient } from './client';
import { type Credentials, readCredentials } from './credentials';
import { emitCsvDownload, isCsvDownload, readDownloadOptions } from './downloads';
import { type IncomingMessage, readInput, type StepContext, stepContext } from './envelope';
import { ConfigurationError, RateLimitExhaustedError } from './errors';
import { operation, type OperationEntry } from './operations';
import { itemsAt, pages, withPageSize } from './pagination';
import { readPagingOptions, type PagingOptions } from './paging';
import { clientFor, identify } from './region';
import { buildRequest } from './request';
import { shapeResult } from './results';

export type ProcessFunction = (
  this: unknown,
  msg: IncomingMessage,
  cfg: unknown,
  snapshot?: unknown,
  headers?: unknown,
  tokenData?: unknown,
) => Promise<void>;

export interface ActionModule {
  process: ProcessFunction;
}

/** The module behind every generated action: `export = forOperation('createContact')`. */
export function forOperation(key: string): ActionModule {
  // Named processAction, not process: a function named `process` would shadow Node's global inside it.
  async function processAction(this: unknown, msg: IncomingMessage, cfg: unknown, _snapshot?: unknown, _headers?: unknown, tokenData?: unknown): Promise<void> {
    const ctx = stepContext(this, msg, tokenData);
    await runStep(ctx, key, async () => {
      const entry = operation(key);
      const credentials = readCredentials(cfg);
      const paging = entry.pagination ? readPagingOptions(cfg) : undefined;
      const download = isCsvDownload(entry) ? readDownloadOptions(cfg) : undefined;
      const request = buildRequest(key, entry, readInput(msg));
      const client = await clientFor(credentials, ctx.logger);
      if (entry.workspaceIdParam) await fillWorkspaceId(request, entry.workspaceIdParam, credentials, ctx);
      if (download) await emitCsvDownload(ctx, client, request, download);
      else await execute(ctx, client, entry, request, paging);
    });
  }
  return { process: processAction };
}

/**
 * Shared outcome handling: a rate limit that outlasted the retries goes back to the platform as a rebound
 * (retried later, nothing lost); anything else fails the step with one clear error.
 */
export async function runStep(ctx: StepContext, key: string, work: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await work();
    ctx.logger.info(`${key} finished in ${Date.now() - started} ms`);
  } catch (error) {
    if (error instanceof RateLimitExhaustedError) {
      ctx.logger.warn(`${key}: ${error.message}; handing the message back to the platform (rebound)`);
      await ctx.emit('rebound', error);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.logger.error(`${key} failed: ${message}`);
    throw error;
  }
}

export async function execute(
  ctx: StepContext,
  client: IntercomClient,
  entry: OperationEntry,
  request: ApiRequest,
  paging: PagingOptions | undefined,
): Promise<void> {
  if (!entry.pagination || !paging) {
    const response = await client.request(requestFor(entry, request));
    await ctx.emitData(shapeResult(entry, request, response));
    return;
  }
  const spec = entry.pagination;
  const limit = paging.maxItems ?? Infinity;
  let emitted = 0;

  if (paging.fetch === 'page') {
    const response: ApiResponse = await client.request(withPageSize(request, spec.style, paging.pageSize));
    if (paging.emit === 'individually') {
      for (const item of itemsAt(response.data, spec.itemsPath).slice(0, limit)) await ctx.emitData(item);
    } else {
      await ctx.emitData(limit === Infinity ? response.data : truncate(response.data, spec.itemsPath, limit));
    }
    return;
  }

  // fetch all: a scroll restarted from the top may repeat items, so those are recognised by id.
  const seen = spec.style === 'scroll' ? new Set<string>() : undefined;
  const collected: unknown[] = [];
  let firstDocument: unknown;
  let pageCount = 0;
  for await (const page of pages(client, request, spec, paging.pageSize)) {
    firstDocument ??= page.document;
    pageCount++;
    for (const item of page.items) {
      if (emitted >= limit) break;
      const id = seen ? idOf(item) : undefined;
      if (id !== undefined && seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      emitted++;
      if (paging.emit === 'individually') await ctx.emitData(item);
      else collected.push(item);
    }
    // Progress of a long read (the CLI shows it on stderr; the platform's logger drops debug lines).
    ctx.logger.debug(`${request.operation}: page ${pageCount}, ${emitted} item(s) so far`);
    if (emitted >= limit) break;
  }
  if (paging.emit === 'oneMessage') await ctx.emitData(allItemsDocument(firstDocument, spec.itemsPath, collected));
  ctx.logger.info(`${request.operation}: ${emitted} item(s) fetched`);
}

/** Reporting-export operations want the workspace code as a query parameter; GET /me (cached per token) knows it. */
async function fillWorkspaceId(request: ApiRequest, param: string, credentials: Credentials, ctx: StepContext): Promise<void> {
  if (request.query?.[param]) return;
  const { identity } = await identify(credentials, ctx.logger, request.operation);
  const code = identity.app?.id_code;
  if (!code) throw new ConfigurationError(`${request.operation}: field ${param} is empty and GET /me did not name the workspace (app.id_code); set ${param}`);
  request.query = { ...request.query, [param]: code };
}

function requestFor(entry: OperationEntry, request: ApiRequest): ApiRequest {
  switch (entry.response) {
    case 'text':
      return { ...request, accept: 'text/plain', responseType: 'text' };
    case 'redirect':
      return { ...request, responseType: 'redirect' };
    default:
      return request;
  }
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
