import { callOperation, type CuratedRun, isRecord, text } from './common';

export interface TagRef {
  type?: string;
  id: string;
  name: string;
}

/**
 * The workspace tag with this name: exact match first, else the only case-insensitive match (Intercom
 * compares tag names without regard to case when creating one).
 */
export async function findTag(run: CuratedRun, name: string): Promise<TagRef | undefined> {
  const response = await callOperation<Record<string, unknown>>(run, 'listTags', {});
  const tags = (isRecord(response.data) && Array.isArray(response.data['data']) ? response.data['data'] : []).filter(isRecord);
  const refs = tags
    .map((t) => ({ type: text(t['type']) ?? 'tag', id: text(t['id']) ?? '', name: typeof t['name'] === 'string' ? t['name'] : '' }))
    .filter((t) => t.id !== '');
  const exact = refs.find((t) => t.name === name);
  if (exact) return exact;
  const loose = refs.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  return loose.length === 1 ? loose[0] : undefined;
}

/** Finds the tag by name or creates it; creating a tag by name is idempotent on Intercom's side. */
export async function findOrCreateTag(run: CuratedRun, name: string): Promise<{ tag: TagRef; created: boolean }> {
  const existing = await findTag(run, name);
  if (existing) return { tag: existing, created: false };
  const response = await callOperation<Record<string, unknown>>(run, 'manageTag', { name }, { idempotent: true });
  const data = isRecord(response.data) ? response.data : {};
  return { tag: { type: text(data['type']) ?? 'tag', id: text(data['id']) ?? '', name: text(data['name']) ?? name }, created: true };
}

export function tagOf(data: unknown, fallback: TagRef): TagRef {
  if (!isRecord(data) || text(data['id']) === undefined) return fallback;
  return { type: text(data['type']) ?? 'tag', id: text(data['id']) ?? fallback.id, name: text(data['name']) ?? fallback.name };
}
