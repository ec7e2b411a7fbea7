import { resource } from './types';

/*
 * The job status and download operations declare `job_identifier` as a query parameter although it is part of
 * the path: it is sent in the path only. `app_id` (the workspace code) is filled in from GET /me when left
 * empty, and `client_id`, which the description requires without saying what it is, is sent only when given.
 */
export default resource({
  listReportingDatasets: {
    op: 'GET /export/reporting_data/get_datasets',
    title: 'Reporting export: List datasets',
    description: 'Lists the reporting datasets and the attribute ids an export job can ask for.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  enqueueReportingDataExport: {
    op: 'POST /export/reporting_data/enqueue',
    title: 'Reporting export: Start job',
    description: 'Starts an export of one reporting dataset over a time range (at most 5 pending jobs).',
  },
  getReportingDataExport: {
    op: 'GET /export/reporting_data/{job_identifier}',
    title: 'Reporting export: Get job status',
    description: 'Tells whether a reporting export job is pending, complete or failed.',
    workspaceIdParam: 'app_id',
    optionalParams: ['client_id'],
  },
  downloadReportingDataExport: {
    op: 'GET /download/reporting_data/{job_identifier}',
    title: 'Reporting export: Download rows',
    description: 'Streams the CSV of a completed reporting export and emits its rows, one by one or in batches.',
    response: 'binaryCsv',
    workspaceIdParam: 'app_id',
  },
});
