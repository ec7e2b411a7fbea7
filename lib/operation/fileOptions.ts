import { DOWNLOAD_FIELDS, FILE_FIELDS } from '../catalogue/fields';
import { PART_ATTACHMENTS, RECORDING_DELIVERY } from '../catalogue/files';
import { choiceOf, stepField } from '../runtime/configValues';

/**
 * The step fields that ask for files instead of URLs (lib/files stores them): a call's recording, and the
 * attachments of conversation and ticket parts.
 */

/** getCallRecording's *Deliver as*: true for the recording as a file. */
export function recordingAsFile(cfg: Record<string, unknown>): boolean {
  return choiceOf(cfg[DOWNLOAD_FIELDS.deliverAs], stepField(DOWNLOAD_FIELDS.deliverAs), Object.values(RECORDING_DELIVERY), RECORDING_DELIVERY.url) === RECORDING_DELIVERY.file;
}

/** *Attachments of the parts*: true for storing them as files. */
export function partAttachmentsAsFiles(cfg: Record<string, unknown>): boolean {
  return choiceOf(cfg[FILE_FIELDS.partAttachments], stepField(FILE_FIELDS.partAttachments), Object.values(PART_ATTACHMENTS), PART_ATTACHMENTS.urls) === PART_ATTACHMENTS.files;
}
