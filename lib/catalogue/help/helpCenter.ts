import type { FieldTexts, ResourceHelp } from './types';

const collection: FieldTexts = {
  id: 'Intercom’s ID of the collection; the collection actions take it as collection_id, articles as parent_id.',
  workspace_id: 'Code of the Intercom workspace the collection belongs to, e.g. ecahpwf5.',
  name: 'Name of the collection as readers see it (the default language’s on a multilingual Help Center).',
  description: 'Description of the collection shown to readers.',
  created_at: 'When the collection was created.',
  updated_at: 'When the collection last changed.',
  url: 'Public web address of the collection in the Help Center.',
  icon: 'Icon of the collection, by its name in Intercom’s icon set.',
  order: 'Position among its sibling collections, counted from 0.',
  default_locale: 'Language of the main version, as a locale code such as en (multilingual Help Centers only).',
  translated_content: 'The collection’s name and description in each language, keyed by locale code (en, fr, pt-BR ...).',
  parent_id: 'Intercom’s ID of the collection it sits in; empty for a top-level collection.',
  help_center_id: 'Intercom’s ID of the Help Center the collection belongs to.',
};

const collectionInput: FieldTexts = {
  name: 'Name of the collection (the default language’s on a multilingual Help Center).',
  description: 'Description of the collection shown to readers.',
  translated_content: 'The collection’s name and description in other languages, keyed by locale code: { "fr": { "name": …, "description": … } }.',
  parent_id: 'Intercom’s ID of the collection to put it in; empty: a top-level collection.',
};

const redirect: FieldTexts = {
  id: 'Intercom’s ID of the redirect; the redirect actions take it as id.',
  type: 'Always "help_center_redirect": names the kind of object.',
  from_url: 'The old address that is redirected, an absolute URL in the Help Center’s address space.',
  locale: 'Language of the target, as a locale code such as en.',
  help_center_id: 'Intercom’s ID of the Help Center the redirect belongs to.',
  target_type: 'What the redirect leads to: an article or a collection.',
  target_id: 'Intercom’s ID of the article or collection the redirect leads to.',
  created_at: 'When the redirect was created.',
  updated_at: 'When the redirect last changed.',
};

const newsItem: FieldTexts = {
  type: 'Always "news-item": names the kind of object.',
  id: 'Intercom’s ID of the news item; the news actions take it as news_item_id.',
  workspace_id: 'Code of the Intercom workspace the news item belongs to, e.g. ecahpwf5.',
  title: 'Title of the news item as readers see it.',
  body: 'Content of the news item as HTML.',
  sender_id: 'Intercom’s ID of the admin shown as sender.',
  state: 'draft (not shown) or live (shown in its newsfeeds).',
  newsfeed_assignments: 'The newsfeeds the item is in, each with the newsfeed’s ID and the publish date there.',
  'newsfeed_assignments.newsfeed_id': 'Intercom’s ID of the newsfeed (News: List newsfeeds).',
  'newsfeed_assignments.published_at': 'Publish date of the item in that newsfeed.',
  labels: 'Labels readers see to tell kinds of news apart, e.g. ["Product", "Update"].',
  cover_image_url: 'Address of the cover image (a .jpg or .png).',
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
  reactions: 'Emoji readers can react with, in order, e.g. ["👍", "🎉"]; empty turns reactions off.',
  newsfeed_assignments: 'The newsfeeds to put the item in, each { newsfeed_id, published_at }.',
  'newsfeed_assignments.newsfeed_id': 'Intercom’s ID of a newsfeed to put the item in (News: List newsfeeds).',
  'newsfeed_assignments.published_at': 'Publish date to show in that newsfeed, for importing past news; it cannot be in the future (schedule in Intercom instead).',
};

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
    help_center_list: { type: 'Always "list": names the kind of object.', data: 'The Help Centers of the workspace, one object each.' },
    collection,
    collection_list: { type: 'Always "list": names the kind of object.', data: 'The collections of this page, one object each.', total_count: 'How many collections there are in all.' },
    create_collection_request: { ...collectionInput, help_center_id: 'Intercom’s ID of the Help Center to create the collection in; empty: the default Help Center.' },
    update_collection_request: collectionInput,
    group_content: {
      type: 'Always "group_content": names the kind of object.',
      name: 'Name of the collection or section in this language.',
      description: 'Description of the collection in this language.',
    },
    group_translated_content: { type: 'Always "group_translated_content": names the kind of object.' },
    article_translated_content: { type: 'Always "article_translated_content": names the kind of object.' },
    deleted_collection_object: {
      id: 'Intercom’s ID of the deleted collection (as given to the action).',
      object: 'Always "collection": names the kind of object.',
      deleted: 'True: Intercom deleted the collection.',
    },
    help_center_redirect: redirect,
    help_center_redirect_list: { type: 'Always "list": names the kind of object.', data: 'The redirects of this page, one object each.', total_count: 'How many redirects the Help Center has.' },
    create_help_center_redirect_request: {
      from_url: 'The old address to redirect: an absolute URL in the Help Center’s address space, e.g. https://help.example.com/en/old-page.',
      locale: 'Language of the target, as a locale code such as en; for an article it picks that translation.',
      target_type: 'What the redirect leads to: an article or a collection.',
      target_id: 'Intercom’s ID of the article or collection to lead to; it must belong to this Help Center.',
    },
    deleted_help_center_redirect_object: {
      id: 'Intercom’s ID of the deleted redirect (as given to the action).',
      object: 'Always "help_center_redirect": names the kind of object.',
      deleted: 'True: Intercom deleted the redirect.',
    },
    news_item: newsItem,
    news_item_request: newsInput,
    newsfeed: {
      id: 'Intercom’s ID of the newsfeed; News: List live items of newsfeed takes it as newsfeed_id.',
      type: 'Always "newsfeed": names the kind of object.',
      name: 'Name of the newsfeed; only teammates see it.',
      created_at: 'When the newsfeed was created.',
      updated_at: 'When the newsfeed last changed.',
    },
    newsfeed_assignment: {
      newsfeed_id: 'Intercom’s ID of the newsfeed (News: List newsfeeds).',
      published_at: 'Publish date of the news item in that newsfeed; on input it cannot be in the future.',
    },
    paginated_response: {
      type: 'Kind of list: list or conversation.list.',
      total_count: 'How many items there are in all.',
      data: 'The items of this page, one object each.',
    },
  },
};

export default help;
