/**
 * npm run trace:paged-list [-- <component root>]: which files of the compiled component a paged list passes
 * through, from the action module's process() to its last emit. listContacts (all pages, one message per
 * contact) runs against the sandbox; V8's precise coverage counts the functions that ran during that call only
 * (module loading is reset away first), and the files holding them are listed.
 */
import { existsSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface FunctionCoverage {
  functionName: string;
  ranges: Array<{ count: number }>;
}
interface ScriptCoverage {
  url: string;
  functions: FunctionCoverage[];
}
type ProcessFn = (this: unknown, msg: unknown, cfg: unknown) => Promise<void>;
interface Sandbox {
  url: string;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? join(__dirname, '..'));
  const dist = join(root, 'dist');
  // The sandbox is a tool of this repository; older trees kept it inside the component's dist/.
  const sandboxPath = [join(root, 'tools', 'dist', 'sandbox'), join(dist, 'sandbox')].find((path) => existsSync(join(path, 'index.js')));
  if (!sandboxPath || !existsSync(join(dist, 'actions', 'listContacts.js'))) throw new Error(`build ${root} first (npm run build, npm run build:tools)`);
  const { startSandbox } = require(sandboxPath) as { startSandbox: (options: unknown) => Promise<Sandbox> };
  const sandbox = await startSandbox({ seed: { contacts: 450 } });
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    const action = require(join(dist, 'actions', 'listContacts.js')) as { process: ProcessFn };
    let emitted = 0;
    const quiet = (): void => undefined;
    const step = {
      logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      emit: (event: string): void => {
        if (event === 'data') emitted++;
      },
    };
    const cfg = { accessToken: 'trace-token', baseUrl: sandbox.url, fetch: 'all', emit: 'individually', pageSize: 150 };
    // A first call warms the per-process caches (schemas, clients); the second is the one traced.
    await action.process.call(step, { body: {} }, cfg);
    await session.post('Profiler.takePreciseCoverage');
    emitted = 0;
    await action.process.call(step, { body: {} }, cfg);
    const { result } = (await session.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
    const files = result
      .filter((script) => script.url.startsWith('file:') && fileURLToPath(script.url).startsWith(`${dist}/`) && !fileURLToPath(script.url).startsWith(`${sandboxPath}/`))
      .filter((script) => script.functions.some((fn) => fn.functionName !== '' && (fn.ranges[0]?.count ?? 0) > 0))
      .map((script) => relative(dist, fileURLToPath(script.url)))
      .sort();
    process.stdout.write(`listContacts, all pages, ${emitted} messages: ${files.length} files of dist/ ran\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  } finally {
    session.disconnect();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`trace:paged-list: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
