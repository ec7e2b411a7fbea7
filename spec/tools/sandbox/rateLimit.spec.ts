import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../tools/sandbox';
import { client, useSandbox } from './helpers';

describe('sandbox: rate limiting in 10-second windows', () => {
  const start = Date.UTC(2026, 0, 1, 0, 0, 3); // 3 s into a window
  const clock = new ManualClock(start);
  const { sb, api } = useSandbox({ clock, knobs: { rateLimitPerWindow: 3 } });
  const windowEnd = String(Math.floor(start / 1000) - 3 + 10);

  it('every authenticated answer carries X-RateLimit-Limit/Remaining/Reset', async () => {
    const seen: Array<[string | null, string | null, string | null]> = [];
    for (const path of ['/me', '/admins', '/no/such/path']) {
      const r = await api().call('GET', path);
      seen.push([r.headers.get('x-ratelimit-limit'), r.headers.get('x-ratelimit-remaining'), r.headers.get('x-ratelimit-reset')]);
    }
    assert.deepEqual(seen, [
      ['3', '2', windowEnd],
      ['3', '1', windowEnd],
      ['3', '0', windowEnd],
    ]);
  });

  it('over the limit: 429 error.list rate_limit_exceeded, per token', async () => {
    const r = await api().call('GET', '/me');
    assert.equal(r.status, 429);
    assert.equal(r.body.type, 'error.list');
    assert.deepEqual(r.body.errors, [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 3 in 10_seconds' }]);
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(r.headers.get('x-ratelimit-reset'), windowEnd);
    assert.equal((await client(sb(), 'another-token').call('GET', '/me')).status, 200);
  });

  it('the next window refills, and the limit knob applies immediately', async () => {
    clock.advance(7_000);
    const r = await api().call('GET', '/me');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-ratelimit-reset'), String(Number(windowEnd) + 10));
    sb().knobs.rateLimitPerWindow = 1666;
    assert.equal((await api().call('GET', '/me')).headers.get('x-ratelimit-limit'), '1666');
  });
});
