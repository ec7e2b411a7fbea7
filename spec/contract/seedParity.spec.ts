import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/seed-parity.md maps every action of the three seed systems to one of our actions: every key it names
 * must be an action of component.json, every row must name a key or say the endpoint was removed, and (when
 * the seeds are beside the checkout) no seed action may be missing from the tables.
 */

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const doc = readFileSync(join(ROOT, 'docs', 'seed-parity.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { actions: Record<string, unknown> };

interface Row {
  seed: string;
  ours: string;
  notes: string;
}

/** The table rows of the section whose heading starts with `heading`. */
function section(heading: string): Row[] {
  const start = doc.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `docs/seed-parity.md has a section "${heading}"`);
  const next = doc.indexOf('\n## ', start + 3);
  const body = doc.slice(start, next < 0 ? undefined : next);
  return body
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { seed: (cells[0] ?? '').replace(/`/g, ''), ours: cells[1] ?? '', notes: cells[2] ?? '' };
    });
}

function keysIn(text: string): string[] {
  return [...text.matchAll(/`([a-z][A-Za-z0-9]+)`/g)].map((m) => m[1] ?? '').filter((key) => /[A-Z]/.test(key));
}

function seedFile(prefix: string): string | undefined {
  if (!existsSync(SEEDS)) return undefined;
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix));
  return name ? readFileSync(join(SEEDS, name), 'utf8') : undefined;
}

const sections = {
  composio: section('Composio'),
  plugin: section('Typed plugin'),
  oih: section('OIH generated component'),
};

describe('contract: seed parity (docs/seed-parity.md)', () => {
  it('every key named in the document is an action of component.json', () => {
    const named = new Set(keysIn(doc));
    assert.ok(named.size > 100, 'the document names our action keys in backticks');
    const unknown = [...named].filter((key) => !manifest.actions[key]);
    assert.deepEqual(unknown, []);
  });

  for (const [name, rows] of Object.entries(sections)) {
    it(`${name}: every row maps to exactly one action or names the replacement of a removed endpoint`, () => {
      assert.ok(rows.length > 0);
      const seen = new Set<string>();
      for (const row of rows) {
        assert.ok(!seen.has(row.seed), `${row.seed} is listed twice`);
        seen.add(row.seed);
        if (row.ours === 'removed') {
          assert.ok(keysIn(row.notes).length > 0 || /no longer|gone/.test(row.notes), `${row.seed}: say what replaces it`);
        } else {
          assert.equal(keysIn(row.ours).length, 1, `${row.seed}: name our action as \`key\``);
        }
      }
    });
  }

  it('the counts the summary table gives match the sections', () => {
    assert.equal(sections.composio.length, 51);
    assert.equal(sections.plugin.length, 51);
    assert.equal(sections.oih.length, 98);
    const removed = sections.oih.filter((row) => row.ours === 'removed').length;
    assert.match(doc, new RegExp(`\\| OIH generated component \\(API 2\\.8\\) \\| 98 \\| ${98 - removed} \\| ${removed} \\|`));
  });

  it('no Composio action of the seed is missing', function () {
    const text = seedFile('000_');
    if (!text) this.skip();
    // The seed page glues the word "Acción" (action) to each slug; its trailing capital A is not part of it.
    const slugs = new Set([...(text ?? '').matchAll(/INTERCOM_[A-Z_]+?(?=A(?:cci|\b)|[^A-Z_]|$)/g)].map((m) => m[0]));
    assert.equal(slugs.size, 51);
    const listed = new Set(sections.composio.map((row) => row.seed));
    assert.deepEqual([...slugs].filter((slug) => !listed.has(slug)), []);
  });

  it('no typed plugin operation of the seed is missing', function () {
    const text = seedFile('002_');
    if (!text) this.skip();
    const ids = new Set((text ?? '').split('\n').filter((line) => /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(line)));
    assert.equal(ids.size, 51);
    const listed = new Set(sections.plugin.map((row) => row.seed));
    assert.deepEqual([...ids].filter((id) => !listed.has(id)), []);
  });

  it('the OIH component lists as many operations as the seed README', function () {
    const text = seedFile('001_');
    if (!text) this.skip();
    const count = (text ?? '').split('\n').filter((line) => line.startsWith('Tags: ')).length;
    assert.equal(count, sections.oih.length);
  });
});
