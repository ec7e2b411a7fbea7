import { Readable } from 'node:stream';
import { DOWNLOAD_FIELDS } from '../catalogue/fields';
import type { ApiRequest, IntercomClient } from '../runtime/client';
import { asStream, csvRecords } from '../runtime/downloads';
import { ConfigurationError } from '../runtime/errors';
import type { StepContext } from '../runtime/step';

/**
 * A data export's CSV as messages: one per row, or one per batch of rows (the file sink, one message carrying
 * the whole export, is lib/files/downloadFile.ts). Records are emitted as they are read, so memory holds one
 * batch; awaiting every emit gives natural back-pressure: the socket is read no faster than messages are published.
 */

/** A message must stay far below the platform's message size limit; 10,000 short rows do. */
export const MAX_BATCH_SIZE = 10_000;

export interface DownloadOptions {
  /** Rows per message; undefined: one message per row, `{ row }`. */
  batchSize?: number;
  /** `file`: one message carrying the CSV as a file attachment (lib/files/downloadFile.ts) instead of rows. */
  deliverAs?: 'rows' | 'file';
}

export const DELIVER_AS = { rows: 'rows', file: 'file' } as const;

export function readDownloadOptions(cfg: unknown): DownloadOptions {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const deliverAs = config[DOWNLOAD_FIELDS.deliverAs];
  if (deliverAs === DELIVER_AS.file) return { deliverAs: 'file' };
  if (deliverAs !== undefined && deliverAs !== null && deliverAs !== '' && deliverAs !== DELIVER_AS.rows) {
    throw new ConfigurationError(`Step field "${DOWNLOAD_FIELDS.deliverAs}" must be "${DELIVER_AS.rows}" or "${DELIVER_AS.file}"; got ${JSON.stringify(deliverAs)}`);
  }
  const raw = config[DOWNLOAD_FIELDS.batchSize];
  if (raw === undefined || raw === null || raw === '') return {};
  const number = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(number) || number < 1 || number > MAX_BATCH_SIZE) {
    throw new ConfigurationError(
      `Step field "${DOWNLOAD_FIELDS.batchSize}" must be a whole number from 1 to ${MAX_BATCH_SIZE}; got ${JSON.stringify(raw)}`,
    );
  }
  return number === 1 ? {} : { batchSize: number };
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
