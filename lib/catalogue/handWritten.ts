import type { HandWrittenDecl } from './types';
import { convenienceActions } from './convenience';
import { objectActions } from './objects';
import { oihActions } from './oih';
import { triggers } from './triggers';

/** Hand-written actions and triggers; their manifest entries and schemas are generated from here. */
export const handWritten: Readonly<Record<string, HandWrittenDecl>> = { ...triggers, ...convenienceActions, ...objectActions, ...oihActions };
