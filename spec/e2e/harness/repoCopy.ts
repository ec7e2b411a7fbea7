import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Never part of a build context, whatever .gitignore says (a symlinked node_modules is not matched by `node_modules/`). */
const NEVER_COPIED = new Set(['node_modules', 'dist']);

/**
 * The top-level names an ignore file (`.dockerignore`, or a Dockerfile's own `<name>.dockerignore`, which
 * BuildKit prefers) leaves out of a Docker build context. The file holds plain names and `*.ext` patterns only
 * (checked here); anything else would need Docker's full matcher.
 */
export function dockerIgnored(root: string, ignoreFile = '.dockerignore'): (file: string) => boolean {
  const path = join(root, ignoreFile);
  const patterns = existsSync(path)
    ? readFileSync(path, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    : [];
  for (const pattern of patterns) {
    if (!/^(\*\.[\w.]+|[\w.-]+)$/.test(pattern)) throw new Error(`.dockerignore pattern ${pattern} is not a plain name or *.ext`);
  }
  return (file) => {
    const top = file.split('/')[0] ?? '';
    return patterns.some((pattern) => (pattern.startsWith('*.') ? file.endsWith(pattern.slice(1)) : top === pattern));
  };
}

/**
 * Copies what a Docker build context of a clean clone holds: tracked files plus new files that are not
 * ignored (uncommitted work counts too), less what .dockerignore leaves out. node_modules/, dist/ and other ignored output stay behind, so the copy
 * has to install and build itself like the image build does. Symlinks stay symlinks, as `COPY` keeps them.
 */
export function copyRepository(root: string, destination: string, only: (file: string) => boolean = () => true, ignoreFile = '.dockerignore'): number {
  const ignored = dockerIgnored(root, ignoreFile);
  const listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  let copied = 0;
  for (const file of listing.split('\0').filter(Boolean)) {
    if (NEVER_COPIED.has(file.split('/')[0] ?? '') || ignored(file) || !only(file)) continue;
    const source = join(root, file);
    let stat;
    try {
      stat = lstatSync(source);
    } catch {
      continue; // deleted in the work tree, not yet in the index
    }
    const target = join(destination, file);
    mkdirSync(dirname(target), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stat.isFile()) copyFileSync(source, target);
    else continue;
    copied++;
  }
  return copied;
}
