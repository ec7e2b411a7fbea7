import type { FieldTexts, ResourceHelp } from './types';

/** An article as Intercom returns it; on a multilingual Help Center the top level is the default language's text. */
const article: FieldTexts = {
  type: 'Always "article": names the kind of object.',
  id: 'Intercom’s ID of the article; the article actions take it as article_id (or id).',
  workspace_id: 'Code of the Intercom workspace the article belongs to, e.g. ecahpwf5.',
  title: 'Title of the article as readers see it (the default language’s on a multilingual Help Center).',
  description: 'Short summary shown under the title in the Help Center.',
  body: 'Content of the article as HTML.',
  body_markdown: 'Content of the article as Markdown.',
  author_id: 'Intercom’s ID of the admin (teammate) shown as the author.',
  state: 'published (readers see it) or draft.',
  created_at: 'When the article was created.',
  updated_at: 'When the article last changed.',
  has_unpublished_changes: 'True when the published article has draft changes not yet published.',
  draft_updated_at: 'When the staged draft was last edited; empty when there is none.',
  url: 'Public web address of the article in the Help Center; empty for drafts.',
  parent_ids: 'Intercom’s IDs of the collections or sections the article sits in; empty when it stands alone.',
  ai_chatbot_availability: 'True when Fin may use the article to answer customers.',
  ai_copilot_availability: 'True when Copilot may use the article to help teammates.',
  ai_sales_agent_availability: 'True when Intercom’s sales agent may use the article.',
  created_by_id: 'Intercom’s ID of the admin who created the article.',
  updated_by_id: 'Intercom’s ID of the admin who last changed the article.',
  exclude_from_article_suggestions: 'True: Fin never suggests the article to customers by itself.',
  help_center_audience: 'Who may read the article in the Help Center: everyone, a group of people, or a custom audience (restricted).',
  scheduled_publish_at: 'When the article is set to be published; empty when no publish is planned.',
  scheduled_unpublish_at: 'When the article is set to be unpublished; empty when none is planned.',
  default_locale: 'Language of the main version, as a locale code such as en (multilingual Help Centers only).',
  translated_content: 'The article in each language, keyed by locale code (en, fr, pt-BR ...); each holds title, body, author and state.',
  tags: 'Tags on the article: a list object with the tags.',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the article, each with its ID and name.',
};

const content: FieldTexts = {
  type: 'Always "article_content": names the kind of object.',
  title: 'Title of the article in this language.',
  description: 'Short summary of the article in this language.',
  body: 'Content of the article in this language, as HTML.',
  body_markdown: 'Content of the article in this language, as Markdown.',
  author_id: 'Intercom’s ID of the admin shown as author of this language’s version.',
  state: 'published or draft, for this language’s version.',
  created_at: 'When this language’s version was created.',
  updated_at: 'When this language’s version last changed.',
  has_unpublished_changes: 'True when this language’s published version has draft changes not yet published.',
  draft_updated_at: 'When this language’s draft was last edited; empty when there is none.',
  url: 'Public web address of this language’s version.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with this language’s version.',
  ai_chatbot_availability: 'True when Fin may use this language’s version.',
  ai_copilot_availability: 'True when Copilot may use this language’s version.',
  ai_sales_agent_availability: 'True when the sales agent may use this language’s version.',
  created_by_id: 'Intercom’s ID of the admin who created this language’s version.',
  updated_by_id: 'Intercom’s ID of the admin who last changed this language’s version.',
};

const articleInput: FieldTexts = {
  title: 'Title of the article (on a multilingual Help Center: of its default language).',
  description: 'Short summary shown under the title in the Help Center.',
  body: 'Content of the article as HTML; give this or body_markdown, not both.',
  body_markdown: 'Content of the article as Markdown; give this or body, not both.',
  author_id: 'Intercom’s ID of the admin shown as author; it must be a teammate of the workspace (Admins: List).',
  state: 'published: readers see it now; draft: it stays hidden.',
  parent_id: 'Intercom’s ID of the collection or section to put the article in (Help Center: List collections); empty: it stands alone.',
  parent_type: 'What parent_id is: collection or section.',
  translated_content: 'The article in other languages, keyed by locale code: { "fr": { "title": …, "body": … } }.',
  audience_ids: 'Intercom’s IDs of the audiences Fin targets with the article (Audiences: List); given here, they apply to every language.',
  ai_chatbot_availability: 'True: Fin may use the article to answer customers.',
  ai_copilot_availability: 'True: Copilot may use the article to help teammates.',
  ai_sales_agent_availability: 'True: Intercom’s sales agent may use the article.',
  scheduled_publish_at: 'When to publish the article (with state published it is scheduled instead of published now); it must be in the future.',
  scheduled_unpublish_at: 'When to unpublish the article; null cancels a planned unpublish. It must be in the future.',
};

const version: FieldTexts = {
  type: 'Always "article_version": names the kind of object.',
  id: 'Intercom’s ID of the version; Articles: Get version takes it as id.',
  article_id: 'Intercom’s ID of the article the version belongs to.',
  title: 'Title of the article in this version.',
  description: 'Summary of the article in this version.',
  body: 'Content of the article in this version, as HTML.',
  body_markdown: 'Content of the article in this version, as Markdown.',
  author_id: 'Intercom’s ID of the admin shown as author in this version.',
  created_by_id: 'Intercom’s ID of the admin who made this version.',
  created_via: 'How the version was made, e.g. web (in Intercom) or api.',
  from_version_id: 'Intercom’s ID of the version this one was made from; empty for the first version.',
  state: 'published: the live version; draft: an earlier or not yet live version.',
  created_at: 'When the version was made.',
  updated_at: 'When the version last changed.',
};

const help: ResourceHelp = {
  records: {
    article_list_item: article,
    article_content: content,
    article_statistics: {
      type: 'Always "article_statistics": names the kind of object.',
      views: 'How many times readers opened the article.',
      conversions: 'How many conversations readers started from the article.',
      reactions: 'How many reactions readers left on the article.',
      happy_reaction_percentage: 'Share of reactions that were happy, in percent (0 to 100).',
      neutral_reaction_percentage: 'Share of reactions that were neutral, in percent (0 to 100).',
      sad_reaction_percentage: 'Share of reactions that were sad, in percent (0 to 100).',
      fin_involvements: 'In how many conversations Fin used the article, over all its languages.',
      fin_resolutions: 'How many conversations Fin resolved with the article, over all its languages.',
      fin_resolution_rate: 'Share of Fin’s uses of the article that resolved the conversation, in percent.',
    },
    create_article_request: articleInput,
    update_article_request: { ...articleInput, state: 'published or draft; left empty, the article keeps its state (an edit of a published article goes live).' },
    article_version: version,
    article_version_summary: Object.fromEntries(Object.entries(version).filter(([name]) => !['body', 'body_markdown', 'updated_at'].includes(name))),
    article_list: { type: 'Always "list": names the kind of object.', data: 'The articles of this page, one object each.', total_count: 'How many articles the workspace has.' },
    article_version_list: { type: 'Always "list": names the kind of object.', data: 'The versions of the article on this page, newest first.', total_count: 'How many versions the article has.' },
    article_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many articles match the search.',
      data: 'The results: the articles found and, with highlight, the passages that match.',
      'data.articles': 'The articles that match, each as Articles: Get gives it.',
      'data.highlights': 'Passages of the articles that match the words, with the words marked (only with highlight).',
    },
    deleted_article_object: {
      id: 'Intercom’s ID of the deleted article (as given to the action).',
      object: 'Always "article": names the kind of object.',
      deleted: 'True: Intercom deleted the article.',
    },
    publish_article_draft_request: {
      locales: 'Locale codes of the staged drafts to publish, e.g. ["en", "fr"]; needed on multilingual Help Centers, and each must have a draft.',
    },
  },
  actions: {
    searchArticles: {
      in: {
        phrase: 'Words to look for in the articles’ titles and bodies, e.g. reset password.',
        state: 'Which articles to search: published, draft or all; empty: all.',
        help_center_id: 'Only articles of this Help Center: Intercom’s ID of it (Help Center: List help centers).',
        highlight: 'True: the answer also shows the matching passages, with the words marked.',
      },
    },
    listArticleVersions: { in: { locale: 'Language of the versions to list, as a locale code such as en; empty: the default language.' } },
    getArticleVersion: {
      in: {
        id: 'Intercom’s ID of the version to fetch (the id of a version in Articles: List versions).',
        locale: 'Language of the version, as a locale code such as en; empty: the default language.',
      },
    },
  },
};

export default help;
