import { Readable } from 'node:stream';
import type { IntercomClient } from '../runtime/client';
import type { Call } from '../runtime/operations';
import type { StepContext } from '../runtime/step';
import { describeBytes, fileLimits } from './limits';
import { httpUrl, StorageError, storeStream } from './storage';

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

/** Streams the file at a public URL into the object storage. */
export async function storeRemoteFile(rawUrl: string): Promise<StoredAttachment> {
  const url = httpUrl(rawUrl);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(fileLimits.storageTimeoutMs) });
  } catch (error) {
    throw new StorageError(`the file at ${url.host} could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new StorageError(`the file at ${url.host} answered ${response.status} (Intercom's file URLs expire after a few minutes)`);
  }
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const stored = await storeStream(asBuffers(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)), contentType);
  return { url: stored.url, size: stored.size, 'content-type': contentType };
}

async function* asBuffers(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
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
}

/** Every `attachments` list in the record (the record's source, each part) whose items carry a name and a URL. */
export function findAttachments(record: unknown, found: FoundAttachment[] = [], owner = 'record'): FoundAttachment[] {
  if (Array.isArray(record)) {
    for (const item of record) findAttachments(item, found, owner);
    return found;
  }
  if (typeof record !== 'object' || record === null) return found;
  const object = record as Record<string, unknown>;
  const self = typeof object['id'] === 'string' || typeof object['id'] === 'number' ? String(object['id']) : owner;
  for (const [key, value] of Object.entries(object)) {
    if (key === 'attachments' && Array.isArray(value)) {
      for (const item of value) {
        const a = item as Record<string, unknown> | null;
        if (typeof a?.['url'] === 'string' && typeof a['name'] === 'string') found.push({ owner: self, name: a['name'], url: a['url'] });
      }
    } else {
      findAttachments(value, found, self);
    }
  }
  return found;
}

/** Stores the files attached to a record's parts, one after the other; the message's attachments, by `<owner id>-<name>`. */
export async function storePartAttachments(ctx: StepContext, operation: string, record: unknown): Promise<Record<string, StoredAttachment>> {
  const stored: Record<string, StoredAttachment> = {};
  let total = 0;
  for (const found of findAttachments(record)) {
    let name = safeName(`${found.owner}-${found.name}`);
    for (let n = 2; stored[name] !== undefined; n++) name = safeName(`${found.owner}-${n}-${found.name}`);
    let file: StoredAttachment;
    try {
      file = await storeRemoteFile(found.url);
    } catch (error) {
      throw new StorageError(`${operation}: attachment "${found.name}" of ${found.owner} could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
    stored[name] = file;
    total += file.size;
  }
  const count = Object.keys(stored).length;
  if (count > 0) ctx.logger.info(`${operation}: ${count} attachment(s) stored as files, ${describeBytes(total)} in all`);
  return stored;
}
