import type { CuratedDecl } from './types';
import { convenienceActions } from './convenience';
import { objectActions } from './objects';
import { oihActions } from './oih';
import { triggers } from './triggers';

/** Hand-written actions and triggers; their manifest entries and schemas are generated from here. */
export const curated: Readonly<Record<string, CuratedDecl>> = { ...triggers, ...convenienceActions, ...objectActions, ...oihActions };
