/**
 * npm run check:quality (CI): docs/quality.md must describe today's code. Fails when the mutated sources or the
 * tests changed since the recorded full run (run `npm run mutation`), or when the page differs from what its
 * report and explanations give (run `npm run mutation -- --report-only`). The mutation run itself is too slow for CI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, QUALITY_DOC, ROOT, sourceHash } from './project';
import { currentQualityDoc, readJson, type RunMeta } from './report';

const problems: string[] = [];
const meta = readJson(META_FILE) as RunMeta | undefined;
const hash = sourceHash();
if (!meta) problems.push(`no mutation run is recorded (${META_FILE}): run npm run mutation`);
else if (meta.sourceHash !== hash) problems.push(`${QUALITY_DOC} describes other sources or tests than these (recorded ${meta.sourceHash.slice(0, 12)}, now ${hash.slice(0, 12)}): run npm run mutation`);
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
process.stdout.write(`check:quality: ${QUALITY_DOC} describes these sources and tests (${hash.slice(0, 12)})\n`);
