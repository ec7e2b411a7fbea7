import { POLLING_FILTER_FIELDS } from '../../../catalogue/fields';
import { pagedOperationCall, pages } from '../../../runtime/paging';
import type { Config } from '../../../runtime/step';
import type { PollRun } from '../engine';
import { filterId } from '../options';

/**
 * Reading a search for a polling trigger: the queries the sources build (since the floor, until a slice's end,
 * by assignee) and the walks over their pages (all of them, or newest first down to the floor).
 */

/** Intercom's largest search page. */
export const SEARCH_PAGE_SIZE = 150;
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
export async function searchNewestFirst(run: PollRun<unknown>, operation: string, query: Filter, field: string, offer: (record: unknown) => void): Promise<void> {
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

/**
 * Conversation and ticket search documents `>` on dates as "greater or equal"; asking `> floor - 1` returns
 * the floor's second whichever way the server reads it, and the engine drops what was already emitted.
 */
export function sinceFilter(field: string, floor: number): Filter {
  return { field, operator: '>', value: floor - 1 };
}

/** `<` is documented as "lower or equal": the slice end itself may come back and is filtered by the engine. */
export function untilFilters(field: string, until: number | undefined): Filter[] {
  return until === undefined ? [] : [{ field, operator: '<', value: until }];
}

/** The assignee filters a trigger's step asks for (conversations, tickets). */
export interface AssigneeQuery {
  adminAssigneeId?: string;
  teamAssigneeId?: string;
}

export function readAssignees(config: Config, query: AssigneeQuery): void {
  const admin = filterId(config, POLLING_FILTER_FIELDS.adminAssigneeId);
  if (admin) query.adminAssigneeId = admin;
  const team = filterId(config, POLLING_FILTER_FIELDS.teamAssigneeId);
  if (team) query.teamAssigneeId = team;
}

export function assigneeFilters(query: AssigneeQuery): Filter[] {
  const filters: Filter[] = [];
  if (query.adminAssigneeId) filters.push({ field: 'admin_assignee_id', operator: '=', value: query.adminAssigneeId });
  if (query.teamAssigneeId) filters.push({ field: 'team_assignee_id', operator: '=', value: query.teamAssigneeId });
  return filters;
}
