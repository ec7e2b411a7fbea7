import { settings } from '../../../lib/runtime/settings';
import { FakeStep, offlineRuntime } from '../../helpers/context';

export { FakeStep, TEST_BASE_URL, testConfig } from '../../helpers/context';

export type ProcessFn = (this: unknown, msg: Record<string, unknown>, cfg: unknown, snapshot?: unknown, headers?: unknown, tokenData?: unknown) => Promise<void>;

/** Unix seconds of an ISO time. */
export const at = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Shared mocha hooks: no network, no waits, a fixed clock. */
export function triggerHooks(nowIso = '2026-03-10T23:30:00Z'): void {
  offlineRuntime();
  beforeEach(() => {
    settings.now = () => Date.parse(nowIso);
  });
}

/** One run under the sailor: scheduler message `{body: {}}`, snapshot as the third argument. */
export async function runSailor(process: ProcessFn, cfg: unknown, snapshot: unknown = {}, step = new FakeStep()): Promise<FakeStep> {
  await process.call(step, { body: {}, headers: {}, attachments: {}, metadata: {} }, cfg, snapshot);
  return step;
}

/** One run under ferryman: `{data, metadata}`, snapshot from the snapshot service, tokenData as the fifth argument. */
export async function runFerryman(process: ProcessFn, cfg: unknown, snapshot: unknown = {}, step = new FakeStep()): Promise<FakeStep> {
  await process.call(step, { data: {}, metadata: { oihUid: 'flow-1' }, attachments: {} }, cfg, snapshot, {}, { function: 'poll', flowId: 'f', stepId: 's' });
  return step;
}

/** The last snapshot a run emitted (what the sailor keeps in memory for the next message). */
export function lastSnapshot(step: FakeStep): unknown {
  const snapshots = step.events('snapshot');
  return snapshots[snapshots.length - 1];
}

/** Ids of the emitted records, in emission order. */
export function ids(step: FakeStep): string[] {
  return step.bodies().map((b) => String((b as { id: unknown }).id));
}

/** Event names in the order they were emitted. */
export function eventOrder(step: FakeStep): string[] {
  return step.emitted.map((e) => e.event);
}
