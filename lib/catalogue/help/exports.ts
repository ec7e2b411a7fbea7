import type { FieldTexts, ResourceHelp } from './types';

/** Content exports and queued jobs. */

/** The rows of a content export (the description's data_export_csv): one per message a person received. */
const CONTENT_COLUMNS = 'user_id, user_external_id, company_id, email, name, ruleset_id, content_id, content_type, content_title, receipt_id, received_at, series_id and the first open, click, reply, completion … times';

const contentDownload: FieldTexts = {
  row: `One row of the export (Rows per message empty or 1): one message received by one person, as column → value pairs (${CONTENT_COLUMNS}), every value as text.`,
  rows: `Several rows of the export (Rows per message above 1), each one message received by one person, as column → value pairs (${CONTENT_COLUMNS}), every value as text.`,
  file: 'The whole export as one CSV file attached to the message (Deliver as: file), already unzipped: its name, size and media type.',
  'file.name': 'Name of the attached file: the job identifier with .csv, e.g. al9w983lwu88w1fd.csv.',
  'file.size': 'Size of the attached CSV file in bytes (unzipped).',
  'file.content_type': 'Media type of the attached file: always text/csv.',
};

const help: ResourceHelp = {
  records: {
    data_export: {
      job_identifier: 'ID of the content export job; Content export: Get job status, Cancel job and Download rows take it as job_identifier.',
      status: 'Where the job stands: download the rows with Content export: Download rows once it is completed; no_data: the window held nothing to export.',
      download_expires_at: 'Until when the file can be downloaded (two days after the job completed), as Unix time in seconds written as text, e.g. "1674917488"; empty until completed.',
      download_url: 'Address of the file, once the job is completed (Content export: Download rows reads it from the job identifier); empty until then.',
    },
    create_data_exports_request: {
      created_at_after:
        'Start of the window: delivery and engagement data (opens, clicks, replies …) of outbound messages such as emails, posts, surveys and series sent from this moment on. The window includes both ends; one export job per workspace may run at a time.',
      created_at_before:
        'End of the window: outbound messages sent up to this moment are exported (by send time, not update time). The window includes both ends.',
    },
    jobs: {
      type: 'Always "job": names the kind of object.',
      id: 'Intercom’s ID of the job; Jobs: Get status takes it as job_id.',
      url: 'API address to check the job’s status, e.g. https://api.intercom.io/jobs/status/20.',
      status: 'Where the job stands: pending (still running), success or failed.',
      resource_type: 'Kind of record the job created, e.g. ticket.',
      resource_id: 'Intercom’s ID of the record the job created (e.g. the ticket’s id, for Tickets: Get); empty until the job succeeded.',
      resource_url: 'API address of the record the job created, e.g. https://api.intercom.io/tickets/123; empty until the job succeeded.',
    },
  },
  actions: {
    getJobStatus: {
      in: { job_id: 'Intercom’s ID of the job to check: the id that Tickets: Create in background gives.' },
    },
    getContentDataExport: {
      in: { job_identifier: 'ID of the content export job to check, as Content export: Start job gives it (job_identifier).' },
    },
    cancelContentDataExport: {
      in: { job_identifier: 'ID of the content export job to cancel, as Content export: Start job gives it (job_identifier).' },
      out: {
        status: 'Where the job stands after the cancel: canceled.',
        download_url: 'Empty: a canceled job has no file to download.',
        download_expires_at: 'Empty: a canceled job has no file to download.',
      },
    },
    downloadContentDataExport: {
      in: { job_identifier: 'ID of a content export job whose status is completed, as Content export: Start job gives it (job_identifier); check it with Content export: Get job status first.' },
      out: contentDownload,
    },
  },
};

export default help;
