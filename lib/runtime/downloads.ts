import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LimitExceededError } from './errors';
import { mentionsSecret, redactValue } from './redact';
import { settings } from './settings';

/**
 * Data export downloads (content data export: gzipped CSV; reporting data export: CSV, possibly gzipped), read
 * as they stream in: bytes are gunzipped when they start with the gzip magic number, decoded and cut into CSV
 * records one at a time, so memory holds one network chunk, never the whole file. What becomes of the records
 * (messages of rows, or one stored file) is the operation layer's (lib/operation/csvDownload.ts).
 */

/** A "row" larger than this is not CSV (or not the CSV we expect): stop rather than buffer without bound. */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

/** The CSV records of a byte stream, header row turned into keys. */
export async function* csvRecords(bytes: AsyncIterable<unknown>): AsyncGenerator<Record<string, string>> {
  const parser = new CsvParser();
  const decoder = new TextDecoder('utf-8');
  let header: CsvHeader | undefined;
  const toRecord = (fields: string[]): Record<string, string> | undefined => {
    if (!header) {
      header = new CsvHeader(fields);
      return undefined;
    }
    const record: Record<string, string> = {};
    const width = Math.max(header.width, fields.length);
    for (let i = 0; i < width; i++) record[header.name(i)] = fields[i] ?? '';
    return record;
  };
  const secrets = new SecretWatch();
  for await (const chunk of decompressed(bytes)) {
    const text = decoder.decode(chunk, { stream: true });
    secrets.read(text);
    for (const fields of parser.feed(text)) {
      const record = toRecord(fields);
      if (record) yield secrets.scrub(record);
    }
  }
  for (const fields of parser.feed(decoder.decode())) {
    const record = toRecord(fields);
    if (record) yield secrets.scrub(record);
  }
  for (const fields of parser.finish()) {
    const record = toRecord(fields);
    if (record) yield secrets.scrub(record);
  }
}

/**
 * Whether a known secret turned up in the text read so far (it may span two pieces: the end of the last piece
 * is read again with the next); from then on every row is scrubbed before it is emitted. Rows of a file that
 * holds none cost one search per piece.
 */
class SecretWatch {
  private static readonly OVERLAP = 4096;
  private tail = '';
  private found = false;

  read(text: string): void {
    if (this.found) return;
    const window = this.tail + text;
    this.found = mentionsSecret(window);
    this.tail = window.slice(-SecretWatch.OVERLAP);
  }

  scrub(record: Record<string, string>): Record<string, string> {
    return this.found ? redactValue(record) : record;
  }
}

/** Header names that would reach an object's prototype (`__proto__`) or that this component refuses as input keys. */
const RESERVED_COLUMN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The keys of a CSV's rows, one per column and never two alike, so every value of a row is kept: an empty header
 * is `column_<n>` (its position), a reserved name gets the prefix `csv_` (`csv___proto__`), and a name already
 * taken gets the first free suffix `_2`, `_3`… (`a,a_2,a` → `a, a_2, a_3`). A row wider than the header gets
 * `column_<n>` keys for the extra values, by the same rules.
 */
export class CsvHeader {
  private readonly names: string[] = [];
  private readonly taken = new Set<string>();
  /** The header's own columns; a shorter row gets '' for the missing ones. */
  readonly width: number;

  constructor(fields: readonly string[]) {
    fields.forEach((raw, index) => this.add(raw, index));
    this.width = fields.length;
  }

  /** The key of column `index` (0-based); a column beyond the header gets its name now. */
  name(index: number): string {
    while (this.names.length <= index) this.add('', this.names.length);
    return this.names[index] as string;
  }

  private add(raw: string, index: number): void {
    const base = raw.trim() === '' ? `column_${index + 1}` : RESERVED_COLUMN_NAMES.has(raw) ? `csv_${raw}` : raw;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    this.names.push(name);
  }
}

/** The decompression ratio is judged only once this much has come out: small files may compress very well. */
export const RATIO_CHECKED_AFTER_BYTES = 10 * 1024 * 1024;

/**
 * Gunzips when the stream starts with the gzip magic bytes (1f 8b); passes anything else through. Either way
 * it stops with an error once more than `settings.maxDownloadBytes` came out, and a gzipped stream also once it
 * unpacks to more than `settings.maxCompressionRatio` times what went in (a gzip bomb stops after a few MiB).
 */
export async function* decompressed(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  const { maxDownloadBytes, maxCompressionRatio } = settings;
  let packed = 0;
  let unpacked = 0;
  for await (const chunk of unpackedChunks(source, (bytes) => (packed += bytes))) {
    unpacked += chunk.length;
    if (unpacked > maxDownloadBytes) {
      throw new LimitExceededError(`the download is larger than ${maxDownloadBytes} bytes once unpacked (INTERCOM_MAX_DOWNLOAD_BYTES); stopped reading it`);
    }
    if (packed > 0 && unpacked > RATIO_CHECKED_AFTER_BYTES && unpacked > packed * maxCompressionRatio) {
      throw new LimitExceededError(
        `the download unpacks to more than ${maxCompressionRatio} times its compressed size (${unpacked} bytes from ${packed}; INTERCOM_MAX_COMPRESSION_RATIO ${maxCompressionRatio}): ` +
          'stopped reading it, this is not an export (a CSV export compresses some 5 to 20 times)',
      );
    }
    yield chunk;
  }
}

/** The stream's bytes, gunzipped when gzipped; `countPacked` hears of every compressed byte fed to the gunzip. */
async function* unpackedChunks(source: AsyncIterable<unknown>, countPacked: (bytes: number) => void): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let exhausted = false;
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head = Buffer.concat([head, toBuffer(next.value)]);
  }
  async function* rest(): AsyncGenerator<Buffer> {
    let finished = exhausted;
    try {
      if (head.length > 0) yield head;
      while (!finished) {
        const next = await iterator.next();
        if (next.done) finished = true;
        else yield toBuffer(next.value);
      }
    } finally {
      // A consumer that stops early (an emit failed) releases the connection instead of leaving it half read.
      if (!finished) await iterator.return?.();
    }
  }
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest();
    return;
  }
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of rest()) {
      countPacked(chunk.length);
      yield chunk;
    }
  }
  const gunzip = createGunzip();
  // pipeline propagates a failure on either side (network reset, corrupt gzip) to the iteration below.
  pipeline(Readable.from(counted()), gunzip, () => undefined);
  for await (const chunk of gunzip) yield toBuffer(chunk);
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(typeof value === 'string' ? value : String(value));
}

export function asStream(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data === null || data === undefined || data === '') return Readable.from([]);
  if (typeof data === 'string' || Buffer.isBuffer(data)) return Readable.from([data]);
  throw new Error('The download did not arrive as a byte stream');
}

/**
 * RFC 4180 CSV, fed in pieces of any size: quoted fields may hold commas, quotes (doubled) and line breaks;
 * records end with LF, CRLF or CR; blank lines are skipped. Returns the records completed by each piece.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private rowChars = 0;
  private inQuotes = false;
  /** A quote was seen inside a quoted field: the next character says whether it was an escape or the end. */
  private quotePending = false;
  /** The field began with a quote (so later quotes in it are literal once it is closed). */
  private fieldStarted = false;
  /** A CR ended the last record: a directly following LF belongs to it. */
  private afterCR = false;

  feed(text: string): string[][] {
    const rows: string[][] = [];
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false;
        if (char === '\n') continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (char === '"') {
            this.append('"');
            continue;
          }
          this.inQuotes = false; // that quote closed the field; this character is read as unquoted below
        } else if (char === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.append(char);
          continue;
        }
      }
      if (char === ',') {
        this.endField();
      } else if (char === '\n' || char === '\r') {
        this.endRow(rows);
        this.afterCR = char === '\r';
      } else if (char === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        this.fieldStarted = true;
        this.append(char);
      }
    }
    return rows;
  }

  /** The last record when the file does not end with a line break. */
  finish(): string[][] {
    if (this.inQuotes && !this.quotePending) {
      throw new Error('The CSV file ends inside a quoted field; the download is incomplete or not CSV');
    }
    this.inQuotes = false;
    this.quotePending = false;
    const rows: string[][] = [];
    this.endRow(rows);
    return rows;
  }

  private append(char: string): void {
    this.field += char;
    this.rowChars += char.length;
    if (this.rowChars > MAX_ROW_CHARS) {
      throw new Error(`A CSV record is longer than ${MAX_ROW_CHARS} characters; the download is not the expected CSV`);
    }
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(rows: string[][]): void {
    const blank = this.row.length === 0 && this.field === '' && !this.fieldStarted;
    if (!blank) {
      this.endField();
      rows.push(this.row);
    }
    this.row = [];
    this.field = '';
    this.fieldStarted = false;
    this.rowChars = 0;
  }
}
