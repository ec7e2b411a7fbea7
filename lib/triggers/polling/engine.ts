import type { IntercomClient } from '../../runtime/client';
import { type Credentials, readCredentials } from '../../runtime/credentials';
import type { Logger } from '../../runtime/logger';
import { clientFor } from '../../runtime/region';
import { settings } from '../../runtime/settings';
import type { StepDefinition } from '../../operation/componentModule';
import { type Config, step, type StepContext, type StepOptions } from '../../runtime/step';
import { type PollingOptions, readPollingOptions } from './options';
import { type Candidate, freshState, isPending, MAX_ID_LENGTH, OldestFirst, plan, type PlanBounds, type PollState, readState, scopeOf, toSnapshot } from './state';
import { FUTURE_SKEW_SECONDS, isoTime, timeProblem } from './time';

/**
 * What one polling trigger contributes: how to read its step fields and how to list the records of a window. Its
 * key is the catalogue's (the generated module passes it).
 */
export interface PollSource<Q> {
  /** Singular/plural noun for logs ("contact(s)"). */
  noun: string;
  /** Reads the trigger-specific step fields; throws ConfigurationError on a bad value. */
  query(config: Config): Q;
  /** The record time the cursor follows, for this query (e.g. `updated_at`). */
  timeField(query: Q): string;
  /**
   * Hands every record that may be newer than `floor` (and, when `until` is set, older than it) to `offer`,
   * reading all pages. It may hand over more (day-aligned or inclusive searches): the engine filters exactly.
   */
  collect(run: PollRun<Q>, offer: (record: unknown) => void): Promise<void>;
  /** Whether collect() honours `until`, so a long backfill can be read in time slices. */
  sliced: boolean;
  /**
   * Completes a record about to be emitted (e.g. reads its parts). Undefined leaves it out (loop prevention):
   * it still counts as handled, so it is not read again.
   */
  prepare?(run: PollRun<Q>, record: unknown): Promise<unknown>;
}

export interface PollRun<Q> {
  key: string;
  client: IntercomClient;
  credentials: Credentials;
  logger: Logger;
  query: Q;
  /** Lower bound (inclusive, Unix seconds) of the times still to be emitted. */
  floor: number;
  /** Upper bound (exclusive) of this time slice; undefined: up to now. */
  until?: number;
}

const DAY = 86_400;
/** A backfill is read in slices of a week, then two, four…: a run stops reading once it has its maximum. */
export const FIRST_SLICE_SECONDS = 7 * DAY;

/** A source under its trigger's key, for logs and the snapshot's scope. */
type KeyedSource<Q> = PollSource<Q> & { key: string };

/**
 * A polling trigger: its `process` is identical under the sailor and ferryman (see runtime/step.ts). `present`
 * maps each record before it is emitted (the OIH triggers); the cursor and snapshot still follow the records.
 */
export function pollingTrigger<Q>(source: PollSource<Q>, present?: StepOptions['present']): StepDefinition {
  return {
    process: (key) => step(key, ({ ctx, cfg, snapshot }) => poll(ctx, { ...source, key }, cfg, snapshot), { kind: 'trigger', ...(present ? { present } : {}) }),
  };
}

/** A record the engine cannot place in time: reported by id, never emitted and never moving the cursor. */
export interface Rejected {
  id: string;
  problem: string;
}

/**
 * Reads a record's id and time. Undefined: it has no id or no time at all (skipped and counted); `rejected`:
 * it has a time that is not Unix seconds (milliseconds, negative, not finite) or an id longer than any of
 * Intercom's (skipped and named in a warning).
 */
export function candidateOf(record: unknown, timeField: string): Candidate | Rejected | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const rawId = (record as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  let value: unknown = record;
  for (const part of timeField.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  const time = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
  if (!id || time === undefined) return undefined;
  if (id.length > MAX_ID_LENGTH) return { id: `${id.slice(0, 24)}…`, problem: `an id of ${id.length} characters` };
  const problem = timeProblem(time);
  if (problem) return { id, problem: `${timeField} ${String(value)} is ${problem}` };
  return { id, time: Math.floor(time), record };
}

function isRejected(value: Candidate | Rejected): value is Rejected {
  return 'problem' in value;
}

/** Names up to five records of a kind in a log line. */
function named(list: readonly Rejected[]): string {
  const shown = list.slice(0, 5).map((r) => `${r.id} (${r.problem})`);
  return list.length > 5 ? `${shown.join(', ')} and ${list.length - 5} more` : shown.join(', ');
}

/**
 * A margin between this machine's clock and Intercom's: a record the budget held back counts as settled
 * (indexed) by this clock once it is older than the overlap window plus this.
 */
export const SETTLE_MARGIN_SECONDS = 60;

export async function poll<Q>(ctx: StepContext, source: KeyedSource<Q>, config: Config, snapshot: unknown): Promise<void> {
  const options = readPollingOptions(config);
  const query = source.query(config);
  const timeField = source.timeField(query);
  const credentials = readCredentials(config);
  const now = Math.floor(settings.now() / 1000);
  const state = initialState(ctx.logger, source.key, snapshot, scopeOf({ key: source.key, timeField, query }), options, now);

  const client = await clientFor(credentials, ctx.logger);
  const oldest = new OldestFirst(options.maxPerRun);
  let fetched = 0;
  let unusable = 0;
  const rejected: Rejected[] = [];
  const future: Rejected[] = [];
  // Every record older than `until` is read before a slice ends, so once a slice leaves the maximum pending,
  // the oldest of them are the oldest overall and newer slices can wait for the next run.
  let from = state.floor;
  // The newest record time read (never beyond now + skew): records older than it by the overlap have settled.
  let high = state.cursor;
  let readUntil: number | undefined;
  for (let size = FIRST_SLICE_SECONDS; ; size *= 2) {
    const until = source.sliced && from + size < now - DAY ? from + size : undefined;
    const run: PollRun<Q> = { key: source.key, client, credentials, logger: ctx.logger, query, floor: from };
    if (until !== undefined) run.until = until;
    await source.collect(run, (record) => {
      fetched++;
      const candidate = candidateOf(record, timeField);
      if (!candidate) {
        unusable++;
        return;
      }
      if (isRejected(candidate)) {
        rejected.push(candidate);
        return;
      }
      if (until !== undefined && candidate.time >= until) return;
      if (!isPending(state, candidate.id, candidate.time)) {
        if (candidate.time <= now + FUTURE_SKEW_SECONDS) high = Math.max(high, candidate.time);
        return;
      }
      // Ahead of this machine's clock by more than clocks differ: held back (pending) until that time comes.
      if (candidate.time > now + FUTURE_SKEW_SECONDS) future.push({ id: candidate.id, problem: `${timeField} ${isoTime(candidate.time)}` });
      else {
        high = Math.max(high, candidate.time);
        oldest.offer(candidate);
      }
    });
    readUntil = until;
    if (until === undefined || oldest.size >= options.maxPerRun) break;
    from = until;
  }
  if (unusable > 0) ctx.logger.warn(`${source.key}: ${unusable} record(s) without an id or ${timeField} were skipped`);
  if (rejected.length > 0) ctx.logger.warn(`${source.key}: ${rejected.length} record(s) skipped, their ${timeField} is not a Unix time in seconds (they are not emitted and do not move the cursor): ${named(rejected)}`);
  if (future.length > 0) {
    ctx.logger.warn(`${source.key}: ${future.length} record(s) with ${timeField} in the future are held back until that time (more than ${FUTURE_SKEW_SECONDS / 60} minutes ahead of this clock): ${named(future)}`);
  }

  const { batch, next: nextPending } = oldest.take();
  const bounds: PlanBounds = { settled: high - options.overlapSeconds };
  if (readUntil !== undefined) bounds.readUntil = readUntil;
  if (nextPending !== undefined) bounds.nextPending = nextPending;
  let planned = plan(state, batch, bounds);
  if (planned.held > 0) {
    // Records held back by the budget settle by this clock too, so they wait one overlap window at most even
    // when the workspace goes quiet (nothing newer is read to move the settled bound).
    bounds.settled = Math.max(bounds.settled, now - options.overlapSeconds - SETTLE_MARGIN_SECONDS);
    planned = plan(state, batch, bounds);
  }
  const { emit, state: next, held, oldestHeld } = planned;
  next.cursor = Math.max(next.cursor, high);
  // One message per record, oldest first; each emit is awaited, so a failure stops the run before the snapshot.
  const emitRun: PollRun<Q> = { key: source.key, client, credentials, logger: ctx.logger, query, floor: state.floor };
  let leftOut = 0;
  for (const candidate of emit) {
    const message = source.prepare ? await source.prepare(emitRun, candidate.record) : candidate.record;
    if (message === undefined) leftOut++;
    else await ctx.emitData(message);
  }
  if (held > 0 && oldestHeld !== undefined) {
    ctx.logger.warn(
      `${source.key}: ${held} record(s) changed within the overlap window are delayed, not lost: the 5 KB snapshot remembers what it can ` +
        `and the rest are emitted once they are older than the overlap window (from ${isoTime(oldestHeld + options.overlapSeconds + SETTLE_MARGIN_SECONDS)} on)`,
    );
  }
  // The snapshot goes out only after every record it covers: a failed run repeats its window next time.
  const out = toSnapshot(next);
  if (JSON.stringify(out) !== JSON.stringify(snapshot)) await ctx.emit('snapshot', out);
  const more = nextPending !== undefined || held > 0;
  ctx.logger.info(
    `${source.key}: ${emit.length - leftOut} ${source.noun}(s) emitted from ${fetched} read${leftOut > 0 ? ` (${leftOut} left out)` : ''}; ${timeField} cursor ${isoTime(next.cursor)}` +
      (nextPending !== undefined ? `; more are pending, the next run continues (maximum ${options.maxPerRun} per run)` : more ? '; more follow once settled' : ''),
  );
}

function initialState(logger: Logger, key: string, snapshot: unknown, scope: string, options: PollingOptions, now: number): PollState {
  const { state: previous, problems } = readState(snapshot, now, Math.max(0, now - options.overlapSeconds - SETTLE_MARGIN_SECONDS), FUTURE_SKEW_SECONDS, options.start);
  if (problems.length > 0) logger.warn(`${key}: the snapshot was damaged and is repaired: ${problems.join('; ')}`);
  if (!previous) {
    const start = options.start ?? now;
    logger.info(`${key}: first run, starting at ${isoTime(start)}${options.start !== undefined && start < now ? ' (backfill)' : ''}`);
    return freshState(scope, start);
  }
  if (options.start !== undefined && options.start !== previous.start) {
    logger.info(`${key}: the start time changed to ${isoTime(options.start)}; starting over from it`);
    return freshState(scope, options.start);
  }
  if (previous.scope !== scope) {
    // What is polled changed (time field or filters): continue from where the old state was, under the new rules.
    logger.info(`${key}: the trigger settings changed; continuing from ${isoTime(previous.cursor)} with the new settings`);
    return freshState(scope, previous.start, previous.cursor);
  }
  return previous;
}
