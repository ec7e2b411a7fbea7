import { resource } from './types';

export default resource({
  getJobStatus: {
    op: 'GET /jobs/status/{job_id}',
    title: 'Jobs: Get status',
    description: 'Tells whether an asynchronous job (such as an enqueued ticket creation) has finished.',
  },
});
