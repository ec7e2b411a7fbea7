import type { IncomingMessage } from 'node:http';
import { FILE_FIELDS } from '../catalogue/fields';
import type { IntercomClient } from '../runtime/client';
import { LimitExceededError } from '../runtime/errors';
import type { Call } from '../runtime/operations';
import { settings } from '../runtime/settings';
import type { StepContext } from '../runtime/step';
import { describeBytes, fileLimits } from './limits';
import { FileHostError, getFile } from './fileHosts';
import { httpUrl, reason, StorageError, storeStream } from './storage';

/**
 * Files Intercom hands out as short-lived public URLs (a call's recording, the attachments of conversation and
 * ticket parts), stored in the platform's object storage for the next step. The URLs are fetched without any
 * credential (the Intercom token never leaves for another host) and streamed through, never held whole.
 */

export interface StoredAttachment {
  url: string;
  size: number;
  'content-type': string;
}

/** The per-file bound of what is stored from a URL. */
const DOWNLOAD_LIMIT_NAME = (): string => `the limit of ${describeBytes(settings.maxDownloadBytes)} per download (INTERCOM_MAX_DOWNLOAD_BYTES)`;

/**
 * Streams the file at a public URL into the object storage, at most `maxBytes` of it: a declared length over
 * it is refused before a byte is stored, and the stream stops as soon as it passes it.
 */
export async function storeRemoteFile(rawUrl: string, maxBytes = settings.maxDownloadBytes, limitName = DOWNLOAD_LIMIT_NAME()): Promise<StoredAttachment> {
  const url = httpUrl(rawUrl);
  let response: IncomingMessage;
  try {
    // No credential goes with it, and only a public address is fetched from (fileHosts.ts), redirects included.
    response = await getFile(url, { signal: AbortSignal.timeout(fileLimits.storageTimeoutMs) });
  } catch (error) {
    throw new StorageError(`the file at ${url.host} could not be fetched (${error instanceof FileHostError ? error.message : reason(error)})`);
  }
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new StorageError(`the file at ${url.host} answered ${status} (Intercom's file URLs expire after a few minutes)`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new LimitExceededError(`the file at ${url.host} is ${describeBytes(declared)}, over ${limitName}; nothing was stored`);
  }
  const contentType = response.headers['content-type'] ?? 'application/octet-stream';
  try {
    const stored = await storeStream(bounded(response, maxBytes, `the file at ${url.host}`, limitName), contentType);
    return { url: stored.url, size: stored.size, 'content-type': contentType };
  } finally {
    if (!response.readableEnded) response.destroy();
  }
}

/** The chunks of a stream as Buffers, stopping with an error once more than `maxBytes` went through. */
async function* bounded(source: AsyncIterable<unknown>, maxBytes: number, what: string, limitName: string): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw new LimitExceededError(`${what} is longer than ${describeBytes(maxBytes)}, over ${limitName}; storing it stopped`);
    yield buffer;
  }
}

/** A file name without path separators or control characters. */
function safeName(name: string): string {
  return Array.from(name, (char) => (char === '/' || char === '\\' || char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
}

/** getCallRecording with *Deliver as: file*: follows Intercom's redirect to the recording and stores it. */
export async function emitRecordingAsFile(ctx: StepContext, client: IntercomClient, call: Call): Promise<void> {
  const response = await client.request({ ...call, responseType: 'redirect' });
  const location = response.headers['location'];
  if (!location) throw new StorageError(`${call.operation}: Intercom answered ${response.status} without the recording's URL`);
  const stored = await storeRemoteFile(location);
  const id = decodeURIComponent(call.path.split('/').filter(Boolean).at(-2) ?? 'call');
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(new URL(location).pathname)?.[0] ?? '';
  const name = safeName(`call-${id}-recording${extension}`);
  await ctx.emitData({ file: { name, size: stored.size, content_type: stored['content-type'] } }, { attachments: { [name]: stored } });
  ctx.logger.info(`${call.operation}: the recording was stored as one file, ${name}, ${describeBytes(stored.size)}`);
}

interface FoundAttachment {
  owner: string;
  name: string;
  url: string;
  /** `filesize` as Intercom states it, when it does. */
  size?: number;
}

/**
 * The files Intercom attaches to a conversation or a ticket, exactly where its description (2.16) puts them:
 * the conversation's `source.attachments`, each `conversation_parts.conversation_parts[].attachments` and each
 * `ticket_parts.ticket_parts[].attachments`, lists of `part_attachment` ({ name, url, filesize, … }). Nothing else
 * in the record is read: an `attachments` list elsewhere (a custom attribute's value) is data, not Intercom's file.
 */
export function findAttachments(record: unknown): FoundAttachment[] {
  const found: FoundAttachment[] = [];
  if (!isObject(record)) return found;
  const take = (owner: unknown, fallback: string): void => {
    if (!isObject(owner) || !Array.isArray(owner['attachments'])) return;
    const id = typeof owner['id'] === 'string' || typeof owner['id'] === 'number' ? String(owner['id']) : fallback;
    for (const item of owner['attachments'] as unknown[]) {
      if (!isObject(item) || typeof item['url'] !== 'string' || typeof item['name'] !== 'string') continue;
      const size = item['filesize'];
      found.push({ owner: id, name: item['name'], url: item['url'], ...(typeof size === 'number' && Number.isFinite(size) && size >= 0 ? { size } : {}) });
    }
  };
  take(record['source'], 'source');
  for (const [listKey, itemsKey] of [['conversation_parts', 'conversation_parts'], ['ticket_parts', 'ticket_parts']] as const) {
    const list = record[listKey];
    const parts = isObject(list) ? list[itemsKey] : undefined;
    if (Array.isArray(parts)) for (const part of parts) take(part, 'part');
  }
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stores the files attached to a record's parts, one after the other; the message's attachments, by
 * `<owner id>-<name>`. At most `maxPartAttachments` files and `maxPartAttachmentBytes` together: a record over
 * either (by count, or by the sizes Intercom states) stores nothing and fails naming the bound; a file longer
 * than it said stops being stored as soon as the total passes the bound.
 */
export async function storePartAttachments(ctx: StepContext, operation: string, record: unknown): Promise<Record<string, StoredAttachment>> {
  const found = findAttachments(record);
  const { maxPartAttachments, maxPartAttachmentBytes } = fileLimits;
  const advice = `nothing was stored; raise it, or set "${FILE_FIELDS.partAttachments}" to leave the attachments as URLs`;
  if (found.length > maxPartAttachments) {
    throw new LimitExceededError(`${operation}: the record has ${found.length} attached files, more than the ${maxPartAttachments} stored for one message (INTERCOM_MAX_PART_ATTACHMENTS); ${advice}`);
  }
  const declared = found.reduce((sum, f) => sum + (f.size ?? 0), 0);
  if (declared > maxPartAttachmentBytes) {
    throw new LimitExceededError(`${operation}: the record's attached files are ${describeBytes(declared)} together, over the ${describeBytes(maxPartAttachmentBytes)} stored for one message (INTERCOM_MAX_PART_ATTACHMENT_BYTES); ${advice}`);
  }
  const stored: Record<string, StoredAttachment> = {};
  let total = 0;
  for (const item of found) {
    let name = safeName(`${item.owner}-${item.name}`);
    for (let n = 2; stored[name] !== undefined; n++) name = safeName(`${item.owner}-${n}-${item.name}`);
    const room = maxPartAttachmentBytes - total;
    const [budget, limitName] =
      room < settings.maxDownloadBytes ? [room, `the ${describeBytes(maxPartAttachmentBytes)} of attached files stored for one message (INTERCOM_MAX_PART_ATTACHMENT_BYTES)`] : [settings.maxDownloadBytes, DOWNLOAD_LIMIT_NAME()];
    let file: StoredAttachment;
    try {
      file = await storeRemoteFile(item.url, budget, limitName);
    } catch (error) {
      throw new StorageError(`${operation}: attachment "${item.name}" of ${item.owner} could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
    stored[name] = file;
    total += file.size;
  }
  const count = Object.keys(stored).length;
  if (count > 0) ctx.logger.info(`${operation}: ${count} attachment(s) stored as files, ${describeBytes(total)} in all`);
  return stored;
}
