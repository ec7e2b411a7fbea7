import { ATTACH_TAG_INPUTS, attachedTag, detachedTag, listedItems, perLocale, PAGES_BY_NUMBER } from './contentTexts';
import type { FieldTexts, ResourceHelp } from './types';

/** An article as Intercom returns it; on a multilingual Help Center the top level is the default language's text. */
const article: FieldTexts = {
  type: 'Always "article": names the kind of object.',
  id: 'Intercom’s ID of the article; the article actions take it as article_id (or id).',
  workspace_id: 'Code of the Intercom workspace the article belongs to, e.g. ecahpwf5.',
  title: 'Title of the article (the default language’s on a multilingual Help Center).',
  description: 'Short summary shown under the title in the Help Center (the default language’s on a multilingual Help Center); empty when none.',
  body: 'Content of the article as HTML (the default language’s on a multilingual Help Center).',
  body_markdown: 'Content of the article as Markdown (the default language’s on a multilingual Help Center).',
  author_id: 'Intercom’s ID of the admin (teammate) shown as the author (Admins: Get shows who it is).',
  state: 'published: readers see it; draft: hidden. On a multilingual article, the default language’s state.',
  created_at: 'When the article was created.',
  updated_at: 'When the article last changed.',
  has_unpublished_changes: 'True when the published article has a staged draft not yet published (Articles: Get draft shows it); false for an article never published.',
  draft_updated_at: 'When the staged draft was last edited; empty when there is none.',
  url: 'Public web address of the article in the Help Center (the default language’s on a multilingual Help Center); empty when it has none.',
  parent_ids: 'Intercom’s IDs of the collections or sections the article sits in (Help Center: Get collection shows one); empty when it stands alone.',
  ai_chatbot_availability: 'True when Fin may use the article to answer customers (the default language’s setting on a multilingual article).',
  ai_copilot_availability: 'True when Copilot may use the article to help teammates (the default language’s setting on a multilingual article).',
  ai_sales_agent_availability: 'True when Intercom’s sales agent may use the article (the default language’s setting on a multilingual article).',
  created_by_id: 'Intercom’s ID of the admin who created the article; empty when unknown.',
  updated_by_id: 'Intercom’s ID of the admin who last changed the article; empty when unknown.',
  exclude_from_article_suggestions: 'True: Fin never suggests the article to customers by itself.',
  help_center_audience: 'Who may read the article in the Help Center: everyone, only users, only visitors, only leads, visitors and leads, or a custom audience (restricted).',
  scheduled_publish_at: 'When the article is set to be published; empty when no publish is planned.',
  scheduled_unpublish_at: 'When the article is set to be unpublished; empty when none is planned.',
  default_locale: 'Language of the main version, as a locale code such as en; sent on multilingual Help Centers only.',
  translated_content: 'The article in each language, keyed by locale code (en, fr, pt-BR ...); each holds title, body, author and state.',
  tags: 'The tags on the article, as a list object: type tag.list and the tags.',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the article, each with its ID and name.',
};

/** A language's version inside an article's translated content. */
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

const DEFAULT_ONLY = 'on a multilingual article it sets the default language only';

const articleInput: FieldTexts = {
  title: 'Title of the article (on a multilingual Help Center: of its default language).',
  description: 'Short summary shown under the title in the Help Center (the default language’s on a multilingual Help Center).',
  body: 'Content of the article as HTML; give this or body_markdown, not both.',
  body_markdown: 'Content of the article as Markdown; give this or body, not both.',
  author_id: 'Intercom’s ID of the admin shown as author; it must be a teammate of the workspace (Admins: List).',
  state: 'published: readers see it now; draft: it stays hidden.',
  parent_id: 'Intercom’s ID of the collection or section to put the article in (Help Center: List collections); empty: it stands alone.',
  parent_type: 'What parent_id names: collection or section.',
  translated_content:
    'Versions of the article in other languages, keyed by locale code, e.g. { "fr": { "title": "…", "body": "…", "author_id": 123, "state": "published" } }; multilingual Help Centers only.',
  audience_ids:
    'Intercom’s IDs of the audiences Fin targets with the article (Audiences: List); given here, they apply to every language and win over audience_ids inside translated_content. An unknown ID fails the whole request (404).',
  ai_chatbot_availability: `True: Fin may use the article to answer customers; ${DEFAULT_ONLY}.`,
  ai_copilot_availability: `True: Copilot may use the article to help teammates; ${DEFAULT_ONLY}.`,
  ai_sales_agent_availability: `True: Intercom’s sales agent may use the article; ${DEFAULT_ONLY}.`,
  scheduled_publish_at:
    'When to publish the article, strictly in the future; with state published it is scheduled instead of published now (with state draft Intercom refuses it). Not together with scheduled_unpublish_at; null cancels a planned publish.',
  scheduled_unpublish_at:
    'When to unpublish the article, strictly in the future; only for an article that has been published. Not together with scheduled_publish_at; null cancels a planned unpublish.',
};

const KEPT = 'left empty, it stays as it is';

const updateInput: FieldTexts = {
  ...articleInput,
  title: `New title of the article (the default language’s on a multilingual Help Center); ${KEPT}.`,
  description: `New summary shown under the title (the default language’s on a multilingual Help Center); ${KEPT}.`,
  body: `New content as HTML; give this or body_markdown, not both; ${KEPT}.`,
  body_markdown: `New content as Markdown; give this or body, not both; ${KEPT}.`,
  author_id: `Intercom’s ID of the admin to show as author, a teammate of the workspace (Admins: List); ${KEPT}.`,
  state: 'published or draft; left empty, the article keeps its state, so an edit of a published article goes live at once (unless it has a pending draft).',
  parent_id: `Intercom’s ID of the collection or section to move the article to (Help Center: List collections), as text, e.g. "18"; ${KEPT}.`,
  translated_content: 'Versions in other languages to change, keyed by locale code, e.g. { "fr": { "title": "…", "body": "…" } }; languages left out are not sent.',
  audience_ids:
    'Intercom’s IDs of the audiences Fin targets with the article (Audiences: List), for every language; [] removes all; left empty, they stay. They win over audience_ids inside translated_content; an unknown ID fails the whole request (404).',
};

/**
 * The language keys inside translated_content on input. The description's own text of each key is written for the
 * answer (article_translated_content), so the inputs get theirs per action.
 */
const TRANSLATION_TYPE = 'Always "article_translated_content" when given; it may be left empty.';
const newLanguages: FieldTexts = {
  'translated_content.type': TRANSLATION_TYPE,
  ...perLocale(
    (code, language) =>
      `The article in ${language} (locale ${code}): { title, description, body or body_markdown, author_id (Intercom’s ID of an admin, a whole number), state (published or draft) }, plus audience_ids and the AI availability switches if needed; use only languages the Help Center offers (its locales, Help Center: Get help center). Leave it empty for no ${language} version`,
    'translated_content.',
  ),
};
const changedLanguages: FieldTexts = {
  'translated_content.type': TRANSLATION_TYPE,
  ...perLocale(
    (code, language) =>
      `New ${language} version of the article (locale ${code}): { title, description, body or body_markdown, author_id (Intercom’s ID of an admin, a whole number), state (published or draft) }, plus audience_ids and the AI availability switches if needed; use only languages the Help Center offers (its locales, Help Center: Get help center). Left empty, nothing is sent for ${language}`,
    'translated_content.',
  ),
};

/** Staging a draft keeps only the versioned texts; Intercom ignores the other fields of the request. */
const NOT_STAGED = 'Not part of a draft: Intercom stages only the texts (title, description, body, author) and ignores this field, so the live value stays. Change it with Articles: Update.';

const stageInput: FieldTexts = {
  id: 'Intercom’s ID of the published article to stage a draft for (Articles: List or Articles: Search); an article never published is refused (422).',
  title: 'Title to stage in the draft; readers keep seeing the live title until Articles: Publish draft.',
  description: 'Summary to stage in the draft; the live one stays until Articles: Publish draft.',
  body: 'Content to stage in the draft, as HTML; give this or body_markdown, not both. The live content stays until Articles: Publish draft.',
  body_markdown: 'Content to stage in the draft, as Markdown; give this or body, not both. The live content stays until Articles: Publish draft.',
  author_id: 'Intercom’s ID of the admin to show as author once the draft is published, a teammate of the workspace (Admins: List).',
  state: 'Not used here: this action always stages a draft, and the draft goes live with Articles: Publish draft.',
  parent_id: NOT_STAGED,
  parent_type: NOT_STAGED,
  audience_ids: NOT_STAGED,
  ai_chatbot_availability: NOT_STAGED,
  ai_copilot_availability: NOT_STAGED,
  ai_sales_agent_availability: NOT_STAGED,
  scheduled_publish_at: NOT_STAGED,
  scheduled_unpublish_at: NOT_STAGED,
  translated_content: 'Draft texts in other languages, keyed by locale code, e.g. { "fr": { "title": "…", "body": "…" } }; Articles: Publish draft publishes them per locale.',
  'translated_content.type': TRANSLATION_TYPE,
  ...perLocale(
    (code, language) =>
      `Draft texts to stage for the ${language} version (locale ${code}): { title, description, body or body_markdown, author_id }; the live ${language} version stays until Articles: Publish draft publishes locale ${code}. Left empty, nothing is staged for ${language}`,
    'translated_content.',
  ),
};

/** The answer of an action that renders the staged draft (Get draft, Save draft): the texts are the draft's. */
const draftAnswer: FieldTexts = {
  title: 'Title in the staged draft; readers still see the live title until the draft is published.',
  description: 'Summary in the staged draft; the live one stays until the draft is published.',
  body: 'Content of the staged draft, as HTML; the live content stays until the draft is published.',
  body_markdown: 'Content of the staged draft, as Markdown; the live content stays until the draft is published.',
  author_id: 'Intercom’s ID of the admin shown as author in the staged draft.',
  state: 'State of the live article: published (a draft is staged only on a published article).',
  has_unpublished_changes: 'True while the staged draft waits to be published (on a multilingual article: the default language’s draft).',
  draft_updated_at: 'When the staged draft was last edited (on a multilingual article: the default language’s draft).',
};

const version: FieldTexts = {
  type: 'Always "article_version": names the kind of object.',
  id: 'Intercom’s ID of the version; Articles: Get version takes it as id, with the article’s ID as article_id.',
  article_id: 'Intercom’s ID of the article the version belongs to.',
  title: 'Title of the article in this version.',
  description: 'Summary of the article in this version; empty when it had none.',
  body: 'Content of the article in this version, as HTML.',
  body_markdown: 'Content of the article in this version, as Markdown.',
  author_id: 'Intercom’s ID of the admin shown as author in this version.',
  created_by_id: 'Intercom’s ID of the admin who made this version; empty when unknown.',
  created_via: 'How the version was made, e.g. web (in Intercom) or api.',
  from_version_id: 'Intercom’s ID of the version this one was made from; empty for the first version.',
  state: 'published: the live version; draft: an earlier or not yet live version.',
  created_at: 'When the version was made.',
  updated_at: 'When the version last changed.',
};

const help: ResourceHelp = {
  records: {
    article_list_item: article,
    article: { statistics: 'How readers used the article: views, conversations started, reactions and Fin’s use of it.' },
    article_content: content,
    article_translated_content: {
      type: 'Always "article_translated_content": names the kind of object.',
      ...perLocale(
        (code, language) =>
          `The article’s ${language} version (locale ${code}): title, description, body, author, state, timestamps, address and AI availability; empty when the article has no ${language} version`,
      ),
    },
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
      fin_resolution_rate: 'Share of Fin’s uses of the article that resolved the conversation, in percent (fin_resolutions ÷ fin_involvements × 100).',
    },
    create_article_request: articleInput,
    update_article_request: updateInput,
    article_version: version,
    article_version_summary: Object.fromEntries(Object.entries(version).filter(([name]) => !['body', 'body_markdown', 'updated_at'].includes(name))),
    article_list: {
      type: 'Always "list": names the kind of object.',
      data: `${listedItems('articles of the workspace')}.`,
      total_count: 'How many articles the workspace has.',
    },
    article_version_list: {
      type: 'Always "list": names the kind of object.',
      data: `${listedItems('versions of the article, newest first')}; Articles: Get version gives a version’s content.`,
      total_count: 'How many versions the article has.',
    },
    article_search_response: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many articles match the search, over every page.',
      data: 'The results: data.articles holds the matching articles and, with highlight, data.highlights the matching passages.',
      'data.articles': `${listedItems('articles that match, as Articles: Get gives each')}.`,
      'data.highlights': 'Passages of the matching articles with the search words marked, one entry per article (only with highlight).',
      pages: 'Paging information of the search: this page’s number, the page size and the number of pages; not in the message when Pages to fetch is All pages.',
    },
    deleted_article_object: {
      id: 'Intercom’s ID of the deleted article (as given to the action).',
      object: 'Always "article": names the kind of object.',
      deleted: 'True: Intercom deleted the article.',
    },
    publish_article_draft_request: {
      locales:
        'Locale codes of the staged drafts to publish, e.g. ["en", "fr"]; each must have a staged draft. Required on a multilingual workspace (else Intercom answers 422); leave it empty on a single-language one.',
    },
  },
  actions: {
    createArticle: {
      in: {
        ...newLanguages,
        scheduled_publish_at:
          'When to publish the article, strictly in the future: an ISO 8601 date and time with a zone, e.g. 2030-05-31T14:30:00Z (one without a zone is refused). With state published the article is scheduled instead of published now; with state draft Intercom refuses it. Not together with scheduled_unpublish_at.',
      },
    },
    updateArticle: { in: changedLanguages },
    listArticles: { out: PAGES_BY_NUMBER },
    getArticle: { in: { article_id: 'Intercom’s ID of the article to fetch: the id field of an article, as Articles: List or Articles: Search give it.' } },
    searchArticles: {
      in: {
        phrase: 'Words to look for in the articles’ titles and bodies, e.g. reset password.',
        state: 'Which articles to search: published, draft or all.',
        help_center_id: 'Only articles of this Help Center: Intercom’s ID of it (Help Center: List help centers).',
        highlight: 'True: the answer also holds the matching passages, with the words marked (data.highlights).',
      },
      out: { 'pages.next': PAGES_BY_NUMBER['pages.next'] ?? '' },
    },
    stageArticleDraft: { in: stageInput, out: draftAnswer },
    getArticleDraft: {
      in: { id: 'Intercom’s ID of the published article whose staged draft to fetch (Articles: List or Articles: Search); an article without a staged draft gives 404.' },
      out: draftAnswer,
    },
    publishArticleDraft: {
      in: { id: 'Intercom’s ID of the article whose staged draft to publish (Articles: List or Articles: Search); without a staged draft Intercom refuses it (422).' },
      out: {
        has_unpublished_changes: 'False once the staged draft is published; on a multilingual article it tells of the default language, so it stays true while that language’s draft waits.',
        draft_updated_at: 'Empty once the staged draft is published; on a multilingual article it tells of the default language, so it stays set while that language’s draft waits.',
      },
    },
    tagArticle: {
      in: { article_id: 'Intercom’s ID of the article to tag: the id field of an article, as Articles: List or Articles: Search give it.', ...ATTACH_TAG_INPUTS },
      out: attachedTag('article', 'Articles: Detach tag'),
    },
    untagArticle: {
      in: {
        article_id: 'Intercom’s ID of the article to take the tag off: the id field of an article, as Articles: List or Articles: Search give it.',
        id: 'Intercom’s ID of the tag to take off the article: the id field of a tag, as the article’s tags.tags or Tags: List give it.',
      },
      out: detachedTag('article'),
    },
    listArticleVersions: {
      in: {
        article_id: 'Intercom’s ID of the article whose versions to list: the id field of an article, as Articles: List or Articles: Search give it.',
        locale: 'Only versions of this language, as a locale code such as en or fr; it must be a language the workspace is set up for (else Intercom answers 400). Empty: no language filter.',
      },
      out: PAGES_BY_NUMBER,
    },
    getArticleVersion: {
      in: {
        article_id: 'Intercom’s ID of the article the version belongs to (Articles: List or Articles: Search).',
        id: 'Intercom’s ID of the version to fetch: the id of a version, as Articles: List versions gives it for this article.',
        locale: 'Language of the content to fetch, as a locale code such as en or fr; it must be a language the workspace is set up for (else Intercom answers 400). Empty: no language asked for.',
      },
    },
  },
};

export default help;
