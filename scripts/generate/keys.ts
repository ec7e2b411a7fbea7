import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every action key ever published. Append-only: users' flows reference these names forever. */
const LOCK = join(__dirname, 'keys.lock.json');

export function lockedKeys(): string[] {
  return existsSync(LOCK) ? (JSON.parse(readFileSync(LOCK, 'utf8')) as string[]) : [];
}

export function updatedLock(current: string[]): string[] {
  return [...new Set([...lockedKeys(), ...current])].sort();
}
