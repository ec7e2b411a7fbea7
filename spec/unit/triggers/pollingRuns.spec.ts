/**
 * A polling run's edges (lib/triggers/polling/engine.ts) through the conversations trigger: where a run starts,
 * the clock difference it accepts, records the snapshot budget delays and how long they wait. Every expected
 * time and log line is written by hand.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import nock from 'nock';
import conversations from '../../../lib/triggers/newOrUpdatedConversations';
import { at, ids, lastSnapshot, runSailor, TEST_BASE_URL, testConfig, triggerHooks } from './helpers';

const conversation = (id: string, updated: number): Record<string, unknown> => ({ type: 'conversation', id, created_at: at('2026-01-01T00:00:00Z'), updated_at: updated });

function answer(items: unknown[]): void {
  nock(TEST_BASE_URL).post('/conversations/search').reply(200, { type: 'conversation.list', conversations: items, pages: { type: 'pages' } });
}

const cfg = (extra: Record<string, unknown> = {}): Record<string, unknown> => testConfig('tok_polling_runs_0001', { includeOwnChanges: true, ...extra });
const own = (logs: string[]): string[] => logs.filter((l) => l.includes('newOrUpdatedConversations:'));

describe('polling triggers: where a run starts and what it waits for', () => {
  triggerHooks('2026-03-10T23:30:00Z');

  it('a first run without a start time, or with one now or ahead, is not called a backfill; one in the past is', async () => {
    for (const [startTime, line] of [
      [undefined, 'info newOrUpdatedConversations: first run, starting at 2026-03-10T23:30:00Z'],
      ['2026-03-10T23:30:00Z', 'info newOrUpdatedConversations: first run, starting at 2026-03-10T23:30:00Z'],
      ['2026-03-11T08:00:00Z', 'info newOrUpdatedConversations: first run, starting at 2026-03-11T08:00:00Z'],
      ['2026-03-10T23:29:59Z', 'info newOrUpdatedConversations: first run, starting at 2026-03-10T23:29:59Z (backfill)'],
    ] as const) {
      answer([]);
      const step = await runSailor(conversations.process, cfg(startTime === undefined ? {} : { startTime }));
      assert.equal(own(step.logs)[0], line, String(startTime));
    }
  });

  it('a changed start time starts over from it; changed filters continue from the cursor, each said in the log', async () => {
    answer([conversation('a', at('2026-03-10T21:00:00Z'))]);
    const first = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }));
    assert.deepEqual(ids(first), ['a']);
    answer([]);
    const restarted = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T19:00:00Z' }), lastSnapshot(first));
    assert.equal(own(restarted.logs)[0], 'info newOrUpdatedConversations: the start time changed to 2026-03-10T19:00:00Z; starting over from it');
    answer([]);
    const refiltered = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z', emitOn: 'new' }), lastSnapshot(first));
    assert.equal(own(refiltered.logs)[0], 'info newOrUpdatedConversations: the trigger settings changed; continuing from 2026-03-10T21:00:00Z with the new settings');
  });

  it('a record dated exactly 5 minutes ahead of this clock is emitted; one second further it is held back', async () => {
    answer([conversation('edge', at('2026-03-10T23:35:00Z')), conversation('ahead', at('2026-03-10T23:35:01Z'))]);
    const step = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }));
    assert.deepEqual(ids(step), ['edge']);
    assert.ok(own(step.logs).includes('warn newOrUpdatedConversations: 1 record(s) with updated_at in the future are held back until that time (more than 5 minutes ahead of this clock): ahead (updated_at 2026-03-10T23:35:01Z)'), step.logs.join('\n'));
  });

  /** 400 conversations changed in one second: more than the 5 KB snapshot can remember while they are unsettled. */
  const crowd = (iso: string): Array<Record<string, unknown>> => Array.from({ length: 400 }, (_, i) => conversation(String(215_000_000_000_000 + i), at(iso)));

  it('records the snapshot cannot remember are delayed, not lost: the warning says from when, the summary that more follow', async () => {
    answer(crowd('2026-03-10T23:29:00Z'));
    const step = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }));
    const emitted = ids(step).length;
    assert.ok(emitted > 0 && emitted < 400, `${emitted} emitted`);
    const logs = own(step.logs);
    // Changed at 23:29:00, they settle after the overlap window (15 minutes) and a minute's margin: 23:45:00.
    assert.ok(logs.includes(`warn newOrUpdatedConversations: ${400 - emitted} record(s) changed within the overlap window are delayed, not lost: the 5 KB snapshot remembers what it can and the rest are emitted once they are older than the overlap window (from 2026-03-10T23:45:00Z on)`), logs.join('\n'));
    assert.ok(logs.includes(`info newOrUpdatedConversations: ${emitted} conversation(s) emitted from 400 read; updated_at cursor 2026-03-10T23:29:00Z; more follow once settled`), logs.join('\n'));
  });

  it('delayed records wait the overlap window plus a minute of margin by this clock: changed 15 minutes ago they are still held', async () => {
    // Nothing newer is read, so only this clock settles them: 23:30 less 15 minutes less 60 seconds is 23:14:00.
    answer(crowd('2026-03-10T23:15:00Z'));
    const held = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }));
    assert.ok(ids(held).length < 400, 'emitted before they settled');
    answer(crowd('2026-03-10T23:13:59Z'));
    const settled = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }));
    assert.equal(ids(settled).length, 400);
  });
  it('a snapshot saved by an earlier release continues: its scope, 12 hex digits of the SHA-256 of what is polled, still matches, so what it remembers holds', async () => {
    // What this configuration polls, hashed here as a saved snapshot's scope is: were the scope made otherwise, every
    // deployed flow would take its snapshot for another trigger's and forget what it remembers.
    const polled = '{"key":"newOrUpdatedConversations","timeField":"updated_at","query":{"emitOn":"newOrUpdated","withParts":false,"loop":{"includeOwn":true,"authorIds":[]}}}';
    const scope = createHash('sha256').update(polled).digest('hex').slice(0, 12);
    const saved = { v: 2, scope, start: at('2026-03-10T20:00:00Z'), floor: at('2026-03-10T21:00:00Z'), cursor: at('2026-03-10T21:00:00Z'), seen: [[0, 'a']] };
    answer([conversation('a', at('2026-03-10T21:00:00Z')), conversation('b', at('2026-03-10T21:05:00Z'))]);
    const step = await runSailor(conversations.process, cfg({ startTime: '2026-03-10T20:00:00Z' }), saved);
    assert.deepEqual(ids(step), ['b'], 'a, remembered by the saved snapshot, is not emitted again');
    assert.ok(!own(step.logs).some((l) => l.includes('settings changed')), own(step.logs).join('\n'));
    assert.equal((lastSnapshot(step) as { scope: string }).scope, scope);
  });
});
