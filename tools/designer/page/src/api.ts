/** The designer's JSON API, with the per-start token the page was served with (guard.ts on the server). */
import type { FunctionDetails, FunctionSummary, FunctionView, RunEvent, Schema, StepField } from './protocol.js';

export type { FunctionDetails, FunctionSummary, FunctionView, RunEvent, Schema, StepField };

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
