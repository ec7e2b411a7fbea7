/** The designer's JSON API, with the per-start token the page was served with (guard.ts on the server). */
export interface FunctionSummary {
  key: string;
  kind: 'action' | 'trigger';
  polling: boolean;
  title: string;
  description: string;
  resource: string;
  risk: string;
  deprecated: boolean;
  method?: string;
  path?: string;
}

export interface StepField {
  name: string;
  label: string;
  viewClass: string;
  required: boolean;
  note?: string;
  placeholder?: string;
  prompt?: string;
  options?: Record<string, string>;
  selectModel?: string;
}

export type Schema = Record<string, unknown>;

export interface FunctionDetails extends FunctionSummary {
  fields: StepField[];
  dynamicMetadata: boolean;
  takesInput: boolean;
  in?: Schema;
  out?: Schema;
  paging?: string;
  example: Record<string, unknown>;
  snapshot: unknown;
}

export type RunEvent =
  | { type: 'start'; key: string; snapshot?: unknown }
  | { type: 'log'; level: string; message: string }
  | { type: 'request'; method: string; path: string; status: number; requestId?: string; ms: number; code?: string }
  | { type: 'progress'; page: number; items: number; totalPages?: number; totalItems?: number }
  | { type: 'data'; body: unknown }
  | { type: 'snapshot'; snapshot: unknown }
  | { type: 'rebound'; message: string }
  | { type: 'error'; message: string; problems?: string[] }
  | { type: 'end'; code: number; ms: number; dataMessages: number; snapshotKept: boolean };

const token = document.querySelector<HTMLMetaElement>('meta[name="designer-token"]')?.content ?? '';

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'X-Designer-Token': token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // plain text answer
    }
    throw new Error(message || `HTTP ${response.status}`);
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await call('GET', path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await call('POST', path, body)).json()) as T;
}

export async function deleteJson<T>(path: string): Promise<T> {
  return (await (await call('DELETE', path)).json()) as T;
}

/** Runs a step; each server-sent event reaches `onEvent` as it arrives. */
export async function run(key: string, input: unknown, fields: Record<string, unknown>, onEvent: (event: RunEvent) => void): Promise<void> {
  const response = await call('POST', `/api/functions/${encodeURIComponent(key)}/run`, { input, fields });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('the answer has no body');
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      if (data) onEvent(JSON.parse(data) as RunEvent);
      end = buffer.indexOf('\n\n');
    }
    if (done) return;
  }
}
