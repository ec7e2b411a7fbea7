import { resource } from './types';

export default resource({
  listEmailSettings: {
    op: 'GET /emails',
    title: 'Email settings: List sender addresses',
    description: 'Lists the sender email addresses configured in the workspace.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  getEmailSetting: {
    op: 'GET /emails/{id}',
    title: 'Email settings: Get sender address',
    description: 'Fetches one configured sender email address by id.',
  },
});
