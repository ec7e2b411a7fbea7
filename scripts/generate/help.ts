import { writtenHelp } from '../../lib/catalogue/help/index';
import { dropdownFor } from '../../lib/catalogue/dropdowns';
import { UNIX_TIME } from '../../lib/catalogue/unixTimes';
import type { BuiltOperation } from './operations';
import { hasFixedSpelling, humanTitle } from './titles';
import type { Json } from './description';

/**
 * The help pass: runs on the pruned schemas of every generated action and
 * - gives every property a title as a person writes it (IDs, HTML, JSON, iOS, URL ...), at every depth;
 * - gives every field of the top level and one level down (object properties and array item properties) a help
 *   text of its own: hand-written (lib/catalogue/help/) where there is one, else made from the schema's facts
 *   (type, unit, allowed values, shape, what an id points to).
 *
 * The text goes into the property's `description`, the one place elastic.io documents for a metadata property's
 * help (a `help` object is for the component, its credentials and its functions) and the JSON Schema keyword every
 * other consumer reads; one place, so the mapper shows it once. Titles stay short: the text is not folded into them.
 */
export function withHelp(built: BuiltOperation): BuiltOperation {
  const noun = resourceNoun(built.group);
  return {
    ...built,
    inSchema: describeTop(built.inSchema, { group: built.group, pickKey: built.key }, noun),
    outSchema: describeTop(built.outSchema, { group: built.group }, noun),
  };
}


type Properties = Record<string, Json>;

/** Where a field sits: its action's resource group and, for inputs, the action whose dropdowns apply. */
interface Place {
  group: string;
  pickKey?: string;
}

function describeTop(schema: Json, place: Place, noun: string): Json {
  const properties = schema['properties'] as Properties | undefined;
  if (!properties) return schema;
  const out: Properties = {};
  for (const [name, prop] of Object.entries(properties)) {
    const described = describeField(prop, name, place, undefined, noun);
    out[name] = describeChildren(described, name, place.group);
  }
  return { ...schema, properties: out };
}

/** One level down: the properties of an object field, or of the objects of an array field. */
function describeChildren(field: Json, parent: string, group: string): Json {
  const container = parentIsRecordList(parent, group) ? undefined : parent;
  const noun = container ? humanTitle(parent).toLowerCase() : resourceNoun(group);
  const describeAll = (properties: Properties): Properties =>
    Object.fromEntries(Object.entries(properties).map(([name, prop]) => [name, describeField(prop, name, { group }, container, noun)]));
  const properties = field['properties'] as Properties | undefined;
  if (properties) return { ...field, properties: describeAll(properties) };
  const items = field['items'] as Json | undefined;
  const itemProperties = items?.['properties'] as Properties | undefined;
  if (items && itemProperties) return { ...field, items: { ...items, properties: describeAll(itemProperties) } };
  return field;
}

/** `data` of a list, or `conversations` of a conversation list: its items are the records themselves. */
function parentIsRecordList(parent: string, group: string): boolean {
  return parent === 'data' || parent === group.toLowerCase().replace(/\s+/g, '_');
}

function describeField(prop: Json, name: string, place: Place, parent: string | undefined, noun: string): Json {
  const text = helpText(prop, name, place, parent, noun);
  const title = prop['title'] ?? humanTitle(name);
  return { ...prop, title, description: text };
}


export function helpText(prop: Json, name: string, place: Place, parent: string | undefined, noun: string): string {
  const list = place.pickKey && !parent ? dropdownFor(place.pickKey, name) : undefined;
  const written = writtenHelp(place.group, parent, name) ?? (list ? `ID of one of the workspace's ${list.noun}.` : undefined);
  let text = written ?? factText(prop, name, noun);
  if (isUnixTime(prop, name) && !/Unix time/.test(text)) text = `${text} Unix time in seconds (UTC), e.g. 1717171717.`;
  if (prop[UNIX_TIME] === true && !/ISO 8601/.test(text)) text = `${text} ISO 8601 with a zone is taken too, e.g. 2026-05-01T09:00:00Z.`;
  const values = allowedValues(prop);
  if (values && !values.every((v) => text.includes(v))) text = `${text} Allowed values: ${values.join(', ')}.`;
  if (list && !/step field/.test(text)) text = `${text} The step field of the same name lists the ${list.noun}; a value picked there is used when this input is left empty.`;
  return text;
}

function isUnixTime(prop: Json, name: string): boolean {
  const type = prop['type'];
  const numeric = type === 'number' || type === 'integer';
  return numeric && /(_at|_at_after|_at_before|_until|_since|_after|_before)$/.test(name);
}

function allowedValues(prop: Json): string[] | undefined {
  const values = (prop['enum'] ?? (prop['items'] as Json | undefined)?.['enum']) as unknown[] | undefined;
  if (!Array.isArray(values) || values.length === 0 || values.length > 25) return undefined;
  return values.filter((v) => v !== null).map(String);
}

/** Generated from the schema's facts: what the value is, its unit and its shape. */
function factText(prop: Json, name: string, noun: string): string {
  const words = humanTitle(name);
  // "UTM term" stays as written inside a sentence; "Body Markdown" becomes "body Markdown".
  const first = name.split(/[_\s.-]+/)[0]?.toLowerCase() ?? '';
  const lower = hasFixedSpelling(first) ? words : words.charAt(0).toLowerCase() + words.slice(1);
  const values = allowedValues(prop);
  const type = prop['type'] ?? (values ? 'string' : undefined);
  if (/(^|_)ids$/.test(name)) return `IDs of the ${lower.replace(/ IDs$/, '')} records, as a list, e.g. ["123", "456"].`;
  if (/(^|_)id$/.test(name)) {
    const thing = lower.replace(/ ID$/, '').replace(/^ID$/, noun);
    return `Intercom's ID of the ${thing}${thing === noun ? '' : ` (of the ${noun})`}; map it from an earlier step.`;
  }
  if (isUnixTime(prop, name)) return `${words} (${noun}): a moment as Unix time in seconds (UTC), e.g. 1717171717.`;
  if (type === 'boolean') return `True or false: ${lower} (${noun}).`;
  if (type === 'number' || type === 'integer') return `Number: ${lower} of the ${noun}.`;
  if (type === 'string') {
    if (/(^|_)url$/.test(name)) return `Web address (URL): ${lower.replace(/ URL$/, '')} of the ${noun}.`;
    if (/(^|_)email$/.test(name)) return `Email address: ${lower} of the ${noun}.`;
    return `Text: ${lower} of the ${noun}.`;
  }
  if (type === 'array') {
    const items = (prop['items'] ?? {}) as Json;
    const fields = Object.keys(items['properties'] ?? {});
    if (fields.length > 0) return `List of ${lower} of the ${noun}, each an object with ${listNames(fields)}.`;
    const itemType = typeof items['type'] === 'string' ? ` (${items['type']} values)` : '';
    return `List of ${lower} of the ${noun}${itemType}.`;
  }
  if (type === undefined && /_at$/.test(name)) return `${words} (${noun}): the date and time it happened.`;
  const fields = Object.keys(prop['properties'] ?? {});
  if (fields.length > 0) return `${words} of the ${noun}: an object with ${listNames(fields)}.`;
  return `${words} of the ${noun}, as a JSON object of name → value pairs.`;
}

function listNames(fields: string[]): string {
  const shown = fields.slice(0, 6).join(', ');
  return fields.length > 6 ? `${shown} and ${fields.length - 6} more` : shown;
}

/** "Contacts" → "contact", "Help Center" → "Help Center item": the thing an action of the group is about. */
function resourceNoun(group: string): string {
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
  return special[group] ?? group.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}
