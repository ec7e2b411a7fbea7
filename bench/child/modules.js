'use strict';
/**
 * Benchmark 2 (memory), in a fresh process started with --expose-gc: RSS and heap after loading nothing,
 * one action module, or every action and trigger module of component.json.
 */
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
const which = process.argv[2];
const manifest = require(join(root, 'component.json'));

const mains = [];
if (which === 'one') mains.push(manifest.actions.getContact.main);
if (which === 'all') for (const entry of [...Object.values(manifest.actions), ...Object.values(manifest.triggers)]) mains.push(entry.main);
for (const main of mains) require(join(root, main));
global.gc();
global.gc();
const memory = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ modules: mains.length, rss: memory.rss, heapUsed: memory.heapUsed })}\n`);
