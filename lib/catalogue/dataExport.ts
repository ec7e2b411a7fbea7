import { resource } from './types';

export default resource({
  createContentDataExport: {
    op: 'POST /export/content/data',
    title: 'Content export: Start job',
    description: 'Starts an export of outbound message delivery and engagement data for a date range (one job at a time).',
  },
  getContentDataExport: {
    op: 'GET /export/content/data/{job_identifier}',
    title: 'Content export: Get job status',
    description: 'Tells whether a content export job is pending, complete, failed or canceled, with its download URL.',
  },
  cancelContentDataExport: {
    op: 'POST /export/cancel/{job_identifier}',
    title: 'Content export: Cancel job',
    description: 'Cancels a content export job that has not finished.',
    idempotent: true,
  },
  downloadContentDataExport: {
    op: 'GET /download/content/data/{job_identifier}',
    title: 'Content export: Download rows',
    description: 'Streams the gzipped CSV of a completed content export and emits its rows, one by one or in batches.',
    response: 'gzipCsv',
  },
});
