import { DOWNLOAD_FIELDS, FILE_FIELDS } from '../catalogue/fields';
import { PART_ATTACHMENTS, RECORDING_DELIVERY } from '../catalogue/files';
import { ConfigurationError } from '../runtime/errors';

/**
 * The step fields that ask for files instead of URLs (lib/files stores them): a call's recording, and the
 * attachments of conversation and ticket parts.
 */

function choice(cfg: Record<string, unknown>, field: string, values: readonly string[], fallback: string): string {
  const raw = cfg[field];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw !== 'string' || !values.includes(raw)) {
    throw new ConfigurationError(`Step field "${field}" must be ${values.map((v) => `"${v}"`).join(' or ')}; got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** getCallRecording's *Deliver as*: true for the recording as a file. */
export function recordingAsFile(cfg: Record<string, unknown>): boolean {
  return choice(cfg, DOWNLOAD_FIELDS.deliverAs, Object.values(RECORDING_DELIVERY), RECORDING_DELIVERY.url) === RECORDING_DELIVERY.file;
}

/** *Attachments of the parts*: true for storing them as files. */
export function partAttachmentsAsFiles(cfg: Record<string, unknown>): boolean {
  return choice(cfg, FILE_FIELDS.partAttachments, Object.values(PART_ATTACHMENTS), PART_ATTACHMENTS.urls) === PART_ATTACHMENTS.files;
}
