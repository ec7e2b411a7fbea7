import { resource } from './types';

export default resource({
  listArticles: {
    op: 'GET /articles',
    title: 'Articles: List',
    description: 'Lists the Help Center articles, most recently updated first.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createArticle: {
    op: 'POST /articles',
    title: 'Articles: Create',
    description: 'Creates a Help Center article, as a draft or published, optionally with translations.',
  },
  getArticle: {
    op: 'GET /articles/{article_id}',
    title: 'Articles: Get',
    description: 'Fetches one article by id.',
  },
  updateArticle: {
    op: 'PUT /articles/{article_id}',
    title: 'Articles: Update',
    description: 'Changes the given fields or translations of an article.',
  },
  deleteArticle: {
    op: 'DELETE /articles/{article_id}',
    title: 'Articles: Delete (permanent)',
    description: 'Permanently deletes an article and its translations; this cannot be undone.',
  },
  searchArticles: {
    op: 'GET /articles/search',
    title: 'Articles: Search',
    description: 'Finds articles containing a phrase, optionally by state and Help Center.',
    paginate: 'page',
    itemsPath: 'data.articles',
    addPagingParams: true,
  },
  getArticleDraft: {
    op: 'GET /articles/{id}/draft',
    title: 'Articles: Get draft',
    description: 'Fetches the unpublished draft of an article.',
  },
  stageArticleDraft: {
    op: 'PUT /articles/{id}/draft',
    title: 'Articles: Save draft',
    description: 'Saves changes to the draft of an article without publishing them.',
  },
  publishArticleDraft: {
    op: 'POST /articles/{id}/draft/publish',
    title: 'Articles: Publish draft',
    description: 'Publishes the staged draft of an article, for all or the given locales.',
    idempotent: true,
  },
  tagArticle: {
    op: 'POST /articles/{article_id}/tags',
    title: 'Articles: Attach tag',
    description: 'Attaches an existing tag to an article.',
    idempotent: true,
  },
  untagArticle: {
    op: 'DELETE /articles/{article_id}/tags/{id}',
    title: 'Articles: Detach tag',
    description: 'Removes a tag from an article; the tag itself stays.',
    risk: 'write',
  },
  listArticleVersions: {
    op: 'GET /articles/{article_id}/versions',
    title: 'Articles: List versions',
    description: 'Lists the saved versions of an article, newest first.',
    paginate: 'page',
    itemsPath: 'data',
  },
  getArticleVersion: {
    op: 'GET /articles/{article_id}/versions/{id}',
    title: 'Articles: Get version',
    description: 'Fetches one saved version of an article.',
  },
});
