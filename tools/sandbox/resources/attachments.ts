/**
 * Files sent inline with a reply (`attachment_files`: name, content_type, base64 data, at most 10): checked as
 * Intercom's description states them and kept on the part as `upload` attachments with their decoded size, so a
 * test can read back what arrived.
 */
import { createHash } from 'node:crypto';
import { badRequest } from '../errors';
import { isObject, optArray, type JsonObject } from '../input';
import type { PartAttachment } from '../store/records';

const MAX_FILES = 10;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function attachmentFilesOf(body: JsonObject, partId: string): PartAttachment[] {
  const files = optArray(body, 'attachment_files');
  if (files === undefined) return [];
  if (files.length > MAX_FILES) throw badRequest(`attachment_files takes at most ${MAX_FILES} files`, 'parameter_invalid', 'attachment_files');
  return files.map((file, index) => {
    const field = `attachment_files[${index}]`;
    if (!isObject(file)) throw badRequest(`${field} must be an object`, 'parameter_invalid', field);
    const { name, content_type: contentType, data } = file;
    if (typeof name !== 'string' || name === '') throw badRequest(`${field}.name is required`, 'parameter_not_found', `${field}.name`);
    if (typeof contentType !== 'string' || contentType === '') throw badRequest(`${field}.content_type is required`, 'parameter_not_found', `${field}.content_type`);
    if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) throw badRequest(`${field}.data must be base64`, 'parameter_invalid', `${field}.data`);
    const bytes = Buffer.from(data, 'base64');
    return {
      type: 'upload',
      name,
      url: `https://attachments.sandbox.invalid/${partId}/${encodeURIComponent(name)}`,
      content_type: contentType,
      filesize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
}

/** As Intercom renders a part's attachment (the checksum is the sandbox's own, for tests). */
export function renderAttachment(a: PartAttachment): JsonObject {
  return { type: a.type, name: a.name, url: a.url, content_type: a.content_type, filesize: a.filesize };
}
