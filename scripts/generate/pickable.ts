import { dropdownsOf } from '../../lib/catalogue/dropdowns';
import type { BuiltOperation } from './operations';

type Json = Record<string, unknown>;

/**
 * An id input with a dropdown step field is not marked required in the mapper: elastic.io's mapper does not let a
 * step be saved while a required field is unmapped, which would make the dropdown useless exactly where it helps
 * most. The rule stays where it is enforced: the strict schema still requires the input, and the picked value fills
 * it before validation (lib/operation/pickedIds.ts), so "neither mapped nor picked" is still an error naming it.
 */
export function pickableInputsOptional(built: BuiltOperation): BuiltOperation {
  const properties = built.inSchema['properties'] as Record<string, Json> | undefined;
  if (!properties) return built;
  const next: Record<string, Json> = { ...properties };
  let changed = false;
  for (const { input } of dropdownsOf(built.key, Object.keys(built.entry.inputs))) {
    const property = next[input];
    if (property?.['required'] !== true) continue;
    const { required: _required, ...rest } = property;
    const note = ' Required: map it here or pick it in the step field of the same name.';
    next[input] = {
      ...rest,
      ...(typeof rest['description'] === 'string' ? { description: `${rest['description']}${note}` } : {}),
    };
    changed = true;
  }
  return changed ? { ...built, inSchema: { ...built.inSchema, properties: next } } : built;
}
