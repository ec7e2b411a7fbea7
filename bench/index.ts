/**
 * npm run bench: every benchmark measured side by side in one run, written to docs/benchmarks.md.
 * Figures are ratios or bounds taken in the same process, so they compare like with like on any machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { callOverhead } from './callOverhead';

async function main(): Promise<void> {
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench\` (Node ${process.version}, ${cpus().length} CPU(s), ${cpus()[0]?.model ?? 'unknown CPU'}).`,
    'Each figure is measured side by side within one run; absolute times vary with the machine, ratios much less.',
    '',
  ];
  const call = await callOverhead();
  lines.push(
    '## 1. Per-call cost of process() against a local server',
    '',
    `Median of interleaved rounds, ${call.calls} calls each, \`getContact\` against a node:http server on 127.0.0.1 answering a fixed contact.`,
    '',
    '| call | µs per call | ratio to process() |',
    '|---|---|---|',
    `| action \`process()\` (validation, envelope, retries, logging) | ${call.processMicros.toFixed(0)} | 1.00 |`,
    `| bare keep-alive axios GET | ${call.axiosMicros.toFixed(0)} | ${(call.axiosMicros / call.processMicros).toFixed(2)} |`,
    `| bare node:http GET (the floor) | ${call.httpMicros.toFixed(0)} | ${(call.httpMicros / call.processMicros).toFixed(2)} |`,
    '',
    `process() / axios = **${(call.processMicros / call.axiosMicros).toFixed(2)}×** (goal ≤ 1.10×); process() / node:http = ${(call.processMicros / call.httpMicros).toFixed(2)}×.`,
    '',
  );
  const out = join(__dirname, '..', 'docs', 'benchmarks.md');
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\nwritten to docs/benchmarks.md\n`);
}

void main();
