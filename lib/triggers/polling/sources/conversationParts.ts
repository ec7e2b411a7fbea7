/**
 * Conversation parts: what the conversation triggers read beyond the search. `newConversationParts` emits each
 * new part once (a reply, a note, an assignment, a close …) with its conversation's id; the conversations trigger
 * can emit each changed conversation with its parts (conversations.ts). Both leave out changes made by the flow's
 * own admin (see ../../loopFilter.ts).
 *
 * Intercom returns at most the 500 most recent parts of a conversation. A conversation that gained more than
 * 500 parts between two runs loses the oldest of them: that is reported by conversation and time, never hidden.
 */
import type { IntercomClient } from '../../../runtime/client';
import type { Logger } from '../../../runtime/logger';
import { operationCall } from '../../../runtime/operations';
import { authorOf, ignoredAuthors, isIgnored, type LoopOptions, readLoopOptions } from '../../loopFilter';
import { pollingTrigger, type PollSource } from '../engine';
import { isoTime } from '../time';
import { searchAll, searchQuery, sinceFilter } from './search';

/** Intercom's cap on the parts one conversation returns. */
export const PARTS_CAP = 500;

interface PartList {
  parts: Record<string, unknown>[];
  total: number;
}

function partList(conversation: unknown): PartList {
  const list = typeof conversation === 'object' && conversation !== null ? (conversation as { conversation_parts?: unknown }).conversation_parts : undefined;
  const raw = typeof list === 'object' && list !== null ? (list as { conversation_parts?: unknown; total_count?: unknown }) : {};
  const parts = Array.isArray(raw.conversation_parts) ? raw.conversation_parts.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null) : [];
  return { parts, total: typeof raw.total_count === 'number' ? raw.total_count : parts.length };
}

/** One conversation with its parts (GET /conversations/{id}), the way getConversation reads it. */
export async function conversationWithParts(client: IntercomClient, id: string, label: string): Promise<Record<string, unknown>> {
  const response = await client.request(operationCall('getConversation', { conversation_id: id }, label));
  return (response.data ?? {}) as Record<string, unknown>;
}

/** When the cap cut parts newer than the floor off, say which conversation and from when on the parts are complete. */
function reportCap(logger: Logger, key: string, conversationId: string, list: PartList, floor: number): void {
  if (list.total <= list.parts.length) return;
  const oldest = Math.min(...list.parts.map((p) => (typeof p['created_at'] === 'number' ? p['created_at'] : Infinity)));
  if (oldest > floor) {
    logger.warn(
      `${key}: conversation ${conversationId} has ${list.total} parts and Intercom returns the latest ${PARTS_CAP}; ` +
        `parts between ${isoTime(floor)} and ${isoTime(oldest)} cannot be read (${list.total - list.parts.length} older parts are out of reach)`,
    );
  }
}

export const conversationPartsSource: PollSource<LoopOptions> = {
  noun: 'conversation part',
  // Every part of a window is found through its conversation's updated_at, which a later change moves past any
  // slice end: the window is read whole.
  sliced: false,
  query: (config) => readLoopOptions(config),
  timeField: () => 'created_at',
  async collect(run, offer) {
    const ignored = await ignoredAuthors(run.query, run.credentials, run.logger, run.key);
    const conversationIds: string[] = [];
    // A new part moves its conversation's updated_at, so the conversations changed since the floor hold every new part.
    await searchAll(run, 'searchConversations', searchQuery([sinceFilter('updated_at', run.floor)]), (record) => {
      const id = (record as { id?: unknown }).id;
      if (typeof id === 'string' || typeof id === 'number') conversationIds.push(String(id));
    });
    let left = 0;
    for (const id of conversationIds) {
      const conversation = await conversationWithParts(run.client, id, run.key);
      const list = partList(conversation);
      reportCap(run.logger, run.key, id, list, run.floor);
      for (const part of list.parts) {
        if (typeof part['created_at'] === 'number' && part['created_at'] < run.floor) continue;
        if (isIgnored(ignored, authorOf(part))) {
          left++;
          continue;
        }
        offer({ ...part, conversation_id: id });
      }
    }
    if (left > 0) run.logger.info(`${run.key}: ${left} part(s) written by ${[...ignored].join(', ')} left out (loop prevention)`);
  },
};

/** newConversationParts: each new conversation part (reply, note, assignment …) once, with its conversation id. */
export const trigger = pollingTrigger(conversationPartsSource);
