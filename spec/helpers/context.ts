/**
 * Unit tests answer with nock, not the sandbox (tools/sandbox): each test scripts the exact bytes, headers and
 * socket errors its case needs, in process and on Intercom's real https hosts. The sandbox models Intercom's
 * behaviour; it does not replay a chosen answer.
 */
import nock from 'nock';
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

export function fastRuntime(): void {
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
  Object.assign(settings, original);
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
  afterEach(() => nock.cleanAll());
}
