import { resource } from './types';

export default resource({
  listInternalArticles: {
    op: 'GET /internal_articles',
    title: 'Internal articles: List',
    description: 'Lists the internal (teammate-only) knowledge articles.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createInternalArticle: {
    op: 'POST /internal_articles',
    title: 'Internal articles: Create',
    description: 'Creates an internal article visible to teammates only.',
  },
  getInternalArticle: {
    op: 'GET /internal_articles/{internal_article_id}',
    title: 'Internal articles: Get',
    description: 'Fetches one internal article by id.',
  },
  updateInternalArticle: {
    op: 'PUT /internal_articles/{internal_article_id}',
    title: 'Internal articles: Update',
    description: 'Changes the title, body, owner or locale of an internal article.',
  },
  deleteInternalArticle: {
    op: 'DELETE /internal_articles/{internal_article_id}',
    title: 'Internal articles: Delete (permanent)',
    description: 'Permanently deletes an internal article; this cannot be undone.',
  },
  searchInternalArticles: {
    op: 'GET /internal_articles/search',
    title: 'Internal articles: Search',
    description: 'Finds internal articles, optionally within one folder.',
    paginate: 'page',
    itemsPath: 'data.internal_articles',
    addPagingParams: true,
  },
  tagInternalArticle: {
    op: 'POST /internal_articles/{internal_article_id}/tags',
    title: 'Internal articles: Attach tag',
    description: 'Attaches an existing tag to an internal article.',
    idempotent: true,
  },
  untagInternalArticle: {
    op: 'DELETE /internal_articles/{internal_article_id}/tags/{id}',
    title: 'Internal articles: Detach tag',
    description: 'Removes a tag from an internal article; the tag itself stays.',
    risk: 'write',
  },
});
