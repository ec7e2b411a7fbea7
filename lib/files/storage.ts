import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ComponentError, ConfigurationError } from '../runtime/errors';
import { registerSecret } from '../runtime/redact';
import { FileHostError, getFile } from './fileHosts';
import { describeBytes, fileLimits } from './limits';

/**
 * The platform's file storage, as elastic.io components reach it (facts from @elastic.io/component-commons-library
 * AttachmentProcessor and @elastic.io/maester-client):
 * - a URL with `storage_type=maester` names an object of the object storage: it is read from
 *   `ELASTICIO_OBJECT_STORAGE_URI` + `/objects/<id>` with `Authorization: Bearer ELASTICIO_OBJECT_STORAGE_TOKEN`;
 * - any other URL is a signed URL: a plain GET, no credentials, and only from a public address (fileHosts.ts);
 * - a new object is POSTed to `<uri>/objects` and answered `{ objectId }`; the next step reads it at
 *   `<uri>/objects/<id>?storage_type=maester`.
 * Only the storage token ever goes to the storage, and only to the configured storage host; the Intercom
 * token never does (these requests do not use the Intercom client).
 */

export const STORAGE_URI_ENV = 'ELASTICIO_OBJECT_STORAGE_URI';
export const STORAGE_TOKEN_ENV = 'ELASTICIO_OBJECT_STORAGE_TOKEN';

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

interface ObjectStorage {
  uri: string;
  token: string;
}

/** The object storage this process may use, or undefined when the platform provides none (OIH, local runs). */
export function objectStorage(): ObjectStorage | undefined {
  const uri = process.env[STORAGE_URI_ENV]?.trim();
  const token = process.env[STORAGE_TOKEN_ENV]?.trim();
  if (!uri || !token) return undefined;
  registerSecret(token);
  return { uri: uri.replace(/\/+$/, ''), token };
}

export function isObjectStorageUrl(url: URL): boolean {
  return url.searchParams.get('storage_type') === 'maester';
}

/** A file URL the component may read: http(s) only. */
export function httpUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new StorageError(`"${rawUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StorageError(`"${url.protocol}" URLs are not read; only http(s)`);
  return url;
}

/**
 * Where a file URL is read from, and with which headers. An object-storage URL is read from the configured
 * storage with its token (`trusted`: the platform's own host, whatever its address); any other URL is a signed
 * URL, read without credentials and only from a public address (fileHosts.ts).
 */
export function readTarget(rawUrl: string): { url: URL; headers: Record<string, string>; trusted: boolean } {
  const url = httpUrl(rawUrl);
  if (!isObjectStorageUrl(url)) return { url, headers: {}, trusted: false };
  const storage = objectStorage();
  if (!storage) throw new ConfigurationError(`the file is in the platform's object storage, but ${STORAGE_URI_ENV} and ${STORAGE_TOKEN_ENV} are not set in this runtime`);
  const id = url.pathname.split('/objects/')[1];
  if (!id) throw new StorageError(`"${url.pathname}" names no object (expected /objects/<id>)`);
  return { url: new URL(`${storage.uri}/objects/${id}`), headers: { Authorization: `Bearer ${storage.token}` }, trusted: true };
}

/**
 * Reads one file whole, at most `maxBytes` of it: reading stops as soon as the file is longer (the rest is
 * never downloaded), and the whole read is bounded in time.
 */
export async function readStoredFile(rawUrl: string, maxBytes: number, limitName: string): Promise<Buffer> {
  const target = readTarget(rawUrl);
  const signal = AbortSignal.timeout(fileLimits.storageTimeoutMs);
  let response: IncomingMessage;
  try {
    response = await getFile(target.url, { headers: target.headers, trusted: target.trusted, signal });
  } catch (error) {
    throw new StorageError(error instanceof FileHostError ? error.message : `the storage did not answer (${reason(error)})`);
  }
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new StorageError(`the storage answered ${status}`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new StorageError(`it is ${describeBytes(declared)}, over ${limitName}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new StorageError(`it is longer than ${describeBytes(maxBytes)}, over ${limitName}`);
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    throw error instanceof StorageError ? error : new StorageError(`reading it failed (${reason(error)})`);
  }
  return Buffer.concat(chunks, size);
}

export interface StoredObject {
  /** The URL the next step reads the object at. */
  url: string;
  size: number;
}

/**
 * Streams bytes into the object storage as one new object; memory holds one chunk at a time. The byte count
 * is taken as the bytes pass.
 */
export async function storeStream(source: AsyncIterable<Buffer>, contentType: string): Promise<StoredObject> {
  const storage = objectStorage();
  if (!storage) throw new ConfigurationError(`no platform object storage in this runtime (${STORAGE_URI_ENV}, ${STORAGE_TOKEN_ENV})`);
  let size = 0;
  async function* counting(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      size += chunk.length;
      yield chunk;
    }
  }
  const target = new URL(`${storage.uri}/objects`);
  const signal = AbortSignal.timeout(fileLimits.storageTimeoutMs);
  // node:http rather than fetch: pipeline() writes no faster than the socket drains (measured: fetch with a
  // web-stream body buffered a whole 100 MB export before sending it).
  const request = (target.protocol === 'https:' ? https : http).request(target, {
    method: 'POST',
    headers: { Authorization: `Bearer ${storage.token}`, 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' },
    signal,
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  let status: number;
  let text: string;
  try {
    await pipeline(Readable.from(counting()), request, { signal });
    const response = await answered;
    status = response.statusCode ?? 0;
    text = await readSmallBody(response);
  } catch (error) {
    request.destroy();
    if (error instanceof ComponentError) throw error;
    throw new StorageError(`storing the file failed (${reason(error)})`);
  }
  if (status < 200 || status >= 300) throw new StorageError(`the object storage answered ${status} when storing the file`);
  let objectId: unknown;
  try {
    objectId = (JSON.parse(text) as { objectId?: unknown }).objectId;
  } catch {
    objectId = undefined;
  }
  if (typeof objectId !== 'string' || objectId === '') throw new StorageError('the object storage answered without an objectId');
  return { url: `${storage.uri}/objects/${encodeURIComponent(objectId)}?storage_type=maester`, size };
}

/** The storage's short JSON answer; anything past 64 KB is not the answer we expect and is not kept. */
async function readSmallBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= 64 * 1024) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function reason(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) {
    if (error.name === 'TimeoutError' || (error.name === 'AbortError' && (error as { cause?: { name?: string } }).cause?.name === 'TimeoutError')) return `no end within ${fileLimits.storageTimeoutMs} ms`;
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
