import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { handWritten } from '../../lib/catalogue/handWritten';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface Manifest {
  actions: Record<string, { fields?: Record<string, { label: string; model?: unknown }> }>;
  triggers: Record<string, { fields?: Record<string, { label: string; model?: unknown }> }>;
}

/** The documents say what the code does: labels, environment variables, the changelog, the generator's errors. */
describe('contract: documentation matches the product', () => {
  it('every step field (or choice of one) the README names in italics carries that label in component.json', () => {
    const manifest = JSON.parse(read('component.json')) as Manifest;
    const labels = new Set<string>();
    for (const entry of [...Object.values(manifest.actions), ...Object.values(manifest.triggers)]) {
      for (const field of Object.values(entry.fields ?? {})) {
        labels.add(field.label);
        // The choices a dropdown offers are named the same way (*Deliver as* = *One file attachment*).
        if (typeof field.model === 'object' && field.model !== null) for (const choice of Object.values(field.model as Record<string, string>)) labels.add(choice);
      }
    }
    const named = [...read('README.md').matchAll(/(?<![*\w])\*([A-Z][^*]+?)\*(?![*\w])/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
    assert.ok(named.length >= 5, `only ${named.length} italic labels found`);
    assert.deepEqual(named.filter((label) => !labels.has(label)), []);
  });

  it('every environment variable the runner reads is in the README', () => {
    const dir = join(ROOT, 'tools', 'cli');
    const names = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/process\.env\['([A-Z_]+)'\]/g)) names.add(m[1] ?? '');
    }
    assert.ok(names.has('INTERCOM_ACCESS_TOKEN') && names.size >= 4, [...names].join(', '));
    const readme = read('README.md');
    assert.deepEqual([...names].filter((name) => !readme.includes(`| \`${name}\` |`)), []);
  });

  it('the changelog names every hand-written action and trigger that shipped', () => {
    const changelog = read('CHANGELOG.md');
    assert.deepEqual(Object.keys(handWritten).filter((key) => !changelog.includes(`\`${key}\``)), []);
  });

  it('the generator names a description it cannot read in one line, without a stack trace', function () {
    this.timeout(30_000);
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'scripts', 'generate', 'index.ts'), '--check'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', INTERCOM_OPENAPI: ROOT },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `generate: cannot read Intercom's OpenAPI description at ${ROOT}: it is a folder, not a file; set INTERCOM_OPENAPI to the api.intercom.io-${INTERCOM_API_VERSION}.yaml file\n`);
  });
});
