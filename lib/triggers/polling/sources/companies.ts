import { EMIT_ON } from '../../../catalogue/fields';
import { tokenFingerprint } from '../../../runtime/client';
import { accessTokenOf } from '../../../runtime/credentials';
import { pagedOperationCall, pages } from '../../../runtime/paging';
import { pollingTrigger, type PollSource } from '../engine';
import { emitOn } from '../options';

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
  noun: 'company',
  sliced: false,
  query: (config) => ({ emitOn: emitOn(config, [EMIT_ON.new, EMIT_ON.newOrUpdated]) }),
  timeField: (q) => (q.emitOn === 'new' ? 'created_at' : 'updated_at'),
  /**
   * Companies cannot be searched by date: the scroll API walks all of them (one scroll per workspace, each
   * page requested well within the 1-minute expiry) and the engine keeps the new ones. A 500 means the scroll
   * broke on Intercom's side; the walk starts it again from the top (runtime/retryPolicy.ts) and repeated companies
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

/** newOrUpdatedCompanies: companies created (or updated) since the last run, found with the scroll API. */
export const trigger = pollingTrigger(companiesSource);
