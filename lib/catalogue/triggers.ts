import type { CuratedDecl } from './types';

/** Polling and webhook triggers (modules under lib/triggers/). */
export const triggers: Readonly<Record<string, CuratedDecl>> = {};
