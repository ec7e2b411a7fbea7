import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOperations } from '../../lib/catalogue/index';
import { loadDescription, descriptionPath } from '../../scripts/generate/description';

/**
 * The mapper explains every field of the generated actions: the share of fields (top level and one level down,
 * inputs and outputs) with a help text of at least 20 characters, titles as a person writes them, units on
 * timestamps, and none of Intercom's description sentences. Reads the shipped schema files, not the generator.
 */

const ROOT = join(__dirname, '..', '..');
type Schema = Record<string, unknown>;
const readSchema = (key: string, direction: 'in' | 'out'): Schema =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', `${key}.${direction}.json`), 'utf8')) as Schema;
const keys = allOperations().map(([key]) => key);

interface Field {
  where: string;
  name: string;
  schema: Schema;
}

/** The top-level fields and the fields one level down (object properties, or properties of array items). */
function fieldsOf(key: string, direction: 'in' | 'out'): Field[] {
  const out: Field[] = [];
  const top = (readSchema(key, direction)['properties'] ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(top)) {
    out.push({ where: `${key}.${direction} ${name}`, name, schema });
    const inner = (schema['properties'] ?? (schema['items'] as Schema | undefined)?.['properties'] ?? {}) as Record<string, Schema>;
    for (const [child, childSchema] of Object.entries(inner)) out.push({ where: `${key}.${direction} ${name}.${child}`, name: child, schema: childSchema });
  }
  return out;
}

const allFields = keys.flatMap((key) => [...fieldsOf(key, 'in'), ...fieldsOf(key, 'out')]);
const helpOf = (field: Field): string => {
  const help = field.schema['description'];
  return typeof help === 'string' ? help : '';
};

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

describe('contract: mapper help on the fields of generated actions', () => {
  it('at least 99 % of the fields (top level and one level down) carry help of at least 20 characters', () => {
    const described = allFields.filter((field) => helpOf(field).length >= 20);
    const share = described.length / allFields.length;
    console.log(`    ${described.length} of ${allFields.length} fields described (${(share * 100).toFixed(2)} %)`);
    const missing = allFields.filter((field) => helpOf(field).length < 20).map((field) => field.where);
    assert.ok(share >= 0.99, `undescribed: ${missing.slice(0, 20).join(', ')}`);
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
    for (const key of keys) for (const direction of ['in', 'out'] as const) walk(readSchema(key, direction), `${key}.${direction}`);
    assert.deepEqual(withHelpObject.slice(0, 10), []);
  });

  it('no mechanical title is left at any depth', () => {
    const bad: string[] = [];
    for (const key of keys) {
      for (const direction of ['in', 'out'] as const) {
        for (const title of titles(readSchema(key, direction)['properties'])) {
          if (MECHANICAL.some((pattern) => pattern.test(title))) bad.push(`${key}.${direction}: "${title}"`);
        }
      }
    }
    assert.deepEqual([...new Set(bad)].slice(0, 20), []);
  });

  it('the titles the issue names read as a person writes them', () => {
    const contact = readSchema('getContact', 'out')['properties'] as Record<string, Schema>;
    assert.equal(contact['ios_app_name']?.['title'], 'iOS app name');
    assert.equal(contact['os']?.['title'], 'OS');
    const search = readSchema('searchContent', 'in')['properties'] as Record<string, Schema>;
    assert.equal(search['tag_ids']?.['title'], 'Tag IDs');
  });

  it('every numeric *_at field says it is Unix time in seconds', () => {
    const numeric = allFields.filter((field) => /_at$/.test(field.name) && (field.schema['type'] === 'number' || field.schema['type'] === 'integer'));
    assert.ok(numeric.length > 100, `only ${numeric.length} timestamp fields found`);
    const without = numeric.filter((field) => !helpOf(field).includes('Unix time in seconds')).map((field) => field.where);
    assert.deepEqual(without, []);
  });

  it("the search actions' query explains Intercom's query language with an example", () => {
    for (const key of ['searchContacts', 'searchConversations', 'searchTickets']) {
      const query = (readSchema(key, 'in')['properties'] as Record<string, Schema>)['query'];
      assert.ok(query, `${key} has a query input`);
      const text = helpOf({ where: key, name: 'query', schema: query });
      for (const part of ['"field"', '"operator"', '"value"', 'AND', 'OR', 'Unix time']) assert.ok(text.includes(part), `${key} query help names ${part}`);
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
    const ours = [...new Set(allFields.map(helpOf))];
    const copied = ours.filter((text) => sentences.some((sentence) => normalise(text).includes(sentence)));
    assert.deepEqual(copied.slice(0, 10), []);
  });
});
