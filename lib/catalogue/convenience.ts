import type { CuratedDecl } from './types';

/** Convenience actions built on the catalogue operations (modules under lib/curated/). */
export const convenienceActions: Readonly<Record<string, CuratedDecl>> = {};
