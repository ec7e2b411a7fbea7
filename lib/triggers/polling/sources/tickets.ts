import { EMIT_ON, POLLING_FILTER_FIELDS } from '../../../catalogue/fields';
import { pollingTrigger, type PollSource } from '../engine';
import { emitOn, filterId } from '../options';
import { assigneeFilters, type AssigneeQuery, type Filter, readAssignees, searchAll, searchQuery, sinceFilter, untilFilters } from './search';

export interface TicketQuery extends AssigneeQuery {
  emitOn: 'new' | 'newOrUpdated';
  ticketTypeId?: string;
}

export const ticketsSource: PollSource<TicketQuery> = {
  noun: 'ticket',
  sliced: true,
  query(config) {
    const query: TicketQuery = { emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated]) };
    const ticketTypeId = filterId(config, POLLING_FILTER_FIELDS.ticketTypeId);
    if (ticketTypeId) query.ticketTypeId = ticketTypeId;
    readAssignees(config, query);
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

/** newOrUpdatedTickets: tickets created (or updated) since the last run. */
export const trigger = pollingTrigger(ticketsSource);
