/**
 * 2.16 operations deliberately not exposed as actions, keyed by `METHOD /path`, with the reason.
 * The contract test fails on any 2.16 operation that is neither catalogued nor listed here.
 */
export const excluded: Readonly<Record<string, string>> = {};
