import { OBJECT_FIELDS } from '../catalogue/fields';
import { objectType, type ObjectTypeDecl, type ObjectVerb } from '../catalogue/objectTypes';
import { type CuratedRun, curatedAction, text } from '../curated/common';
import { ConfigurationError, InputValidationError, IntercomApiError } from '../runtime/errors';
import { isEmpty } from '../runtime/input';
import type { ProcessFunction } from '../runtime/step';

/** What the body of a standard object action works with: the curated run plus the chosen object type. */
export interface ObjectRun extends CuratedRun {
  typeName: string;
  type: ObjectTypeDecl;
  /** The scope inputs every call of this type carries (custom object instances: their type identifier). */
  scope: Record<string, unknown>;
}

/** The chosen object type, when it supports the verb; otherwise a configuration error naming the choices. */
export function chosenType(cfg: Record<string, unknown>, verb: ObjectVerb, key: string): { typeName: string; type: ObjectTypeDecl } {
  const typeName = text(cfg[OBJECT_FIELDS.objectType]) ?? '';
  const type = objectType(typeName);
  if (!type?.[verb]) {
    throw new ConfigurationError(`${key}: step field "${OBJECT_FIELDS.objectType}" ${typeName ? `"${typeName}" is not an object type this action supports` : 'is required'}`);
  }
  return { typeName, type };
}

/**
 * The `process` of a standard object action: the object type is read from the step, the scope inputs are
 * required, and the body runs with the same validated input, client and error handling as a convenience action.
 */
export function objectAction(key: string, verb: ObjectVerb, body: (run: ObjectRun) => Promise<void>): ProcessFunction {
  return curatedAction(key, async (run) => {
    const { typeName, type } = chosenType(run.cfg, verb, key);
    const scope: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const name of Object.keys(type.scope ?? {})) {
      if (isEmpty(run.input[name])) problems.push(`field ${name}: is required for ${type.label.toLowerCase()}`);
      else scope[name] = run.input[name];
    }
    if (problems.length > 0) throw new InputValidationError(key, problems);
    await body({ ...run, typeName, type, scope });
  });
}

/** Fields the chosen type does not use are an error naming them (the static input allows every type's fields). */
export function rejectUnused(run: ObjectRun, used: Iterable<string>): void {
  const allowed = new Set([...used, ...Object.keys(run.scope)]);
  const unused = Object.keys(run.input).filter((name) => !allowed.has(name) && !isEmpty(run.input[name]));
  if (unused.length > 0) throw new InputValidationError(run.key, unused.map((name) => `field ${name}: is not an input for ${run.type.label.toLowerCase()} here`));
}

/** The input without the named fields (the ones the action itself interprets). */
export function without(input: Record<string, unknown>, names: Iterable<string>): Record<string, unknown> {
  const drop = new Set(names);
  return Object.fromEntries(Object.entries(input).filter(([name]) => !drop.has(name)));
}

export function isNotFound(error: unknown): boolean {
  return error instanceof IntercomApiError && error.status === 404;
}

/** The input name of a record's Intercom id in the standard actions. */
export const ID_INPUT = 'id';

/** An id input as text; `.` and `..` are no id (they would name another route), an error naming the field. */
export function idText(run: CuratedRun, name: string): string | undefined {
  const value = text(run.input[name]);
  if (value === '.' || value === '..') throw new InputValidationError(run.key, [`field ${name}: "${value}" is not a valid id`]);
  return value;
}
