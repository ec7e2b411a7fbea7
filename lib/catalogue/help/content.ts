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

const internalArticle: FieldTexts = {
  type: 'Always "internal_article": names the kind of object.',
  id: 'Intercom’s ID of the internal article; the internal article actions take it as internal_article_id.',
  title: 'Title of the internal article (teammates only).',
  body: 'Content of the internal article as HTML.',
  body_markdown: 'Content of the internal article as Markdown.',
  owner_id: 'Intercom’s ID of the admin who owns the internal article.',
  author_id: 'Intercom’s ID of the admin shown as author.',
  created_at: 'When the internal article was created.',
  updated_at: 'When the internal article last changed.',
  locale: 'Language of the internal article, as a locale code such as en.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the internal article; empty: no targeting.',
  ...availability('internal article'),
};

const internalInput: FieldTexts = {
  title: 'Title of the internal article (teammates only).',
  body: 'Content as HTML; give this or body_markdown, not both.',
  body_markdown: 'Content as Markdown; give this or body, not both.',
  author_id: 'Intercom’s ID of the admin shown as author (Admins: List).',
  owner_id: 'Intercom’s ID of the admin who owns the internal article (Admins: List).',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with it (Audiences: List); empty: no targeting.',
  ...availabilityInput('internal article'),
};

const snippet: FieldTexts = {
  type: 'Always "content_snippet": names the kind of object.',
  id: 'Intercom’s ID of the content snippet; the snippet actions take it as id.',
  title: 'Title of the snippet (teammates and Fin see it, customers do not).',
  locale: 'Language of the snippet, as a locale code such as en.',
  json_blocks: 'The snippet’s content as Intercom’s blocks (paragraphs, lists ...).',
  body_markdown: 'The snippet’s content as Markdown.',
  chatbot_availability: 'Old form of ai_chatbot_availability: 1 when Fin may use the snippet, 0 when not.',
  copilot_availability: 'Old form of ai_copilot_availability: 1 when Copilot may use the snippet, 0 when not.',
  ...availability('snippet'),
  created_at: 'When the snippet was created.',
  updated_at: 'When the snippet last changed.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the snippet; empty: no targeting.',
};

const snippetInput: FieldTexts = {
  title: 'Title of the snippet (teammates and Fin see it, customers do not).',
  json_blocks: 'Content as Intercom’s blocks, e.g. [{ "type": "paragraph", "text": "…" }]; give this or body_markdown.',
  body_markdown: 'Content as Markdown; give this or json_blocks, not both.',
  locale: 'Language of the snippet, as a locale code such as en.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the snippet (Audiences: List); empty: no targeting.',
  ...availabilityInput('snippet'),
};

const importSource: FieldTexts = {
  type: 'Always "content_import_source": names the kind of object.',
  id: 'Intercom’s ID of the import source; external pages name it as source_id.',
  last_synced_at: 'When the source was last synced.',
  sync_behavior: 'How its pages arrive: api (you send them), automatic (Intercom crawls) or manual.',
  status: 'active (its pages are used) or deactivated.',
  url: 'Web address of the root of the source, e.g. https://docs.example.com.',
  created_at: 'When the source was created.',
  updated_at: 'When the source last changed.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the source’s pages.',
};

const externalPage: FieldTexts = {
  type: 'Always "external_page": names the kind of object.',
  id: 'Intercom’s ID of the external page; the external page actions take it as page_id.',
  title: 'Title of the external page.',
  html: 'Content of the page as HTML.',
  url: 'Web address of the page; Fin links people to it when it answers from the page.',
  ai_agent_availability: 'True when Fin may answer from the page.',
  ai_copilot_availability: 'True when Copilot may answer from the page.',
  ai_sales_agent_availability: 'True when Intercom’s sales agent may answer from the page.',
  fin_availability: 'Older switch for Fin; use ai_agent_availability and ai_copilot_availability.',
  locale: 'Language of the page; always en.',
  source_id: 'Intercom’s ID of the content import source the page belongs to.',
  external_id: 'Your own ID of the page, unique within its source.',
  created_at: 'When the page was created.',
  updated_at: 'When the page last changed.',
  last_ingested_at: 'When Intercom last read the page’s content.',
};

const externalInput: FieldTexts = {
  title: 'Title of the external page.',
  html: 'Content of the page as HTML.',
  url: 'Web address of the page; without one Fin cannot link people to it.',
  ai_agent_availability: 'True: Fin may answer from the page.',
  ai_copilot_availability: 'True: Copilot may answer from the page.',
  fin_availability: 'Older switch for Fin; true lets Fin answer from the page.',
  locale: 'Language of the page; only en.',
  source_id: 'Intercom’s ID of the content import source (with sync behavior api) the page belongs to (AI content: List import sources).',
  external_id: 'Your own ID of the page, unique within its source; a page with the same ID is updated.',
};

const help: ResourceHelp = {
  records: {
    internal_article_list_item: internalArticle,
    create_internal_article_request: internalInput,
    update_internal_article_request: { ...internalInput, audience_ids: 'Intercom’s IDs of the audiences Fin targets with it; left out, the targeting stays as it is.' },
    internal_article_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many internal articles match.',
      data: 'The results: the internal articles found.',
      'data.internal_articles': 'The internal articles that match, one object each.',
    },
    deleted_internal_article_object: {
      id: 'Intercom’s ID of the deleted internal article (as given to the action).',
      object: 'Always "internal_article": names the kind of object.',
      deleted: 'True: Intercom deleted the internal article.',
    },
    content_snippet: snippet,
    content_snippet_create_request: snippetInput,
    content_snippet_update_request: { ...snippetInput, audience_ids: 'Intercom’s IDs of the audiences Fin targets with the snippet; left out, the targeting stays as it is.' },
    content_import_source: importSource,
    create_content_import_source_request: {
      sync_behavior: 'How the source’s pages arrive: api (you send them with AI content: Create or update external page).',
      status: 'active (its pages are used) or deactivated.',
      url: 'Web address of the root of the source, e.g. https://docs.example.com.',
      audience_ids: 'Intercom’s IDs of the audiences Fin targets with the source’s pages: one ID or a list.',
    },
    update_content_import_source_request: {
      sync_behavior: 'How the source’s pages arrive; it cannot be changed to or from api.',
      status: 'active (its pages are used) or deactivated.',
      url: 'Web address of the root of the source; it can change only when sync behavior is api.',
      audience_ids: 'Intercom’s IDs of the audiences Fin targets with the source’s pages: one ID or a list; null or empty removes them.',
      apply_audience_to_existing_content: 'True: the audiences also apply to the source’s existing pages.',
    },
    external_page: externalPage,
    create_external_page_request: Object.fromEntries(Object.entries(externalInput).filter(([name]) => name !== 'fin_availability')),
    update_external_page_request: Object.fromEntries(Object.entries(externalInput).filter(([name]) => !name.startsWith('ai_'))),
    content_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many content items match.',
      pages: 'Paging information: this page’s number and size, the number of pages, and the neighbouring pages.',
      'pages.type': 'Always "pages": names the kind of object.',
      'pages.page': 'Number of this page, counted from 1.',
      'pages.per_page': 'How many results one page holds.',
      'pages.total_pages': 'How many pages of results there are.',
      'pages.next': 'Address of the next page; empty on the last page.',
      'pages.prev': 'Address of the page before; empty on the first page.',
      data: 'The content items found; each one’s type says what it is (article, snippet, internal article, external page ...).',
    },
    content_search_article_item: {
      type: 'Always "article": names the kind of object.',
      id: 'Intercom’s ID of the article.',
      title: 'Title of the article in its main language.',
      contents: 'The article’s versions per language, each with its ID, title and locale.',
      'contents.type': 'Always "article_content": names the kind of object.',
      'contents.id': 'Intercom’s ID of the article’s version in that language.',
      'contents.title': 'Title of the article in that language.',
      'contents.locale': 'Language of that version, as a locale code such as en.',
    },
    content_search_default_item: {
      type: 'Kind of content item: content_snippet, external_content, file_source_content or internal_article.',
      id: 'Intercom’s ID of the content item (of the kind in type).',
      title: 'Title of the content item.',
    },
    content_bulk_action_request: {
      action: 'What to do with the items: publish or unpublish (articles), delete, set_availability, set_audience or update_tags.',
      content_ids: 'The content items to act on (at most 1000), each { type, id }.',
      'content_ids.type': 'Kind of the item; which kinds an action takes depends on it (publish and unpublish: article_content).',
      'content_ids.id': 'Intercom’s ID of the item, of the kind in type.',
      availability: 'For set_availability: which switches to set, { ai_agent, copilot, sales_agent }; those left out stay.',
      'availability.ai_agent': 'True lets Fin use the items; false stops it.',
      'availability.copilot': 'True lets Copilot use the items; false stops it.',
      'availability.sales_agent': 'True lets the sales agent use the items; false stops it.',
      audience: 'For set_audience: segments to add or remove, or remove_all.',
      'audience.add_segment_ids': 'Intercom’s IDs of segments to target the items at, e.g. [100, 101].',
      'audience.remove_segment_ids': 'Intercom’s IDs of segments to stop targeting, e.g. [100].',
      'audience.remove_all': 'True: the items target no segment any more.',
      tags: 'For update_tags: tags to add and to remove (existing tags; at most 100 in all).',
      'tags.add_tag_ids': 'Intercom’s IDs of tags to put on the items, e.g. [7522907].',
      'tags.remove_tag_ids': 'Intercom’s IDs of tags to take off the items, e.g. [7522907].',
    },
    content_bulk_action_response: {
      type: 'Always "content_bulk_action": names the kind of object.',
      status: 'Where the bulk action stands, e.g. queued; it runs in the background.',
    },
    deleted_object: {
      id: 'Intercom’s ID of the deleted news item (as given to the action).',
      object: 'Always "news-item": names the kind of object.',
      deleted: 'True: Intercom deleted the news item.',
    },
  },
  actions: {
    searchContent: {
      in: {
        query: 'Words to look for in the content’s titles and bodies, as plain text, e.g. refund policy (not a JSON query); empty: the newest items.',
        states: 'Only content in these states: published, draft.',
        locales: 'Only content in these languages, as locale codes, e.g. ["en", "fr"].',
        tag_ids: 'Intercom’s IDs of tags to filter on; tag_operator says whether items must carry one of them (IN) or none (NIN).',
        tag_operator: 'How tag_ids filters: IN (carries one of the tags) or NIN (carries none of them).',
        any_tag_ids: 'Only content carrying any of these tags (Intercom’s tag IDs); instead of tag_ids with IN.',
        folder_ids: 'Only content in these folders (Intercom’s folder IDs); give folder_entity_type too.',
        folder_entity_type: 'What folder_ids are: folder. Needed with folder_ids.',
        content_types: 'Only these kinds of content; given, it replaces the default set.',
        copilot_state: 'Only content Copilot may use (on) or may not (off).',
        fin_service_state: 'Only content Fin may use for customers (on) or may not (off).',
        fin_sales_state: 'Only content the sales agent may use (on) or may not (off).',
        created_by_ids: 'Only content created by these admins (Intercom’s admin IDs).',
        last_updated_by_ids: 'Only content last changed by these admins (Intercom’s admin IDs).',
        created_at_after: 'Only content created after this moment.',
        created_at_before: 'Only content created before this moment.',
        updated_at_after: 'Only content changed after this moment.',
        updated_at_before: 'Only content changed before this moment.',
      },
    },
    searchInternalArticles: { in: { folder_id: 'Only internal articles in this folder: Intercom’s ID of the folder.' } },
  },
};

export default help;
