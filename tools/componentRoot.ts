import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The component's root folder (the one holding component.json). The tools run from their TypeScript sources
 * (tests) and from tools/dist (the bin), which sit at different depths, so the root is looked up, not assumed.
 */
function findComponentRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'component.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`component.json not found above ${start}`);
  }
}

export const COMPONENT_ROOT = findComponentRoot(__dirname);
