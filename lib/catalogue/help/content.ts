import { ATTACH_TAG_INPUTS, attachedTag, deletedWithoutBody, detachedTag, listedItems, PAGES_BY_NUMBER } from './contentTexts';
import type { FieldTexts, ResourceHelp } from './types';

/** Knowledge Hub content: internal articles, content snippets, external pages and their import sources, the content search. */

const availability = (what: string): FieldTexts => ({
  ai_chatbot_availability: `True when Fin may use the ${what} to answer customers.`,
  ai_copilot_availability: `True when Copilot may use the ${what} to help teammates.`,
  ai_sales_agent_availability: `True when Intercom’s sales agent may use the ${what}.`,
});

const availabilityInput = (what: string): FieldTexts => ({
  ai_chatbot_availability: `True: Fin may use the ${what} to answer customers.`,
  ai_copilot_availability: `True: Copilot may use the ${what} to help teammates.`,
  ai_sales_agent_availability: `True: Intercom’s sales agent may use the ${what}.`,
});

const UNKNOWN_AUDIENCE = 'an unknown ID fails the whole request (404)';

const internalArticle: FieldTexts = {
  type: 'Always "internal_article": names the kind of object.',
  id: 'Intercom’s ID of the internal article; the internal article actions take it as internal_article_id.',
  title: 'Title of the internal article (teammates only).',
  body: 'Content of the internal article as HTML.',
  body_markdown: 'Content of the internal article as Markdown.',
  owner_id: 'Intercom’s ID of the admin who owns the internal article (Admins: Get shows who it is).',
  author_id: 'Intercom’s ID of the admin shown as author (Admins: Get shows who it is).',
  created_at: 'When the internal article was created.',
  updated_at: 'When the internal article last changed.',
  locale: 'Language of the internal article, as a locale code such as en.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the internal article (Audiences: Get shows one); empty: no targeting.',
  ...availability('internal article'),
};

const internalInput: FieldTexts = {
  title: 'Title of the internal article (teammates only).',
  body: 'Content as HTML; give this or body_markdown, not both.',
  body_markdown: 'Content as Markdown; give this or body, not both.',
  author_id: 'Intercom’s ID of the admin shown as author, a teammate of the workspace (Admins: List).',
  owner_id: 'Intercom’s ID of the admin who owns the internal article, a teammate of the workspace (Admins: List).',
  audience_ids: `Intercom’s IDs of the audiences Fin targets with it (Audiences: List); empty: no targeting; ${UNKNOWN_AUDIENCE}.`,
  ...availabilityInput('internal article'),
};

const KEPT = 'left empty, it stays as it is';

const internalUpdate: FieldTexts = {
  title: `New title of the internal article; ${KEPT}.`,
  body: `New content as HTML; give this or body_markdown, not both; ${KEPT}.`,
  body_markdown: `New content as Markdown; give this or body, not both; ${KEPT}.`,
  author_id: `Intercom’s ID of the admin to show as author, a teammate of the workspace (Admins: List); ${KEPT}.`,
  owner_id: `Intercom’s ID of the admin to own the internal article, a teammate of the workspace (Admins: List); ${KEPT}.`,
  audience_ids: `Intercom’s IDs of the audiences Fin targets with it (Audiences: List); [] removes them all; ${KEPT}; ${UNKNOWN_AUDIENCE}.`,
  ai_chatbot_availability: `True: Fin may use the internal article to answer customers; false: it may not; ${KEPT}.`,
  ai_copilot_availability: `True: Copilot may use the internal article to help teammates; false: it may not; ${KEPT}.`,
  ai_sales_agent_availability: `True: Intercom’s sales agent may use the internal article; false: it may not; ${KEPT}.`,
};

const SNIPPET_ACTIONS = 'Content snippets: Get, Update and Delete take it as id; Attach tag and Detach tag take it as content_snippet_id';

const snippet: FieldTexts = {
  type: 'Always "content_snippet": names the kind of object.',
  id: `Intercom’s ID of the content snippet. ${SNIPPET_ACTIONS}.`,
  title: 'Title of the snippet (teammates and Fin see it, customers do not); empty when it has none.',
  locale: 'Language of the snippet, as a locale code such as en.',
  json_blocks: 'The snippet’s content as Intercom’s blocks, each an object with a type such as paragraph and its text.',
  body_markdown: 'The snippet’s content as Markdown.',
  chatbot_availability: 'Old form of ai_chatbot_availability: 1 when Fin may use the snippet, 0 when not.',
  copilot_availability: 'Old form of ai_copilot_availability: 1 when Copilot may use the snippet, 0 when not.',
  ...availability('snippet'),
  created_at: 'When the snippet was created.',
  updated_at: 'When the snippet last changed.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the snippet (Audiences: Get shows one); empty: no targeting.',
};

const snippetInput: FieldTexts = {
  title: 'Title of the snippet (teammates and Fin see it, customers do not).',
  json_blocks: 'Content as Intercom’s blocks, e.g. [{ "type": "paragraph", "text": "…" }]. Give either this or body_markdown: one of the two is needed, not both.',
  body_markdown: 'Content as Markdown, e.g. "# Reset your password\\n\\nOpen Settings …". Give either this or json_blocks: one of the two is needed, not both.',
  locale: 'Language of the snippet, as a locale code such as en.',
  audience_ids: `Intercom’s IDs of the audiences Fin targets with the snippet (Audiences: List); empty: no targeting; ${UNKNOWN_AUDIENCE}.`,
  ...availabilityInput('snippet'),
};

const snippetUpdate: FieldTexts = {
  title: `New title of the snippet; ${KEPT}.`,
  json_blocks: `New content as Intercom’s blocks, e.g. [{ "type": "paragraph", "text": "…" }]; not together with body_markdown; ${KEPT}.`,
  body_markdown: `New content as Markdown; not together with json_blocks; ${KEPT}.`,
  locale: `Language of the snippet, as a locale code such as en; ${KEPT}.`,
  audience_ids: `Intercom’s IDs of the audiences Fin targets with the snippet (Audiences: List); [] removes them all; ${KEPT}; ${UNKNOWN_AUDIENCE}.`,
  ai_chatbot_availability: `True: Fin may use the snippet to answer customers; false: it may not; ${KEPT}.`,
  ai_copilot_availability: `True: Copilot may use the snippet to help teammates; false: it may not; ${KEPT}.`,
  ai_sales_agent_availability: `True: Intercom’s sales agent may use the snippet; false: it may not; ${KEPT}.`,
};

const SNIPPET_ID = 'the id field of a content snippet, as Content snippets: List gives it';

const SYNC_OUT =
  'How the source’s pages are kept up to date: api (you create and update them with AI content: Create or update external page), automatic or manual (Intercom syncs them from the site).';

const importSource: FieldTexts = {
  type: 'Always "content_import_source": names the kind of object.',
  id: 'Intercom’s ID of the import source; the import source actions take it as source_id, and so do external pages.',
  last_synced_at: 'When the source was last synced.',
  sync_behavior: SYNC_OUT,
  status: 'active (Fin uses its pages) or deactivated.',
  url: 'Web address of the root of the source, e.g. https://docs.example.com.',
  created_at: 'When the source was created.',
  updated_at: 'When the source last changed.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the source’s pages (Audiences: Get shows one).',
};

const externalPage: FieldTexts = {
  type: 'Always "external_page": names the kind of object.',
  id: 'Intercom’s ID of the external page; the external page actions take it as page_id.',
  title: 'Title of the external page in Fin’s content library, as it was last sent.',
  html: 'Content of the page as HTML, as Fin reads it.',
  url: 'Web address of the page; Fin links people to it when it answers from the page. Empty when none was given.',
  ai_agent_availability: 'True when Fin may answer customers from the page.',
  ai_copilot_availability: 'True when Copilot may answer teammates from the page.',
  ai_sales_agent_availability: 'True when Intercom’s sales agent may answer from the page.',
  fin_availability: 'Older single switch for Fin; ai_agent_availability and ai_copilot_availability replace it.',
  locale: 'Language of the page, which is always English.',
  source_id: 'Intercom’s ID of the content import source the page belongs to (AI content: Get import source).',
  external_id: 'Your own ID of the page, unique within its source.',
  created_at: 'When the page was created.',
  updated_at: 'When the page last changed.',
  last_ingested_at: 'When Intercom last read the page’s content.',
};

const LOCALE_EN = 'Language of the page; required: map the text en, the only value Intercom takes (no default fills it in).';

const externalInput: FieldTexts = {
  title: 'Title of the page, e.g. Getting started; Fin shows it when it names the page as a source.',
  html: 'Content of the page as HTML; Fin answers from it.',
  url: 'Full web address of the page, e.g. https://help.example.com/en/articles/1234; without one Fin cannot point people to it.',
  ai_agent_availability: 'True: Fin may answer customers from the page. Left empty: false for a new page (the default); an existing page with the same source and external ID keeps its setting.',
  ai_copilot_availability: 'True: Copilot may answer teammates from the page. Left empty: false for a new page (the default); an existing page with the same source and external ID keeps its setting.',
  locale: LOCALE_EN,
  source_id: 'Intercom’s ID of the content import source the page belongs to, one with sync behavior api (AI content: List import sources, or AI content: Create import source).',
  external_id: 'Your own ID of the page, unique within its source; if the source already has a page with this ID, that page is updated instead of a new one created.',
};

const externalUpdate: FieldTexts = {
  title: 'New title of the page, e.g. Getting started; required.',
  html: 'New content of the page as HTML; required. Fin answers from it.',
  url: 'Full web address of the page, e.g. https://help.example.com/en/articles/1234; required here. Fin links people to it when it answers from the page.',
  fin_availability: 'True: Fin may answer from the page; false: it may not (this action has only this one switch).',
  locale: LOCALE_EN,
  source_id: 'Intercom’s ID of the content import source the page belongs to (AI content: List import sources); required.',
  external_id: 'Your own ID of the page, unique within its source; left empty, it stays as it is.',
};

const PAGE_ID = 'the id field of an external page, as AI content: List external pages gives it';
const SOURCE_ID = 'the id field of a content import source, as AI content: List import sources gives it';

/**
 * The kinds of content each bulk action takes, from the description of content_bulk_action_request (in words where
 * the field's allowed values are the actions, as machine names where they are the kinds).
 */
const BULK_KINDS =
  'publish and unpublish: article_content; delete: article_content, content_snippet, file_source_content, internal_article; the availability and audience actions: those and external_content; the tags action: article (the parent article, not article_content), content_snippet, external_content, file_source_content, internal_article';

const help: ResourceHelp = {
  records: {
    internal_article_list_item: internalArticle,
    internal_article_list: { data: `${listedItems('internal articles of the workspace')}.` },
    create_internal_article_request: internalInput,
    update_internal_article_request: internalUpdate,
    internal_article_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many internal articles match, over every page.',
      data: 'The results: data.internal_articles holds the internal articles found.',
      'data.internal_articles': `${listedItems('internal articles that match')}.`,
      pages: 'Paging information of the search: this page’s number, the page size and the number of pages; not in the message when Pages to fetch is All pages.',
    },
    deleted_internal_article_object: {
      id: 'Intercom’s ID of the deleted internal article (as given to the action).',
      object: 'Always "internal_article": names the kind of object.',
      deleted: 'True: Intercom deleted the internal article.',
    },
    content_snippet: snippet,
    content_snippet_list: {
      data: `${listedItems('content snippets of the workspace')}.`,
      total_count: 'How many content snippets there are in all, over every page.',
      page: 'Number of the page this answer holds, counted from 1 (with Pages to fetch = All pages, the first page read).',
      per_page: 'How many snippets one page holds, at most 50.',
      total_pages: 'How many pages the whole list has at this page size.',
    },
    content_snippet_create_request: snippetInput,
    content_snippet_update_request: snippetUpdate,
    content_import_source: importSource,
    content_import_sources_list: { data: `${listedItems('content import sources of the workspace')}.` },
    create_content_import_source_request: {
      sync_behavior: 'How the source’s pages arrive: api, the only value this action takes; you then send the pages with AI content: Create or update external page.',
      status: 'active (Fin uses its pages) or deactivated.',
      url: 'Web address of the root of the source, e.g. https://docs.example.com.',
      audience_ids: 'Intercom’s IDs of the audiences Fin targets with the source’s pages (Audiences: List), as one whole number or a list of whole numbers, e.g. [5678].',
    },
    update_content_import_source_request: {
      sync_behavior:
        'How the source’s pages are kept up to date: api (you create and update them with AI content: Create or update external page), automated or manual (Intercom syncs the site). Switching to or from api is refused, so send api again for an api source.',
      status: 'active (Fin uses its pages) or deactivated.',
      url: 'Web address of the root of the source; required. It may differ from the current one only when sync behavior is api, so send the current URL otherwise.',
      audience_ids:
        'Intercom’s IDs of the audiences Fin targets with the source’s pages (Audiences: List), as one whole number or a list of whole numbers; null or [] removes them all.',
      apply_audience_to_existing_content: 'True: the audiences also apply to the pages the source already has; false: only to pages added later.',
    },
    external_page: externalPage,
    external_pages_list: { data: `${listedItems('external pages of the workspace')}.` },
    create_external_page_request: externalInput,
    update_external_page_request: externalUpdate,
    content_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many content items match, over every page.',
      pages: 'Paging information: this page’s number and size, the number of pages, and links to the pages before and after; not in the message when Pages to fetch is All pages.',
      'pages.type': 'Always "pages": names the kind of object.',
      'pages.page': 'Number of this page, counted from 1.',
      'pages.per_page': 'How many results one page holds.',
      'pages.total_pages': 'How many pages of results there are.',
      'pages.next': 'Address of the next page of results; empty on the last page.',
      'pages.prev': 'Address of the page before; empty on the first page.',
      data: `${listedItems('content items found')}; each one’s type says what it is and which fields it has.`,
    },
    content_search_article_item: {
      type: 'Always "article": names the kind of object.',
      id: 'Intercom’s ID of the article (Articles: Get takes it as article_id).',
      title: 'Title of the article in its main language.',
      contents: 'The article’s versions per language, each with its ID, title and locale.',
      'contents.type': 'Always "article_content": names the kind of object.',
      'contents.id': 'Intercom’s ID of the article’s version in that language; Knowledge Hub: Bulk update content takes it with type article_content.',
      'contents.title': 'Title of the article in that language.',
      'contents.locale': 'Language of that version, as a locale code such as en.',
    },
    content_search_default_item: {
      type: 'Kind of content item; it decides which other fields the item has (only an article has contents).',
      id: 'Intercom’s ID of the content item, of the kind in type; Knowledge Hub: Bulk update content takes it in content_ids.',
      title: 'Title of the content item (an article’s in its main language).',
    },
    content_bulk_action_request: {
      action: 'What to do with the items: publish or unpublish articles, delete, set the AI availability, set the audience, or add and remove tags. Each action takes only some kinds of item (content_ids.type says which); items of other kinds are dropped without an error, and delete skips articles synced from other tools (they go when their import source is disconnected).',
      content_ids: 'The content items to act on, at most 1000, each { "type": …, "id": … }, e.g. [{ "type": "content_snippet", "id": "123" }].',
      'content_ids.type': `Kind of the item; each action takes only some kinds (${BULK_KINDS}), and drops the others without an error.`,
      'content_ids.id':
        'Intercom’s ID of the item, of the kind in type, as Knowledge Hub: Search content gives it (data.id; for article_content the contents.id of an article).',
      availability: 'Needed for set_availability: which switches to set, { ai_agent, copilot, sales_agent }; those left out stay.',
      'availability.ai_agent': 'True lets Fin use the items; false stops it; empty: unchanged.',
      'availability.copilot': 'True lets Copilot use the items; false stops it; empty: unchanged.',
      'availability.sales_agent': 'True lets the sales agent use the items; false stops it; empty: unchanged.',
      audience: 'Needed for set_audience: segments to add or remove, or remove_all.',
      'audience.add_segment_ids': 'Intercom’s IDs of segments to target the items at (Segments: List), e.g. [100, 101].',
      'audience.remove_segment_ids': 'Intercom’s IDs of segments to stop targeting (Segments: List), e.g. [100].',
      'audience.remove_all': 'True: the items target no segment any more.',
      tags: 'Needed for update_tags: tags to add and to remove, at least one of the two lists; at most 100 tag IDs in both together. Each must be an existing tag that is not archived (else Intercom answers 422).',
      'tags.add_tag_ids': 'Intercom’s IDs of tags to put on the items (Tags: List), e.g. [7522907].',
      'tags.remove_tag_ids': 'Intercom’s IDs of tags to take off the items (Tags: List), e.g. [7522907].',
    },
    content_bulk_action_response: {
      type: 'Always "content_bulk_action": names the kind of object.',
      status: 'Where the bulk action stands: queued, as it runs in the background; the answer reports no result per item.',
    },
    deleted_object: {
      id: 'Intercom’s ID of the deleted news item (as given to the action).',
      object: 'Always "news-item": names the kind of object.',
      deleted: 'True: Intercom deleted the news item.',
    },
  },
  actions: {
    listInternalArticles: { out: PAGES_BY_NUMBER },
    getInternalArticle: { in: { internal_article_id: 'Intercom’s ID of the internal article to fetch: the id field of an internal article, as Internal articles: List gives it.' } },
    tagInternalArticle: {
      in: { internal_article_id: 'Intercom’s ID of the internal article to tag: the id field of an internal article, as Internal articles: List gives it.', ...ATTACH_TAG_INPUTS },
      out: attachedTag('internal article', 'Internal articles: Detach tag'),
    },
    untagInternalArticle: {
      in: {
        internal_article_id: 'Intercom’s ID of the internal article to take the tag off: the id field of an internal article, as Internal articles: List gives it.',
        id: 'Intercom’s ID of the tag to take off the internal article: the id field of a tag, as Tags: List gives it.',
      },
      out: detachedTag('internal article'),
    },
    searchInternalArticles: {
      in: { folder_id: 'Only internal articles in this Knowledge Hub folder: Intercom’s ID of the folder (no action of this component lists folders; take it from Intercom).' },
      out: { 'pages.next': PAGES_BY_NUMBER['pages.next'] ?? '' },
    },
    getContentSnippet: { in: { id: `Intercom’s ID of the content snippet to fetch: ${SNIPPET_ID}.` } },
    updateContentSnippet: { in: { id: `Intercom’s ID of the content snippet to update: ${SNIPPET_ID}.` } },
    deleteContentSnippet: {
      in: { id: `Intercom’s ID of the content snippet to delete: ${SNIPPET_ID}. A snippet a Fin procedure uses cannot be deleted (Intercom answers 422).` },
      out: deletedWithoutBody('content snippet'),
    },
    tagContentSnippet: {
      in: { content_snippet_id: `Intercom’s ID of the content snippet to tag: ${SNIPPET_ID}.`, ...ATTACH_TAG_INPUTS },
      out: attachedTag('content snippet', 'Content snippets: Detach tag'),
    },
    untagContentSnippet: {
      in: {
        content_snippet_id: `Intercom’s ID of the content snippet to take the tag off: ${SNIPPET_ID}.`,
        id: 'Intercom’s ID of the tag to take off the snippet: the id field of a tag, as Tags: List gives it.',
      },
      out: detachedTag('content snippet'),
    },
    listContentImportSources: { out: PAGES_BY_NUMBER },
    listExternalPages: { out: PAGES_BY_NUMBER },
    deleteContentImportSource: {
      in: { source_id: `Intercom’s ID of the content import source to delete: ${SOURCE_ID}. Every external page imported from it is deleted too.` },
      out: deletedWithoutBody('content import source'),
    },
    updateExternalPage: { in: { page_id: `Intercom’s ID of the external page to update: ${PAGE_ID}. Only pages created through the API can be updated.` } },
    deleteExternalPage: {
      in: { page_id: `Intercom’s ID of the external page to delete: ${PAGE_ID}. Fin stops using it and it leaves the content library.` },
      out: { id: 'Intercom’s ID of the external page that was deleted.', type: 'Always "external_page": the answer is the page that was deleted.' },
    },
    searchContent: {
      in: {
        query: 'Words to look for in the content’s titles and bodies, as plain text, e.g. refund policy (not a JSON query); empty: the newest items.',
        states: 'Only content in these states: published, draft.',
        locales: 'Only content in these languages, as locale codes, e.g. ["en", "fr"].',
        tag_ids: 'Intercom’s IDs of tags to filter on (Tags: List); tag_operator says whether items must carry one of them (IN) or none (NIN).',
        tag_operator: 'How tag_ids filters: IN (carries one of the tags) or NIN (carries none of them).',
        any_tag_ids: 'Only content carrying any of these tags (Intercom’s tag IDs, Tags: List); instead of tag_ids with IN.',
        folder_ids: 'Only content in these Knowledge Hub folders (Intercom’s folder IDs); folder_entity_type must then be folder.',
        folder_entity_type: 'What folder_ids are: folder. Needed when folder_ids is given.',
        content_types: 'Only these kinds of content; given, it replaces the default set of kinds instead of narrowing it.',
        copilot_state: 'Only content Copilot may use (on) or may not (off).',
        fin_service_state: 'Only content Fin may use for customers (on) or may not (off).',
        fin_sales_state: 'Only content the sales agent may use (on) or may not (off).',
        created_by_ids: 'Only content created by these admins (Intercom’s admin IDs, Admins: List).',
        last_updated_by_ids: 'Only content last changed by these admins (Intercom’s admin IDs, Admins: List).',
        created_at_after: 'Only content created at or after this moment.',
        created_at_before: 'Only content created at or before this moment.',
        updated_at_after: 'Only content last changed at or after this moment.',
        updated_at_before: 'Only content last changed at or before this moment.',
      },
    },
  },
};

export default help;
