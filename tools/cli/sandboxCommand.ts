/** `intercom-component sandbox`: serves the sandbox on loopback until Ctrl-C, logging each request on stderr. */
import type { SandboxHandle } from '../sandbox';
import { API_VERSION } from '../sandbox/auth';
import { type CliArgs } from './args';
import { DEFAULT_SANDBOX_PORT, SANDBOX_TOKEN, sandboxOptions, startLocalSandbox } from './connection';

/** Resolves on the first SIGINT or SIGTERM. */
export function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function serveSandbox(args: CliArgs): Promise<number> {
  const port = args.sandbox.port ?? DEFAULT_SANDBOX_PORT;
  const options = sandboxOptions(args.sandbox, port);
  options.onRequest = (e) => {
    process.stderr.write(`${e.method} ${e.path} -> ${e.status === 0 ? 'no answer' : e.status}${e.fault ? ` (fault: ${e.fault})` : ''}\n`);
  };
  let sb: SandboxHandle;
  try {
    sb = await startLocalSandbox(options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new Error(`port ${port} is already in use; choose another with --port N (0 picks a free one)`, { cause: error });
    throw error;
  }
  const seed = sb.state.settings.seed;
  const portHint = sb.port === DEFAULT_SANDBOX_PORT ? '' : ` INTERCOM_SANDBOX_PORT=${sb.port}`;
  process.stdout.write(
    [
      `Intercom sandbox (REST API ${API_VERSION}) listening at ${sb.url}`,
      `  sample data: ${seed.contacts.toLocaleString('en-US')} contacts, ${seed.companies.toLocaleString('en-US')} companies, ${seed.conversations.toLocaleString('en-US')} conversations, ${seed.tickets.toLocaleString('en-US')} tickets`,
      `  state: kept in memory while it runs (what you create, update or delete stays until Ctrl-C; nothing is written to disk)`,
      `  in another terminal, runs without INTERCOM_ACCESS_TOKEN use it by themselves:`,
      `    ${portHint ? `export${portHint}; ` : ''}npx intercom-component run createContact --input '{"email":"jane@example.com"}'`,
      `    npx intercom-component poll newOrUpdatedContacts --every 10`,
      `  or point any client at it (it accepts any bearer token): INTERCOM_BASE_URL=${sb.url} INTERCOM_ACCESS_TOKEN=${SANDBOX_TOKEN}`,
      `  Ctrl-C stops it.`,
      '',
    ].join('\n'),
  );
  const signal = await untilStopped();
  await sb.close();
  process.stderr.write(`sandbox: stopped (${signal}) after ${sb.requests.total.toLocaleString('en-US')} request(s); its changes are gone\n`);
  return 0;
}
