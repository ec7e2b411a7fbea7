import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { handWritten } from '../../lib/catalogue/handWritten';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The user documentation: the README and the pages it sends readers to. */
const DOCS = ['README.md', 'docs/runner.md', 'docs/files.md', 'docs/objects.md', 'docs/triggers.md', 'docs/deploying.md'];

/** A heading's anchor as GitHub makes it (lower case, punctuation dropped, spaces to dashes). */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const inCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...inCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1] ?? '')));
}

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
    const named = [...DOCS.map(read).join('\n').matchAll(/(?<![*\w])\*([A-Z][^*]+?)\*(?![*\w])/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
    assert.ok(named.length >= 5, `only ${named.length} italic labels found`);
    assert.deepEqual(named.filter((label) => !labels.has(label)), []);
  });

  it("every environment variable the runner reads is in the runner's documentation", () => {
    const dir = join(ROOT, 'tools', 'cli');
    const names = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/process\.env\['([A-Z_]+)'\]/g)) names.add(m[1] ?? '');
    }
    assert.ok(names.has('INTERCOM_ACCESS_TOKEN') && names.size >= 4, [...names].join(', '));
    const runnerDoc = read('docs/runner.md');
    assert.deepEqual([...names].filter((name) => !runnerDoc.includes(`| \`${name}\` |`)), []);
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

  describe('the README is a guide, the reference lives in docs/', () => {
    it('is under 450 lines and opens with a table of contents', () => {
      const readme = read('README.md');
      const lines = readme.split('\n').length;
      assert.ok(lines < 450, `README.md has ${lines} lines`);
      const contents = /^## Contents$/m.exec(readme);
      assert.ok(contents, 'a "## Contents" section');
      const firstSection = readme.indexOf('\n## ', (contents.index ?? 0) + 1);
      assert.ok(readme.slice(0, firstSection).split('\n').length < 30, 'the table of contents comes first');
    });

    it('every link of the README and of docs/ to a section or a file of the repository leads somewhere', () => {
      const broken: string[] = [];
      for (const file of DOCS) {
        const text = read(file).replace(/```[\s\S]*?```/g, '');
        for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = m[1] ?? '';
          if (/^[a-z]+:/.test(target)) continue;
          const [path = '', hash] = target.split('#');
          const resolved = path === '' ? file : join(dirname(file), path);
          if (!existsSync(join(ROOT, resolved))) broken.push(`${file}: ${target} (no ${resolved})`);
          else if (hash !== undefined && resolved.endsWith('.md') && !anchors(read(resolved)).has(hash)) broken.push(`${file}: ${target} (no heading)`);
        }
      }
      assert.deepEqual(broken, []);
    });

    it('every section of the README is in its table of contents', () => {
      const readme = read('README.md');
      const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('\n## ', readme.indexOf('## Contents') + 1));
      const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '').filter((h) => h !== 'Contents' && h !== 'License' && h !== 'Actions and triggers');
      assert.deepEqual(sections.filter((h) => !contents.includes(`](#${anchor(h)})`)), []);
    });

    it('docs/actions.md lists every action and trigger of component.json, and the README links to it', () => {
      const manifest = JSON.parse(read('component.json')) as Manifest;
      const doc = read('docs/actions.md');
      const keys = [...Object.keys(manifest.actions), ...Object.keys(manifest.triggers)];
      assert.ok(keys.length > 200);
      assert.deepEqual(keys.filter((key) => !doc.includes(`| \`${key}\` |`)), []);
      assert.match(read('README.md'), /\]\(docs\/actions\.md\)/);
      assert.doesNotMatch(read('README.md'), /generated:actions/, 'the table left the README');
    });

    it('states the Node.js version package.json requires', () => {
      const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
      const version = /(\d+(?:\.\d+)*)/.exec(engines)?.[1] ?? '';
      assert.ok(version !== '', engines);
      assert.match(read('README.md'), new RegExp(`Node\\.js ${version.replace(/\./g, '\\.')}\\b`));
    });

    it("gives the elastic.io auth client's request body with Intercom's URLs of the region it names", () => {
      const readme = read('README.md');
      const body = /curl https:\/\/api\.elastic\.io\/v2\/auth-clients[^\n]*-d '\n([\s\S]*?)'\n/.exec(readme)?.[1];
      assert.ok(body, 'a curl command with a request body');
      const parsed = JSON.parse(body) as { data: { type: string; attributes: { type: string; credentials: Record<string, string> } } };
      assert.equal(parsed.data.type, 'auth-client');
      assert.equal(parsed.data.attributes.type, 'oauth2');
      assert.deepEqual(Object.keys(parsed.data.attributes.credentials).sort(), ['auth_uri', 'client_id', 'client_secret', 'token_uri']);
      assert.equal(parsed.data.attributes.credentials['auth_uri'], 'https://app.eu.intercom.com/oauth');
      assert.equal(parsed.data.attributes.credentials['token_uri'], 'https://api.eu.intercom.io/auth/eagle/token');
    });

    it('counts the paging styles the catalogue declares wherever it counts them', () => {
      const union = /export type PaginationStyle = ([^;]+);/.exec(read('lib/catalogue/types.ts'))?.[1] ?? '';
      // `whole` is a list Intercom does not page (one answer), not one of its paging styles.
      const count = union.split('|').filter((style) => !style.includes("'whole'")).length;
      assert.equal(count, 6, union);
      const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
      const claims: string[] = [];
      for (const file of [...DOCS, 'CHANGELOG.md', 'docs/architecture.md', 'tools/sandbox/README.md']) {
        for (const m of read(file).matchAll(/\b(\w+)\s+(?:paging|pagination)\s+styles\b|Intercom's\s+(\w+)\s+styles\b/g)) {
          const word = (m[1] ?? m[2] ?? '').toLowerCase();
          if (words.includes(word) && words.indexOf(word) !== count) claims.push(`${file}: ${m[0]}`);
        }
      }
      assert.deepEqual(claims, []);
    });

    it("component.json's docsUrl is this component's documentation (package.json homepage), not Intercom's API reference", () => {
      const docsUrl = (JSON.parse(read('component.json')) as { docsUrl: string }).docsUrl;
      assert.equal(docsUrl, (JSON.parse(read('package.json')) as { homepage: string }).homepage);
      assert.doesNotMatch(docsUrl, /intercom\.com/);
    });
  });

  it('dates each release as the day package.json took its version, according to git', function () {
    const log = spawnSync('git', ['log', '--first-parent', '--reverse', '--diff-merges=first-parent', '--format=commit %ad', '--date=short', '-p', '--', 'package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // A copy without history (a package, a shallow clone) has nothing to compare with.
    if (log.status !== 0 || !log.stdout.includes('"version"')) this.skip();
    const released = new Map<string, string>();
    let date = '';
    for (const line of log.stdout.split('\n')) {
      const commit = /^commit (\d{4}-\d\d-\d\d)$/.exec(line);
      if (commit) date = commit[1] ?? '';
      const version = /^\+\s+"version": "([^"]+)"/.exec(line);
      if (version?.[1] && !released.has(version[1])) released.set(version[1], date);
    }
    const headings = [...read('CHANGELOG.md').matchAll(/^## (\d+\.\d+\.\d+) \((.+)\)$/gm)];
    assert.ok(headings.length >= 3);
    for (const [, version = '', given = ''] of headings) {
      if (!released.has(version)) continue;
      assert.equal(given, released.get(version), `CHANGELOG ${version}`);
    }
  });
});

