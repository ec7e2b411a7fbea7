import type { ObjectTypeDecl, UniqueLookup } from '../catalogue/objectTypes';
import type { JsonSchema } from '../runtime/schemas';

/**
 * Mapper help of the standard object actions' own fields (the record fields they show come with the help of the
 * operations behind them). Each text names the chosen type's record, so Lookup Object on tickets says "ticket".
 */

/** "Admins (teammates)" → "admin", "Custom object instances" → "custom object instance". */
export function recordNoun(type: ObjectTypeDecl): string {
  return type.label.replace(/\s*\(.*\)$/, '').toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}

export function withHelp(schema: JsonSchema, text: string): JsonSchema {
  return { ...schema, description: text };
}

/** The Intercom id input of a verb. */
export function idHelp(type: ObjectTypeDecl, verb: 'lookup' | 'upsert' | 'delete'): string {
  const noun = recordNoun(type);
  if (verb === 'lookup') return `Intercom’s ID of the ${noun} to look up (its id field). Give this or one of the other fields, not several.`;
  if (verb === 'upsert') return `Intercom’s ID of the ${noun} to update (its id field); empty: ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} is created, or the one your other fields identify is updated.`;
  return `Intercom’s ID of the ${noun} to delete (its id field). ${/^[aeiou]/.test(noun) ? 'An' : 'A'} ${noun} that is not there gives an empty result instead of an error.`;
}

const UNIQUE_TEXTS: Readonly<Record<string, string>> = {
  external_id: 'your own ID of it (its external_id)',
  email: 'its email address',
  company_id: 'your own ID of it (its company_id)',
  name: 'its name, exactly as stored',
};

/** A unique field of Lookup Object: what it matches and what happens when several records match. */
export function uniqueHelp(type: ObjectTypeDecl, name: string, lookup: UniqueLookup): string {
  const noun = recordNoun(type);
  const what = UNIQUE_TEXTS[name] ?? `its ${name.replace(/_/g, ' ')}`;
  const several = lookup.kind === 'get' ? '' : ` The step fails when several ${noun} records match.`;
  return `Look the ${noun} up by ${what}, instead of the Intercom ID.${several}`;
}

/** A scope input (custom object instances: their type). */
export function scopeHelp(name: string): string {
  return name === 'custom_object_type_identifier'
    ? 'Identifier of the custom object type the instances belong to, as set up in Intercom, e.g. Order; every call of the step is made for this type.'
    : `Scope of every call of the step: ${name.replace(/_/g, ' ')}.`;
}

export const RESULTS_HELP = 'The records found, one object each (one page of them with Emit page); empty when nothing matched and zero results are allowed.';
