import type { ApiRequest, IntercomClient } from '../runtime/client';
import { asStream, decompressed } from '../runtime/downloads';
import type { StepContext } from '../runtime/step';
import { describeBytes } from './limits';
import { objectStorage, STORAGE_TOKEN_ENV, STORAGE_URI_ENV, storeStream } from './storage';

/**
 * The file sink of the CSV downloads (beside the row emitter in lib/operation/csvDownload.ts): the export is
 * streamed from Intercom, gunzipped when gzipped, and streamed into the platform's object storage as one
 * file; one message then carries it as an attachment. Memory holds one chunk at a time, whatever the size.
 */

export const CSV_CONTENT_TYPE = 'text/csv';

/**
 * Whether files can be stored here. Under OIH (ferryman) and wherever the platform set no object storage,
 * there is none: the step says so once and the caller delivers what it did before (`instead`).
 */
export function canDeliverFiles(ctx: StepContext, operation: string, instead: string): boolean {
  if (ctx.runtime === 'ferryman') {
    ctx.logger.warn(`${operation}: delivering files needs elastic.io's file storage, which the Open Integration Hub does not provide; delivering ${instead} instead`);
    return false;
  }
  if (!objectStorage()) {
    ctx.logger.warn(`${operation}: delivering files needs the platform's object storage (${STORAGE_URI_ENV}, ${STORAGE_TOKEN_ENV} are not set); delivering ${instead} instead`);
    return false;
  }
  return true;
}

/** The file's name: the export's job identifier, which names the export in Intercom too. */
export function exportFileName(request: ApiRequest): string {
  const last = request.path.split('/').filter(Boolean).at(-1) ?? 'export';
  const job = decodeURIComponent(last).replace(/[^\w.-]/g, '_');
  return `${job}.csv`;
}

/** Downloads the export into one stored file and emits one message with it as an attachment; returns its size. */
export async function emitDownloadAsFile(ctx: StepContext, client: IntercomClient, request: ApiRequest): Promise<number> {
  const response = await client.request({ ...request, accept: 'application/octet-stream', responseType: 'stream' });
  const source = asStream(response.data);
  let stored;
  try {
    stored = await storeStream(decompressed(source), CSV_CONTENT_TYPE);
  } finally {
    if (!source.readableEnded) source.destroy();
  }
  const name = exportFileName(request);
  await ctx.emitData(
    { file: { name, size: stored.size, content_type: CSV_CONTENT_TYPE } },
    { attachments: { [name]: { url: stored.url, size: stored.size, 'content-type': CSV_CONTENT_TYPE } } },
  );
  ctx.logger.info(`${request.operation}: the export was stored as one file, ${name}, ${describeBytes(stored.size)}`);
  return stored.size;
}
