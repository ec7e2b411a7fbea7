import type { ResourceHelp } from './types';

/** Content exports and queued jobs. */
const help: ResourceHelp = {
  records: {
    data_export: {
      job_identifier: 'ID of the export job; the other export actions take it as job_identifier.',
      status: 'Where the job stands; download the file once it is completed.',
      download_expires_at: 'Until when the file can be downloaded, as Unix time in seconds (text); empty until completed.',
      download_url: 'Address to download the file from (the download actions use it); empty until completed.',
    },
    create_data_exports_request: {
      created_at_after: 'Start of the window: messages and conversations created after this moment are exported.',
      created_at_before: 'End of the window: messages and conversations created before this moment are exported.',
    },
    jobs: {
      type: 'Always "job": names the kind of object.',
      id: 'Intercom’s ID of the queued job; Jobs: Get status takes it as job_id.',
      url: 'API address to check the job’s status.',
      status: 'Where the job stands: pending, success or failed.',
      resource_type: 'Kind of record the job created, e.g. ticket.',
      resource_id: 'Intercom’s ID of the record the job created (e.g. the ticket), once it succeeded.',
      resource_url: 'API address of the record the job created.',
    },
  },
  actions: {
    getJobStatus: { in: { job_id: 'Intercom’s ID of the job to check: the id an action that queues work gives (e.g. Tickets: Create in background).' } },
  },
};

export default help;
