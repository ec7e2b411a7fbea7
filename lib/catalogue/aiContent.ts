import { resource } from './types';

export default resource({
  listContentImportSources: {
    op: 'GET /ai/content_import_sources',
    title: 'AI content: List import sources',
    description: 'Lists the external sources from which content is imported for Fin and Copilot.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createContentImportSource: {
    op: 'POST /ai/content_import_sources',
    title: 'AI content: Create import source',
    description: 'Registers a new source (a website URL) from which AI content is imported.',
  },
  getContentImportSource: {
    op: 'GET /ai/content_import_sources/{source_id}',
    title: 'AI content: Get import source',
    description: 'Fetches one content import source by id.',
  },
  updateContentImportSource: {
    op: 'PUT /ai/content_import_sources/{source_id}',
    title: 'AI content: Update import source',
    description: 'Changes the URL, sync behaviour or status of a content import source.',
  },
  deleteContentImportSource: {
    op: 'DELETE /ai/content_import_sources/{source_id}',
    title: 'AI content: Delete import source (permanent)',
    description: 'Permanently deletes a content import source together with the pages imported from it.',
  },
  listExternalPages: {
    op: 'GET /ai/external_pages',
    title: 'AI content: List external pages',
    description: 'Lists the external pages made available to Fin and Copilot.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createExternalPage: {
    op: 'POST /ai/external_pages',
    title: 'AI content: Create or update external page',
    description: 'Creates an external page for AI answers, or updates the one with the same external_id.',
    idempotent: true,
  },
  getExternalPage: {
    op: 'GET /ai/external_pages/{page_id}',
    title: 'AI content: Get external page',
    description: 'Fetches one external page by id.',
  },
  updateExternalPage: {
    op: 'PUT /ai/external_pages/{page_id}',
    title: 'AI content: Update external page',
    description: 'Changes the title, HTML, URL or AI availability of an external page.',
  },
  deleteExternalPage: {
    op: 'DELETE /ai/external_pages/{page_id}',
    title: 'AI content: Delete external page (permanent)',
    description: 'Permanently removes an external page from the AI content library.',
  },
});
