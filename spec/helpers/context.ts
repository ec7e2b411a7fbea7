/**
 * Unit tests answer with nock, not the sandbox (tools/sandbox): each test scripts the exact bytes, headers and
 * socket errors its case needs, in process and on Intercom's real https hosts. The sandbox models Intercom's
 * behaviour; it does not replay a chosen answer.
 */
import nock from 'nock';
import sinon from 'sinon';
import { settings } from '../../lib/runtime/settings';
import { resetRateLimitState } from '../../lib/runtime/rateLimit';
import { clearRegionCache } from '../../lib/runtime/region';

export { FakeStep, type Emitted } from './fakeStep';

export const TEST_BASE_URL = 'https://api.intercom.test';

export function testConfig(token = 'tok_unit_test_0123456789', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { accessToken: token, baseUrl: TEST_BASE_URL, ...extra };
}

/** Sleeps are recorded, not waited, so retry tests run in milliseconds. */
export const sleeps: number[] = [];
const original = { sleep: settings.sleep, random: settings.random, now: settings.now };

let activeClock: sinon.SinonFakeTimers | undefined;

export function fastRuntime(): void {
  activeClock?.restore();
  activeClock = undefined;
  sleeps.length = 0;
  settings.sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    return Promise.resolve();
  };
  settings.random = () => 0.5;
  resetRateLimitState();
  clearRegionCache();
}

export function restoreRuntime(): void {
  activeClock?.restore();
  activeClock = undefined;
  Object.assign(settings, original);
}

/**
 * Waits that really wait, on a clock the test advances: sinon's fake setTimeout and Date under the runtime's own
 * sleep. A request that must wait stays pending until the test ticks past its wait, so a sleep that is not awaited
 * (every retry fired at once) fails a test, which the recorded sleeps of `fastRuntime` cannot show. Sockets, nock
 * and promises run as usual; `sleeps` still lists each wait as it begins. Call after `fastRuntime` (offlineRuntime's beforeEach); `restoreRuntime` or
 * `clock.restore()` ends it.
 */
export function clockedRuntime(startMs = Date.UTC(2026, 2, 10, 12, 0, 0)): sinon.SinonFakeTimers {
  activeClock?.restore();
  const clock = sinon.useFakeTimers({ now: startMs, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  activeClock = clock;
  settings.sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    return original.sleep(ms);
  };
  settings.now = () => Date.now();
  return clock;
}

/** Lets pending I/O and promise callbacks run (setImmediate is not faked), without moving the fake clock. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** nock hangs on a plain object passed to replyWithError; an Error carrying the socket code works. */
export function netError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

/** Mocha hooks every HTTP-level spec shares: no real network, no real waits, clean caches per test. */
export function offlineRuntime(options: { allowLoopback?: boolean } = {}): void {
  before(() => {
    nock.disableNetConnect();
    // Tests with a real local server (streamed downloads) still reach 127.0.0.1, and nothing else.
    if (options.allowLoopback) nock.enableNetConnect('127.0.0.1');
  });
  after(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    restoreRuntime();
  });
  beforeEach(fastRuntime);
  afterEach(() => {
    nock.cleanAll();
    activeClock?.restore();
    activeClock = undefined;
  });
}
