import { settings } from '../runtime/settings';

/**
 * Limits on files moving between the platform's storage and Intercom. Intercom's own limit is written where
 * its description states it; the byte limits bound what this process reads or holds at once.
 */


function envBytes(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export interface FileLimits {
  /**
   * Bytes of all files of one request together. The files travel base64-encoded inside one JSON body (a third
   * larger), which the request cap bounds (`attachmentLimit`); Intercom's per-file cap (100 MB) is far above it.
   */
  maxAttachmentBytes: number;
  /** The longest a read from or a write to the platform's storage may take, start to end. */
  storageTimeoutMs: number;
  /** Files attached to one record's parts that are stored for one message (*Attachments of the parts* = files). */
  maxPartAttachments: number;
  /** Bytes of those files together. */
  maxPartAttachmentBytes: number;
}

export const fileLimits: FileLimits = {
  // Base64-encoded, 12 MiB of files are 16 MiB: under the 17 MiB request cap with room for the rest of the message.
  maxAttachmentBytes: envBytes('INTERCOM_MAX_ATTACHMENT_BYTES', 12 * 1024 * 1024),
  storageTimeoutMs: envBytes('INTERCOM_STORAGE_TIMEOUT_MS', 120_000),
  maxPartAttachments: envBytes('INTERCOM_MAX_PART_ATTACHMENTS', 100),
  maxPartAttachmentBytes: envBytes('INTERCOM_MAX_PART_ATTACHMENT_BYTES', 256 * 1024 * 1024),
};

/**
 * The attachment limit in force: the setting, but never more than what fits into a request base64-encoded
 * (three bytes of a file are four in the body), so the two limits never disagree.
 */
export function attachmentLimit(): number {
  return Math.min(fileLimits.maxAttachmentBytes, Math.floor((settings.maxRequestBytes * 3) / 4));
}

/** Characters of `bytes` bytes once base64-encoded. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** "20971520 bytes (20 MiB)": the number a user can compare, and a readable size. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${bytes} bytes (${Number(mib.toFixed(1))} MiB)` : `${bytes} bytes`;
}
