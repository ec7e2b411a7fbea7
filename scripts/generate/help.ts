import { writtenActionFields, writtenHelp, writtenRecordFields } from '../../lib/catalogue/help/index';
import { localeName } from '../../lib/catalogue/help/locales';
import { pagingInputHelp } from '../../lib/catalogue/help/shared';
import type { PaginationStyle } from '../../lib/catalogue/types';
import { dropdownFor } from '../../lib/catalogue/dropdowns';
import { UNIX_TIME } from '../../lib/catalogue/unixTimes';
import { fieldFacts, responseSchema, schemaHasField, type FieldFacts } from './facts';
import { factSentences, isUnixTime, type ValueFacts } from './factText';
import { article, fieldWords, plural, schemaNoun, singular } from './nouns';
import type { BuiltOperation } from './operations';
import { humanTitle } from './titles';
import { isRef, type Json, type LoadedDescription } from './description';
import { namedSchema, pathRecordNoun } from './pathRecord';

/**
 * The help pass: every field of an action's input and output, at the top level and one level down (object
 * properties and the properties of list items), gets a title as a person writes it and a help text chosen for that
 * operation's field at that path:
 * 1. a hand-written text of the action's field (lib/catalogue/help/, `actions`), else
 * 2. a hand-written text of the description's schema field the value is (`records`: a company's `size` means the same
 *    in every action that shows a company), else
 * 3. a text generated from the field's facts in Intercom's description: whose ID it is (Intercom's `id` of which
 *    record, or your own external_id/company_id, decided from the parameter's place and the description's wording),
 *    which action lists the record, what kind of value it holds;
 * then the facts themselves (factText.ts): whole number, format with an example, allowed values, limits, unit,
 * default, deprecation. Deeper levels keep their titles only.
 *
 * The text goes into the property's `description`, the one place elastic.io documents for a metadata property's
 * help (a `help` object is for the component, its credentials and its functions) and the JSON Schema keyword every
 * other consumer reads; one place, so the mapper shows it once. Titles stay short: the text is not folded into them.
 */

type Properties = Record<string, Json>;

/** What the texts may say about other actions: which list a record comes from, which actions take its id. */
export interface HelpIndex {
  /** List and search actions by the noun of the records they give. */
  listedBy: Map<string, string[]>;
  /** Actions taking a record's Intercom id as a path input, by the record's noun. */
  takenBy: Map<string, Array<{ title: string; input: string }>>;
  /** Actions answering a record they create, by its noun: where an id comes from when no action lists the record. */
  createdBy: Map<string, string[]>;
  /** Actions that create something and answer a field naming it (an export job's job_identifier), by group and field. */
  givenBy: Map<string, string[]>;
  /** Actions taking such a field as a path input, by group and field. */
  identifierTakers: Map<string, string[]>;
  /** Every action and trigger title, to tell whether a text already names where a value comes from. */
  titles: readonly string[];
}

/** Where a field is: its action, its direction and its path from the top. */
export interface FieldPlace {
  key: string;
  /** The action's resource group (Contacts, Help Center ...). */
  group: string;
  direction: 'in' | 'out';
  path: string[];
  prop: Json;
  facts?: FieldFacts;
  /** The operation's method and path template, for a path input. */
  method?: string;
  template?: string;
  /** The input is the workspace code the run time fills in when it is empty. */
  workspaceParam?: boolean;
  /** The action's paging style, when it pages. */
  paging?: PaginationStyle;
  /** The output field that holds a list's items (its pages' items, or Intercom's bare list put under data). */
  itemsPath?: string;
  /** Intercom answers with a bare list, which the step emits under data. */
  bareList?: boolean;
  /** The action's metadata types the record's custom attributes (declared with customAttributes). */
  typedAttributes?: boolean;
  /** One level down: the help of the field holding this one (a reference's id is the id of what its parent names). */
  parentHelp?: string;
  /** The run-time validation requires the field (the strict schema, or every variant of it). */
  required?: boolean;
  /** Rules of the strict schema's variants the field takes part in, as sentences ("Give at least one of ..."). */
  rules?: string[];
  /**
   * One level down: where the parent field sits in the description (a contact's `tags` in `contact`), so a text
   * written for `tags.data` of the contact applies although `tags` is a schema of its own (`contact_tags`).
   */
  parentOwner?: { schema: string; path: string };
}

export function helpIndex(spec: LoadedDescription, built: readonly BuiltOperation[], otherTitles: readonly string[] = []): HelpIndex {
  const listedBy = new Map<string, string[]>();
  const takenBy = new Map<string, Array<{ title: string; input: string }>>();
  const createdBy = new Map<string, string[]>();
  const givenBy = new Map<string, string[]>();
  const identifierTakers = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, noun: string, title: string): void => {
    map.set(noun, [...(map.get(noun) ?? []), title]);
  };
  for (const b of built) {
    const noun = listNoun(spec, b);
    // A list of one record's relations (a contact's companies) says less than the record's own list.
    const scoped = /\{/.test(b.entry.path) ? 1 : 0;
    if (noun) add(listedBy, noun, `${scoped}${b.decl.title}`);
    const created = b.entry.method === 'POST' && b.entry.response === 'json' && !/\}$/.test(b.entry.path) ? answeredNoun(spec, b) : undefined;
    if (created) add(createdBy, created, b.decl.title);
    if (b.entry.method === 'POST' && !/\}$/.test(b.entry.path)) {
      for (const name of Object.keys(b.outSchema['properties'] ?? {})) if (/_identifier$/.test(name)) add(givenBy, `${b.group}|${name}`, b.decl.title);
    }
    for (const [input, location] of Object.entries(b.entry.inputs)) {
      if (location !== 'path') continue;
      const noun = pathRecordNoun(spec, b.entry.path, input);
      if (/_identifier$/.test(input)) add(identifierTakers, `${b.group}|${input}`, b.decl.title);
      if (noun && isLastParam(b.entry.path, input)) takenBy.set(noun, [...(takenBy.get(noun) ?? []), { title: b.decl.title, input }]);
    }
  }
  for (const [noun, titles] of listedBy) {
    const unscoped = titles.filter((t) => t.startsWith('0'));
    listedBy.set(noun, (unscoped.length > 0 ? unscoped : titles).sort().map((t) => t.slice(1)));
  }
  return { listedBy, takenBy, createdBy, givenBy, identifierTakers, titles: [...built.map((b) => b.decl.title), ...otherTitles] };
}

/**
 * The noun of the records a list or search action gives: the items of its pages, or the one list of named records
 * a GET without a record id answers (Intercom sends some lists whole, without pages).
 */
export function listNoun(spec: LoadedDescription, b: BuiltOperation): string | undefined {
  const paged = b.entry.pagination?.itemsPath;
  let list = paged;
  if (!list) {
    if (b.entry.method !== 'GET' || b.entry.response !== 'json' || /\}$/.test(b.entry.path)) return undefined;
    const arrays = Object.entries((b.outSchema['properties'] ?? {}) as Properties).filter(([, p]) => p['type'] === 'array');
    list = arrays.length === 1 ? arrays[0]?.[0] : arrays.find(([name]) => name === 'data')?.[0];
  }
  if (!list) return undefined;
  const itemSchema = fieldFacts(spec, b.specOp, 'out', [list])?.itemSchema;
  if (itemSchema) return schemaNoun(itemSchema);
  if (!paged) return undefined;
  // A page shared by several kinds of record (news items and newsfeeds): the kind the path names.
  const segment = singular(b.entry.path.split('/').filter(Boolean).pop() ?? '');
  return schemaHasField(spec, segment, []) ? schemaNoun(segment) : undefined;
}

/** The noun of the named record an operation answers with. */
function answeredNoun(spec: LoadedDescription, b: BuiltOperation): string | undefined {
  const responses = (b.specOp.op['responses'] ?? {}) as Record<string, unknown>;
  for (const status of Object.keys(responses).filter((s) => s.startsWith('2')).sort()) {
    const ok = spec.resolve(responses[status]) as Json | undefined;
    const name = namedSchema(((ok?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema']);
    if (name) return schemaNoun(name);
  }
  return undefined;
}

export function withHelp(spec: LoadedDescription, index: HelpIndex, built: BuiltOperation): BuiltOperation {
  const style = built.entry.pagination?.style;
  const itemsPath = built.entry.pagination?.itemsPath;
  const root = responseSchema(spec, built.specOp);
  const bareList = root !== undefined && (spec.resolve(root) as Json | undefined)?.['type'] === 'array';
  const base = {
    key: built.key,
    group: built.group,
    method: built.entry.method,
    template: built.entry.path,
    ...(style ? { paging: style } : {}),
    ...(itemsPath ? { itemsPath } : bareList ? { itemsPath: 'data' } : {}),
    ...(bareList ? { bareList } : {}),
    ...(built.decl.customAttributes ? { typedAttributes: true } : {}),
  };
  const factsAt = (direction: 'in' | 'out', path: string[]): FieldFacts | undefined => fieldFacts(spec, built.specOp, direction, path);
  const parentOwner = (direction: 'in' | 'out', path: string[]): { parentOwner?: { schema: string; path: string } } => {
    const owner = path.length > 1 ? factsAt(direction, path.slice(0, -1))?.owner : undefined;
    return owner ? { parentOwner: owner } : {};
  };
  const workspaceParam = built.entry.workspaceIdParam;
  const validation = inputRules(built.strictInSchema, built.entry.requireOneOf, variantSelectors(spec, built));
  const checked = (path: string[]): Pick<FieldPlace, 'required' | 'rules'> => {
    const at = path.join('.');
    const rules = validation.rules.get(at);
    return { ...(validation.required.has(at) ? { required: true } : {}), ...(rules ? { rules } : {}) };
  };
  return {
    ...built,
    inSchema: describeSchema(
      built.inSchema,
      (path, prop) => ({
        ...base,
        direction: 'in',
        path,
        prop,
        ...optionalFacts(factsAt('in', path)),
        ...parentOwner('in', path),
        ...checked(path),
        ...(workspaceParam === path[0] && path.length === 1 ? { workspaceParam: true } : {}),
      }),
      spec,
      index,
      true,
    ),
    outSchema: describeSchema(built.outSchema, (path, prop) => ({ ...base, direction: 'out', path, prop, ...optionalFacts(factsAt('out', path)), ...parentOwner('out', path) }), spec, index, true),
  };
}

/** What the run-time validation requires of an action's input, by field path (top level and one level down). */
export interface InputRules {
  required: Set<string>;
  rules: Map<string, string[]>;
}

/**
 * The required fields and the variant rules of a strict input schema: a field every variant requires is required;
 * variants that differ by one field each ({ email } | { external_id } | { role }, or the operation's requireOneOf)
 * make a group of which at least one is needed, stated on each member and on the object holding them; a field only a
 * variant with a fixed value requires (type conversation_part) is required when that value is chosen.
 */
export function inputRules(strict: Json, requireOneOf: readonly string[] = [], selectors: ReadonlyArray<[string, string] | undefined> = []): InputRules {
  const required = new Set<string>();
  const rules = new Map<string, string[]>();
  const state = (path: string, rule: string): void => {
    rules.set(path, [...(rules.get(path) ?? []), rule]);
  };
  // Variants that each allow their own member only (additionalProperties false) take exactly one of the group.
  const group = (at: string[], members: readonly string[], exclusive = false): void => {
    const names = listNames(members.map(String));
    const words = exclusive ? ['exactly one', `; leave the others out, even empty`] : ['at least one', ''];
    for (const member of members) state([...at, member].join('.'), `Give ${words[0]} of ${names}${words[1]}.`);
    if (at.length > 0) state(at.join('.'), `It needs ${words[0]} of ${names}.`);
  };
  const walk = (node: Json, at: string[]): void => {
    for (const name of (node['required'] as string[] | undefined) ?? []) required.add([...at, name].join('.'));
    for (const combinator of ['anyOf', 'oneOf']) {
      const variants = ((node[combinator] as Json[] | undefined) ?? []).filter((v) => typeof v === 'object' && v !== null);
      if (variants.length < 2) continue;
      const sets = variants.map((v) => new Set((v['required'] as string[] | undefined) ?? []));
      const common = [...(sets[0] ?? [])].filter((name) => sets.every((set) => set.has(name)));
      for (const name of common) required.add([...at, name].join('.'));
      const fixed = variants.map((v, i): [string, Json] | undefined => {
        const own = Object.entries((v['properties'] ?? {}) as Record<string, Json>).find(([, p]) => Array.isArray(p['enum']) && (p['enum'] as unknown[]).length === 1);
        // A variant the description names by its selector only ("message_type: `email`"): Intercom tells them apart so.
        const named = at.length === 0 ? selectors[i] : undefined;
        return own ?? (named ? [named[0], { enum: [named[1]] }] : undefined);
      });
      const rest = sets.map((set, i) => [...set].filter((name) => !common.includes(name) && fixed[i]?.[0] !== name));
      if (fixed.some((f) => f !== undefined)) {
        // Variants told apart by a fixed value: a variant's own fields are required when its value is chosen.
        const when = new Map<string, Map<string, string[]>>();
        variants.forEach((_, i) => {
          const [selector, prop] = fixed[i] ?? [];
          if (!selector) return;
          for (const name of rest[i] ?? []) {
            const bySelector = when.get(name) ?? new Map<string, string[]>();
            bySelector.set(selector, [...(bySelector.get(selector) ?? []), String((prop?.['enum'] as unknown[])[0])]);
            when.set(name, bySelector);
          }
        });
        for (const [name, bySelector] of when) {
          const cases = [...bySelector].map(([selector, values]) => `${selector} is ${listNames(values)}`);
          state([...at, name].join('.'), `Required when ${cases.join(', or when ')}.`);
        }
      } else if (rest.every((names) => names.length === 1) && new Set(rest.map((names) => names[0])).size === rest.length) {
        const members = rest.map((names) => names[0] ?? '');
        const exclusive = variants.every((v) => v['additionalProperties'] === false && Object.keys((v['properties'] ?? {}) as Json).every((name) => !members.includes(name) || (v['required'] as string[] | undefined)?.includes(name)));
        group(at, members, exclusive);
      }
    }
  };
  walk(strict, []);
  for (const [name, prop] of Object.entries((strict['properties'] ?? {}) as Record<string, Json>)) {
    const inner = prop['type'] === 'array' && typeof prop['items'] === 'object' ? (prop['items'] as Json) : prop;
    walk(inner, [name]);
  }
  if (requireOneOf.length > 1) group([], requireOneOf);
  return { required, rules };
}

/** The selector each top-level variant of the description's request body is named by ("message_type: `email`."). */
function variantSelectors(spec: LoadedDescription, built: BuiltOperation): Array<[string, string] | undefined> {
  const body = spec.resolve(built.specOp.op['requestBody']) as Json | undefined;
  const schema = spec.resolve(((body?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema']) as Json | undefined;
  const variants = ((schema?.['anyOf'] ?? schema?.['oneOf'] ?? []) as unknown[]).map((v) => spec.resolve(v) as Json | undefined);
  return variants.map((v) => {
    const match = /^([a-z_]+): `([^`]+)`\.?$/.exec(typeof v?.['title'] === 'string' ? v['title'] : '');
    return match ? [match[1] ?? '', match[2] ?? ''] : undefined;
  });
}

/**
 * Every written text names a field that exists: a schema field of the description, or an input or output (top level
 * or one down) of an action's shipped schema. A typo would otherwise leave a text silently unused.
 */
export function checkWrittenHelp(spec: LoadedDescription, schemas: (key: string, direction: 'in' | 'out') => Json | undefined): void {
  const problems: string[] = [];
  for (const [schema, path] of writtenRecordFields()) {
    if (!schemaHasField(spec, schema, path.split('.'))) problems.push(`records.${schema}: the description has no field ${path}`);
  }
  for (const [key, direction, path] of writtenActionFields()) {
    const [top, child] = path.split('.');
    const prop = (schemas(key, direction)?.['properties'] as Properties | undefined)?.[top ?? ''];
    const inner = (prop?.['properties'] ?? (prop?.['items'] as Json | undefined)?.['properties']) as Properties | undefined;
    if (!prop || (child !== undefined && !inner?.[child])) problems.push(`actions.${key}.${direction}: no field ${path}`);
  }
  if (problems.length > 0) throw new Error(`lib/catalogue/help names fields that do not exist:\n  ${problems.join('\n  ')}`);
}

function optionalFacts(facts: FieldFacts | undefined): { facts?: FieldFacts } {
  return facts ? { facts } : {};
}

/** Titles and help on the top level and one level down of a schema; `place` tells where each field is. */
export function describeSchema(
  schema: Json,
  place: (path: string[], prop: Json) => FieldPlace,
  spec?: LoadedDescription,
  index?: HelpIndex,
  /** Fields that already have help keep it unless a text is written for this action's field (curated unions). */
  keepExisting = false,
): Json {
  const properties = schema['properties'] as Properties | undefined;
  if (!properties) return schema;
  const out: Properties = {};
  for (const [name, prop] of Object.entries(properties)) {
    const describe = (field: Json, at: string[], parentHelp?: string): Json => {
      const where = { ...place(at, field), ...(parentHelp !== undefined ? { parentHelp } : {}) };
      const kept = keepExisting && typeof field['description'] === 'string' && !writtenHelp(where.key, where.direction, at);
      return kept ? field : describeField(field, where, spec, index);
    };
    const described = describe(prop, [name]);
    const parentHelp = typeof described['description'] === 'string' ? described['description'] : undefined;
    const inner = (container: Properties): Properties =>
      Object.fromEntries(Object.entries(container).map(([child, childProp]) => [child, describe(childProp, [name, child], parentHelp)]));
    const own = described['properties'] as Properties | undefined;
    const items = described['items'] as Json | undefined;
    const itemProperties = items?.['properties'] as Properties | undefined;
    out[name] = own ? { ...described, properties: inner(own) } : items && itemProperties ? { ...described, items: { ...items, properties: inner(itemProperties) } } : described;
  }
  return { ...schema, properties: out };
}

function describeField(prop: Json, place: FieldPlace, spec: LoadedDescription | undefined, index: HelpIndex | undefined): Json {
  const text = helpText(place, spec, index);
  const name = place.path[place.path.length - 1] ?? '';
  const title = prop['title'] ?? humanTitle(name);
  return { ...prop, title, description: text };
}

/** The help of one field: its meaning (written or generated) and the facts of its value. */
/** pages.next of a list paged by number (lib/runtime/paging.ts asks for page + 1 itself). */
const PAGE_NUMBER_NEXT = 'Where the next page starts, as Intercom describes it; empty on the last page. The step does not read it: with Pages to fetch = All pages it asks for the next page number by itself.';

/** The clause of a record's attribute text that says the mapper lists the attributes (with their types). */
const MAPPER_LISTS = /(?:; the mapper lists [^.;]*\.|\s*The mapper lists [^.;]*\.)/;

export function helpText(place: FieldPlace, spec?: LoadedDescription, index?: HelpIndex): string {
  const name = place.path[place.path.length - 1] ?? '';
  const shared = place.direction === 'in' && place.paging ? pagingInputHelp[place.paging][place.path.join('.')] : undefined;
  const child = place.path[place.path.length - 1] ?? '';
  const viaParent = place.parentOwner ? { schema: place.parentOwner.schema, path: `${place.parentOwner.path}.${child}` } : undefined;
  const found = writtenHelp(place.key, place.direction, place.path, place.facts?.owner) ?? (viaParent ? writtenHelp(place.key, place.direction, place.path, viaParent) : undefined) ?? shared;
  // A record's "Always x" does not hold where the field mixes records of several kinds (a page of news items and newsfeeds).
  const values = place.prop['enum'] as unknown[] | undefined;
  const fixed = found !== undefined ? /^Always "([^"]+)"/.exec(found)?.[1] : undefined;
  const written = fixed !== undefined && values !== undefined && (values.length !== 1 || String(values[0]) !== fixed) ? undefined : found;
  let text = sentence(referenceMeaning(place) ?? written ?? meaning(place, spec, index));
  // The shared cursor_pages texts speak of a cursor; a list paged by number takes none.
  if (place.direction === 'out' && place.paging === 'page' && place.path.join('.') === 'pages.next' && /starting_after/.test(text)) text = PAGE_NUMBER_NEXT;
  // A record's text promises typed attributes; only actions whose metadata types them (customAttributes) keep it.
  if (!place.typedAttributes) text = text.replace(MAPPER_LISTS, (clause) => (clause.startsWith(';') ? '.' : '')).trim();
  if (place.direction === 'in') text = withSource(text, place, index);
  for (const rule of place.rules ?? []) if (!statesRule(text, rule, name)) text = `${text} ${rule}`;
  // A list's items: what they are with every paging choice (lib/runtime/paging.ts allItemsDocument).
  if (place.direction === 'out' && place.path.length === 1 && name === place.itemsPath) {
    // A list Intercom answers whole has no Pages to fetch: one answer holds every item.
    if (place.paging === 'whole') {
      if (!/whole list|every item/i.test(text)) text = `${text} One answer holds the whole list (Intercom does not page it); Emit = One message per item sends each as a message of its own.`;
    } else if (place.paging && !/Pages to fetch|every page/i.test(text)) text = `${text} With Pages to fetch = All pages and Emit = One message, it holds the items of every page.`;
    if (place.bareList && !/bare list/i.test(text)) text = `${text} Intercom answers with a bare list; the step puts it under data.`;
  }
  const required = place.required === true || place.prop['required'] === true;
  // A field of an update's body that is left out keeps its value; a query option's default still applies.
  const update = (place.method === 'PUT' || place.method === 'PATCH') && place.facts?.location === 'body';
  const value: ValueFacts = { direction: place.direction, prop: place.prop, name, ...(place.facts ? { facts: place.facts } : {}), ...(required ? { required } : {}), ...(update ? { update } : {}) };
  for (const fact of factSentences(text, value)) text = `${text} ${fact}`;
  // An input the run time also reads as ISO 8601 (the generator marked it x-unix-time, lib/catalogue/unixTimes.ts).
  if (place.direction === 'in' && place.prop[UNIX_TIME] === true && !/ISO 8601/.test(text)) text = `${text} An ISO 8601 date and time with a zone is taken too, e.g. 2026-05-01T09:00:00Z; one without a zone is refused.`;
  const list = place.direction === 'in' && place.path.length === 1 ? dropdownFor(place.key, name) : undefined;
  if (list && !/step field/.test(text)) text = `${text} The step field of the same name lists the workspace's ${list.noun}; a value picked there is used when this input is left empty.`;
  if (place.workspaceParam && !/left empty/.test(text)) text = `${text} Left empty, the step fills in the workspace of the credentials.`;
  return text;
}

/** Whether a text already says what a rule says: every field the rule names, and the word for its kind of rule. */
function statesRule(text: string, rule: string, own: string): boolean {
  const names = [...rule.matchAll(/\b[a-z][a-z0-9_]*\b/g)].map((m) => m[0]).filter((w) => w !== own && (w.includes('_') || !/^(give|at|least|one|of|or|it|needs|required|when|is)$/.test(w)));
  const kind = /^Required when/.test(rule) ? /required when/i : /^Required/.test(rule) ? /\brequired\b/i : /at least one|one of|give this or|give this,|either/i;
  return kind.test(text) && names.every((name) => new RegExp(`\\b${name}\\b`).test(text));
}

/**
 * A field of a bare reference to another record ({ type, id }) means what its parent names: the id of "the admin who
 * put the tag on the record", not of some record.
 */
function referenceMeaning(place: FieldPlace): string | undefined {
  if (place.facts?.owner?.schema !== 'reference' || !place.parentHelp) return undefined;
  const clause = /^([^:;.(]+)/.exec(place.parentHelp)?.[1]?.trim();
  if (!clause || !/^the /i.test(clause)) return undefined;
  const subject = `${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
  const name = place.path[place.path.length - 1];
  if (name === 'id') return `Intercom’s ID of ${subject}`;
  if (name !== 'type') return undefined;
  const kind = /^the (admin|teammate|contact|team)\b/.exec(subject)?.[1];
  return kind ? `Kind of record of ${subject}: always ${kind === "teammate" ? "admin" : kind}` : `Kind of record of ${subject}, e.g. admin, contact or team`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// ------------------------------------------------------------------------------------------- generated meaning

/** The meaning of a field without a written text, from its name, its place and the description's facts. */
function meaning(place: FieldPlace, spec: LoadedDescription | undefined, index: HelpIndex | undefined): string {
  const name = place.path[place.path.length - 1] ?? '';
  const noun = ownerNoun(place, spec);
  // A translation keyed by locale code comes first: `id` inside translated_content is Indonesian, not an id.
  return (
    localeMeaning(place, name, spec) ??
    idMeaning(place, name, noun, spec, index) ??
    kindMeaning(place, name, noun) ??
    listMeaning(place, name, spec) ??
    shapeMeaning(place, name, noun)
  );
}

/** The record a field belongs to: the description's schema around it, the parent field, or the action's resource. */
function ownerNoun(place: FieldPlace, spec?: LoadedDescription): string {
  const owner = place.facts?.owner;
  if (owner) {
    const inside = owner.path.split('.');
    const parent = inside[inside.length - 2];
    // A field of a nested object without a schema name of its own (a company's plan): the object is the owner; the
    // list inside a list object of the same name (a company's tags.tags) belongs to the record.
    if (parent !== undefined && parent !== inside[inside.length - 1] && parent !== 'data') return singular(fieldWords(parent));
    return schemaNoun(owner.schema);
  }
  if (place.path.length > 1) {
    const parent = place.path[place.path.length - 2] ?? '';
    if (parent !== 'data') return singular(fieldWords(parent));
  }
  // A top-level field of an answer without a named schema: the record the path's last id names (an office hours
  // exception deleted), else what the group is about.
  const last = place.template ? /\{([^}]+)\}$/.exec(place.template)?.[1] : undefined;
  const record = spec && place.template && last ? pathRecordNoun(spec, place.template, last) : undefined;
  return record ?? groupNoun(place.group);
}

/** "Contacts" → "contact", "Help Center" → "Help Center item": the thing an action of the group is about. */
function groupNoun(group: string): string {
  const special: Record<string, string> = {
    'Help Center': 'Help Center item',
    'IP allowlist': 'IP allowlist',
    'Knowledge Hub': 'content item',
    'AI content': 'AI content item',
    News: 'news item',
    'Office hours': 'office hours schedule',
    'Reporting export': 'reporting export',
    'Content export': 'content export',
    Switch: 'phone switch',
    'Fin agent': 'Fin conversation',
    'Email settings': 'email setting',
    'Away status reasons': 'away status reason',
  };
  return special[group] ?? singular(group.toLowerCase());
}

const INTERCOM_CUE = /given by intercom|intercom[- ]?(defined|provided|generated|assigned)|(as given|assigned|provided|generated) by intercom|\bintercom id\b|intercom['’]s (own )?(id|identifier)|intercom['’]s id/i;
const OWN_CUE = /provided by the client|\byou (have )?(defined|given|set|assigned|provided|chose|created)\b|\byour (own |external )?(id|identifier|system|database|platform|application|crm|external)|\bexternal (id|identifier|conversation id)\b|defined by you|provided by you|client[- ]defined/i;
const SERVICE_CUE = /\b(whatsapp|facebook|twitter|instagram|stripe|salesforce|shopify|zendesk|hubspot|jira|slack)['’]s\b/i;

/** Names whose record is not the name's first words. */
const ID_RECORDS: Readonly<Record<string, string>> = {
  admin_assignee_id: 'admin',
  team_assignee_id: 'team',
  assignee_id: 'admin or team',
  owner_id: 'admin',
  author_id: 'admin',
  sender_id: 'admin',
  teammate_id: 'admin',
  last_closed_by_id: 'admin',
  intercom_user_id: 'contact',
  references_contact_id: 'contact',
  user_id: 'contact',
  lead_id: 'contact',
  parent_id: 'parent',
  previous_ticket_state_id: 'ticket state',
};

/** What to say so the id of a record is not taken for another id of the same record. */
const NOT_THE_OTHER_ID: Readonly<Record<string, string>> = {
  contact: 'not your own external_id',
  company: 'not your own company_id',
  ticket: 'not the ticket number people see (ticket_id)',
};

function isPathInput(place: FieldPlace): boolean {
  const name = place.path[place.path.length - 1] ?? '';
  return place.facts?.location === 'path' || (place.method !== undefined && place.template?.includes(`{${name}}`) === true && place.path.length === 1);
}

function isLastParam(template: string, param: string): boolean {
  return template.endsWith(`{${param}}`);
}

/** The record an id's description names ("The unique identifier for the tag which is given by Intercom"), when some action lists it. */
function describedRecord(text: string, index: HelpIndex | undefined): string | undefined {
  const noun = /\b(?:identifier|id) (?:for|of) (?:the |a |an )?([a-z][a-z ]*?)(?=\s+(?:to|which|that|as|given|you|in|on|with|being)\b|[,.;]|$)/i.exec(text)?.[1]?.toLowerCase();
  return noun !== undefined && index?.listedBy.has(noun) ? noun : undefined;
}

/** The record GET on this very path answers (a named schema), if it answers one record. */
function recordAtPath(spec: LoadedDescription, template: string): string | undefined {
  const op = spec.operations.get(`GET ${template}`);
  const responses = (op?.op['responses'] ?? {}) as Record<string, unknown>;
  const ok = spec.resolve(responses['200']) as Json | undefined;
  const name = namedSchema(((ok?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema']);
  return name ? schemaNoun(name) : undefined;
}

function whoseId(name: string, text: string): 'intercom' | 'own' | 'service' | 'workspace' {
  if (name === 'app_id' || name === 'workspace_id') return 'workspace';
  if (SERVICE_CUE.test(text)) return 'service';
  if (name === 'external_id' || OWN_CUE.test(text)) return 'own';
  if (INTERCOM_CUE.test(text)) return 'intercom';
  if (name === 'user_id') return 'own';
  return 'intercom';
}

function listNames(titles: readonly string[]): string {
  if (titles.length <= 1) return titles[0] ?? '';
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1] ?? ''}`;
}

/** Where a record's Intercom id comes from: the id field of the record, and the actions that list (or create) it. */
function source(noun: string, index: HelpIndex | undefined): string {
  const lists = sourceTitles(noun, index);
  return lists.length > 0 ? `the id field of ${article(noun)} ${noun}, as ${listNames(lists)} give${lists.length === 1 ? 's' : ''} it` : `the id field of ${article(noun)} ${noun} record`;
}

/** The actions a record's id comes from: at most two that list it, else the one that creates it. */
function sourceTitles(noun: string, index: HelpIndex | undefined): string[] {
  const listed = index?.listedBy.get(noun) ?? [];
  return (listed.length > 0 ? listed : (index?.createdBy.get(noun) ?? [])).slice(0, 2);
}

/** Words that end the record's name in "Intercom's ID of the admin who owns the contact". */
const NOUN_STOP = new Set(['who', 'that', 'which', 'to', 'whose', 'where', 'when', 'in', 'on', 'for', 'with', 'from', 'as', 'at', 'by', 'it', 'its', 'of', 'the', 'is', 'was', 'you', 'your', 'Intercom', 'Fin', 'this', 'these', 'they', 'and', 'given', 'picked']);
/** Record names a text uses for a record listed under another noun. */
const NOUN_ALIASES: Readonly<Record<string, string>> = { teammate: 'admin', user: 'contact', lead: 'contact', collection: 'Help Center collection' };

/**
 * The records an Intercom id input names in its text ("Intercom's ID of the admin (teammate) who ...", "IDs of the
 * audiences Fin targets", "ID of the admin or team"), as nouns some action lists or creates; undefined when a part
 * cannot be told.
 */
function textNouns(text: string, index: HelpIndex | undefined): string[] | undefined {
  const phrase = /Intercom[’']s IDs? of (?:the |a |an |each |every |one )?([^;,.:()"]+)/.exec(text)?.[1];
  if (!phrase || !index) return undefined;
  const words = phrase.trim().split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && NOUN_STOP.has(w));
  const head = (stop < 0 ? words : words.slice(0, stop)).join(' ');
  const known = (candidate: string): string | undefined => {
    const one = singular(candidate);
    const alias = NOUN_ALIASES[one.toLowerCase()];
    if (alias && index.listedBy.has(alias)) return alias;
    return [...index.listedBy.keys(), ...index.createdBy.keys()].find((k) => k.toLowerCase() === one.toLowerCase());
  };
  const resolve = (part: string): string | undefined => {
    const partWords = part.split(' ');
    // The longest run of words that names a record, then the record the last words name ("snoozed conversation").
    for (let end = partWords.length; end > 0; end--) {
      const found = known(partWords.slice(0, end).join(' '));
      if (found) return found;
    }
    for (let start = 1; start < partWords.length; start++) {
      const found = known(partWords.slice(start).join(' '));
      if (found) return found;
    }
    return undefined;
  };
  const parts = head.split(' or ').map(resolve);
  const resolved = parts.filter((p): p is string => p !== undefined);
  if (parts.length > 1 && resolved.length === parts.length) return [...new Set(resolved)];
  const whole = resolve(head);
  return whole ? [whole] : undefined;
}

/** Whether a text names an action or trigger by its title (or the standard Lookup actions). */
function namesAnAction(text: string, index: HelpIndex | undefined): boolean {
  return /\bLookup Objects?\b/.test(text) || (index?.titles ?? []).some((title) => text.includes(title));
}

/**
 * An input holding Intercom's id of a record says where to get it: the actions that list the record (or the one that
 * creates it, when none lists it), unless its text already names one.
 */
function withSource(text: string, place: FieldPlace, index: HelpIndex | undefined): string {
  if (namesAnAction(text, index)) return text;
  const name = place.path[place.path.length - 1] ?? '';
  const givers = isPathInput(place) ? (index?.givenBy.get(`${place.group}|${name}`) ?? []) : [];
  if (givers.length > 0) return `${text} ${listNames(givers)} give${givers.length === 1 ? 's' : ''} it (its ${name}).`;
  if (!/Intercom[’']s IDs? of/.test(text)) return text;
  const nouns = textNouns(text, index);
  if (!nouns) return text;
  const listed = nouns.every((noun) => (index?.listedBy.get(noun) ?? []).length > 0);
  // The action that creates a record is its source only for the record a path names (an export job to read).
  if (!listed && !isPathInput(place)) return text;
  const titles = [...new Set(nouns.flatMap((noun) => sourceTitles(noun, index)))];
  if (titles.length === 0) return text;
  const them = /Intercom[’']s IDs of/.test(text) ? 'them' : 'it';
  return listed ? `${text} Find ${them} with ${listNames(titles)}.` : `${text} ${listNames(titles)} give${titles.length === 1 ? 's' : ''} ${them}.`;
}

function idMeaning(place: FieldPlace, name: string, owner: string, spec: LoadedDescription | undefined, index: HelpIndex | undefined): string | undefined {
  const many = /(^|_)ids$/.test(name);
  if (/_identifier$/.test(name) && (place.direction === 'out' ? place.path.length === 1 : isPathInput(place))) return identifierMeaning(place, name, index);
  if (!many && !/(^|_)id$/.test(name)) return undefined;
  const text = (place.facts?.texts ?? []).join(' ');
  const whose = whoseId(name, text);
  const isPath = isPathInput(place);
  let noun: string;
  // A path id named after a record some action lists (contact_id in /conversations/{id}/customers/{contact_id}) is
  // that record; a bare id, or a name such as source_id, takes the record the path leads to.
  const named = name !== 'id' && name !== 'ids' ? (ID_RECORDS[name] ?? singular(fieldWords(name.replace(/_ids?$/, '')))) : undefined;
  const listed = named !== undefined && index?.listedBy.has(named) ? named : undefined;
  // An input's bare id names its record in the description's words ("the identifier of the tag to apply").
  const described = place.direction === 'in' && (name === 'id' || name === 'ids') ? describedRecord(text, index) : undefined;
  if (isPath && spec && place.template) noun = listed ?? described ?? pathRecordNoun(spec, place.template, name) ?? owner;
  else if (name === 'id' || name === 'ids' || name === 'external_id') noun = described ?? owner;
  else noun = ID_RECORDS[name] ?? singular(fieldWords(name.replace(/_ids?$/, '')));

  if (whose === 'workspace') return `Code of the Intercom workspace (app), e.g. ecahpwf5`;
  if (whose === 'service') {
    const service = SERVICE_CUE.exec(text)?.[1] ?? 'the other service';
    return `${service.charAt(0).toUpperCase()}${service.slice(1)}'s own ID of the ${noun} (not an Intercom id)`;
  }
  if (whose === 'own') {
    const subject = noun;
    if (name === 'company_id') return `Your own ID of the company (its company_id, from your system), not Intercom's id of it`;
    if (name === 'user_id') return `Your own ID of the ${subject} (its external_id in Intercom), not Intercom's id`;
    return `Your own ID of the ${subject} (from your system), not an Intercom id`;
  }
  const itemType = place.facts?.itemTypes?.[0] ?? ((place.prop['items'] as Json | undefined)?.['type'] as string | undefined);
  if (many) {
    const example = itemType === 'integer' || itemType === 'number' ? '[123, 456]' : '["123", "456"]';
    return `Intercom's IDs of the ${plural(noun)}, as a list (each ${source(noun, index)}), e.g. ${example}`;
  }
  const other = NOT_THE_OTHER_ID[noun];
  if (place.direction === 'out') {
    const takers = place.path.length === 1 || place.path[0] === 'data' ? index?.takenBy.get(noun) : undefined;
    if ((name === 'id' && place.facts?.owner?.path === 'id') && takers && takers.length > 0) {
      const inputs = [...new Set(takers.map((t) => t.input))];
      return `Intercom's ID of the ${noun}; ${listNames(takers.slice(0, 3).map((t) => t.title))} take it as ${inputs.join(' or ')}`;
    }
    return `Intercom's ID of the ${noun}`;
  }
  if (isPath && place.method && place.template) {
    // "to fetch/update/delete" only where the path is the record itself; in /contacts/{id}/tags/{tag_id} it is not.
    const single = (place.template.match(/\{/g) ?? []).length === 1 && isLastParam(place.template, name);
    // /fin_voice/conversation/{conversation_id} lists calls: only a path that is the record itself is fetched.
    const itself = single && (spec ? recordAtPath(spec, place.template) === noun : true);
    const verb = itself ? ({ GET: ' to fetch', PUT: ' to update', PATCH: ' to update', DELETE: ' to delete' }[place.method] ?? '') : actionVerb(place.method, place.template, name);
    return `Intercom's ID of the ${noun}${verb}: ${source(noun, index)}${other ? `; ${other}` : ''}`;
  }
  return `Intercom's ID of the ${noun} (${source(noun, index)})${other ? `; ${other}` : ''}`;
}

/** What an action named by the path's last word does to the record its id names (/conversations/{id}/merge). */
const ACTION_VERBS: Readonly<Record<string, string>> = {
  'POST archive': ' to archive',
  'POST unarchive': ' to unarchive',
  'POST block': ' to block',
  'POST merge': ' to merge away (it is closed and linked into the other one)',
  'POST convert': ' to convert into a ticket',
  'POST change_type': ' whose ticket type to change',
  'POST reply': ' to reply to',
  'PUT away': ' to set away or back',
  'GET draft': ' whose unpublished draft to fetch',
  'PUT draft': ' whose draft to stage',
};

function actionVerb(method: string, template: string, param: string): string {
  const segment = new RegExp(`\\{${param}\\}/([a-z_]+)$`).exec(template)?.[1];
  return segment ? (ACTION_VERBS[`${method} ${segment}`] ?? '') : '';
}

/** A path input naming what an action of the group started (an export job): the action that gives it. */
function identifierMeaning(place: FieldPlace, name: string, index: HelpIndex | undefined): string {
  const thing = fieldWords(name.replace(/_identifier$/, ''));
  const group = groupNoun(place.group);
  const record = group.endsWith(thing) ? group : `${group} ${thing}`;
  if (place.direction === 'out') {
    const takers = index?.identifierTakers.get(`${place.group}|${name}`) ?? [];
    return `Intercom's ID of the ${record}${takers.length > 0 ? `; ${listNames(takers)} take it as ${name}` : ''}`;
  }
  const givers = index?.givenBy.get(`${place.group}|${name}`) ?? [];
  const from = givers.length > 0 ? `, as ${listNames(givers)} give${givers.length === 1 ? 's' : ''} it` : '';
  // A download needs the finished job: the group's status action tells when it is.
  const status = place.template?.startsWith('/download/') ? (index?.identifierTakers.get(`${place.group}|${name}`) ?? []).find((title) => /status/i.test(title)) : undefined;
  const finished = status ? `. The job must be completed first: ${status} tells when it is` : '';
  return `Intercom's ID of the ${record} (its ${name})${from}${finished}`;
}

/** `type`: the kind of object, one fixed value or a choice. */
function kindMeaning(place: FieldPlace, name: string, noun: string): string | undefined {
  if (name !== 'type' && name !== 'object') return undefined;
  const values = (place.prop['enum'] as unknown[] | undefined) ?? [];
  const text = (place.facts?.texts ?? []).join(' ');
  const stated = /(?:always(?: has the value)?|value is)\s*[`"']([a-z0-9_.]+)[`"']/i.exec(text)?.[1];
  const fixed = values.length === 1 ? String(values[0]) : values.length === 0 ? stated : undefined;
  if (fixed) return `Always "${fixed}": marks this object as ${article(fixed)} ${fixed.replace(/[_.]/g, ' ')}`;
  const example = place.facts?.example;
  if (name === 'object' && typeof example === 'string') return `Kind of record the answer is about, e.g. "${example}"`;
  if (place.direction === 'out' && values.length === 0) return `Kind of object this ${noun} is, as a lower-case name`;
  if (place.direction === 'out' && values.length > 1) return `Kind of object this is; the allowed values name the kinds it can be`;
  return undefined;
}

/** Fields of a list answer: its items, their count, paging. */
function listMeaning(place: FieldPlace, name: string, spec: LoadedDescription | undefined): string | undefined {
  if (place.direction !== 'out') return undefined;
  const owner = place.facts?.owner;
  const items = owner && spec && owner.path === name ? listItemNoun(spec, owner.schema) : place.facts?.itemSchema && name === 'data' ? schemaNoun(place.facts.itemSchema) : undefined;
  if (!items) return undefined;
  switch (name) {
    case 'data': {
      if (place.paging) return `The ${plural(items)} found, one object each`;
      const last = place.template ? /\{([^}]+)\}$/.exec(place.template)?.[1] : undefined;
      const scope = spec && place.template && last ? pathRecordNoun(spec, place.template, last) : undefined;
      return scope ? `Every ${items} of the ${scope} given, one object each` : `The ${plural(items)}, one object each; Intercom sends the whole list in one answer`;
    }
    case 'total_count':
      return `How many ${plural(items)} there are in all, over every page`;
    case 'has_more':
      return `True when there are more ${plural(items)} than this answer holds`;
    case 'pages':
      // Lists paged by number (lib/runtime/paging.ts) ask for the next number themselves; cursor lists follow next.
      return place.paging === 'page'
        ? `Paging information: this page's number and size and the number of pages; with Pages to fetch = All pages the step asks for each next page number by itself`
        : `Paging information: this page's number and size, the number of pages, and where the next page of ${plural(items)} starts (the step follows it when Pages to fetch is All pages)`;
    default:
      return undefined;
  }
}

/** The noun of the items a list schema holds in its `data` (or only) array. */
function listItemNoun(spec: LoadedDescription, schema: string): string | undefined {
  const node = spec.resolve({ $ref: `#/components/schemas/${schema}` }) as Json | undefined;
  const properties = (node?.['properties'] ?? {}) as Record<string, Json>;
  const arrays = Object.values(properties).filter((p) => p['type'] === 'array');
  const data = properties['data'] ?? (arrays.length === 1 ? arrays[0] : undefined);
  const items = data?.['items'];
  return isRef(items) && items.$ref.startsWith('#/components/schemas/') ? schemaNoun(items.$ref.slice('#/components/schemas/'.length)) : undefined;
}

/** A translation keyed by locale code: the article or collection in that language. */
function localeMeaning(place: FieldPlace, name: string, spec?: LoadedDescription): string | undefined {
  const owner = place.facts?.owner?.schema ?? '';
  if (!/translated_content$/.test(owner) && !(place.path.length > 1 && place.path[place.path.length - 2] === 'translated_content')) return undefined;
  const language = localeName(name);
  if (!language) return undefined;
  const what = /group/.test(owner) ? 'collection' : 'article';
  // The fields of one language: the mapper's, or the description's when the mapper's budget cut them.
  const described = spec && place.facts?.schema ? (spec.resolve({ $ref: `#/components/schemas/${place.facts.schema}` }) as Json | undefined)?.['properties'] : undefined;
  // An input names what can be written: not the times, the address and the flags Intercom keeps.
  const kept = (f: string): boolean => f !== 'type' && (place.direction === 'out' || !/(_at$|^url$|^has_)/.test(f));
  const fields = Object.keys((place.prop['properties'] ?? described ?? {}) as Json).filter(kept);
  const list = fields.length > 0 ? `: ${fieldList(fields)}` : '';
  if (place.direction === 'in') return `The ${what}'s texts in ${language} (locale ${name})${list}; give them only for ${article(language)} ${language} version`;
  return `The ${what} in ${language} (locale ${name})${list}; empty when it has no ${language} version`;
}

function fieldList(fields: readonly string[]): string {
  const shown = fields.slice(0, 6).map((f) => fieldWords(f));
  const rest = fields.length > 6 ? ` and ${fields.length - 6} more` : '';
  return `${shown.join(', ')}${rest}`;
}

/** Everything else: what the name says, of which record, in the words its kind of value takes. */
function shapeMeaning(place: FieldPlace, name: string, noun: string): string {
  const words = fieldWords(name);
  const value: ValueFacts = { direction: place.direction, prop: place.prop, name, ...(place.facts ? { facts: place.facts } : {}) };
  const type = place.facts?.types[0] ?? (place.prop['type'] as string | undefined);
  const of = `the ${noun}`;
  const format = place.facts?.format ?? place.prop['format'];
  const isTime = isUnixTime(value) || (type === 'string' && (format === 'date-time' || format === 'date' || /_at$/.test(name)));
  if (isTime) {
    if (name === 'created_at') return `The moment ${of} was created in Intercom`;
    if (name === 'updated_at') return `The moment ${of} last changed`;
    if (name === 'deleted_at') return `The moment ${of} was deleted`;
    const bound = /^(.+?)(?:_at)?_(after|before|since|until)$/.exec(name);
    if (bound && place.direction === 'in') return `Only ${plural(noun)} ${fieldWords(bound[1] ?? '')} ${bound[2] ?? ''} this moment`;
    return /time$/.test(words) ? `${capital(words)} of ${of}` : `${capital(words.replace(/ at$/, ''))} time of ${of}`;
  }
  // Paging information that is not a named schema of its own reads the same in every list.
  if (place.path.length > 1 && place.path[place.path.length - 2] === 'pages') {
    const paging: Record<string, string> = {
      next: 'Where the next page starts; empty on the last page. The step follows it when Pages to fetch is All pages',
      page: 'Number of this page, counted from 1',
      per_page: 'How many items one page holds',
      total_pages: 'How many pages there are in all',
      type: 'Always "pages": marks the paging information',
    };
    const text = paging[name];
    if (text) return text;
  }
  if (type === 'boolean' && name === 'deleted' && place.direction === 'out') return `True: Intercom deleted ${of}`;
  if (type === 'boolean') {
    const match = /^(is|has|can|should|was|allow)_(.+)$/.exec(name);
    if (match) return `True when ${of} ${match[1] === 'is' ? 'is' : match[1] === 'has' ? 'has' : match[1]} ${fieldWords(match[2] ?? '')}`;
    if (/(_enabled|_turned_on|^enabled)$/.test(name)) return `True when ${fieldWords(name.replace(/_?(enabled|turned_on)$/, '')) || 'it'} is turned on for ${of}`.replace('when  is', 'when it is');
    return `${capital(words)}: true or false, for ${of}`;
  }
  if (/(^|_)count$/.test(name) && (type === 'integer' || type === 'number')) {
    const counted = words.replace(/ ?count$/, '').replace(/^count ?/, '');
    const things = counted.split(' ').map((w, i, all) => (i === all.length - 1 ? plural(w) : w)).join(' ');
    return counted === '' || counted === 'total' ? `How many items ${of} holds` : `How many ${things} ${of} has`;
  }
  if (/(^|_)url$/.test(name)) return name === 'url' ? `Web address (URL) of ${of}` : `Web address (URL) of ${of}'s ${words.replace(/ URL$/, '')}`;
  if (name === 'name') return `Name of ${of}, as shown in Intercom`;
  if (/(^|_)email$/.test(name)) return `Email address of ${of}${name === 'email' ? '' : ` (${words})`}`;
  if (type === 'array') {
    const items = (place.prop['items'] ?? {}) as Json;
    const fields = Object.keys(items['properties'] ?? {});
    if (fields.length > 0) return `${capital(words)} of ${of}: a list, each with ${fieldList(fields)}`;
    const itemType = place.facts?.itemTypes?.[0] ?? (items['type'] as string | undefined);
    const kind = itemType === 'integer' ? 'whole numbers' : itemType === 'number' ? 'numbers' : itemType === 'string' ? 'texts' : itemType === 'boolean' ? 'true/false values' : 'values';
    return `${capital(words)} of ${of}, as a list of ${kind}`;
  }
  const fields = Object.keys(place.prop['properties'] ?? {});
  if (type === 'object' || fields.length > 0) {
    return fields.length > 0 ? `${capital(words)} of ${of}: ${fieldList(fields)}` : `${capital(words)} of ${of}, as name → value pairs`;
  }
  // With allowed values the list says it all (an example of the description may even be outside it).
  const example = place.prop['enum'] ? undefined : shortExample(place.facts?.example);
  const kind = type === 'string' ? ' (text)' : '';
  return `${capital(words)} of ${of}${example ? `, e.g. ${example}` : kind}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An example value of the description worth showing: a short token, never a sentence. */
function shortExample(example: unknown): string | undefined {
  if (typeof example === 'number' || typeof example === 'boolean') return String(example);
  if (typeof example !== 'string') return undefined;
  return /^[\w@.:/+-]{1,30}$/.test(example) || /^[\w-]+( [\w-]+){0,2}$/.test(example) ? example : undefined;
}
