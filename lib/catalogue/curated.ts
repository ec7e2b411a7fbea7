import type { CuratedDecl } from './types';
import { convenienceActions } from './convenience';
import { oihActions } from './oih';
import { triggers } from './triggers';

/** Hand-written actions and triggers; their manifest entries and schemas are generated from here. */
export const curated: Readonly<Record<string, CuratedDecl>> = { ...triggers, ...convenienceActions, ...oihActions };
