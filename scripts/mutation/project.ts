/**
 * What the mutation report describes and where its files live: the mutated sources (Stryker's own `mutate`
 * globs), the tests that judge them, and a hash of both. docs/quality.md records the hash of the run it shows;
 * `npm run check:quality` (CI) fails when today's hash differs, as check:generated does for generated files.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CONFIG_FILE = 'stryker.config.json';
/** Stryker's incremental file is also the full report (mutation-testing-report-schema), committed. */
export const REPORT_FILE = 'reports/mutation/stryker-incremental.json';
/** The run that produced the report: the hash of what it tested, when, how long, on what load. */
export const META_FILE = 'reports/mutation/run.json';
/** Survivors judged equivalent (no test can tell them from the original), each with its reason. */
export const EQUIVALENTS_FILE = 'reports/mutation/equivalent-mutants.json';
export const QUALITY_DOC = 'docs/quality.md';

/** Tests outside Stryker's spec list that still decide what it runs: helpers, fixtures, the sandbox the suites use. */
const TEST_SUPPORT = ['spec/**/*.ts', 'tools/**/*.ts', '!tools/dist/**', '!spec/e2e/**', CONFIG_FILE, '.mocharc.json'];

interface StrykerConfig {
  mutate: string[];
  mochaOptions?: { spec?: string[] };
}

export function strykerConfig(): StrykerConfig {
  return JSON.parse(readFileSync(join(ROOT, CONFIG_FILE), 'utf8')) as StrykerConfig;
}

/** A glob of Stryker's kind (`**`, `*`, a leading `!` excludes) as a test of a path relative to the root. */
function globTest(glob: string): (path: string) => boolean {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(`^${pattern}$`);
  return (path) => re.test(path);
}

/** Paths matching the globs (in order: a later `!glob` removes what earlier ones added). */
export function matching(paths: readonly string[], globs: readonly string[]): string[] {
  const rules = globs.map((g) => ({ exclude: g.startsWith('!'), test: globTest(g.replace(/^!/, '')) }));
  return paths.filter((path) => rules.reduce((included, rule) => (rule.test(path) ? !rule.exclude : included), false));
}

/** Every file of the work tree that git knows or would add (committed, changed, new and not ignored). */
export function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...new Set(out.split('\0').filter(Boolean))].sort();
}

export function mutatedFiles(files = projectFiles()): string[] {
  return matching(files, strykerConfig().mutate);
}

/**
 * The tests Stryker runs (its mocha spec list), every test helper, and the configuration that chooses them. Spec files
 * outside that list (the runner's command-line tests, the browser and e2e suites) cannot change the report.
 */
export function testFiles(files = projectFiles()): string[] {
  return existing(matching(files, testGlobs()));
}

function testGlobs(): string[] {
  return [...TEST_SUPPORT, '!spec/**/*.spec.ts', ...(strykerConfig().mochaOptions?.spec ?? ['spec/**/*.spec.ts'])];
}

/** The files whose change can change the report: the mutated sources and every test and test helper. */
export function describedFiles(files = projectFiles()): string[] {
  return existing([...new Set([...mutatedFiles(files), ...matching(files, testGlobs())])]);
}

function existing(paths: string[]): string[] {
  return paths.filter((path) => {
    try {
      readFileSync(join(ROOT, path));
      return true;
    } catch {
      return false; // deleted in the work tree, still in the index
    }
  }).sort();
}

/** sha256 over the files' paths and contents (line endings normalised), in path order. */
export function sourceHash(files = describedFiles()): string {
  const hash = createHash('sha256');
  for (const path of files) {
    hash.update(path).update('\0');
    hash.update(readFileSync(join(ROOT, path), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex');
}
