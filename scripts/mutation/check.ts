/**
 * npm run check:quality (CI): docs/quality.md must describe today's code and tests, as check:generated does for
 * generated files. After a full run: the mutated sources and the tests must hash as recorded. Before any full run
 * (only files tested on their own): each file the report holds must read as it did then, and the tests as well.
 * And the page must be what its report and explanations give. The mutation run itself is too slow for CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, mutatedFiles, QUALITY_DOC, REPORT_FILE, ROOT, sourceHash, testFiles } from './project';
import { currentQualityDoc, readJson, type Report, type RunMeta } from './report';

const problems: string[] = [];
const meta = readJson(META_FILE) as RunMeta | undefined;
const report = readJson(REPORT_FILE) as Report | undefined;
if (!meta || !report) problems.push(`no mutation run is recorded (${META_FILE}, ${REPORT_FILE}): run npm run mutation`);
else if (meta.full) {
  const hash = sourceHash();
  if (meta.sourceHash !== hash) problems.push(`${QUALITY_DOC} describes other sources or tests than these (recorded ${String(meta.sourceHash).slice(0, 12)}, now ${hash.slice(0, 12)}): run npm run mutation`);
} else {
  const mutated = new Set(mutatedFiles());
  for (const [file, entry] of Object.entries(report.files)) {
    const path = join(ROOT, file);
    if (!mutated.has(file) || !existsSync(path)) problems.push(`${file} is in the report but no longer a mutated file: run npm run mutation`);
    else if (readFileSync(path, 'utf8') !== entry.source) problems.push(`${file} changed since it was mutation-tested: run npm run mutation -- --mutate ${file} (or a full run)`);
  }
  const tests = sourceHash(testFiles());
  if (tests !== meta.testsHash) problems.push(`the tests changed since the recorded run (recorded ${meta.testsHash.slice(0, 12)}, now ${tests.slice(0, 12)}): run npm run mutation`);
  if (problems.length === 0) process.stdout.write(`check:quality: no full run is recorded; the ${Object.keys(report.files).length} files tested on their own are as they were\n`);
}
let written = '';
try {
  written = readFileSync(join(ROOT, QUALITY_DOC), 'utf8');
} catch {
  problems.push(`${QUALITY_DOC} is missing`);
}
if (written && written !== currentQualityDoc()) problems.push(`${QUALITY_DOC} is not what its report and explanations give: run npm run mutation -- --report-only`);
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check:quality: ${problem}\n`);
  process.exit(1);
}
process.stdout.write(`check:quality: ${QUALITY_DOC} describes these sources and tests\n`);
