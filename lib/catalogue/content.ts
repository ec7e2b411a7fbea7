import { resource } from './types';

export default resource({
  searchContent: {
    op: 'GET /content/search',
    title: 'Knowledge Hub: Search content',
    description: 'Finds Knowledge Hub content (articles, snippets, pages …) by text, state, tags, folders and dates.',
    paginate: 'page',
    itemsPath: 'data',
  },
  bulkUpdateContent: {
    op: 'POST /content/bulk_actions',
    title: 'Knowledge Hub: Bulk update content',
    description: 'Applies one change (availability, audience, tags …) to many Knowledge Hub items at once.',
  },
});
