import { resource } from './types';

export default resource({
  listContentSnippets: {
    op: 'GET /content_snippets',
    title: 'Content snippets: List',
    description: 'Lists the content snippets that Fin and Copilot can use in answers.',
    paginate: 'page',
    itemsPath: 'data',
  },
  createContentSnippet: {
    op: 'POST /content_snippets',
    title: 'Content snippets: Create',
    description: 'Creates a content snippet with its text and AI availability.',
  },
  getContentSnippet: {
    op: 'GET /content_snippets/{id}',
    title: 'Content snippets: Get',
    description: 'Fetches one content snippet by id.',
  },
  updateContentSnippet: {
    op: 'PUT /content_snippets/{id}',
    title: 'Content snippets: Update',
    description: 'Changes the text, title or AI availability of a content snippet.',
  },
  deleteContentSnippet: {
    op: 'DELETE /content_snippets/{id}',
    title: 'Content snippets: Delete (permanent)',
    description: 'Permanently deletes a content snippet; this cannot be undone.',
  },
  tagContentSnippet: {
    op: 'POST /content_snippets/{content_snippet_id}/tags',
    title: 'Content snippets: Attach tag',
    description: 'Attaches an existing tag to a content snippet.',
    idempotent: true,
  },
  untagContentSnippet: {
    op: 'DELETE /content_snippets/{content_snippet_id}/tags/{id}',
    title: 'Content snippets: Detach tag',
    description: 'Removes a tag from a content snippet; the tag itself stays.',
    risk: 'write',
  },
});
