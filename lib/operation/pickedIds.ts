import { dropdownFieldName } from '../catalogue/fields';
import { dropdownsOf } from '../catalogue/dropdowns';
import { isEmpty } from '../runtime/input';
import type { OperationEntry } from '../runtime/operations';
import type { Config } from '../runtime/step';

/**
 * The ids picked in an action's dropdown step fields, filled into the inputs the message leaves empty: a mapped
 * value always wins, so one step can still serve many admins, tags or teams.
 */
export function withPickedIds(key: string, entry: OperationEntry, input: unknown, cfg: Config): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const given = input as Record<string, unknown>;
  let filled: Record<string, unknown> | undefined;
  for (const [name, field] of pickableInputs(key, entry)) {
    const picked = cfg[field];
    if (!isEmpty(given[name]) || typeof picked !== 'string' || picked.trim() === '') continue;
    filled ??= { ...given };
    filled[name] = picked.trim();
  }
  return filled ?? given;
}

/** Per action, its inputs with a dropdown and their step fields: the same every message, found once. */
const pickable = new Map<string, ReadonlyArray<readonly [string, string]>>();

function pickableInputs(key: string, entry: OperationEntry): ReadonlyArray<readonly [string, string]> {
  let found = pickable.get(key);
  if (!found) {
    found = dropdownsOf(key, Object.keys(entry.inputs)).map(({ input }) => [input, dropdownFieldName(input)] as const);
    pickable.set(key, found);
  }
  return found;
}
