/**
 * Operations of the description deliberately not exposed as actions, keyed by `METHOD /path`, with the reason.
 * The contract test fails on any operation of the description that is neither catalogued nor listed here.
 */
export const excluded: Readonly<Record<string, string>> = {};
