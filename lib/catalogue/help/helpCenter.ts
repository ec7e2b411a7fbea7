import { listedItems, perLocale, PAGES_BY_NUMBER } from './contentTexts';
import type { FieldTexts, ResourceHelp } from './types';

/** Help Centers, their collections and redirects, and News (news items and newsfeeds). */

const collection: FieldTexts = {
  id: 'Intercom’s ID of the collection; the collection actions take it as collection_id, articles as parent_id.',
  workspace_id: 'Code of the Intercom workspace the collection belongs to, e.g. ecahpwf5.',
  name: 'Name of the collection as readers see it (the default language’s on a multilingual Help Center).',
  description: 'Description of the collection shown to readers (the default language’s on a multilingual Help Center); empty when none.',
  created_at: 'When the collection was created.',
  updated_at: 'When the collection last changed.',
  url: 'Public web address of the collection in the Help Center (the default language’s on a multilingual Help Center); empty when it has none.',
  icon: 'Icon of the collection, by its name in Intercom’s icon set, e.g. book-bookmark; empty when none.',
  order: 'Position among its sibling collections, counted from 0 (0 also when no order is set).',
  default_locale: 'Language of the main version, as a locale code such as en; sent on multilingual Help Centers only.',
  translated_content: 'The collection’s name and description in each language, keyed by locale code (en, fr, pt-BR ...).',
  parent_id: 'Intercom’s ID of the collection it sits in; empty for a top-level collection.',
  help_center_id: 'Intercom’s ID of the Help Center the collection belongs to (Help Center: List help centers).',
};

const collectionInput: FieldTexts = {
  name: 'Name of the collection (the default language’s on a multilingual Help Center).',
  description: 'Description of the collection shown to readers (the default language’s on a multilingual Help Center).',
  translated_content: 'The collection’s name and description in other languages, keyed by locale code: { "fr": { "name": "…", "description": "…" } }; multilingual Help Centers only.',
  parent_id: 'Intercom’s ID of the collection to put it in (Help Center: List collections), as text; empty: a top-level collection.',
};

/**
 * The language keys inside a collection's translated_content on input; the description's text of each key
 * (group_translated_content) is written for the answer.
 */
const GROUP_TYPE = 'Always "group_translated_content" when given; it may be left empty.';
const newGroupLanguages: FieldTexts = {
  'translated_content.type': GROUP_TYPE,
  ...perLocale(
    (code, language) =>
      `Name and description of the collection in ${language} (locale ${code}), as { "name": "…", "description": "…" }; use only languages the Help Center offers (its locales, Help Center: Get help center). Leave it empty for no ${language} version`,
    'translated_content.',
  ),
};
const changedGroupLanguages: FieldTexts = {
  'translated_content.type': GROUP_TYPE,
  ...perLocale(
    (code, language) =>
      `New name and description of the collection in ${language} (locale ${code}), as { "name": "…", "description": "…" }; use only languages the Help Center offers (its locales, Help Center: Get help center). Left empty, nothing is sent for ${language}`,
    'translated_content.',
  ),
};

const redirect: FieldTexts = {
  id: 'Intercom’s ID of the redirect; Help Center: Get redirect takes it as id, and so does Help Center: Delete redirect (permanent).',
  type: 'Always "help_center_redirect": names the kind of object.',
  from_url: 'The old address that is redirected, an absolute URL in the Help Center’s address space.',
  locale: 'Language of the target, as a locale code such as en; for an article, the translation it leads to (another language when the one asked for does not exist).',
  help_center_id: 'Intercom’s ID of the Help Center the redirect belongs to.',
  target_type: 'What the redirect leads to: an article or a collection.',
  target_id: 'Intercom’s ID of the article or collection the redirect leads to (of the kind in target_type).',
  created_at: 'When the redirect was created.',
  updated_at: 'When the redirect last changed.',
};

const newsItem: FieldTexts = {
  type: 'Always "news-item": names the kind of object.',
  id: 'Intercom’s ID of the news item; the news actions take it as news_item_id.',
  workspace_id: 'Code of the Intercom workspace the news item belongs to, e.g. ecahpwf5.',
  title: 'Title of the news item as readers see it.',
  body: 'Content of the news item as HTML.',
  sender_id: 'Intercom’s ID of the admin shown as sender (Admins: Get shows who it is).',
  state: 'draft (not shown) or live (shown in its newsfeeds).',
  newsfeed_assignments: 'The newsfeeds the item is in, each with the newsfeed’s ID and the publish date there.',
  'newsfeed_assignments.newsfeed_id': 'Intercom’s ID of the newsfeed (News: List newsfeeds).',
  'newsfeed_assignments.published_at': 'Publish date of the item in that newsfeed.',
  labels: 'Labels readers see to tell kinds of news apart, e.g. ["Product", "Update"].',
  cover_image_url: 'Address of the cover image (a .jpg or .png); empty when none.',
  reactions: 'Emoji readers can react with, in order; empty: reactions are off.',
  deliver_silently: 'True: the item appears in the Messenger newsfeed without a notification badge.',
  created_at: 'When the news item was created.',
  updated_at: 'When the news item last changed.',
};

const newsInput: FieldTexts = {
  title: 'Title of the news item as readers see it.',
  body: 'Content of the news item; HTML is accepted.',
  sender_id: 'Intercom’s ID of the admin shown as sender; it must be a teammate of the workspace (Admins: List).',
  state: 'draft: not shown yet; live: shown in the newsfeeds it is assigned to.',
  deliver_silently: 'True: the item appears in the Messenger newsfeed without a notification badge.',
  labels: 'Labels readers see to tell kinds of news apart, e.g. ["Product", "Update"].',
  reactions: 'Emoji readers can react with, in order, e.g. ["👍", "🎉"]; an empty list turns reactions off.',
  newsfeed_assignments: 'The newsfeeds to put the item in, each { newsfeed_id, published_at }, e.g. [{ "newsfeed_id": 198313 }].',
  'newsfeed_assignments.newsfeed_id': 'Intercom’s ID of a newsfeed to put the item in: the id field of a newsfeed, as News: List newsfeeds gives it.',
  'newsfeed_assignments.published_at':
    'Publish date to show in that newsfeed, to import news of the past; it cannot be in the future (schedule in Intercom instead) and is ignored while state is draft.',
};

/** A list of news: the same answer holds news items or newsfeeds, and each field is one kind's only. */
const NEWSFEED_ONLY = 'Empty here: only a newsfeed has it (News: List newsfeeds)';
const ITEM_ONLY = 'Empty here: a newsfeed has only an id, a name and its timestamps';
const newsPage = (items: string): FieldTexts => ({
  type: 'Marks the answer as a list: list here (conversation.list is for conversation lists).',
  ...PAGES_BY_NUMBER,
  total_count: `How many ${items} there are in all, over every page.`,
  data: `${listedItems(items)}.`,
});
const newsItemsPage = (items: string): FieldTexts => ({
  ...newsPage(items),
  'data.type': 'Kind of record: news-item here.',
  ...Object.fromEntries(['id', 'workspace_id', 'title', 'body', 'sender_id', 'state', 'newsfeed_assignments', 'labels', 'cover_image_url', 'reactions', 'deliver_silently', 'created_at', 'updated_at'].map((name) => [`data.${name}`, newsItem[name] ?? ''])),
  'data.name': NEWSFEED_ONLY,
});
const newsfeedsPage: FieldTexts = {
  ...newsPage('newsfeeds of the workspace'),
  'data.type': 'Kind of record: newsfeed here.',
  'data.id': 'Intercom’s ID of the newsfeed; News: Get newsfeed and News: List live items of newsfeed take it as newsfeed_id.',
  'data.name': 'Name of the newsfeed; only teammates see it.',
  'data.created_at': 'When the newsfeed was created.',
  'data.updated_at': 'When the newsfeed last changed.',
  ...Object.fromEntries(['workspace_id', 'title', 'body', 'sender_id', 'state', 'newsfeed_assignments', 'labels', 'cover_image_url', 'reactions', 'deliver_silently'].map((name) => [`data.${name}`, ITEM_ONLY])),
};

/** A newsfeed assignment's own texts (newsfeed_assignment) are the answer's; these are the request's. */
const assignmentInputs: FieldTexts = Object.fromEntries(Object.entries(newsInput).filter(([name]) => name.startsWith('newsfeed_assignments.')));

const NEWS_ITEM_ID = 'the id field of a news item, as News: List items gives it';

const help: ResourceHelp = {
  records: {
    help_center: {
      id: 'Intercom’s ID of the Help Center; the Help Center actions take it as help_center_id.',
      workspace_id: 'Code of the Intercom workspace the Help Center belongs to, e.g. ecahpwf5.',
      created_at: 'When the Help Center was created.',
      updated_at: 'When the Help Center last changed.',
      identifier: 'Short name of the Help Center used in its web address, e.g. acme.',
      website_turned_on: 'True when the Help Center’s website is switched on (in its settings).',
      display_name: 'Name of the Help Center teammates see; readers do not.',
      url: 'Web address of the Help Center, on your own domain when one is set.',
      custom_domain: 'Your own domain the Help Center is served on, e.g. help.example.com; empty when none.',
      default: 'True for the workspace’s default Help Center.',
      locales: 'Languages the Help Center is available in, as locale codes, e.g. ["en", "fr"].',
    },
    help_center_list: { type: 'Always "list": names the kind of object.', data: `${listedItems('Help Centers of the workspace')}.` },
    collection,
    collection_list: {
      type: 'Always "list": names the kind of object.',
      data: `${listedItems('collections, most recently changed first')}.`,
      total_count: 'How many collections there are in all, over every page.',
    },
    create_collection_request: { ...collectionInput, help_center_id: 'Intercom’s ID of the Help Center to create the collection in (Help Center: List help centers); empty: the default Help Center.' },
    update_collection_request: {
      name: 'New name of the collection (the default language’s on a multilingual Help Center); left empty, it stays.',
      description: 'New description of the collection (the default language’s on a multilingual Help Center); left empty, it stays.',
      translated_content: 'Names and descriptions in other languages to change, keyed by locale code: { "fr": { "name": "…", "description": "…" } }.',
      parent_id: 'Intercom’s ID of the collection to move it into (Help Center: List collections), as text; null makes it a top-level collection; left empty, it stays where it is.',
    },
    group_content: {
      type: 'Always "group_content": names the kind of object.',
      name: 'Name of the collection or section in this language.',
      description: 'Description of the collection in this language.',
    },
    group_translated_content: {
      type: 'Always "group_translated_content": names the kind of object.',
      ...perLocale((code, language) => `The collection’s name and description in ${language} (locale ${code}); empty when it has no ${language} version`),
    },
    deleted_collection_object: {
      id: 'Intercom’s ID of the deleted collection (as given to the action).',
      object: 'Always "collection": names the kind of object.',
      deleted: 'True: Intercom deleted the collection.',
    },
    help_center_redirect: redirect,
    help_center_redirect_list: {
      type: 'Always "list": names the kind of object.',
      data: `${listedItems('redirects of the Help Center, most recently changed first')}.`,
      total_count: 'How many redirects the Help Center has.',
      pages: 'Paging information: this page’s number, the page size and the number of pages; not in the message when Pages to fetch is All pages.',
    },
    create_help_center_redirect_request: {
      from_url: 'The old address to redirect: an absolute URL in the Help Center’s address space, e.g. https://help.example.com/en/old-page.',
      locale: 'Language of the target, as a locale code such as en; for an article it picks that translation.',
      target_type: 'What the redirect leads to: an article or a collection.',
      target_id: 'Intercom’s ID of the article (Articles: List) or collection (Help Center: List collections) to lead to, as target_type says; it must belong to this Help Center.',
    },
    deleted_help_center_redirect_object: {
      id: 'Intercom’s ID of the deleted redirect (as given to the action).',
      object: 'Always "help_center_redirect": names the kind of object.',
      deleted: 'True: Intercom deleted the redirect.',
    },
    news_item: newsItem,
    news_item_request: newsInput,
    newsfeed: {
      id: 'Intercom’s ID of the newsfeed; News: Get newsfeed and News: List live items of newsfeed take it as newsfeed_id.',
      type: 'Always "newsfeed": names the kind of object.',
      name: 'Name of the newsfeed; only teammates see it.',
      created_at: 'When the newsfeed was created.',
      updated_at: 'When the newsfeed last changed.',
    },
    newsfeed_assignment: {
      newsfeed_id: 'Intercom’s ID of the newsfeed (News: List newsfeeds).',
      published_at: 'Publish date of the news item in that newsfeed.',
    },
    paginated_response: {
      type: 'Marks the answer as a list: list here (conversation.list is for conversation lists).',
      pages: 'Paging information: this page’s number, the page size and the number of pages; not in the message when Pages to fetch is All pages.',
      total_count: 'How many news items or newsfeeds there are in all, over every page.',
      data: `${listedItems('news items or newsfeeds')}.`,
    },
  },
  actions: {
    listCollections: { out: PAGES_BY_NUMBER },
    createCollection: { in: newGroupLanguages },
    updateCollection: { in: changedGroupLanguages },
    deleteCollection: {
      in: { collection_id: 'Intercom’s ID of the Help Center collection to delete: the id field of a collection, as Help Center: List collections gives it.' },
    },
    listHelpCenterRedirects: {
      in: { help_center_id: 'Intercom’s ID of the Help Center whose redirects to list: the id field of a Help Center, as Help Center: List help centers gives it.' },
      out: PAGES_BY_NUMBER,
    },
    createHelpCenterRedirect: { in: { help_center_id: 'Intercom’s ID of the Help Center to create the redirect in: the id field of a Help Center, as Help Center: List help centers gives it.' } },
    getHelpCenterRedirect: {
      in: {
        help_center_id: 'Intercom’s ID of the Help Center the redirect belongs to (Help Center: List help centers).',
        id: 'Intercom’s ID of the redirect to fetch: the id field of a redirect, as Help Center: List redirects gives it for this Help Center.',
      },
    },
    deleteHelpCenterRedirect: {
      in: {
        help_center_id: 'Intercom’s ID of the Help Center the redirect belongs to (Help Center: List help centers).',
        id: 'Intercom’s ID of the redirect to delete: the id field of a redirect, as Help Center: List redirects gives it for this Help Center.',
      },
    },
    createNewsItem: { in: assignmentInputs },
    listNewsItems: { out: newsItemsPage('news items of the workspace') },
    listNewsfeedItems: {
      in: { newsfeed_id: 'Intercom’s ID of the newsfeed whose live news items to list: the id field of a newsfeed, as News: List newsfeeds gives it.' },
      out: newsItemsPage('live news items of the newsfeed'),
    },
    listNewsfeeds: { out: newsfeedsPage },
    getNewsItem: { in: { news_item_id: `Intercom’s ID of the news item to fetch: ${NEWS_ITEM_ID}.` } },
    updateNewsItem: { in: { news_item_id: `Intercom’s ID of the news item to update: ${NEWS_ITEM_ID}.`, ...assignmentInputs } },
    deleteNewsItem: { in: { news_item_id: `Intercom’s ID of the news item to delete: ${NEWS_ITEM_ID}.` } },
    getNewsfeed: { in: { newsfeed_id: 'Intercom’s ID of the newsfeed to fetch: the id field of a newsfeed, as News: List newsfeeds gives it.' } },
  },
};

export default help;
