import { pagedOperationCall, pages } from '../../../runtime/paging';
import { pollingTrigger, type PollSource } from '../engine';

/** The deleted-conversations list allows at most 60 per page. */
export const DELETED_PAGE_SIZE = 60;

export const deletedConversationsSource: PollSource<Record<string, never>> = {
  noun: 'deleted conversation',
  sliced: false,
  query: () => ({}),
  timeField: () => 'deleted_at',
  /**
   * `GET /conversations/deleted` lists ids with their `deleted_at`, newest first (`order=desc`, 60 per page):
   * reading stops at the first page that reaches back before the floor.
   */
  async collect(run, offer) {
    const call = pagedOperationCall('listDeletedConversationIds', { order: 'desc' }, run.key);
    for await (const page of pages(run.client, call, DELETED_PAGE_SIZE)) {
      let reachedFloor = false;
      for (const item of page.items) {
        offer(item);
        const deletedAt = (item as { deleted_at?: unknown } | null)?.deleted_at;
        if (typeof deletedAt === 'number' && deletedAt < run.floor) reachedFloor = true;
      }
      if (reachedFloor) break;
    }
  },
};

/** deletedConversations: ids of conversations deleted since the last run. */
export const trigger = pollingTrigger(deletedConversationsSource);
