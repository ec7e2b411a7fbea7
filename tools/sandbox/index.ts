/** Public surface of the Intercom sandbox (used by the CLI, the fault/secrecy suites, the e2e suite, the tool tests and the benchmarks). */
export { SANDBOX_HEADER, startSandbox, type SandboxHandle, type SandboxOptions } from './server';
export { ManualClock, systemClock, type Clock } from './clock';
export { SandboxKnobs, DEFAULT_KNOBS, type FaultMode, type FailNextOptions, type KnobValues } from './knobs';
export { DEFAULT_SEED, Workspace, type SeedOptions } from './store/workspace';
export { signBody, WEBHOOK_USER_AGENT, type WebhookDelivery, type WebhookInput } from './webhook';
export { SCROLL_RESTART_MESSAGE } from './resources/companies';
/** A stored contact exactly as the API serves it, so a test can compare what a client emitted with the state. */
export { renderContact } from './resources/contacts';
export { synthesize } from './synth';
export { API_VERSION } from './auth';
export type { LogEntry } from './requestLog';
