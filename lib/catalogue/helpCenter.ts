import { resource } from './types';

export default resource({
  listHelpCenters: {
    op: 'GET /help_center/help_centers',
    title: 'Help Center: List help centers',
    description: 'Lists the help centers of the workspace.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  getHelpCenter: {
    op: 'GET /help_center/help_centers/{help_center_id}',
    title: 'Help Center: Get help center',
    description: 'Fetches one help center by id.',
  },
  listCollections: {
    op: 'GET /help_center/collections',
    title: 'Help Center: List collections',
    description: 'Lists the article collections of all help centers, most recently updated first.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createCollection: {
    op: 'POST /help_center/collections',
    title: 'Help Center: Create collection',
    description: 'Creates a collection (or a sub-collection under a parent) in a help center.',
  },
  getCollection: {
    op: 'GET /help_center/collections/{collection_id}',
    title: 'Help Center: Get collection',
    description: 'Fetches one collection by id.',
  },
  updateCollection: {
    op: 'PUT /help_center/collections/{collection_id}',
    title: 'Help Center: Update collection',
    description: 'Changes the name, description, parent or translations of a collection.',
  },
  deleteCollection: {
    op: 'DELETE /help_center/collections/{collection_id}',
    title: 'Help Center: Delete collection (permanent)',
    description: 'Permanently deletes a collection; its articles stay but leave the collection.',
  },
  listHelpCenterRedirects: {
    op: 'GET /help_center/help_centers/{help_center_id}/redirects',
    title: 'Help Center: List redirects',
    description: 'Lists the URL redirects configured for a help center.',
    paginate: 'page',
    itemsPath: 'data',
  },
  createHelpCenterRedirect: {
    op: 'POST /help_center/help_centers/{help_center_id}/redirects',
    title: 'Help Center: Create redirect',
    description: 'Adds a redirect from an old URL to an article or collection of a help center.',
  },
  getHelpCenterRedirect: {
    op: 'GET /help_center/help_centers/{help_center_id}/redirects/{id}',
    title: 'Help Center: Get redirect',
    description: 'Fetches one help center redirect by id.',
  },
  deleteHelpCenterRedirect: {
    op: 'DELETE /help_center/help_centers/{help_center_id}/redirects/{id}',
    title: 'Help Center: Delete redirect (permanent)',
    description: 'Permanently removes a URL redirect from a help center.',
  },
});
