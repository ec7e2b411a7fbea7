/**
 * watchedStream (timeLimits.ts) destroyed by its consumer (storing a download failed): the source, a connection,
 * is destroyed at once, whether no read had begun yet or one is waiting for the network.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { watchedStream } from '../../../lib/runtime/timeLimits';

const watch = (source: Readable): Readable => watchedStream(source, 30_000, undefined, () => Date.now(), () => new Error('stalled'));

describe('watchedStream destroyed by its consumer', () => {
  it('before any read: the source is destroyed', async () => {
    const source = new Readable({ read: () => undefined });
    watch(source).destroy();
    await tick();
    assert.equal(source.destroyed, true);
  });

  it('while a read waits for the network: the source is destroyed at once, not when the 30 s stall bound passes', async () => {
    const source = new Readable({ read: () => undefined });
    const watched = watch(source);
    source.push('first');
    const first = await new Promise<Buffer>((resolve) => watched.once('data', resolve));
    assert.equal(first.toString(), 'first');
    await tick();
    watched.destroy();
    await tick();
    assert.equal(source.destroyed, true);
    if (!watched.closed) await new Promise((resolve) => watched.once('close', resolve));
  });
});
