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
   * larger), so this bounds the memory of a reply; Intercom's per-file cap (100 MB) is far above it.
   */
  maxAttachmentBytes: number;
  /** The longest a read from or a write to the platform's storage may take, start to end. */
  storageTimeoutMs: number;
}

export const fileLimits: FileLimits = {
  maxAttachmentBytes: envBytes('INTERCOM_MAX_ATTACHMENT_BYTES', 20 * 1024 * 1024),
  storageTimeoutMs: envBytes('INTERCOM_STORAGE_TIMEOUT_MS', 120_000),
};

/** "20971520 bytes (20 MiB)": the number a user can compare, and a readable size. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${bytes} bytes (${Number(mib.toFixed(1))} MiB)` : `${bytes} bytes`;
}
