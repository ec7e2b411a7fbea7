import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOperations } from '../../lib/catalogue/index';
import { objectType, objectTypeChoices, type ObjectVerb } from '../../lib/catalogue/objectTypes';
import { CONDITION_ALIASES, SEARCH_MODELS, SEARCH_OPERATORS, type SearchFieldType, type SearchModelName } from '../../lib/catalogue/searchFields';
import { termCall } from '../../lib/objects/lookupObjects';
import { termModel } from '../../lib/objects/termModel';
import { InputValidationError } from '../../lib/runtime/errors';
import { conditionOperator, type SearchTerm } from '../../lib/search/terms';
import { withTermsAsQuery } from '../../lib/search/termsAsQuery';
import { pagingInputHelp } from '../../lib/catalogue/help/shared';
import { objectMetaModel } from '../../lib/objects/metaModel';
import { loadDescription, descriptionPath } from '../../scripts/generate/description';

/**
 * The mapper tells the truth: every field of every shipped schema (the generated and hand-written actions and
 * triggers, and the standard object actions' metadata for each object type) and every step field carries help of
 * its own; allowed values, formats, limits and whole numbers the validation checks are stated; path ids Intercom
 * gives are called Intercom's; no input speaks of what Intercom returns; titles fit. Reads the shipped files (and
 * the metadata the object actions give), and Intercom's description for what it says about path ids.
 */

const ROOT = join(__dirname, '..', '..');
type Schema = Record<string, unknown>;
const readJson = (path: string): Schema => JSON.parse(readFileSync(path, 'utf8')) as Schema;
const schemaFile = (key: string, direction: 'in' | 'out' | 'in.strict'): Schema | undefined => {
  const path = join(ROOT, 'schemas', `${key}.${direction}.json`);
  return existsSync(path) ? readJson(path) : undefined;
};
const manifest = readJson(join(ROOT, 'component.json')) as { actions: Record<string, Schema>; triggers: Record<string, Schema>; credentials: { fields: Record<string, Schema> } };
const generatedKeys = allOperations().map(([key]) => key);

interface Field {
  where: string;
  key: string;
  direction: 'in' | 'out';
  path: string[];
  schema: Schema;
}

/** The top-level fields and the fields one level down (object properties, or properties of array items). */
function fieldsOf(key: string, direction: 'in' | 'out', schema: Schema | undefined): Field[] {
  const out: Field[] = [];
  for (const [name, prop] of Object.entries((schema?.['properties'] ?? {}) as Record<string, Schema>)) {
    out.push({ where: `${key}.${direction} ${name}`, key, direction, path: [name], schema: prop });
    const inner = (prop['properties'] ?? (prop['items'] as Schema | undefined)?.['properties'] ?? {}) as Record<string, Schema>;
    for (const [child, childSchema] of Object.entries(inner)) out.push({ where: `${key}.${direction} ${name}.${child}`, key, direction, path: [name, child], schema: childSchema });
  }
  return out;
}

/** Every shipped schema file's fields. */
const shippedKeys = [...new Set(readdirSync(join(ROOT, 'schemas')).filter((f) => !f.includes('.strict.')).map((f) => f.replace(/\.(in|out)\.json$/, '')))];
const staticFields = shippedKeys.flatMap((key) => [...fieldsOf(key, 'in', schemaFile(key, 'in')), ...fieldsOf(key, 'out', schemaFile(key, 'out'))]);
const generatedFields = generatedKeys.flatMap((key) => [...fieldsOf(key, 'in', schemaFile(key, 'in')), ...fieldsOf(key, 'out', schemaFile(key, 'out'))]);

const VERBS: Record<string, ObjectVerb> = { lookupObject: 'lookup', lookupObjects: 'lookupMany', upsertObject: 'upsert', deleteObject: 'delete' };
const silent = { info: (): void => undefined, warn: (): void => undefined, debug: (): void => undefined, error: (): void => undefined };

/** The standard object actions' metadata, for each object type they offer (no workspace: no custom attributes). */
async function objectFields(): Promise<Field[]> {
  const out: Field[] = [];
  for (const [key, verb] of Object.entries(VERBS)) {
    for (const type of Object.keys(objectTypeChoices(verb))) {
      for (const outputMethod of ['emitAll', 'emitIndividually']) {
        const meta = await objectMetaModel(key, verb).call({ logger: silent }, { objectType: type, termNumber: '2', outputMethod });
        out.push(...fieldsOf(`${key}[${type}]`, 'in', meta.in), ...fieldsOf(`${key}[${type}]`, 'out', meta.out));
      }
    }
  }
  return out;
}

const helpOf = (schema: Schema): string => (typeof schema['description'] === 'string' ? schema['description'] : '');

/** Every title at every depth of a schema. */
function titles(node: unknown, found: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return found;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'title' && typeof v === 'string') found.push(v);
    else titles(v, found);
  }
  return found;
}

/** Mechanical spellings (a word as a name splitter leaves it), written out by hand. */
const MECHANICAL = [/\bIDS\b/, /\bIds\b/, /\bId\b/, /\bHtml\b/, /\bJson\b/, /\bOs\b/, /\bIos\b/, /\bios\b/, /\bUrl\b/, /\bUrls\b/, /\bCsv\b/, /\bApi\b/,
  /\bUtc\b/, /\bIp\b/, /\bSla\b/, /\bSms\b/, /\bSdk\b/, /\bUuid\b/, /\bAi\b/, /\bandroid\b/, /\bWhatsapp\b/, /\bHttp\b/, /\bPdf\b/, /_/];

/** The values an "Allowed values: a, b, c." statement lists. */
function statedValues(help: string): string[] | undefined {
  const match = /Allowed values(?: of each item)?: (.*?)\.(?: |$)/.exec(help);
  return match?.[1]?.split(', ');
}

describe('contract: the mapper tells the truth', function () {
  this.timeout(60_000);
  let allFields: Field[] = [];
  before(async () => {
    allFields = [...staticFields, ...(await objectFields())];
  });

  it('every field of every shipped schema (top level and one level down) has help of at least 20 characters', () => {
    assert.ok(allFields.length > 7000, `only ${allFields.length} fields found`);
    const short = allFields.filter((field) => helpOf(field.schema).length < 20).map((field) => `${field.where}: "${helpOf(field.schema)}"`);
    assert.deepEqual(short.slice(0, 20), [], `${short.length} fields without help`);
  });

  it('every step field and credential field has a note of at least 20 characters', () => {
    const entries = [...Object.entries(manifest.actions), ...Object.entries(manifest.triggers)];
    const fields = [
      ...entries.flatMap(([key, entry]) => Object.entries((entry['fields'] ?? {}) as Record<string, Schema>).map(([name, field]) => [`${key}.${name}`, field] as const)),
      ...Object.entries(manifest.credentials.fields).map(([name, field]) => [`credentials.${name}`, field] as const),
    ];
    assert.ok(fields.length > 100);
    const short = fields.filter(([, field]) => typeof field['note'] !== 'string' || field['note'].length < 20).map(([where]) => where);
    assert.deepEqual(short, []);
  });

  it('the help is in one place, description: no property carries a help object (the mapper would show it twice)', () => {
    const withHelpObject: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as Schema)['properties'];
      if (typeof properties === 'object' && properties !== null) {
        for (const [name, child] of Object.entries(properties as Record<string, Schema>)) {
          if (typeof child['help'] === 'object') withHelpObject.push(`${where} ${name}`);
          walk(child, `${where} ${name}`);
        }
      }
      const items = (node as Schema)['items'];
      if (items) walk(items, `${where}[]`);
    };
    for (const key of shippedKeys) for (const direction of ['in', 'out'] as const) walk(schemaFile(key, direction), `${key}.${direction}`);
    assert.deepEqual(withHelpObject.slice(0, 10), []);
  });

  it('an "Allowed values" statement lists exactly the field\'s allowed values', () => {
    const stated = allFields.filter((field) => statedValues(helpOf(field.schema)) !== undefined);
    assert.ok(stated.length > 100, `only ${stated.length} statements`);
    const wrong = stated.filter((field) => {
      const values = (field.schema['enum'] ?? (field.schema['items'] as Schema | undefined)?.['enum']) as unknown[] | undefined;
      return JSON.stringify(statedValues(helpOf(field.schema))) !== JSON.stringify(values?.map(String));
    });
    assert.deepEqual(wrong.map((field) => field.where).slice(0, 10), []);
  });

  it('no help names a value outside the allowed values as one of them', () => {
    // A value is written as a machine name (with an underscore); in a field with allowed values, each such name
    // the help mentions must be one of them ("priority or not_priority" beside none, low, medium ... is not).
    const wrong: string[] = [];
    for (const field of allFields) {
      const values = ((field.schema['enum'] ?? (field.schema['items'] as Schema | undefined)?.['enum']) as unknown[] | undefined)?.map(String);
      if (!values) continue;
      const meaning = helpOf(field.schema).split(/Allowed values|Always "/)[0] ?? '';
      const names = [...meaning.matchAll(/\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\b/g)].map((m) => m[0]);
      // Names of the action's fields, and the values of its other fields (a condition's help names the fields a term can compare).
      const fieldNames = new Set(allFields.filter((f) => f.key === field.key).flatMap((f) => [...f.path, ...(f === field ? [] : ((f.schema['enum'] as unknown[] | undefined) ?? []).map(String))]));
      for (const name of names) if (!values.includes(name) && !fieldNames.has(name)) wrong.push(`${field.where}: ${name}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it("every field of a generated action with the description's allowed values states them", () => {
    const missing = generatedFields.filter((field) => {
      const values = field.schema['enum'] as unknown[] | undefined;
      if (!values || field.path.some((name) => /^(searchTerm|criteriaLink)\d+$/.test(name))) return false;
      const help = helpOf(field.schema);
      return values.length === 1 ? !help.includes(`"${String(values[0])}"`) : statedValues(help) === undefined;
    });
    assert.deepEqual(missing.map((field) => field.where).slice(0, 10), []);
  });

  it('no input speaks of what Intercom returns', () => {
    const inputs = allFields.filter((field) => field.direction === 'in');
    const wrong = inputs.filter((field) => /Intercom returns|returns here|returned by Intercom|as Intercom reports it/i.test(helpOf(field.schema)));
    assert.deepEqual(wrong.map((field) => `${field.where}: ${helpOf(field.schema)}`).slice(0, 10), []);
  });

  it("every path id the description calls Intercom's own says it is Intercom's, never yours or the ticket number", function () {
    const path = descriptionPath();
    if (!existsSync(path)) this.skip();
    const spec = loadDescription(path);
    let checked = 0;
    const wrong: string[] = [];
    for (const [key, decl] of allOperations()) {
      const op = spec.operations.get(decl.op);
      for (const param of op?.parameters ?? []) {
        if (param['in'] !== 'path' || typeof param['description'] !== 'string') continue;
        if (!/given by Intercom|Intercom[- ](defined|provided|generated)|as given by Intercom/i.test(param['description'])) continue;
        checked++;
        const help = helpOf(((schemaFile(key, 'in')?.['properties'] ?? {}) as Record<string, Schema>)[String(param['name'])] ?? {});
        // "not your own external_id" and "not the ticket number" are right: only a claim that it is yours is wrong.
        const claims = help.replace(/\bnot (your own|the ticket number)[^;.]*/gi, '');
        if (!/^Intercom[’']s ID/.test(help) || /your own|ticket number/i.test(claims)) wrong.push(`${key} ${String(param['name'])}: ${help}`);
      }
    }
    assert.ok(checked > 60, `only ${checked} path ids checked`);
    assert.deepEqual(wrong, []);
  });

  it('every date or date-time input carries its format and an example date', () => {
    const dated = generatedKeys.flatMap((key) => {
      const strict = schemaFile(key, 'in.strict');
      const mapper = (schemaFile(key, 'in')?.['properties'] ?? {}) as Record<string, Schema>;
      return Object.entries((strict?.['properties'] ?? {}) as Record<string, Schema>)
        .filter(([, prop]) => prop['format'] === 'date' || prop['format'] === 'date-time')
        .map(([name, prop]) => ({ where: `${key} ${name}`, format: prop['format'], mapper: mapper[name] ?? {} }));
    });
    assert.ok(dated.length > 0, 'no date inputs found');
    const wrong = dated.filter((d) => d.mapper['format'] !== d.format || !/\b\d{4}-\d{2}-\d{2}/.test(helpOf(d.mapper))).map((d) => d.where);
    assert.deepEqual(wrong, []);
  });

  it('every format, limit and whole number the validation checks is in the mapper schema and stated in the help', () => {
    const FORMAT_WORDS: Record<string, RegExp> = {
      'date-time': /ISO 8601/,
      date: /YYYY-MM-DD/,
      email: /email/i,
      uri: /URL|web address/i,
      uuid: /UUID/,
      int64: /whole number|Unix time/,
    };
    const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'exclusiveMinimum'];
    const problems: string[] = [];
    let checked = 0;
    /** The rules and mapper fields of the top level and one level down (replyToFin's message.timestamp). */
    const pairs = (strict: Schema | undefined, mapper: Schema | undefined, prefix = ''): Array<[string, Schema, Schema]> => {
      const inner = (schema: Schema | undefined): Record<string, Schema> => (schema?.['properties'] ?? (schema?.['items'] as Schema | undefined)?.['properties'] ?? {}) as Record<string, Schema>;
      const out: Array<[string, Schema, Schema]> = [];
      for (const [name, rule] of Object.entries((strict?.['properties'] ?? {}) as Record<string, Schema>)) {
        const shown = ((mapper?.['properties'] ?? {}) as Record<string, Schema>)[name];
        if (!shown) continue;
        out.push([`${prefix}${name}`, rule, shown]);
        if (!prefix) for (const [child, childRule] of Object.entries(inner(rule))) {
          const childShown = inner(shown)[child];
          if (childShown) out.push([`${name}.${child}`, childRule, childShown]);
        }
      }
      return out;
    };
    for (const key of generatedKeys) {
      for (const [name, rule, shown] of pairs(schemaFile(key, 'in.strict'), schemaFile(key, 'in'))) {
        const help = helpOf(shown);
        const format = rule['format'];
        if (typeof format === 'string') {
          checked++;
          if (format !== 'int64' && shown['format'] !== format) problems.push(`${key} ${name}: format ${format} not in the mapper schema`);
          if (!FORMAT_WORDS[format]?.test(help)) problems.push(`${key} ${name}: format ${format} not stated`);
        }
        for (const limit of LIMITS) {
          if (typeof rule[limit] !== 'number') continue;
          checked++;
          if (shown[limit] !== rule[limit]) problems.push(`${key} ${name}: ${limit} ${String(rule[limit])} not in the mapper schema`);
          if (!new RegExp(`\\b${String(rule[limit])}\\b`).test(help) && !(limit === 'minLength' && rule[limit] === 0)) problems.push(`${key} ${name}: ${limit} ${String(rule[limit])} not stated`);
        }
        const type = [rule['type']].flat();
        if (type.includes('integer') && !/whole number|Unix time/.test(help)) problems.push(`${key} ${name}: a whole number, not stated`);
      }
    }
    assert.ok(checked > 20, `only ${checked} rules checked`);
    assert.deepEqual(problems.slice(0, 20), []);
  });

  it('a shared paging text appears only on the paging input of a list of its paging style', () => {
    const table = readJson(join(ROOT, 'lib', 'generated', 'operations.json')) as Record<string, { pagination?: { style: string } | null; inputs: Record<string, string> }>;
    const owners = new Map<string, Set<string>>();
    for (const [style, texts] of Object.entries(pagingInputHelp)) for (const [path, text] of Object.entries(texts)) owners.set(text, new Set([...(owners.get(text) ?? []), `${style} ${path}`]));
    const wrong: string[] = [];
    let shown = 0;
    for (const field of generatedFields.filter((f) => f.direction === 'in')) {
      const help = helpOf(field.schema);
      const places = [...owners.entries()].filter(([text]) => help.startsWith(text)).flatMap(([, places]) => [...places]);
      if (places.length === 0) continue;
      shown++;
      const style = table[field.key]?.pagination?.style;
      if (!places.includes(`${style ?? 'none'} ${field.path.join('.')}`)) wrong.push(`${field.where} (${style ?? 'no paging'})`);
    }
    assert.ok(shown > 30, `only ${shown} paging inputs`);
    assert.deepEqual(wrong, []);
  });

  it('every action a help text or step note names by its title is an action or trigger of the component', () => {
    const titles = [...Object.values(manifest.actions), ...Object.values(manifest.triggers)].map((entry) => String(entry['title']));
    const groups = [...new Set(titles.filter((t) => t.includes(': ')).map((t) => t.split(': ')[0] ?? ''))];
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // "Contacts: List …" (a group of ours, then a capital); "X: Y gives it" / "X: Y takes it" names an action even in
    // a group we do not have ("Fin Voice: Register call gives it").
    const byGroup = new RegExp(`(?<![\\w])(?:${groups.map(escape).join('|')}): (?!Intercom)(?=[A-Z])`, 'g');
    const byVerb = /(?<![\w])((?:[A-Z][\w]*)(?: [\w]+){0,3}: [A-Z][\w]*(?: [\w]+){0,5}?) (?:gives?|takes?|lists?) (?:it|them)\b/g;
    const byWord = /\b(?:as|with|from|see|by)\s((?:[A-Z][\w]*)(?: [\w]+){0,3}: (?!Intercom)[A-Z][\w]*(?: [\w]+){0,5})/g;
    const texts: Array<[string, string]> = [
      ...allFields.map((field): [string, string] => [field.where, helpOf(field.schema)]),
      ...[...Object.entries(manifest.actions), ...Object.entries(manifest.triggers)].flatMap(([key, entry]) =>
        Object.entries((entry['fields'] ?? {}) as Record<string, Schema>).map(([name, field]): [string, string] => [`${key}.${name}`, typeof field['note'] === 'string' ? field['note'] : '']),
      ),
    ];
    const wrong: string[] = [];
    let named = 0;
    for (const [where, text] of texts) {
      for (const match of text.matchAll(byGroup)) {
        named++;
        const at = match.index;
        if (!titles.some((title) => text.startsWith(title, at) && !/\w/.test(text.charAt(at + title.length)))) wrong.push(`${where}: "${text.slice(at, at + 50)}"`);
      }
      for (const match of text.matchAll(byWord)) {
        const reference = match[1] ?? '';
        if (!titles.some((title) => reference.startsWith(title) && !/\w/.test(reference.charAt(title.length)))) wrong.push(`${where}: "${reference}"`);
      }
      for (const match of text.matchAll(byVerb)) {
        const reference = match[1] ?? '';
        if (!titles.some((title) => reference.endsWith(title))) wrong.push(`${where}: "${reference}"`);
      }
    }
    assert.ok(named > 300, `only ${named} action titles named`);
    assert.deepEqual([...new Set(wrong)].slice(0, 20), []);
  });

  /** A field's path, its help and whether the run-time validation requires it, for every input of the generated actions. */
  function validatedInputs(): Array<{ key: string; path: string; help: string; required: boolean; strictParent: Schema }> {
    const out: Array<{ key: string; path: string; help: string; required: boolean; strictParent: Schema }> = [];
    // A field every variant of an anyOf / oneOf requires is required, whichever variant the input takes.
    const requiredIn = (node: Schema): Set<string> => {
      const names = new Set((node['required'] as string[] | undefined) ?? []);
      for (const combinator of ['anyOf', 'oneOf']) {
        const variants = (node[combinator] as Schema[] | undefined) ?? [];
        if (variants.length === 0) continue;
        const sets = variants.map((v) => new Set((v['required'] as string[] | undefined) ?? []));
        for (const name of sets[0] ?? []) if (sets.every((set) => set.has(name))) names.add(name);
      }
      return names;
    };
    for (const key of generatedKeys) {
      const strict = schemaFile(key, 'in.strict') ?? {};
      const mapper = (schemaFile(key, 'in')?.['properties'] ?? {}) as Record<string, Schema>;
      const required = requiredIn(strict);
      for (const [name, prop] of Object.entries(mapper)) {
        out.push({ key, path: name, help: helpOf(prop), required: prop['required'] === true || required.has(name), strictParent: strict });
        const rule = ((strict['properties'] ?? {}) as Record<string, Schema>)[name] ?? {};
        const inner = (rule['type'] === 'array' ? (rule['items'] as Schema | undefined) : rule) ?? {};
        const innerRequired = requiredIn(inner);
        const children = (prop['properties'] ?? (prop['items'] as Schema | undefined)?.['properties'] ?? {}) as Record<string, Schema>;
        for (const [child, childProp] of Object.entries(children)) {
          out.push({ key, path: `${name}.${child}`, help: helpOf(childProp), required: childProp['required'] === true || innerRequired.has(child), strictParent: inner });
        }
      }
    }
    return out;
  }

  it('every field of a group of which at least one is required (requireOneOf, or variants that differ by one field) states the rule', () => {
    const table = readJson(join(ROOT, 'lib', 'generated', 'operations.json')) as Record<string, { requireOneOf?: string[] }>;
    const inputs = validatedInputs();
    const groups: Array<{ key: string; at: string; members: string[] }> = [];
    for (const [key, entry] of Object.entries(table)) if ((entry.requireOneOf ?? []).length > 1) groups.push({ key, at: '', members: entry.requireOneOf ?? [] });
    // Variants of the strict schema that each add one field of their own to what all of them require, and are not
    // told apart by a fixed value (those are "required when", not "one of").
    const variantGroup = (node: Schema): string[] | undefined => {
      for (const combinator of ['anyOf', 'oneOf']) {
        const variants = (node[combinator] as Schema[] | undefined) ?? [];
        if (variants.length < 2) continue;
        const fixed = variants.some((v) => Object.values((v['properties'] ?? {}) as Record<string, Schema>).some((p) => Array.isArray(p['enum']) && (p['enum'] as unknown[]).length === 1));
        const sets = variants.map((v) => (v['required'] as string[] | undefined) ?? []);
        const common = (sets[0] ?? []).filter((name) => sets.every((set) => set.includes(name)));
        const own = sets.map((set) => set.filter((name) => !common.includes(name)));
        if (!fixed && own.every((names) => names.length === 1) && new Set(own.map((names) => names[0])).size === own.length) return own.map((names) => names[0] ?? '');
      }
      return undefined;
    };
    for (const key of generatedKeys) {
      const strict = schemaFile(key, 'in.strict') ?? {};
      const top = variantGroup(strict);
      if (top) groups.push({ key, at: '', members: top });
      for (const [name, rule] of Object.entries((strict['properties'] ?? {}) as Record<string, Schema>)) {
        const inner = variantGroup((rule['type'] === 'array' ? (rule['items'] as Schema | undefined) : rule) ?? {});
        if (inner) groups.push({ key, at: `${name}.`, members: inner });
      }
    }
    assert.ok(groups.length >= 8, `only ${groups.length} groups found`);
    const missing: string[] = [];
    for (const group of groups) {
      for (const member of group.members) {
        const field = inputs.find((i) => i.key === group.key && i.path === `${group.at}${member}`);
        if (!field) continue;
        const others = group.members.filter((m) => m !== member);
        const states = /at least one|one of|give this or|give this,/i.test(field.help) && others.every((other) => new RegExp(`\\b${other}\\b`).test(field.help));
        if (!states) missing.push(`${group.key} ${field.path}: ${field.help}`);
      }
    }
    assert.deepEqual(missing.slice(0, 10), []);
  });

  it('no required field claims what happens when it is left empty', () => {
    // The step field fallback of a pickable id ("a value picked there is used when this input is left empty") is a
    // way to fill a required input, not a default.
    const pickable = /The step field of the same name lists[^.]*\.|Required: map it here or pick it in the step field of the same name\./g;
    const claim = /\bempty[:,]|when (left )?empty|(left|is) empty[,:]|\bif empty|Intercom uses|\bdefaults? to\b|\bby default\b/i;
    const required = [
      ...validatedInputs().filter((i) => i.required).map((i) => ({ where: `${i.key} ${i.path}`, help: i.help })),
      ...allFields.filter((f) => f.direction === 'in' && f.schema['required'] === true).map((f) => ({ where: f.where, help: helpOf(f.schema) })),
    ];
    assert.ok(required.length > 300, `only ${required.length} required inputs`);
    const wrong = required.filter((r) => claim.test(r.help.replace(pickable, ''))).map((r) => `${r.where}: ${r.help}`);
    assert.deepEqual([...new Set(wrong)].slice(0, 10), []);
  });

  it('the allowed values of a mapper field are what the run-time validation accepts (generated actions, search terms, Lookup Objects per type)', async () => {
    const table = readJson(join(ROOT, 'lib', 'generated', 'operations.json')) as Record<string, { sentAs?: Record<string, Record<string, string>> }>;
    const problems: string[] = [];
    // Generated actions: the mapper's enum is the strict schema's (its variants' when the field has none), less null
    // and the other spellings sentAs accepts without offering them.
    const variantValues = (node: Schema, name: string): unknown[] =>
      ['anyOf', 'oneOf', 'allOf'].flatMap((c) => ((node[c] as Schema[] | undefined) ?? []).flatMap((v) => [...(((v['properties'] as Record<string, Schema> | undefined)?.[name]?.['enum'] as unknown[] | undefined) ?? []), ...variantValues(v, name)]));
    let compared = 0;
    for (const input of validatedInputs()) {
      if (/^(searchTerm|criteriaLink)\d/.test(input.path)) continue;
      const name = input.path.split('.').pop() ?? '';
      const mapperTop = (schemaFile(input.key, 'in')?.['properties'] ?? {}) as Record<string, Schema>;
      const mapperProp = input.path.includes('.') ? (mapperTop[input.path.split('.')[0] ?? ''] ?? {}) : {};
      const shown = input.path.includes('.')
        ? (((mapperProp['properties'] ?? (mapperProp['items'] as Schema | undefined)?.['properties']) as Record<string, Schema> | undefined)?.[name] ?? {})
        : (mapperTop[name] ?? {});
      const rule = ((input.strictParent['properties'] ?? {}) as Record<string, Schema>)[name] ?? {};
      const enumOf = (node: Schema): unknown[] | undefined => (node['enum'] ?? (node['items'] as Schema | undefined)?.['enum']) as unknown[] | undefined;
      const offered = enumOf(shown);
      const accepted = enumOf(rule) ?? (variantValues(input.strictParent, name).length > 0 ? variantValues(input.strictParent, name) : undefined);
      if (offered === undefined && accepted === undefined) continue;
      compared++;
      const spellings = Object.keys(table[input.key]?.sentAs?.[input.path] ?? {});
      const a = [...new Set((offered ?? []).map(String))].sort();
      const b = [...new Set((accepted ?? []).filter((v) => v !== null).map(String))].filter((v) => !spellings.includes(v)).sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${input.key} ${input.path}: offers ${a.join(' ')}, accepts ${b.join(' ')}`);
    }
    assert.ok(compared > 50, `only ${compared} enums compared`);

    // Search terms: what the run time accepts is found by asking it, value by value (a text field of a list's
    // filters may hold a number, a Help Center id: both kinds are tried).
    const values = (type: SearchFieldType, condition: string): unknown[] =>
      condition === 'IN' || condition === 'NIN'
        ? [type === 'boolean' ? 'true,false' : type === 'string' ? 'a,b' : '1,2', '1,2']
        : [{ string: 'a', integer: 1, float: 1.5, date: 1717171717, boolean: true }[type], '1'];
    const conditionsToTry = [...Object.keys(SEARCH_OPERATORS), ...Object.keys(CONDITION_ALIASES)];
    const checkTerms = (where: string, meta: Record<string, Schema>, fields: Record<string, SearchFieldType>, accepts: (terms: SearchTerm[], links: Array<'and' | 'or'>) => boolean): void => {
      const term = meta['searchTerm1']?.['properties'] as Record<string, Schema> | undefined;
      const offered = (name: string): string[] => (((term?.[name]?.['enum'] as unknown[] | undefined) ?? []).map(String)).sort();
      const takes = (field: string, condition: string): boolean =>
        values(fields[field] ?? 'string', conditionOperator(condition)).some((fieldValue) => accepts([{ fieldName: field, condition, fieldValue }], []));
      const acceptedFields = [...Object.keys(fields), 'no_such_field'].filter((f) => conditionsToTry.some((c) => takes(f, c))).sort();
      const acceptedConditions = conditionsToTry.filter((c) => Object.keys(fields).some((f) => takes(f, c))).sort();
      if (JSON.stringify(offered('fieldName')) !== JSON.stringify(acceptedFields)) problems.push(`${where} fieldName: offers ${offered('fieldName').join(' ')}, accepts ${acceptedFields.join(' ')}`);
      if (JSON.stringify(offered('condition')) !== JSON.stringify(acceptedConditions)) problems.push(`${where} condition: offers ${offered('condition').join(' ')}, accepts ${acceptedConditions.join(' ')}`);
      const [field, type] = Object.entries(fields)[0] ?? ['', 'string'];
      const condition = acceptedConditions.find((c) => takes(field, c)) ?? '=';
      const acceptedLinks = (['and', 'or'] as const)
        .filter((link) => values(type, conditionOperator(condition)).some((fieldValue) => accepts([{ fieldName: field, condition, fieldValue }, { fieldName: field, condition, fieldValue }], [link])))
        .sort();
      const links = (((meta['criteriaLink1']?.['enum'] as unknown[] | undefined) ?? []).map(String)).sort();
      if (JSON.stringify(links) !== JSON.stringify(acceptedLinks)) problems.push(`${where} criteriaLink1: offers ${links.join(' ')}, accepts ${acceptedLinks.join(' ')}`);
    };
    const searches: Record<string, SearchModelName> = { searchContacts: 'contacts', searchConversations: 'conversations', searchTickets: 'tickets' };
    for (const [key, model] of Object.entries(searches)) {
      const meta = (schemaFile(key, 'in')?.['properties'] ?? {}) as Record<string, Schema>;
      checkTerms(key, meta, { ...SEARCH_MODELS[model].fields }, (terms, links) => {
        const input: Record<string, unknown> = {};
        terms.forEach((t, i) => (input[`searchTerm${i + 1}`] = t));
        links.forEach((l, i) => (input[`criteriaLink${i + 1}`] = l));
        try {
          withTermsAsQuery(key, model, input);
          return true;
        } catch (error) {
          if (error instanceof InputValidationError) return false;
          throw error;
        }
      });
    }
    let types = 0;
    for (const name of Object.keys(objectTypeChoices('lookupMany'))) {
      const type = objectType(name);
      const model = type ? termModel(type) : undefined;
      if (!type || !model) continue;
      types++;
      const meta = await objectMetaModel('lookupObjects', 'lookupMany').call({ logger: silent }, { objectType: name, termNumber: '2', outputMethod: 'emitAll' });
      const scope = Object.fromEntries(Object.keys(type.scope ?? {}).map((input) => [input, 'Order']));
      checkTerms(`lookupObjects[${name}]`, (meta.in?.['properties'] ?? {}) as Record<string, Schema>, { ...model.fields }, (terms, links) => {
        try {
          termCall(type, scope, terms, links);
          return true;
        } catch (error) {
          if (error instanceof InputValidationError) return false;
          throw error;
        }
      });
    }
    assert.ok(types >= 6, `only ${types} object types with terms`);
    assert.deepEqual(problems.slice(0, 20), []);
  });

  it('titles are at most 60 characters: actions, triggers, step fields and every schema field', () => {
    const long: string[] = [];
    for (const [key, entry] of [...Object.entries(manifest.actions), ...Object.entries(manifest.triggers)]) {
      if (String(entry['title']).length > 60) long.push(`${key}: ${String(entry['title'])}`);
      for (const [name, field] of Object.entries((entry['fields'] ?? {}) as Record<string, Schema>)) if (String(field['label']).length > 60) long.push(`${key}.${name}`);
    }
    for (const key of shippedKeys) for (const direction of ['in', 'out'] as const) for (const title of titles(schemaFile(key, direction))) if (title.length > 60) long.push(`${key}.${direction}: ${title}`);
    for (const field of allFields) for (const title of titles({ x: field.schema })) if (title.length > 60) long.push(`${field.where}: ${title}`);
    assert.deepEqual([...new Set(long)].slice(0, 10), []);
  });

  it('no mechanical title is left at any depth', () => {
    const bad: string[] = [];
    for (const key of shippedKeys) {
      for (const direction of ['in', 'out'] as const) {
        for (const title of titles(schemaFile(key, direction)?.['properties'])) if (MECHANICAL.some((pattern) => pattern.test(title))) bad.push(`${key}.${direction}: "${title}"`);
      }
    }
    assert.deepEqual([...new Set(bad)].slice(0, 20), []);
  });

  it('the titles the issue names read as a person writes them', () => {
    const contact = schemaFile('getContact', 'out')?.['properties'] as Record<string, Schema>;
    assert.equal(contact['ios_app_name']?.['title'], 'iOS app name');
    assert.equal(contact['os']?.['title'], 'OS');
    const search = schemaFile('searchContent', 'in')?.['properties'] as Record<string, Schema>;
    assert.equal(search['tag_ids']?.['title'], 'Tag IDs');
  });

  it('every numeric *_at field says it is Unix time in seconds', () => {
    const numeric = allFields.filter((field) => /_at$/.test(field.path[field.path.length - 1] ?? '') && (field.schema['type'] === 'number' || field.schema['type'] === 'integer'));
    assert.ok(numeric.length > 100, `only ${numeric.length} timestamp fields found`);
    const without = numeric.filter((field) => !helpOf(field.schema).includes('Unix time in seconds')).map((field) => field.where);
    assert.deepEqual(without.slice(0, 10), []);
  });

  it("the search actions' query explains Intercom's query language with an example", () => {
    for (const key of ['searchContacts', 'searchConversations', 'searchTickets']) {
      const query = (schemaFile(key, 'in')?.['properties'] as Record<string, Schema>)['query'];
      assert.ok(query, `${key} has a query input`);
      for (const part of ['"field"', '"operator"', '"value"', 'AND', 'OR', 'Unix time']) assert.ok(helpOf(query).includes(part), `${key} query help names ${part}`);
    }
  });

  it("carries none of Intercom's description sentences", function () {
    this.timeout(30_000);
    const path = descriptionPath();
    if (!existsSync(path)) {
      console.log(`    (skipped: Intercom's OpenAPI description is not at ${path})`);
      this.skip();
    }
    const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
    const theirs = new Set<string>();
    const collect = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') {
          for (const sentence of v.split(/(?<=[.!?])\s+/)) if (sentence.length >= 30) theirs.add(normalise(sentence));
        } else collect(v);
      }
    };
    collect(loadDescription(path).document);
    const sentences = [...theirs];
    const ours = [...new Set(allFields.map((field) => helpOf(field.schema)))];
    const copied = ours.filter((text) => sentences.some((sentence) => normalise(text).includes(sentence)));
    assert.deepEqual(copied.slice(0, 10), []);
  });
});
