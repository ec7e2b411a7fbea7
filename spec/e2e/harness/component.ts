import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry, SandboxHandle } from '../../../tools/sandbox';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

/**
 * Facts about the component under test that every e2e spec shares: the credential it is given, how its waits
 * are shortened, and the headers it must send.
 */

/** Distinctive, so a leak is unambiguous when scanning outputs and logs. */
export const ACCESS_TOKEN = `tok_e2e_SECRET_${randomBytes(12).toString('hex')}`;

/** Step configuration: credential fields + step fields, as the platform merges them into cfg. */
export function stepConfig(intercomUrl: string, stepFields: Record<string, unknown> = {}): Record<string, unknown> {
  return { _account: 'account-e2e', accessToken: ACCESS_TOKEN, region: 'auto', baseUrl: intercomUrl, ...stepFields };
}

/**
 * lib/runtime/settings.ts reads these: waits are capped at a fraction of a second so a rate-limit case costs
 * milliseconds, while the retry *logic* (budget, then rebound) stays the production one.
 */
export const FAST_WAITS_ENV: Record<string, string> = {
  INTERCOM_MAX_RATE_LIMIT_WAIT_MS: '150',
  INTERCOM_RETRY_BASE_MS: '20',
  INTERCOM_RETRY_MAX_MS: '100',
};

/**
 * Every request the component sends carries the API version it was generated from and the bearer token. The
 * sandbox's log keeps the version header and a tag of the token (never the token), compared through `sb`.
 */
export function assertIntercomHeaders(sb: Pick<SandboxHandle, 'tokenTag'>, req: LogEntry | undefined, token = ACCESS_TOKEN): void {
  assert.ok(req, 'the sandbox saw no request');
  assert.equal(req.version, INTERCOM_API_VERSION, `Intercom-Version header on ${req.method} ${req.path}`);
  assert.equal(req.tokenTag, sb.tokenTag(token), `Authorization: Bearer <the configured token> on ${req.method} ${req.path}`);
}

/**
 * component.json points `main` at dist/, so the suite runs what `npm run build` produced. Fail loudly when
 * dist/ is missing or older than a source file, instead of testing yesterday's code.
 */
export function assertBuilt(componentRoot: string): void {
  // Checked once per run: a file saved while the suite runs must not fail the specs that come after it.
  if (checkedRoots.has(componentRoot)) return;
  const marker = join(componentRoot, 'dist', 'actions', 'getContact.js');
  assert.ok(existsSync(marker), `${marker} is missing: run \`npm run build\` before the e2e suite`);
  const builtAt = statSync(marker).mtimeMs;
  const newer = newestFile(join(componentRoot, 'lib'), '.ts');
  assert.ok(
    !newer || newer.mtimeMs <= builtAt + 1000,
    `dist/ is older than ${newer?.path ?? 'lib/'}: run \`npm run build\` before the e2e suite`,
  );
  checkedRoots.add(componentRoot);
}

const checkedRoots = new Set<string>();

function newestFile(dir: string, suffix: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestFile(path, suffix)
      : entry.name.endsWith(suffix)
        ? { path, mtimeMs: statSync(path).mtimeMs }
        : undefined;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}
