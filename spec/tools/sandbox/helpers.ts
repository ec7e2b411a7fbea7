/** Test helpers for the sandbox suites: a tiny fetch wrapper that keeps status, headers and body. */
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../tools/sandbox';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are probed field by field
  body: any;
}

export interface Client {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export const TOKEN = 'sandbox-test-token';

export function client(sb: SandboxHandle, token: string | null = TOKEN): Client {
  return {
    async call(method, path, body, headers = {}) {
      const h: Record<string, string> = { 'Intercom-Version': INTERCOM_API_VERSION, Accept: 'application/json', ...headers };
      if (token !== null) h['Authorization'] = `Bearer ${token}`;
      if (body !== undefined) h['Content-Type'] = 'application/json';
      const r = await fetch(sb.url + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await r.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: r.status, headers: r.headers, text, body: parsed };
    },
  };
}

/** Start a sandbox for one describe() block; closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}): { sb: () => SandboxHandle; api: () => Client } {
  let sb: SandboxHandle | undefined;
  before(async () => {
    sb = await startSandbox({ operationsFile: null, ...options });
  });
  after(async () => {
    await sb?.close();
  });
  const get = (): SandboxHandle => {
    if (sb === undefined) throw new Error('sandbox not started');
    return sb;
  };
  return { sb: get, api: () => client(get()) };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
