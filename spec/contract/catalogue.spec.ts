import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { curated } from '../../lib/catalogue/curated';
import { allOperations } from '../../lib/catalogue/index';
import { CREDENTIAL_FIELDS } from '../../lib/catalogue/fields';
import { toStandardSchema } from '../../lib/runtime/schemas';

const ROOT = join(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const manifest = JSON.parse(read('component.json')) as {
  version: string;
  credentials: { fields: Record<string, unknown> };
  actions: Record<string, { main: string; title: string; metadata?: { in?: string; out?: string }; dynamicMetadata?: boolean; fields?: Record<string, { model?: unknown; viewClass: string }> }>;
  triggers?: Record<string, { main: string; type?: string; metadata?: { in?: string; out?: string }; dynamicMetadata?: boolean; fields?: Record<string, { model?: unknown; viewClass: string }> }>;
};
const table = JSON.parse(read('lib/generated/operations.json')) as Record<string, { path: string; inputs: Record<string, string> }>;
const catalogueKeys = allOperations().map(([key]) => key);
const functions = { ...manifest.actions, ...(manifest.triggers ?? {}) };
const SCHEMA_BUDGET = 30_000;
/** Validation schemas are read by no person and compiled once per action and process; they stay bounded anyway. */
const STRICT_SCHEMA_BUDGET = 100_000;

describe('contract: catalogue, operation table, manifest and files are one-to-one', () => {
  it('catalogue keys are unique camelCase and equal the operation table keys', () => {
    assert.equal(new Set(catalogueKeys).size, catalogueKeys.length);
    for (const key of catalogueKeys) assert.match(key, /^[a-z][A-Za-z0-9]+$/);
    assert.deepEqual([...catalogueKeys].sort(), Object.keys(table).sort());
  });

  it('component.json declares exactly the catalogue operations plus the curated actions and triggers', () => {
    assert.deepEqual(Object.keys(functions).sort(), [...catalogueKeys, ...Object.keys(curated)].sort());
    for (const [key, decl] of Object.entries(curated)) {
      assert.ok((decl.kind === 'trigger' ? manifest.triggers : manifest.actions)?.[key], `${key} is a ${decl.kind}`);
    }
  });

  it('a generated module exists for every catalogue operation and nothing else lives in lib/actions', () => {
    const files = readdirSync(join(ROOT, 'lib', 'actions')).sort();
    assert.deepEqual(files, catalogueKeys.map((k) => `${k}.ts`).sort());
  });

  it('every schema file belongs to a declared function', () => {
    const expected = new Set<string>();
    for (const entry of Object.values(functions)) {
      if (entry.metadata?.in) expected.add(entry.metadata.in.replace('./', ''));
      if (entry.metadata?.out) expected.add(entry.metadata.out.replace('./', ''));
    }
    // A curated function with dynamic metadata keeps its schema files: the fallback its input is validated with.
    for (const [key, decl] of Object.entries(curated)) {
      if (!decl.dynamicMetadata) continue;
      if (decl.in) expected.add(`schemas/${key}.in.json`);
      expected.add(`schemas/${key}.out.json`);
    }
    for (const key of catalogueKeys) {
      expected.add(`schemas/${key}.in.json`);
      expected.add(`schemas/${key}.in.strict.json`);
      expected.add(`schemas/${key}.out.json`);
    }
    // A hand-written function with dynamic metadata lists no files; its getMetaModel reads them.
    for (const [key, decl] of Object.entries(curated)) {
      if (decl.in) expected.add(`schemas/${key}.in.json`);
      expected.add(`schemas/${key}.out.json`);
    }
    const files = readdirSync(join(ROOT, 'schemas')).map((f) => `schemas/${f}`);
    assert.deepEqual(files.sort(), [...expected].sort());
  });

  it('every published key (keys.lock.json) is still declared: keys are never renamed or removed', () => {
    const locked = JSON.parse(read('scripts/generate/keys.lock.json')) as string[];
    const missing = locked.filter((key) => !functions[key]);
    assert.deepEqual(missing, []);
  });

  it('credential fields in component.json are exactly the names the runtime reads', () => {
    assert.deepEqual(Object.keys(manifest.credentials.fields).sort(), Object.values(CREDENTIAL_FIELDS).sort());
  });

  it('package.json, component.json and the CHANGELOG head carry the same version', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string };
    assert.equal(manifest.version, pkg.version);
    assert.match(read('CHANGELOG.md'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} \\(`, 'm'));
    // An "Unreleased" section may stand above it (changes not yet given a version); the newest release is the version.
    const head = /^## (?!Unreleased\b)(\S+)/m.exec(read('CHANGELOG.md'))?.[1];
    assert.equal(head, pkg.version);
    assert.ok(!/^## (?!Unreleased\b)\S+[\s\S]*^## Unreleased\b/m.test(read('CHANGELOG.md')), 'the Unreleased section stands first');
  });
});

describe('contract: every main loads after the build and exports process', () => {
  for (const [key, entry] of Object.entries(functions)) {
    it(`${key} -> ${entry.main}`, () => {
      const file = join(ROOT, entry.main);
      assert.ok(existsSync(file), `${entry.main} is missing: run npm run build first`);
      const mod = require(file) as Record<string, unknown>;
      assert.equal(typeof mod['process'], 'function');
      if (entry.dynamicMetadata) assert.equal(typeof mod['getMetaModel'], 'function', 'dynamicMetadata needs getMetaModel');
      for (const [field, spec] of Object.entries(entry.fields ?? {})) {
        if (typeof spec.model === 'string') assert.equal(typeof mod[spec.model], 'function', `field ${field} names select model ${spec.model}`);
      }
    });
  }
});

describe('contract: schemas compile, fit their budget and carry no Intercom prose', () => {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  // `description` is allowed: it carries our own help texts (spec/contract/help.spec.ts checks none is Intercom's).
  const LEFTOVERS = ['example', 'examples', 'nullable', '$ref', 'x-fern'];
  /** The budget is about how many fields the mapper shows, so the help texts do not count towards it. */
  const withoutHelp = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutHelp);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'description' && typeof value === 'string'))
        .map(([key, value]) => [key, withoutHelp(value)]),
    );
  };
  const walk = (node: unknown, visit: (key: string, value: unknown) => void): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      visit(k, v);
      walk(v, visit);
    }
  };
  for (const file of readdirSync(join(ROOT, 'schemas'))) {
    const strict = file.endsWith('.in.strict.json');
    it(file, () => {
      const text = read(`schemas/${file}`);
      const schema = JSON.parse(text) as Record<string, unknown>;
      if (strict) {
        assert.ok(text.length <= STRICT_SCHEMA_BUDGET, `${file} is ${text.length} bytes`);
        // Standard JSON Schema as it is; variants are allowed here, never in what the mapper reads.
        assert.doesNotThrow(() => ajv.compile(schema));
        assert.equal(schema['oneOf'], undefined, 'every oneOf of the description is read as anyOf');
      } else {
        const structure = JSON.stringify(withoutHelp(schema), null, 2).length;
        assert.ok(structure <= SCHEMA_BUDGET, `${file} is ${structure} bytes without its help texts`);
        assert.ok(text.length <= 3 * SCHEMA_BUDGET, `${file} is ${text.length} bytes with its help texts`);
        assert.doesNotThrow(() => ajv.compile(toStandardSchema(schema) as object));
        assert.equal(schema['oneOf'], undefined);
        assert.equal(schema['anyOf'], undefined);
      }
      walk(schema['properties'] ?? schema, (key, value) => {
        // A field may be *named* description; a keyword with a text or flag value is spec prose that leaked.
        if (LEFTOVERS.includes(key) && typeof value !== 'object') assert.fail(`${file}: ${key} keyword left in the schema`);
      });
    });
  }

  it('every path parameter is an input, required, and located in the path', () => {
    for (const [key, entry] of Object.entries(table)) {
      const schema = JSON.parse(read(`schemas/${key}.in.json`)) as { properties: Record<string, { required?: boolean; description?: string }> };
      const strict = JSON.parse(read(`schemas/${key}.in.strict.json`)) as { required?: string[] };
      for (const [, name] of entry.path.matchAll(/\{([^}]+)\}/g)) {
        assert.ok(strict.required?.includes(name!), `${key}.${name!}: required by the validation`);
        // In the mapper too, unless a dropdown step field can fill it (the mapper would not let the step be saved).
        const mapper = schema.properties[name!];
        assert.ok(mapper?.required === true || /Required: map it here or pick it in the step field/.test(mapper?.description ?? ''), `${key}.${name!}: required in the mapper`);
        assert.equal(entry.inputs[name!], 'path');
      }
    }
  });
});
