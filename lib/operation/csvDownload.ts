import { Readable } from 'node:stream';
import { DELIVER_AS, DOWNLOAD_FIELDS, MAX_BATCH_SIZE } from '../catalogue/fields';
import type { ApiRequest, IntercomClient } from '../runtime/client';
import { asStream, csvRecords } from '../runtime/downloads';
import { choiceOf, stepField, wholeNumber } from '../runtime/configValues';
import type { StepContext } from '../runtime/step';

/**
 * A data export's CSV as messages: one per row, or one per batch of rows (the file sink, one message carrying
 * the whole export, is lib/files/downloadFile.ts). Records are emitted as they are read, so memory holds one
 * batch; awaiting every emit gives natural back-pressure: the socket is read no faster than messages are published.
 */

export interface DownloadOptions {
  /** Rows per message; undefined: one message per row, `{ row }`. */
  batchSize?: number;
  /** `file`: one message carrying the CSV as a file attachment (lib/files/downloadFile.ts) instead of rows. */
  deliverAs?: 'rows' | 'file';
}

export function readDownloadOptions(cfg: unknown): DownloadOptions {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const deliverAs = choiceOf(config[DOWNLOAD_FIELDS.deliverAs], stepField(DOWNLOAD_FIELDS.deliverAs), Object.values(DELIVER_AS), DELIVER_AS.rows);
  if (deliverAs === DELIVER_AS.file) return { deliverAs: 'file' };
  const batchSize = wholeNumber(config[DOWNLOAD_FIELDS.batchSize], stepField(DOWNLOAD_FIELDS.batchSize), { min: 1, max: MAX_BATCH_SIZE });
  return batchSize === undefined || batchSize === 1 ? {} : { batchSize };
}

/**
 * Calls a download operation and emits its CSV rows: `{ row }` per message, or `{ rows }` per batch of
 * `batchSize` rows (the last batch may be smaller). An empty file emits nothing.
 */
export async function emitCsvDownload(
  ctx: StepContext,
  client: IntercomClient,
  request: ApiRequest,
  options: DownloadOptions,
): Promise<number> {
  const response = await client.request({ ...request, accept: 'application/octet-stream', responseType: 'stream' });
  const source = asStream(response.data);
  let count = 0;
  let batch: Array<Record<string, string>> = [];
  try {
    for await (const row of csvRecords(source)) {
      count++;
      if (options.batchSize === undefined) {
        await ctx.emitData({ row });
        continue;
      }
      batch.push(row);
      if (batch.length >= options.batchSize) {
        await ctx.emitData({ rows: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await ctx.emitData({ rows: batch });
  } finally {
    if (source instanceof Readable && !source.readableEnded) source.destroy();
  }
  ctx.logger.info(`${request.operation}: ${count} row(s) downloaded${count === 0 ? '; the export file was empty' : ''}`);
  return count;
}
