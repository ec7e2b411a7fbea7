/**
 * Rendering helpers shared by several resources: admins as authors, tags, and wrapping plain text
 * bodies the way Intercom stores them (as HTML paragraphs).
 */
import { notFound } from '../errors';
import type { AdminRecord, AppliedTag, PartAuthor, TagRecord } from '../store/records';
import type { Workspace } from '../store/workspace';

export function renderAdmin(a: AdminRecord): Record<string, unknown> {
  return {
    type: 'admin',
    id: a.id,
    name: a.name,
    email: a.email,
    job_title: a.job_title,
    away_mode_enabled: a.away_mode_enabled,
    away_mode_reassign: a.away_mode_reassign,
    away_status_reason_id: a.away_status_reason_id,
    has_inbox_seat: a.has_inbox_seat,
    team_ids: a.team_ids,
    avatar: null,
  };
}

export function renderTag(t: TagRecord): Record<string, unknown> {
  return { type: 'tag', id: t.id, name: t.name };
}

export function renderAppliedTag(ws: Workspace, t: AppliedTag): Record<string, unknown> {
  return { type: 'tag', id: t.id, name: ws.tags.get(t.id)?.name ?? '', applied_at: t.applied_at, applied_by: { type: 'admin', id: t.applied_by } };
}

export function requireAdmin(ws: Workspace, id: string | undefined, field = 'admin_id'): AdminRecord {
  const admin = id === undefined ? undefined : ws.admin(id);
  if (admin === undefined) throw notFound(`Admin not found (${field})`, 'admin_not_found');
  return admin;
}

export function requireTag(ws: Workspace, id: string): TagRecord {
  const tag = ws.tags.get(id);
  if (tag === undefined) throw notFound('Tag not found', 'tag_not_found');
  return tag;
}

export function adminAuthor(a: AdminRecord): PartAuthor {
  return { type: 'admin', id: a.id, name: a.name, email: a.email };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text becomes `<p>…</p>`; bodies that already look like HTML are kept. */
export function htmlBody(text: string): string {
  if (/^\s*</.test(text)) return text;
  return `<p>${text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)}</p>`;
}
