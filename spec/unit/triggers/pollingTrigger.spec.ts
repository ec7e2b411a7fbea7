/**
 * What pollingTrigger (lib/triggers/polling/engine.ts) makes of a source: a step of the trigger kind, whose records
 * never carry the OIH id of the scheduler's message, and, when given, a presentation applied to each record before
 * it goes out. The trigger is built inside each test from a source written here, so the test sees how it is made.
 */
import assert from 'node:assert/strict';
import { pollingTrigger, type PollSource } from '../../../lib/triggers/polling/engine';
import { at, runFerryman, testConfig, triggerHooks } from './helpers';

const records = [
  { type: 'thing', id: 't1', name: 'Ada', updated_at: at('2026-03-10T22:00:00Z') },
  { type: 'thing', id: 't2', name: 'Grace', updated_at: at('2026-03-10T22:10:00Z') },
];

const source: PollSource<Record<string, never>> = {
  noun: 'thing',
  sliced: false,
  query: () => ({}),
  timeField: () => 'updated_at',
  collect: (_run, offer) => {
    for (const record of records) offer(record);
    return Promise.resolve();
  },
};

const cfg = testConfig('tok_polling_trigger_001', { startTime: '2026-03-10T21:00:00Z' });

describe('pollingTrigger: the step it makes of a source', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('each record goes out as it is, identified by its own id only: the OIH id of the scheduler message (flow-1) is not passed on', async () => {
    const step = await runFerryman(pollingTrigger(source).process('thingsPolling'), cfg);
    assert.deepEqual(step.events('data'), [
      { data: records[0], metadata: { recordUid: 't1' } },
      { data: records[1], metadata: { recordUid: 't2' } },
    ]);
  });

  it('with a presentation, each record goes out as presented, still identified by the record it came from', async () => {
    const present = (record: unknown): unknown => ({ fullName: (record as { name: string }).name });
    const step = await runFerryman(pollingTrigger(source, present).process('thingsPolling'), cfg);
    assert.deepEqual(step.events('data'), [
      { data: { fullName: 'Ada' }, metadata: { recordUid: 't1' } },
      { data: { fullName: 'Grace' }, metadata: { recordUid: 't2' } },
    ]);
  });
});
