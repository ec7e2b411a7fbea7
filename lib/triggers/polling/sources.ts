import { EMIT_ON, POLLING_FIELDS, POLLING_FILTER_FIELDS } from '../../catalogue/fields';
import { tokenFingerprint } from '../../runtime/client';
import { choiceOf, optionalId, stepField } from '../../runtime/configValues';
import { accessTokenOf } from '../../runtime/credentials';
import { ConfigurationError } from '../../runtime/errors';
import { pagedOperationCall, pages } from '../../runtime/paging';
import { identify } from '../../runtime/region';
import type { Config } from '../../runtime/step';
import type { PollRun, PollSource } from './engine';
import { isoTime, isValidTimeZone, startOfLocalDay, startOfUtcDay } from './time';

/** Intercom's largest search page. */
export const SEARCH_PAGE_SIZE = 150;
/** The deleted-conversations list allows at most 60 per page. */
export const DELETED_PAGE_SIZE = 60;

export type Filter = Record<string, unknown>;

export function searchQuery(filters: Filter[]): Filter {
  return filters.length === 1 ? (filters[0] as Filter) : { operator: 'AND', value: filters };
}

/** Every page of a search operation, 150 per page, each item handed to `offer`. */
export async function searchAll(run: PollRun<unknown>, operation: string, query: Filter, offer: (record: unknown) => void): Promise<void> {
  const call = pagedOperationCall(operation, { query, pagination: { per_page: SEARCH_PAGE_SIZE } }, run.key);
  for await (const page of pages(run.client, call, SEARCH_PAGE_SIZE)) {
    for (const item of page.items) offer(item);
  }
}

function numericField(record: unknown, field: string): number | undefined {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * A search read newest first (`sort` by `field`, descending), stopping after the first page that reaches below
 * the floor: a poll costs ⌈changed since the floor / 150⌉ + 1 requests, whatever else matched the query. The
 * order is checked on every page; a server that does not sort is read to the end (the full read), with a
 * warning, since stopping early could then miss records.
 */
async function searchNewestFirst(run: PollRun<unknown>, operation: string, query: Filter, field: string, offer: (record: unknown) => void): Promise<void> {
  const call = pagedOperationCall(operation, { query, sort: { field, order: 'descending' }, pagination: { per_page: SEARCH_PAGE_SIZE } }, run.key);
  let sorted = true;
  let previous = Infinity;
  for await (const page of pages(run.client, call, SEARCH_PAGE_SIZE)) {
    let reachedFloor = false;
    for (const item of page.items) {
      offer(item);
      const time = numericField(item, field);
      if (time === undefined) continue;
      if (sorted && time > previous) {
        sorted = false;
        run.logger.warn(`${run.key}: Intercom did not return the search newest first (sort by ${field}); reading every page instead`);
      }
      previous = Math.min(previous, time);
      if (time < run.floor) reachedFloor = true;
    }
    if (sorted && reachedFloor) break;
  }
}

/** "Emit": which records count, among the choices this trigger offers; new and updated ones by default. */
function emitOn<T extends string>(config: Config, offered: readonly T[]): T {
  return choiceOf(config[POLLING_FIELDS.emitOn], stepField(POLLING_FIELDS.emitOn), offered, EMIT_ON.newOrUpdated as T);
}

/** A filter by one id (tag, assignee, ticket type), typed or picked from a dropdown. */
function filterId(config: Config, field: string): string | undefined {
  return optionalId(config[field], stepField(field));
}

// ---------------------------------------------------------------------------------------------- contacts

export interface ContactQuery {
  emitOn: 'new' | 'newOrUpdated';
  role?: 'user' | 'lead';
  tagId?: string;
}

export const contactsSource: PollSource<ContactQuery> = {
  key: 'newOrUpdatedContacts',
  noun: 'contact',
  sliced: true,
  query(config) {
    const query: ContactQuery = { emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated]) };
    const role = choiceOf(config[POLLING_FILTER_FIELDS.role], stepField(POLLING_FILTER_FIELDS.role), ['any', 'user', 'lead'] as const, 'any');
    if (role !== 'any') query.role = role;
    const tagId = filterId(config, POLLING_FILTER_FIELDS.tagId);
    if (tagId) query.tagId = tagId;
    return query;
  },
  timeField: (q) => (q.emitOn === 'new' ? 'created_at' : 'updated_at'),
  /**
   * Contact search compares dates by calendar day in the workspace's timezone: `> X` starts at the day after
   * X's day and `>=` is refused. So the query asks for everything from the start of the floor's local day
   * (`> midnight - 1 s`, a second of the previous day), newest first, and reading stops below the floor (the
   * rest of that day is older); the engine filters on the exact time.
   */
  async collect(run, offer) {
    const field = contactsSource.timeField(run.query);
    const { identity } = await identify(run.credentials, run.logger, run.key);
    const timeZone = identity.app?.timezone;
    let dayStart: number;
    if (isValidTimeZone(timeZone)) {
      dayStart = startOfLocalDay(run.floor, timeZone);
    } else {
      // Unknown timezone: one more day covers every UTC offset.
      dayStart = startOfUtcDay(run.floor) - 86_400;
      run.logger.warn(`${run.key}: the workspace timezone is unknown (${timeZone ?? 'not in /me'}); searching one extra day`);
    }
    run.logger.debug(`${run.key}: searching contacts with ${field} from ${isoTime(dayStart)} (${timeZone ?? 'UTC'} day of ${isoTime(run.floor)})`);
    const filters: Filter[] = [{ field, operator: '>', value: dayStart - 1 }];
    // A slice's end: a value more than a day past it, so `<` covers the end's whole day however it is read.
    if (run.until !== undefined) filters.push({ field, operator: '<', value: run.until + 25 * 3600 });
    if (run.query.role) filters.push({ field: 'role', operator: '=', value: run.query.role });
    if (run.query.tagId) filters.push({ field: 'tag_id', operator: '=', value: run.query.tagId });
    await searchNewestFirst(run, 'searchContacts', searchQuery(filters), field, offer);
  },
};

// ----------------------------------------------------------------------------------------- conversations

export const CONVERSATION_STATES = ['open', 'closed', 'snoozed'] as const;

export interface ConversationQuery {
  emitOn: 'new' | 'newOrUpdated' | 'closed' | 'state';
  state?: (typeof CONVERSATION_STATES)[number];
  adminAssigneeId?: string;
  teamAssigneeId?: string;
}

function assignees(config: Config, query: { adminAssigneeId?: string; teamAssigneeId?: string }): void {
  const admin = filterId(config, POLLING_FILTER_FIELDS.adminAssigneeId);
  if (admin) query.adminAssigneeId = admin;
  const team = filterId(config, POLLING_FILTER_FIELDS.teamAssigneeId);
  if (team) query.teamAssigneeId = team;
}

function assigneeFilters(query: { adminAssigneeId?: string; teamAssigneeId?: string }): Filter[] {
  const filters: Filter[] = [];
  if (query.adminAssigneeId) filters.push({ field: 'admin_assignee_id', operator: '=', value: query.adminAssigneeId });
  if (query.teamAssigneeId) filters.push({ field: 'team_assignee_id', operator: '=', value: query.teamAssigneeId });
  return filters;
}

/**
 * Conversation and ticket search documents `>` on dates as "greater or equal"; asking `> floor - 1` returns
 * the floor's second whichever way the server reads it, and the engine drops what was already emitted.
 */
export function sinceFilter(field: string, floor: number): Filter {
  return { field, operator: '>', value: floor - 1 };
}

/** `<` is documented as "lower or equal": the slice end itself may come back and is filtered by the engine. */
function untilFilters(field: string, until: number | undefined): Filter[] {
  return until === undefined ? [] : [{ field, operator: '<', value: until }];
}

export const conversationsSource: PollSource<ConversationQuery> = {
  key: 'newOrUpdatedConversations',
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
    assignees(config, query);
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

// ------------------------------------------------------------------------------------------------ tickets

export interface TicketQuery {
  emitOn: 'new' | 'newOrUpdated';
  ticketTypeId?: string;
  adminAssigneeId?: string;
  teamAssigneeId?: string;
}

export const ticketsSource: PollSource<TicketQuery> = {
  key: 'newOrUpdatedTickets',
  noun: 'ticket',
  sliced: true,
  query(config) {
    const query: TicketQuery = { emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated]) };
    const ticketTypeId = filterId(config, POLLING_FILTER_FIELDS.ticketTypeId);
    if (ticketTypeId) query.ticketTypeId = ticketTypeId;
    assignees(config, query);
    return query;
  },
  timeField: (q) => (q.emitOn === 'new' ? 'created_at' : 'updated_at'),
  async collect(run, offer) {
    const field = ticketsSource.timeField(run.query);
    const filters: Filter[] = [sinceFilter(field, run.floor), ...untilFilters(field, run.until)];
    if (run.query.ticketTypeId) filters.push({ field: 'ticket_type_id', operator: '=', value: run.query.ticketTypeId });
    filters.push(...assigneeFilters(run.query));
    await searchAll(run, 'searchTickets', searchQuery(filters), offer);
  },
};

// ---------------------------------------------------------------------------------------------- companies

/** One scroll per workspace at a time (Intercom refuses a second one): runs of this process queue up here. */
const scrollLocks = new Map<string, Promise<void>>();

async function withScrollLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = scrollLocks.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chained = previous.then(() => mine);
  scrollLocks.set(key, chained);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (scrollLocks.get(key) === chained) scrollLocks.delete(key);
  }
}

export interface CompanyQuery {
  emitOn: 'new' | 'newOrUpdated';
}

export const companiesSource: PollSource<CompanyQuery> = {
  key: 'newOrUpdatedCompanies',
  noun: 'company',
  sliced: false,
  query: (config) => ({ emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated]) }),
  timeField: (q) => (q.emitOn === 'new' ? 'created_at' : 'updated_at'),
  /**
   * Companies cannot be searched by date: the scroll API walks all of them (one scroll per workspace, each
   * page requested well within the 1-minute expiry) and the engine keeps the new ones. A 500 means the scroll
   * broke on Intercom's side; runtime/paging.ts starts it again from the top and repeated companies
   * collapse by id.
   */
  async collect(run, offer) {
    const call = pagedOperationCall('scrollCompanies', {}, run.key);
    await withScrollLock(`${run.client.baseUrl} ${tokenFingerprint(await accessTokenOf(run.credentials, run.logger))}`, async () => {
      for await (const page of pages(run.client, call)) {
        if (page.restarted) run.logger.warn(`${run.key}: the company scroll broke on Intercom's side; starting it again from the top`);
        for (const item of page.items) offer(item);
      }
    });
  },
};

// ---------------------------------------------------------------------------------- deleted conversations

export const deletedConversationsSource: PollSource<Record<string, never>> = {
  key: 'deletedConversations',
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
