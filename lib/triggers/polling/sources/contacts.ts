import { EMIT_ON, POLLING_FILTER_FIELDS } from '../../../catalogue/fields';
import { choiceOf, stepField } from '../../../runtime/configValues';
import { identify } from '../../../runtime/region';
import { pollingTrigger, type PollSource } from '../engine';
import { emitOn, filterId } from '../options';
import { isoTime, isValidTimeZone, startOfLocalDay, startOfUtcDay } from '../time';
import { type Filter, searchNewestFirst, searchQuery } from './search';

export interface ContactQuery {
  emitOn: 'new' | 'newOrUpdated';
  role?: 'user' | 'lead';
  tagId?: string;
}

export const contactsSource: PollSource<ContactQuery> = {
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

/** newOrUpdatedContacts: contacts created (or updated) since the last run. */
export const trigger = pollingTrigger(contactsSource);
