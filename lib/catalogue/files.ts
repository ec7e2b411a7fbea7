import type { JsonSchema } from './types';

/** Intercom takes at most 10 files per reply (`attachment_files`, maxItems 10 in the 2.16 description). */
export const MAX_ATTACHMENT_FILES = 10;

/** And at most 10 image URLs per reply (`attachment_urls`, maxItems 10 in the 2.16 description). */
export const MAX_ATTACHMENT_URLS = 10;

/** Values of the recording's *Deliver as* step field. */
export const RECORDING_DELIVERY = { url: 'url', file: 'file' } as const;

/** Values of the *Attachments of the parts* step field. */
export const PART_ATTACHMENTS = { urls: 'urls', files: 'files' } as const;

/** The request-body property through which Intercom takes files inline; an action whose body has it gets the `attachments` input. */
export const INTERCOM_FILES_PROPERTY = 'attachment_files';

/**
 * The `attachments` input: no declared type, because it takes either the text "all" (or comma-separated names)
 * or a list of names; lib/files/attachmentFiles.ts checks it and names the field in every problem.
 */
const attachmentsHelp = `Files of the incoming message to send with it: "all", or the names of its attachments as a list or comma-separated text, e.g. ["invoice.pdf", "photo.png"]. At most ${MAX_ATTACHMENT_FILES} files; they are read from the platform's file storage and sent as attachment_files.`;

export const attachmentsInput: JsonSchema = {
  title: 'Files to send (attachments of the message)',
  description: attachmentsHelp,
};
