/**
 * The help of the simple search term fields: one meaning wherever terms are taken (the search actions and Lookup
 * Objects build the same query from them, lib/search/terms.ts). Once the record type is known (a search action, or
 * Lookup Objects with its object type chosen) the texts name what that type takes (lib/search/schema.ts works the
 * facts out); the static schema of Lookup Objects, before a type is chosen, gets the general texts.
 */

/** What the terms of one record type take, worked out from its search model (lib/search/schema.ts termFacts). */
export interface TermFacts {
  /** The records, plural: "tickets", "data events". */
  records: string;
  /** Intercom's query language (a search), or the filters of a list. */
  query: boolean;
  /** Which fields take which conditions, as "label: conditions" groups. */
  conditionGroups: ReadonlyArray<{ label: string; conditions: readonly string[] }>;
  /** The meaning of each condition the groups use (and of the lookup names for them). */
  legend: string;
  /** Kinds of value the fields hold: text, number, true or false, date. */
  kinds: ReadonlySet<string>;
  /** Some field takes IN / NIN. */
  lists: boolean;
  /** For a list's filters: the value each field takes. */
  values?: Readonly<Record<string, string>>;
  /** Fields whose search values differ from what the records show: the values the search takes. */
  valueNotes?: Readonly<Record<string, string>>;
  /** A field, condition and value (as JSON) for the example term. */
  example: { field: string; condition: string; value: string };
  customPrefix?: string;
  /** The links terms may be joined with. */
  links: readonly string[];
  /** A term on one of these fields is required. */
  requireOneOf?: readonly string[];
  /** Groups of fields that go to different lists and so cannot be combined in one lookup. */
  apart?: ReadonlyArray<readonly string[]>;
}

const names = (list: readonly string[]): string => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`);

export const TERM_HELP = {
  term: (n: number, facts?: TermFacts): string => {
    const example = facts?.example ?? { field: 'email', condition: '=', value: '"ada@example.com"' };
    const into = facts === undefined ? "Intercom's search query (or the filters of its list)" : facts.query ? "Intercom's search query" : `the filters of Intercom's list of ${facts.records}`;
    return `Search term ${n}: a field, a condition and a value, e.g. { "fieldName": "${example.field}", "condition": "${example.condition}", "fieldValue": ${example.value} }. Fill the terms from 1 up without gaps; the step turns them into ${into}.`;
  },
  field: (n: number, facts?: TermFacts | string): string => {
    // A bare prefix: the general text of a search with custom attributes.
    const own = typeof facts === 'object' ? facts : undefined;
    const prefix = typeof facts === 'string' ? facts : own?.customPrefix;
    let text = `The field term ${n} compares: one of the listed fields${prefix ? ` (custom attributes as ${prefix}<name>)` : ''}.`;
    if (!own) return facts === undefined ? `${text} The list depends on the object type chosen.` : text;
    // The only such type, data events, is listed per user: exactly one of the user fields, once (lookupObjects.ts termQuery).
    if (own.requireOneOf) text += ` Intercom lists ${own.records} only for a term on ${names(own.requireOneOf)}: give exactly one term, on one of them, and leave the other terms empty.`;
    for (const group of own.apart ?? []) text += ` ${names(group)} go to different lists: use one of them per lookup.`;
    return text;
  },
  condition: (n: number, words: string, facts?: TermFacts): string => {
    if (!facts) return `How term ${n} compares: ${words}. Which ones a field takes depends on the object type chosen and the field's type; any other is refused before a request is sent.`;
    const groups = facts.conditionGroups.map((g) => `${g.label}: ${g.conditions.join(', ')}`).join('; ');
    return `How term ${n} compares. For ${facts.records}: ${groups}${facts.customPrefix ? '; custom attributes take those of their type' : ''}. ${facts.legend} Any other condition is refused before a request is sent.`;
  },
  value: (n: number, facts?: TermFacts): string => {
    if (!facts) {
      return `The value term ${n} compares with, of the field's kind. Dates: Unix time in seconds or an ISO 8601 date and time (e.g. 2024-05-31T14:30:00Z); IN and NIN: a list or comma-separated values.`;
    }
    if (facts.values) {
      const each = Object.entries(facts.values).map(([field, value]) => `${field}: ${value}`).join('; ');
      return `The value term ${n} compares with, as the field needs it: ${each}.`;
    }
    const kinds: string[] = [];
    if (facts.kinds.has('text')) kinds.push('text for a text field');
    if (facts.kinds.has('number')) kinds.push('a number for a numeric one');
    if (facts.kinds.has('true or false')) kinds.push('true or false for a true/false one');
    let text = `The value term ${n} compares with: ${names(kinds)}; null finds ${facts.records} without a value.`;
    if (facts.kinds.has('date')) text += ' Dates: Unix time in seconds or an ISO 8601 date and time with a zone (e.g. 2024-05-31T14:30:00Z).';
    if (facts.lists) text += ' IN and NIN: a list, or comma-separated values.';
    for (const [field, note] of Object.entries(facts.valueNotes ?? {})) text += ` ${field}: ${note}.`;
    return text;
  },
  /** `orTypes`: in the general text, the object types whose terms may be joined with or. */
  link: (n: number, facts?: TermFacts, orTypes?: string): string => {
    if (facts && !facts.links.includes('or')) {
      return `How term ${n} and term ${n + 1} combine: and only (both must match); Intercom filters ${facts.records} on all the terms together. Needed only when term ${n + 1} is given.`;
    }
    const or = orTypes ? ` (or only for ${orTypes})` : '';
    return `How term ${n} and term ${n + 1} combine: and (both must match) or or (either)${or}. and binds tighter: a and b or c means (a and b) or c. Needed only when term ${n + 1} is given.`;
  },
};
