import type { ApiRequest, ApiResponse } from './client';
import type { OperationEntry } from './operations';

/**
 * What a data message carries for each kind of response. JSON is emitted as parsed; responses without a
 * JSON document become a small, documented object so a flow always has something to map:
 * - empty (204/202/no body): `{ id?, deleted?: true, status }`
 * - text (call transcript): `{ transcript }`
 * - redirect (call recording): `{ url }` — the signed URL, not the file
 * - a top-level JSON array (Fin Voice calls of a conversation): `{ data: [...] }`, since a message body is an object
 */
export function shapeResult(entry: OperationEntry, request: ApiRequest, response: ApiResponse): unknown {
  switch (entry.response) {
    case 'text':
      return { transcript: typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '') };
    case 'redirect':
      return { url: response.headers['location'] ?? null, status: response.status };
    default: {
      const data = response.data;
      if (Array.isArray(data)) return { data };
      if (data !== null && data !== undefined && data !== '') return data;
      return confirmation(entry, request, response.status);
    }
  }
}

function confirmation(entry: OperationEntry, request: ApiRequest, status: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const lastParam = /\{([^}]+)\}[^{]*$/.exec(entry.path)?.[1];
  if (lastParam) {
    const segments = request.path.split('/');
    const templateSegments = entry.path.split('/');
    const index = templateSegments.indexOf(`{${lastParam}}`);
    const raw = index >= 0 ? segments[index] : undefined;
    if (raw !== undefined) result['id'] = decodeURIComponent(raw);
  }
  if (entry.method === 'DELETE') result['deleted'] = true;
  result['status'] = status;
  return result;
}
