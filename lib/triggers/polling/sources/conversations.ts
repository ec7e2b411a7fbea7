import { EMIT_ON, POLLING_FILTER_FIELDS } from '../../../catalogue/fields';
import { ConfigurationError } from '../../../runtime/errors';
import { isChecked } from '../../../runtime/input';
import { ignoredAuthors, isIgnored, lastChangeAuthor, type LoopOptions, readLoopOptions } from '../../loopFilter';
import { pollingTrigger, type PollRun, type PollSource } from '../engine';
import { emitOn } from '../options';
import { conversationWithParts } from './conversationParts';
import { assigneeFilters, type AssigneeQuery, type Filter, readAssignees, searchAll, searchQuery, sinceFilter, untilFilters } from './search';

export const CONVERSATION_STATES = ['open', 'closed', 'snoozed'] as const;

export interface ConversationQuery extends AssigneeQuery {
  emitOn: 'new' | 'newOrUpdated' | 'closed' | 'state';
  state?: (typeof CONVERSATION_STATES)[number];
}

export const conversationsSource: PollSource<ConversationQuery> = {
  noun: 'conversation',
  sliced: true,
  query(config) {
    const query: ConversationQuery = { emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated, EMIT_ON.closed, EMIT_ON.state]) };
    if (query.emitOn === 'state') {
      const state = config[POLLING_FILTER_FIELDS.state];
      if (typeof state !== 'string' || !(CONVERSATION_STATES as readonly string[]).includes(state)) {
        throw new ConfigurationError(`Step field "${POLLING_FILTER_FIELDS.state}" must be one of ${CONVERSATION_STATES.join(', ')} when "Emit" is "state is …"; got ${JSON.stringify(state)}`);
      }
      query.state = state as ConversationQuery['state'];
    }
    readAssignees(config, query);
    return query;
  },
  timeField: (q) => (q.emitOn === 'new' ? 'created_at' : q.emitOn === 'closed' ? 'statistics.last_close_at' : 'updated_at'),
  async collect(run, offer) {
    const field = conversationsSource.timeField(run.query);
    const filters: Filter[] = [sinceFilter(field, run.floor), ...untilFilters(field, run.until)];
    if (run.query.emitOn === 'closed') filters.push({ field: 'state', operator: '=', value: 'closed' });
    if (run.query.state) filters.push({ field: 'state', operator: '=', value: run.query.state });
    filters.push(...assigneeFilters(run.query));
    await searchAll(run, 'searchConversations', searchQuery(filters), offer);
  },
};

export interface ConversationWithPartsQuery extends ConversationQuery {
  withParts: boolean;
  loop: LoopOptions;
}

/**
 * The conversations trigger: the search finds what changed; each conversation about to be emitted is read whole
 * (one request) when its parts are wanted or when its last change may be the flow's own (loop prevention on).
 */
export const conversationsWithPartsSource: PollSource<ConversationWithPartsQuery> = {
  ...(conversationsSource as PollSource<unknown>),
  query(config) {
    return { ...conversationsSource.query(config), withParts: isChecked(config[POLLING_FILTER_FIELDS.withParts]), loop: readLoopOptions(config) };
  },
  timeField: (query) => conversationsSource.timeField(query),
  collect: (run, offer) => conversationsSource.collect(run, offer),
  async prepare(run: PollRun<ConversationWithPartsQuery>, record: unknown): Promise<unknown> {
    const ignored = await ignoredAuthors(run.query.loop, run.credentials, run.logger, run.key);
    if (!run.query.withParts && ignored.size === 0) return record;
    const id = String((record as { id?: unknown }).id);
    const whole = await conversationWithParts(run.client, id, run.key);
    const author = lastChangeAuthor(whole);
    if (isIgnored(ignored, author)) {
      run.logger.info(`${run.key}: conversation ${id} left out, its last change was written by ${author?.type ?? ''} ${author?.id ?? ''} (loop prevention)`);
      return undefined;
    }
    return run.query.withParts ? whole : record;
  },
};

/** newOrUpdatedConversations: conversations created, updated, closed or in a state since the last run, optionally with their parts. */
export const trigger = pollingTrigger(conversationsWithPartsSource);
