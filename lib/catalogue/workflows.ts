import { resource } from './types';

export default resource({
  exportWorkflow: {
    op: 'GET /export/workflows/{id}',
    title: 'Workflows: Export',
    description: 'Returns the full definition of a workflow, for backup or review.',
  },
});
