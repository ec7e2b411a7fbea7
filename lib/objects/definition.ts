import type { ObjectVerb } from '../catalogue/objectTypes';
import type { StepDefinition } from '../operation/componentModule';
import { objectAction, type ObjectRun } from './common';
import { objectMetaModel } from './metaModel';

/**
 * A standard object action: its verb and body, made into a step, with metadata for the chosen object type, for the
 * key the catalogue gives it (its module, lib/actions/<key>.ts, is generated).
 */
export function objectDefinition(verb: ObjectVerb, body: (run: ObjectRun) => Promise<void>): StepDefinition {
  return { process: (key) => objectAction(key, verb, body), getMetaModel: (key) => objectMetaModel(key, verb) };
}
