/**
 * npm run mutation [-- options]: StrykerJS over the hand-written code of lib/ (stryker.config.json), then
 * docs/quality.md from its report.
 *   (no option)            every mutated file, incrementally: only mutants whose code or covering tests changed
 *                          since the committed report are tested again; records the run (reports/mutation/run.json).
 *   --since <git ref>      only the mutated files changed since that ref (committed or not)
 *   --mutate <a.ts,b.ts>   only these files
 *   --report-only          docs/quality.md again from the committed report (after adding an explanation)
 * A run on a subset updates the report for those files but not the recorded hash: the page stays stale for
 * `npm run check:quality` until a full run, since the other files were not judged by today's tests.
 * Other options go to Stryker as they are (e.g. --concurrency 1, --logLevel debug).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { currentQualityDoc, readJson, type Report, type RunMeta } from './report';
import { META_FILE, mutatedFiles, QUALITY_DOC, REPORT_FILE, ROOT, sourceHash, testFiles } from './project';

const PARTIAL_FILE = 'reports/mutation/.partial-incremental.json';

function parseArgs(argv: string[]): { subset?: string[]; reportOnly: boolean; passThrough: string[] } {
  const passThrough: string[] = [];
  let subset: string[] | undefined;
  let reportOnly = false;
  const mutated = new Set(mutatedFiles());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--report-only') reportOnly = true;
    else if (arg === '--since' || arg === '--mutate' || arg === '-m') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      const files =
        arg === '--since'
          ? [
              ...execFileSync('git', ['diff', '--name-only', value, '--'], { cwd: ROOT, encoding: 'utf8' }).split('\n'),
              ...execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n'),
            ]
          : value.split(',');
      const picked = files.map((f) => f.trim()).filter((f) => mutated.has(f));
      const unknown = arg === '--since' ? [] : files.filter((f) => f.trim() && !mutated.has(f.trim()));
      if (unknown.length > 0) throw new Error(`not among the mutated files (stryker.config.json "mutate"): ${unknown.join(', ')}`);
      subset = [...new Set([...(subset ?? []), ...picked])];
    } else passThrough.push(arg);
  }
  return { ...(subset ? { subset } : {}), reportOnly, passThrough };
}

/**
 * Preloaded into Stryker and its test runners. Mocha 12 names its CLI helpers `*.cjs`; the mocha runner of the last
 * Stryker release that runs on Node 20 (9.x; 10.x needs Node 22) asks for them without the extension.
 */
const MOCHA_CJS_PATHS = `const Module = require('node:module');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return original.call(this, request, ...rest);
  } catch (error) {
    if (/[\\\\/]mocha[\\\\/]lib[\\\\/]cli[\\\\/][\\w-]+$/.test(request)) return original.call(this, request + '.cjs', ...rest);
    throw error;
  }
};
`;

function runStryker(args: string[]): Promise<number> {
  const preloadFile = join(mkdtempSync(join(tmpdir(), 'mutation-')), 'mochaCjsPaths.cjs');
  writeFileSync(preloadFile, MOCHA_CJS_PATHS);
  const preload = `--require=${preloadFile}`;
  const env = { ...process.env, NODE_OPTIONS: [process.env['NODE_OPTIONS'], preload].filter(Boolean).join(' ') };
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

/** The subset's results replace those files' entries in the committed report; the tests are the subset run's. */
function mergePartial(subset: readonly string[], run: Omit<RunMeta, 'full' | 'sourceHash' | 'partialSince'>): void {
  const partial = readJson(PARTIAL_FILE) as Report | undefined;
  const full = readJson(REPORT_FILE) as Report | undefined;
  if (!partial) throw new Error(`Stryker wrote no report at ${PARTIAL_FILE}`);
  const merged: Report = full ? { ...full, files: { ...full.files } } : { ...partial, files: {} };
  for (const file of subset) {
    const entry = partial.files[file];
    if (entry) merged.files[file] = entry;
    else Reflect.deleteProperty(merged.files, file);
  }
  if (partial.testFiles) merged.testFiles = partial.testFiles;
  writeFileSync(join(ROOT, REPORT_FILE), `${JSON.stringify(merged, null, 2)}\n`);
  const before = readJson(META_FILE) as RunMeta | undefined;
  // A full run's hash stays as it was: the files outside the subset were not judged by these tests.
  const meta: RunMeta = before?.full
    ? { ...before, partialSince: [...new Set([...(before.partialSince ?? []), ...subset])].sort() }
    : { full: false, ...run, partialSince: [...new Set([...(before?.partialSince ?? []), ...subset])].sort() };
  writeFileSync(join(ROOT, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

function testedCount(path: string): number {
  const report = readJson(path) as Report | undefined;
  return Object.values(report?.files ?? {}).reduce((sum, file) => sum + file.mutants.filter((m) => m.status !== 'Ignored').length, 0);
}

async function main(): Promise<void> {
  const { subset, reportOnly, passThrough } = parseArgs(process.argv.slice(2));
  if (!reportOnly) {
    mkdirSync(join(ROOT, dirname(REPORT_FILE)), { recursive: true });
    const tests = sourceHash(testFiles());
    const started = Date.now();
    const loadAtStart = loadavg()[0] ?? 0;
    const facts = (): Omit<RunMeta, 'full' | 'sourceHash' | 'partialSince'> => ({
      testsHash: tests,
      finishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      load: [loadAtStart, loadavg()[0] ?? 0],
      cores: cpus().length,
    });
    if (subset) {
      if (subset.length === 0) {
        process.stdout.write('No mutated file (stryker.config.json "mutate") is among the changes: nothing to test.\n');
        return;
      }
      // The subset starts from the committed results, so its unchanged mutants are not tested again either.
      if (existsSync(join(ROOT, REPORT_FILE))) copyFileSync(join(ROOT, REPORT_FILE), join(ROOT, PARTIAL_FILE));
      const code = await runStryker(['--mutate', subset.join(','), '--incrementalFile', PARTIAL_FILE, ...passThrough]);
      if (code !== 0) process.exit(code);
      mergePartial(subset, { ...facts(), tested: testedCount(PARTIAL_FILE) });
      rmSync(join(ROOT, PARTIAL_FILE), { force: true });
    } else {
      const hash = sourceHash();
      const code = await runStryker(passThrough);
      if (code !== 0) process.exit(code);
      if (sourceHash() !== hash) process.stderr.write('warning: sources or tests changed during the run; the report records them as they were at its start\n');
      const meta: RunMeta = { full: true, sourceHash: hash, ...facts(), tested: testedCount(REPORT_FILE) };
      writeFileSync(join(ROOT, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
    }
  }
  writeFileSync(join(ROOT, QUALITY_DOC), currentQualityDoc());
  process.stdout.write(`${QUALITY_DOC} written (${readFileSync(join(ROOT, QUALITY_DOC), 'utf8').split('\n').length} lines)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
