import { resource } from './types';

export default resource({
  listNewsItems: {
    op: 'GET /news/news_items',
    title: 'News: List items',
    description: 'Lists all news items, live or draft.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  createNewsItem: {
    op: 'POST /news/news_items',
    title: 'News: Create item',
    description: 'Creates a news item and optionally publishes it to newsfeeds.',
  },
  getNewsItem: {
    op: 'GET /news/news_items/{news_item_id}',
    title: 'News: Get item',
    description: 'Fetches one news item by id.',
  },
  updateNewsItem: {
    op: 'PUT /news/news_items/{news_item_id}',
    title: 'News: Update item',
    description: 'Changes the content, state or newsfeeds of a news item.',
  },
  deleteNewsItem: {
    op: 'DELETE /news/news_items/{news_item_id}',
    title: 'News: Delete item (permanent)',
    description: 'Permanently deletes a news item; this cannot be undone.',
  },
  listNewsfeeds: {
    op: 'GET /news/newsfeeds',
    title: 'News: List newsfeeds',
    description: 'Lists the newsfeeds of the workspace.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
  getNewsfeed: {
    op: 'GET /news/newsfeeds/{newsfeed_id}',
    title: 'News: Get newsfeed',
    description: 'Fetches one newsfeed by id.',
  },
  listNewsfeedItems: {
    op: 'GET /news/newsfeeds/{newsfeed_id}/items',
    title: 'News: List live items of newsfeed',
    description: 'Lists the news items currently live in one newsfeed.',
    paginate: 'page',
    itemsPath: 'data',
    addPagingParams: true,
  },
});
