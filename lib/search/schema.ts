import { CONDITION_ALIASES, SEARCH_OPERATORS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import type { JsonSchema } from '../catalogue/types';
import { TERM_HELP, type TermFacts } from '../catalogue/help/terms';
import { conditionChoices, type CriteriaLink, linkInput, operatorsFor, termInput } from './terms';

function described(title: string, description: string, extra: JsonSchema = {}): JsonSchema {
  return { title, ...extra, description };
}

/** What a record type's terms take beyond its search model: how they may be joined, what a lookup needs. */
export interface TermRules {
  /** The records, plural ("tickets"). */
  records: string;
  /** Intercom's query language, or the filters of a list. */
  query: boolean;
  /** The links the run time accepts between terms (a list's filters are joined by and only). */
  links: readonly CriteriaLink[];
  /** A term on one of these fields is required. */
  requireOneOf?: readonly string[];
  /** Fields that go to different lists (they cannot be combined). */
  apart?: ReadonlyArray<readonly string[]>;
  /** For a list's filters: the value each field takes. */
  values?: Readonly<Record<string, string>>;
}

/** The search actions: Intercom's query language, terms joined by and / or. */
export function searchRules(records: string): TermRules {
  return { records, query: true, links: ['and', 'or'] };
}

/**
 * Mapper fields of simple search terms: `searchTerm1..N` (field from a dropdown, condition, value) and
 * `criteriaLink1..N-1`. The same fields serve the search actions (generated, static) and Lookup Objects (dynamic,
 * with the workspace's custom attributes among the fields). Allowed values and help say what this record type takes:
 * the conditions of each kind of field, the links the run time accepts.
 */
export function searchTermProperties(
  model: SearchModel,
  count: number,
  rules: TermRules,
  customTypes: Readonly<Record<string, SearchFieldType>> = {},
): Record<string, JsonSchema> {
  const fields: Record<string, SearchFieldType> = { ...model.fields };
  if (model.customAttributePrefix) {
    for (const [name, type] of Object.entries(customTypes)) fields[`${model.customAttributePrefix}${name}`] = type;
  }
  const conditions = new Set<string>();
  for (const [field, type] of Object.entries(fields)) for (const op of operatorsFor(model, field, type)) conditions.add(op);
  const conditionList = conditionChoices(conditions);
  const facts = termFacts(model, fields, rules);
  const properties: Record<string, JsonSchema> = {};
  const conditionWords = conditionList.map(conditionLabel).join(', ');
  for (let n = 1; n <= count; n++) {
    properties[termInput(n)] = described(`Search term ${n}`, TERM_HELP.term(n, facts), {
      type: 'object',
      properties: {
        fieldName: described('Field', TERM_HELP.field(n, facts), { type: 'string', enum: Object.keys(fields) }),
        condition: described('Condition', TERM_HELP.condition(n, conditionWords, facts), { type: 'string', enum: conditionList }),
        fieldValue: described('Value', TERM_HELP.value(n, facts)),
      },
    });
    if (n < count) properties[linkInput(n)] = described(`Join terms ${n} and ${n + 1}`, TERM_HELP.link(n, facts), { type: 'string', enum: [...rules.links] });
  }
  return properties;
}

const KIND: Readonly<Record<SearchFieldType, string>> = { string: 'text', integer: 'number', float: 'number', date: 'date', boolean: 'true or false' };
const KIND_FIELDS: Readonly<Record<string, string>> = { text: 'text fields', number: 'number fields', date: 'dates', 'true or false': 'true/false fields' };
/** Fields so few that each is named with its conditions. */
const FEW_FIELDS = 6;

/** What the terms of a model take, for the help texts: conditions per kind of field, kinds of value, links. */
function termFacts(model: SearchModel, fields: Readonly<Record<string, SearchFieldType>>, rules: TermRules): TermFacts {
  const entries = Object.entries(fields);
  const kinds = new Set(entries.map(([, type]) => KIND[type]));
  // Fields of one kind that take the same conditions form a group; the largest group of a kind is named by the
  // kind ("dates"), the others by their fields ("created_at").
  const groups = new Map<string, { kind: string; fields: string[]; conditions: readonly string[] }>();
  for (const [field, type] of entries) {
    const conditions = operatorsFor(model, field, type);
    const key = `${KIND[type]}|${conditions.join(' ')}`;
    const group = groups.get(key) ?? { kind: KIND[type], fields: [], conditions };
    group.fields.push(field);
    groups.set(key, group);
  }
  const few = entries.length <= FEW_FIELDS;
  const labelled = new Set<string>();
  const conditionGroups = [...groups.values()]
    .sort((a, b) => b.fields.length - a.fields.length)
    .flatMap((group) => {
      if (few || labelled.has(group.kind)) return group.fields.map((field) => ({ label: field, conditions: group.conditions }));
      labelled.add(group.kind);
      return [{ label: KIND_FIELDS[group.kind] ?? group.kind, conditions: group.conditions }];
    });
  const used = new Set(conditionGroups.flatMap((g) => g.conditions));
  const meanings = Object.entries(SEARCH_OPERATORS).filter(([op]) => used.has(op)).map(([op, words]) => `${op} ${words}`);
  const aliases = Object.entries(CONDITION_ALIASES).filter(([, op]) => used.has(op));
  const legend = `${meanings.join(', ')}${aliases.length > 0 ? `; ${aliases.map(([alias]) => alias).join(', ')} ${aliases.length === 1 ? 'means' : 'mean'} ${aliases.map(([, op]) => op).join(', ')}` : ''}.`;
  return {
    records: rules.records,
    query: rules.query,
    conditionGroups,
    legend,
    kinds,
    lists: [...used].some((op) => op === 'IN' || op === 'NIN'),
    example: exampleTerm(model, fields),
    links: rules.links,
    ...(model.customAttributePrefix ? { customPrefix: model.customAttributePrefix } : {}),
    ...(model.valueNotes ? { valueNotes: model.valueNotes } : {}),
    ...(rules.values ? { values: rules.values } : {}),
    ...(rules.requireOneOf ? { requireOneOf: rules.requireOneOf } : {}),
    ...(rules.apart && rules.apart.length > 0 ? { apart: rules.apart } : {}),
  };
}

/** The example term: an email where the records have one, else open = true, else the first field with its first condition. */
function exampleTerm(model: SearchModel, fields: Readonly<Record<string, SearchFieldType>>): TermFacts['example'] {
  if (fields['email']) return { field: 'email', condition: '=', value: '"ada@example.com"' };
  if (fields['open'] === 'boolean') return { field: 'open', condition: '=', value: 'true' };
  const [field, type] = Object.entries(fields)[0] ?? ['id', 'string'];
  return { field, condition: operatorsFor(model, field, type)[0] ?? '=', value: '"…"' };
}


/** `= (equals)`, or for a lookup name `eq (the same as =)`. */
function conditionLabel(condition: string): string {
  const alias = Object.hasOwn(CONDITION_ALIASES, condition) ? CONDITION_ALIASES[condition] : undefined;
  return alias ? `${condition} (the same as ${alias})` : `${condition} (${SEARCH_OPERATORS[condition] ?? condition})`;
}
