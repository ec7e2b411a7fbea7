import type { ObjectTypeDecl, UniqueLookup } from '../catalogue/objectTypes';
import { operation } from '../runtime/operations';
import { type JsonSchema, validationSchema } from '../runtime/schemas';

/**
 * Mapper help of the standard object actions' own fields (the record fields they show come with the help of the
 * operations behind them). Each text names the chosen type's record, where its Intercom id comes from (the type's
 * list or search action by its title, and Lookup Objects), and what the verb does without it.
 */

/** "Admins (teammates)" → "admin", "Custom object instances" → "custom object instance". */
export function recordNoun(type: ObjectTypeDecl): string {
  return type.label.replace(/\s*\(.*\)$/, '').toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}

export function withHelp(schema: JsonSchema, text: string): JsonSchema {
  return { ...schema, description: text };
}

const an = (noun: string): string => (/^[aeiou]/.test(noun) ? 'an' : 'a');

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`;
}

/** The actions a record of the type is listed or searched by (at most two, by title), then Lookup Objects. */
export function sourceTitles(type: ObjectTypeDecl): string[] {
  const many = type.lookupMany;
  const ops = [many?.search?.op, many?.list?.op, ...Object.values(many?.filters ?? {}).map((filter) => filter.op)].filter((op): op is string => op !== undefined);
  const titles = [...new Set(ops.map((op) => operation(op).title))].slice(0, 2);
  return many ? [...titles, 'Lookup Objects'] : titles;
}

/** What keeps a record's Intercom id apart from the other id people have for it. */
function notTheOther(type: ObjectTypeDecl): string {
  const noun = recordNoun(type);
  if (noun === 'contact' || noun === 'custom object instance') return ', not your own external_id';
  if (noun === 'company') return ', not your own company_id';
  if (noun === 'ticket') return ', not the ticket number people see (its ticket_id)';
  return '';
}

/** The id input of the type's operation behind a verb takes digits only (conversations, articles ...). */
function digitsOnly(type: ObjectTypeDecl, verb: 'lookup' | 'upsert' | 'delete'): boolean {
  const behind = verb === 'lookup' ? type.lookup?.byId : verb === 'upsert' ? type.upsert?.update : type.delete;
  if (!behind) return false;
  const strict = operationStrictType(behind.op, behind.input);
  return strict === 'integer';
}

/** The type the run-time validation gives an operation's input. */
function operationStrictType(op: string, input: string): unknown {
  return ((validationSchema(op)['properties'] as Record<string, JsonSchema> | undefined)?.[input] ?? {})['type'];
}

/** What happens with Upsert Object when the Intercom id is left empty (lib/objects/upsertObject.ts). */
function upsertWithoutId(type: ObjectTypeDecl): string {
  const noun = recordNoun(type);
  if (noun === 'contact') return 'the contact with the given external_id (else email) is updated, or a new contact is created';
  if (noun === 'company') return 'the company with the given company_id is updated, or a new company is created';
  return `a new ${noun} is created`;
}

/** The Intercom id input of a verb. */
export function idHelp(type: ObjectTypeDecl, verb: 'lookup' | 'upsert' | 'delete'): string {
  const noun = recordNoun(type);
  const sources = sourceTitles(type);
  const find = sources.length > 0 ? ` Find it with ${names(sources)}.` : '';
  const digits = digitsOnly(type, verb) ? ' Digits only.' : '';
  const what = `Intercom’s ID of the ${noun}`;
  if (verb === 'lookup') {
    const others = Object.keys(type.lookup?.unique ?? {});
    const choice = others.length === 1 ? ` Give this or ${others[0] ?? ''}, not both;` : others.length > 1 ? ` Give this or one of ${names(others)}, only one;` : '';
    return `${what} to look up: its id field${notTheOther(type)}.${find}${digits}${choice}${others.length > 0 ? ' with none' : ' Without it'}, the step fails unless Allow criteria to be omitted is on.`;
  }
  if (verb === 'upsert') return `${what} to update: its id field${notTheOther(type)}.${find}${digits} Left empty, ${upsertWithoutId(type)}.`;
  const refused = type.delete?.refused ? ` ${type.delete.refused}` : '';
  return `${what} to delete: its id field${notTheOther(type)}.${find}${digits} Required. ${an(noun).replace(/^a/, 'A')} ${noun} that is not there gives an empty object instead of an error.${refused}`;
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

/** Delete Object's `id` output. */
export function deletedIdHelp(type: ObjectTypeDecl): string {
  return `Intercom’s ID of the ${recordNoun(type)} that was deleted: the id given to the step. Missing when no ${recordNoun(type)} had that id (the output is then empty).`;
}

/**
 * Delete Object's `response` output for one type: Intercom's answer to the delete operation behind it, as that
 * operation's out schema says (its fields named), or the confirmation the step makes when Intercom answers with no
 * body (lib/operation/action.ts confirmation()).
 */
export function deleteResponse(type: ObjectTypeDecl, answer: JsonSchema): JsonSchema {
  const noun = recordNoun(type);
  const properties = (answer['properties'] ?? {}) as Record<string, JsonSchema>;
  const confirmation = properties['status'] !== undefined && Object.keys(properties).every((name) => ['id', 'deleted', 'status'].includes(name));
  if (confirmation) {
    const statusHelp = properties['status']?.['description'];
    const status = typeof statusHelp === 'string' ? /always (\d{3})/.exec(statusHelp)?.[1] : undefined;
    return withHelp(
      {
        ...answer,
        properties: {
          ...(properties['id'] ? { id: withHelp(properties['id'], `Intercom’s ID of the deleted ${noun}: the id given to the step.`) } : {}),
          deleted: withHelp(properties['deleted'] ?? { type: 'boolean' }, `Always true: Intercom deleted the ${noun}.`),
          status: withHelp(properties['status'] ?? { type: 'number' }, `HTTP status of Intercom’s answer${status ? `: always ${status} for ${an(noun)} ${noun}` : ''}.`),
        },
      },
      `Intercom answers a ${noun} delete without a body; the step puts its own confirmation here: ${Object.keys(properties).join(', ')}.`,
    );
  }
  const shown = Object.keys(properties).map((name) => (name === 'deleted' ? 'deleted (true)' : name));
  return withHelp(answer, `Intercom’s answer to deleting the ${noun}: ${names(shown).replace(/ or ([^,]*)$/, ' and $1')}.`);
}
