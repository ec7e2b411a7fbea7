/**
 * docs/quality.md from Stryker's JSON report: the score per folder, then every mutant that no test killed, each
 * with the reason it is equivalent (reports/mutation/equivalent-mutants.json) or marked unexplained. A survivor is
 * keyed by file, mutator, original and replacement text, not by line, so an explanation survives code moving.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EQUIVALENTS_FILE, META_FILE, REPORT_FILE, ROOT } from './project';

export interface Position {
  line: number;
  column: number;
}

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: Position; end: Position };
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
}

export interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
  testFiles?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RunMeta {
  /** Whether the last run tested every mutated file (`npm run mutation` without a subset). */
  full: boolean;
  /** Full runs: hash of the mutated sources and tests together (project.ts describedFiles). */
  sourceHash?: string;
  /** Hash of the tests, helpers and test configuration the last run used (project.ts testFiles). */
  testsHash: string;
  finishedAt: string;
  durationSeconds: number;
  /** 1-minute load average at the start and the end of the run (the machine is shared). */
  load: [number, number];
  cores: number;
  /** Mutants the run tested (those whose code and covering tests had not changed kept their result). */
  tested?: number;
  /** Files tested on their own (`--mutate`, `--since`) since the last full run, or at all when there was none. */
  partialSince?: string[];
}

/** The folders whose scores the project tracks; other files are grouped by their own folder. */
export const FOLDERS = ['lib/runtime', 'lib/triggers', 'lib/files', 'lib/oih', 'lib/objects', 'lib/search', 'lib/metadata'];

export function folderOf(file: string): string {
  const tracked = FOLDERS.find((folder) => file.startsWith(`${folder}/`));
  if (tracked) return tracked;
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${parts[0]} (files at the top)`;
}

/** The mutated text of the source a mutant replaces. */
export function originalText(source: string, location: ReportMutant['location']): string {
  const lines = source.split('\n');
  const { start, end } = location;
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const first = (lines[start.line - 1] ?? '').slice(start.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  const last = (lines[end.line - 1] ?? '').slice(0, end.column - 1);
  return [first, ...middle, last].join('\n');
}

/** Whitespace runs as one space; a long text as its start plus a short hash of the whole, so keys stay readable. */
function compact(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 100) return flat;
  return `${flat.slice(0, 80)}… #${createHash('sha256').update(flat).digest('hex').slice(0, 8)}`;
}

/** The stable key of a survivor: `file | mutator | original | replacement`. */
export function survivorKey(file: string, mutant: ReportMutant, source: string): string {
  return [file, mutant.mutatorName, compact(originalText(source, mutant.location)), compact(mutant.replacement ?? '')].join(' | ');
}

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  ignored: number;
  explained: number;
}

const emptyTally = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0, explained: 0 });

function score(t: Tally): string {
  const total = t.killed + t.timeout + t.survived + t.noCoverage;
  return total === 0 ? '–' : `${((100 * (t.killed + t.timeout)) / total).toFixed(1)} %`;
}

function scoreWithEquivalents(t: Tally): string {
  // Equivalent mutants cannot be killed: Stryker's own convention leaves them out of the score.
  const total = t.killed + t.timeout + t.survived + t.noCoverage - t.explained;
  return total <= 0 ? '–' : `${((100 * (t.killed + t.timeout)) / total).toFixed(1)} %`;
}

export function readJson(path: string): unknown {
  const full = join(ROOT, path);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as unknown) : undefined;
}

export function renderQualityDoc(report: Report | undefined, meta: RunMeta | undefined, equivalents: Record<string, string>): string {
  const out: string[] = [];
  out.push('# Mutation testing');
  out.push('');
  out.push('<!-- Written by `npm run mutation` (scripts/mutation); `npm run check:quality` (CI) fails when it is older than the code. -->');
  out.push('');
  out.push('StrykerJS plants small bugs (mutants) in the hand-written code of `lib/` (not `lib/generated`, `lib/actions`, nor the');
  out.push('declarative `lib/catalogue`, which `check:generated` and the contract tests guard) and runs the unit, contract, wire and');
  out.push('offline-suite tests that cover each one. A mutant no test notices is a bug the tests would let through: each one');
  out.push('below is either killed by a new test or explained as equivalent (no behaviour differs) in');
  out.push(`\`${EQUIVALENTS_FILE}\`, keyed by file, mutator, original and replacement text.`);
  out.push('');
  out.push('- `npm run mutation`: the whole of it, incrementally (mutants whose code and tests did not change keep their result).');
  out.push('- `npm run mutation -- --since main` or `-- --mutate lib/search/terms.ts,lib/files/storage.ts`: only the files a change');
  out.push('  touches, for feedback while working; the report is updated for those files, and stays marked stale until a full run.');
  out.push('- `npm run mutation -- --report-only`: this page again from the committed report (after adding an explanation).');
  out.push('');
  if (!report) {
    out.push('No mutation run has been recorded yet.');
    return `${out.join('\n')}\n`;
  }
  out.push('## The run this page shows');
  out.push('');
  if (meta?.full) {
    out.push(`- Sources and tests: sha256 \`${meta.sourceHash ?? ''}\``);
  } else {
    out.push('- No full run is recorded: only the files below were tested, on their own (`--mutate`/`--since`), against the tests');
    out.push(`  of sha256 \`${meta?.testsHash ?? ''}\`. A full run (\`npm run mutation\`) scores every folder.`);
  }
  if (meta) {
    out.push(`- Finished ${meta.finishedAt}, ${Math.round(meta.durationSeconds / 60)} min on ${meta.cores} cores (load average ${meta.load[0].toFixed(1)} at the start, ${meta.load[1].toFixed(1)} at the end; the machine is shared)`);
    if (meta.full && meta.partialSince?.length) out.push(`- Re-tested since on their own (a subset run): ${meta.partialSince.map((f) => `\`${f}\``).join(', ')}`);
  }
  out.push('');

  const byFolder = new Map<string, Tally>();
  const total = emptyTally();
  const survivors = new Map<string, Array<{ file: string; line: number; status: string; mutator: string; original: string; replacement: string; key: string }>>();
  const usedKeys = new Set<string>();
  for (const [file, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const folder = folderOf(file);
    const tally = byFolder.get(folder) ?? emptyTally();
    byFolder.set(folder, tally);
    for (const mutant of entry.mutants) {
      const t = [tally, total];
      if (mutant.status === 'Killed') t.forEach((x) => x.killed++);
      else if (mutant.status === 'Timeout') t.forEach((x) => x.timeout++);
      else if (mutant.status === 'Survived') t.forEach((x) => x.survived++);
      else if (mutant.status === 'NoCoverage') t.forEach((x) => x.noCoverage++);
      else if (mutant.status === 'RuntimeError' || mutant.status === 'CompileError') t.forEach((x) => x.errors++);
      else if (mutant.status === 'Ignored') t.forEach((x) => x.ignored++);
      if (!UNDETECTED.has(mutant.status)) continue;
      const key = survivorKey(file, mutant, entry.source);
      if (equivalents[key] !== undefined) {
        usedKeys.add(key);
        t.forEach((x) => x.explained++);
      }
      const list = survivors.get(folder) ?? [];
      list.push({ file, line: mutant.location.start.line, status: mutant.status, mutator: mutant.mutatorName, original: compact(originalText(entry.source, mutant.location)), replacement: compact(mutant.replacement ?? ''), key });
      survivors.set(folder, list);
    }
  }

  out.push('## Score per folder');
  out.push('');
  out.push('Score: killed (or timed out) among the mutants a test could notice. "Without equivalents" leaves the explained');
  out.push('equivalent mutants out, as they cannot be killed. Not counted: mutants TypeScript refuses (compile errors) and');
  out.push('static ones (module-level values, run once at load: each would need the whole suite; stryker.config.json ignoreStatic).');
  out.push('');
  out.push('| folder | mutants | killed | timeout | survived | no coverage | explained | score | without equivalents | static (not run) |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const folders = [...byFolder.keys()].sort((a, b) => {
    const ia = FOLDERS.indexOf(a);
    const ib = FOLDERS.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const row = (name: string, t: Tally): string =>
    `| ${name} | ${t.killed + t.timeout + t.survived + t.noCoverage} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.explained} | ${score(t)} | ${scoreWithEquivalents(t)} | ${t.ignored} |`;
  for (const folder of folders) out.push(row(`\`${folder}\``, byFolder.get(folder) as Tally));
  out.push(row('**all**', total));
  out.push('');

  const unexplained = [...survivors.values()].flat().filter((s) => equivalents[s.key] === undefined).length;
  out.push('## Mutants no test killed');
  out.push('');
  out.push(`${unexplained} of ${[...survivors.values()].flat().length} have no explanation yet: each needs a test that kills it, or a sentence in`);
  out.push(`\`${EQUIVALENTS_FILE}\` under its key saying why no behaviour differs.`);
  out.push('');
  for (const folder of folders) {
    const list = survivors.get(folder);
    if (!list?.length) continue;
    out.push(`### \`${folder}\``);
    out.push('');
    for (const s of list) {
      const why = equivalents[s.key];
      const status = s.status === 'NoCoverage' ? 'no test runs it' : 'survived';
      const change = `\`${s.original.replace(/`/g, "'")}\` → \`${s.replacement.replace(/`/g, "'")}\``;
      out.push(`- \`${s.file}:${s.line}\` ${s.mutator} (${status}): ${change}${why ? `. Equivalent: ${why}` : '. **Unexplained.**'}`);
    }
    out.push('');
  }
  const stale = Object.keys(equivalents).filter((key) => !usedKeys.has(key));
  if (stale.length > 0) {
    out.push('## Explanations that match no survivor any more');
    out.push('');
    out.push('Their mutant was killed, or its code changed: remove them from the file.');
    out.push('');
    for (const key of stale) out.push(`- \`${key.replace(/`/g, "'")}\``);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function currentQualityDoc(): string {
  return renderQualityDoc(readJson(REPORT_FILE) as Report | undefined, readJson(META_FILE) as RunMeta | undefined, (readJson(EQUIVALENTS_FILE) ?? {}) as Record<string, string>);
}
