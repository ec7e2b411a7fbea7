/**
 * The contacts polling trigger at scale against the sandbox on a simulated clock (the sandbox's ManualClock is
 * the runtime's `settings.now`): the scenarios of `bench/triggers.ts`, run on the TypeScript sources.
 */
import assert from 'node:assert/strict';
import { costPerPoll, lateIndexing, type TriggerModules } from '../../bench/triggers';
import trigger from '../../lib/triggers/newOrUpdatedContacts';
import * as sandbox from '../../tools/sandbox';
import * as contacts from '../../tools/sandbox/resources/contacts';
import { FAST_RETRIES, tuneRuntime } from './helpers';
import { settings } from '../../lib/runtime/settings';

const modules: TriggerModules = { sandbox, contacts, trigger, settings };

describe('suite: polling trigger at scale (sandbox, simulated clock)', function () {
  this.timeout(120_000);
  let restore: () => void;
  beforeEach(() => (restore = tuneRuntime(FAST_RETRIES)));
  afterEach(() => restore());

  it('2,000 contacts changed within one overlap window and indexed up to 10 minutes late: none missed, none repeated, the snapshot within 5 KB, the delay logged', async () => {
    const run = await lateIndexing(2_000, modules);
    assert.equal(run.missed, 0, 'missed');
    assert.equal(run.repeated, 0, 'repeated');
    // The platform keeps 5 KB a snapshot; the trigger's budget leaves 500 bytes of it for the envelope.
    assert.ok(run.maxSnapshotBytes <= 4_500, `largest snapshot ${run.maxSnapshotBytes} bytes`);
    // Past the design point records are delayed (by about one overlap window), and the trigger says so.
    assert.ok(run.delayed > 0 && run.delayWarnings > 0);
    assert.ok(run.maxDelayMinutes <= 15 + 1 + 2, `longest delay ${run.maxDelayMinutes} minutes`);
  });

  it('a contacts poll with 5 new contacts after 3,000 same-day updates sends at most 2 search requests; a server that ignores sort is read in full, logged, and the 5 still come out', async () => {
    const cost = await costPerPoll(3_000, modules);
    assert.ok(cost.sorted <= 2, `${cost.sorted} search requests`);
    // ⌈3,005 / 150⌉ pages: every contact of the day, as before the sorted read.
    assert.equal(cost.unsorted, 21);
    assert.equal(cost.fallbackLogged, true);
  });
});
