import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

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
  let header: string[] | undefined;
  const toRecord = (fields: string[]): Record<string, string> | undefined => {
    if (!header) {
      header = uniqueHeader(fields);
      return undefined;
    }
    const record: Record<string, string> = {};
    const width = Math.max(header.length, fields.length);
    for (let i = 0; i < width; i++) record[header[i] ?? `column_${i + 1}`] = fields[i] ?? '';
    return record;
  };
  for await (const chunk of decompressed(bytes)) {
    for (const fields of parser.feed(decoder.decode(chunk, { stream: true }))) {
      const record = toRecord(fields);
      if (record) yield record;
    }
  }
  for (const fields of parser.feed(decoder.decode())) {
    const record = toRecord(fields);
    if (record) yield record;
  }
  for (const fields of parser.finish()) {
    const record = toRecord(fields);
    if (record) yield record;
  }
}

/** Names made unique and non-empty, so no column silently overwrites another. */
function uniqueHeader(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, index) => {
    const base = raw.trim() === '' ? `column_${index + 1}` : raw;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/** Gunzips when the stream starts with the gzip magic bytes (1f 8b); passes anything else through. */
export async function* decompressed(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
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
  const gunzip = createGunzip();
  // pipeline propagates a failure on either side (network reset, corrupt gzip) to the iteration below.
  pipeline(Readable.from(rest()), gunzip, () => undefined);
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
