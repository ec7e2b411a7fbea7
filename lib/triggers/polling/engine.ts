import type { IntercomClient } from '../../runtime/client';
import { type Credentials, readCredentials } from '../../runtime/credentials';
import type { Logger } from '../../runtime/logger';
import { clientFor } from '../../runtime/region';
import { settings } from '../../runtime/settings';
import { type Config, type ProcessFunction, step, type StepContext, type StepOptions } from '../../runtime/step';
import { type PollingOptions, readPollingOptions } from './options';
import { advance, type Candidate, freshState, isPending, OldestFirst, type PollState, readState, scopeOf } from './state';
import { isoTime } from './time';

/** What one polling trigger contributes: how to read its step fields and how to list the records of a window. */
export interface PollSource<Q> {
  key: string;
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

/**
 * The `process` of a polling trigger: identical under the sailor and ferryman (see runtime/step.ts). `present`
 * maps each record before it is emitted (the OIH triggers); the cursor and snapshot still follow the records.
 */
export function pollingTrigger<Q>(source: PollSource<Q>, present?: StepOptions['present']): ProcessFunction {
  return step(source.key, ({ ctx, cfg, snapshot }) => poll(ctx, source, cfg, snapshot), { kind: 'trigger', ...(present ? { present } : {}) });
}

/** Reads a record's id and time, or undefined when it has none (it is then skipped and counted). */
export function candidateOf(record: unknown, timeField: string): Candidate | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const rawId = (record as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  let value: unknown = record;
  for (const part of timeField.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  const time = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!id || !Number.isFinite(time)) return undefined;
  return { id, time: Math.floor(time), record };
}

export async function poll<Q>(ctx: StepContext, source: PollSource<Q>, config: Config, snapshot: unknown): Promise<void> {
  const options = readPollingOptions(config);
  const query = source.query(config);
  const timeField = source.timeField(query);
  const credentials = readCredentials(config);
  const state = initialState(ctx.logger, source.key, snapshot, scopeOf({ key: source.key, timeField, query }), options);

  const client = await clientFor(credentials, ctx.logger);
  const oldest = new OldestFirst(options.maxPerRun);
  let fetched = 0;
  let unusable = 0;
  // Every record older than `until` is read before a slice ends, so once a slice leaves the maximum pending,
  // the oldest of them are the oldest overall and newer slices can wait for the next run.
  const now = Math.floor(settings.now() / 1000);
  let from = state.floor;
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
      if (until !== undefined && candidate.time >= until) return;
      if (isPending(state, candidate.id, candidate.time)) oldest.offer(candidate);
    });
    if (until === undefined || oldest.size >= options.maxPerRun) break;
    from = until;
  }
  if (unusable > 0) ctx.logger.warn(`${source.key}: ${unusable} record(s) without an id or ${timeField} were skipped`);

  const { batch, more } = oldest.take();
  // One message per record, oldest first; each emit is awaited, so a failure stops the run before the snapshot.
  for (const candidate of batch) await ctx.emitData(candidate.record);

  const { state: next, trimmed } = advance(state, batch, options.overlapSeconds);
  if (trimmed > 0) {
    ctx.logger.warn(`${source.key}: the snapshot budget (5 KB) forgot ${trimmed} id(s) of the overlap window; records Intercom indexes later than ${isoTime(next.floor)} may be missed`);
  }
  // The snapshot goes out only after every record it covers: a failed run repeats its window next time.
  if (JSON.stringify(next) !== JSON.stringify(snapshot)) await ctx.emit('snapshot', next);
  ctx.logger.info(
    `${source.key}: ${batch.length} ${source.noun}(s) emitted from ${fetched} read; ${timeField} cursor ${isoTime(next.cursor)}` +
      (more ? `; more are pending, the next run continues (maximum ${options.maxPerRun} per run)` : ''),
  );
}

function initialState(logger: Logger, key: string, snapshot: unknown, scope: string, options: PollingOptions): PollState {
  const previous = readState(snapshot);
  const now = Math.floor(settings.now() / 1000);
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
