import { FILE_INPUTS } from '../catalogue/fields';
import { ComponentError, InputValidationError } from '../runtime/errors';
import { INTERCOM_FILES_PROPERTY, MAX_ATTACHMENT_FILES } from '../catalogue/files';
import { jsonBytes, MAX_REQUEST_ENV, requestTooLarge } from '../runtime/requestSize';
import { settings } from '../runtime/settings';
import { attachmentLimit, base64Length, describeBytes } from './limits';
import { readStoredFile } from './storage';

/**
 * The one place where a step's `attachments` input becomes Intercom's `attachment_files`: the named files of
 * the incoming message (`msg.attachments`, `{ "<name>": { url, size, "content-type" } }`) are read from the
 * platform's storage and sent inline as `{ name, content_type, data }` (base64). Every limit is checked before
 * Intercom is called: the names and count first, then the declared sizes, then the bytes as they are read.
 */

export interface AttachmentFile {
  name: string;
  content_type: string;
  data: string;
}

interface IncomingAttachment {
  name: string;
  url: string;
  size?: number;
  contentType: string;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** A file could not be read from the platform's storage (missing, refused, too slow, too large). */
export class AttachmentError extends ComponentError {
  readonly kind = 'input';
}

/** `"all"`, a list of names, or one text of comma/line-separated names; nothing (or empty) selects none. */
export function selectedNames(value: unknown, available: readonly string[]): { names: string[]; problems: string[] } {
  const field = `field ${FILE_INPUTS.attachments}`;
  if (value === undefined || value === null || value === '') return { names: [], problems: [] };
  if (value === 'all') return { names: [...available], problems: [] };
  let names: unknown[];
  if (typeof value === 'string') names = value.split(/[,\n]/).map((name) => name.trim()).filter(Boolean);
  else if (Array.isArray(value)) names = value;
  else return { names: [], problems: [`${field}: must be "all" or a list of attachment names`] };
  const problems: string[] = [];
  const picked: string[] = [];
  names.forEach((name, index) => {
    if (typeof name !== 'string' || name.trim() === '') problems.push(`${field}.${index}: must be an attachment name`);
    else if (!available.includes(name)) problems.push(`${field}: the incoming message has no attachment "${name}" (it has: ${available.map((n) => `"${n}"`).join(', ') || 'none'})`);
    else if (!picked.includes(name)) picked.push(name);
  });
  return { names: picked, problems };
}

/** The incoming message's attachments, as the platform describes them. */
export function incomingAttachments(attachments: unknown): Map<string, IncomingAttachment> {
  const found = new Map<string, IncomingAttachment>();
  if (typeof attachments !== 'object' || attachments === null) return found;
  for (const [name, raw] of Object.entries(attachments as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const item = raw as Record<string, unknown>;
    if (typeof item['url'] !== 'string') continue;
    const size = Number(item['size']);
    const contentType = item['content-type'];
    found.set(name, {
      name,
      url: item['url'],
      ...(item['size'] !== undefined && item['size'] !== null && Number.isFinite(size) ? { size } : {}),
      contentType: typeof contentType === 'string' && contentType.trim() !== '' ? contentType : DEFAULT_CONTENT_TYPE,
    });
  }
  return found;
}

/** The request body's bytes around the files' data: the rest of the body and each file's entry without its data. */
function bodyBytesBesidesData(rest: Record<string, unknown>, planned: readonly IncomingAttachment[]): number {
  if (planned.length === 0) return jsonBytes(rest);
  const entries = planned.reduce((sum, item) => sum + jsonBytes({ name: item.name, content_type: item.contentType, data: '' }), 0);
  // ,"attachment_files":[e1,e2] : the property, its brackets and the commas between entries.
  const property = jsonBytes(INTERCOM_FILES_PROPERTY) + 1 + (Object.keys(rest).length > 0 ? 1 : 0) + 2 + (planned.length - 1);
  return jsonBytes(rest) + property + entries;
}

/**
 * Checks what can be checked without reading a byte: the selection, Intercom's count limit, and the sizes the
 * message declares against the one size rule: the request body they make, base64 and all, must fit under the
 * request cap (requestSize.ts), and the files under the attachment limit. `rest`: the body the files join.
 * Throws InputValidationError naming every problem.
 */
export function planAttachmentFiles(operation: string, value: unknown, attachments: unknown, filesGiven = false, rest: Record<string, unknown> = {}): IncomingAttachment[] {
  const available = incomingAttachments(attachments);
  const { names, problems } = selectedNames(value, [...available.keys()]);
  const field = `field ${FILE_INPUTS.attachments}`;
  if (filesGiven && names.length > 0) problems.push(`${field}: give either ${INTERCOM_FILES_PROPERTY} or ${FILE_INPUTS.attachments}, not both`);
  if (names.length > MAX_ATTACHMENT_FILES) problems.push(`${field}: Intercom takes at most ${MAX_ATTACHMENT_FILES} files per request; ${names.length} were selected`);
  if (problems.length > 0) throw new InputValidationError(operation, problems);
  const planned = names.map((name) => available.get(name)).filter((item): item is IncomingAttachment => item !== undefined);
  // Without files the body is checked as it is sent (client.ts).
  if (planned.length === 0) return planned;
  const declared = planned.reduce((sum, item) => sum + (item.size ?? 0), 0);
  const projected = bodyBytesBesidesData(rest, planned) + planned.reduce((sum, item) => sum + base64Length(item.size ?? 0), 0);
  if (projected > settings.maxRequestBytes) {
    const largest = planned.reduce((a, b) => ((b.size ?? 0) > (a.size ?? 0) ? b : a));
    throw requestTooLarge(
      operation,
      projected,
      `the ${planned.length} selected file(s) are ${describeBytes(declared)} (the largest, "${largest.name}", ${describeBytes(largest.size ?? 0)}) and travel base64-encoded, a third larger; ` +
        `send fewer or smaller files (at most ${describeBytes(roomForFiles(rest, planned))} together with this message), or a link to them instead`,
      FILE_INPUTS.attachments,
    );
  }
  const limit = attachmentLimit();
  for (const item of planned) {
    if ((item.size ?? 0) > limit) problems.push(`${field}: "${item.name}" is ${describeBytes(item.size ?? 0)}, over the limit of ${describeBytes(limit)} of files per request`);
  }
  if (declared > limit && planned.every((item) => (item.size ?? 0) <= limit)) {
    problems.push(`${field}: the selected files are ${describeBytes(declared)} together, over the limit of ${describeBytes(limit)} of files per request`);
  }
  if (problems.length > 0) throw new InputValidationError(operation, problems);
  return planned;
}

/** Bytes of files (before encoding) the request has room for beside the rest of the body, within the attachment limit. */
function roomForFiles(rest: Record<string, unknown>, planned: readonly IncomingAttachment[]): number {
  return Math.max(0, Math.min(attachmentLimit(), Math.floor(((settings.maxRequestBytes - bodyBytesBesidesData(rest, planned)) * 3) / 4)));
}

/**
 * Reads the planned files one after the other, never past the room the request has for them: a file whose size
 * was not declared (or was declared too small) stops being read as soon as it would not fit.
 */
export async function readAttachmentFiles(operation: string, planned: readonly IncomingAttachment[], rest: Record<string, unknown> = {}): Promise<AttachmentFile[]> {
  const room = roomForFiles(rest, planned);
  const byRequest = room < attachmentLimit();
  const limitName = byRequest
    ? `the ${describeBytes(room)} of files the request body has room for (${MAX_REQUEST_ENV} ${settings.maxRequestBytes}, files base64-encoded); send fewer or smaller files, or a link to them instead`
    : `the limit of ${describeBytes(room)} of files per request`;
  let used = 0;
  const files: AttachmentFile[] = [];
  for (const item of planned) {
    let bytes: Buffer;
    try {
      bytes = await readStoredFile(item.url, room - used, limitName);
    } catch (error) {
      if (error instanceof ComponentError && !(error instanceof AttachmentError)) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new AttachmentError(`Attachment "${item.name}" could not be read from the platform's storage: ${detail}; nothing was sent to Intercom (${operation})`);
    }
    used += bytes.length;
    files.push({ name: item.name, content_type: item.contentType, data: bytes.toString('base64') });
  }
  return files;
}

/**
 * The `attachment_files` for a step: the selection (the value of the `attachments` input) checked, then read.
 * Undefined when no file is selected. `filesGiven`: the input also carries attachment_files of its own; `rest`:
 * the request body the files join (its size counts against the request cap).
 */
export async function attachmentFilesFor(operation: string, selection: unknown, incoming: unknown, filesGiven = false, rest: Record<string, unknown> = {}): Promise<AttachmentFile[] | undefined> {
  const planned = planAttachmentFiles(operation, selection, incoming, filesGiven, rest);
  if (planned.length === 0) return undefined;
  return readAttachmentFiles(operation, planned, rest);
}
