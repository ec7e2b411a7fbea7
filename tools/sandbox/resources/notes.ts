/** Notes on contacts and companies, listed newest first with page-style paging. */
import { notFound } from '../errors';
import { json, type SandboxRequest } from '../http';
import { bodyObject, optId, reqString } from '../input';
import { linkPages, pageOf, pageParams } from '../pagination';
import type { NoteRecord } from '../store/records';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { requireCompany } from './companies';
import { param, requireContact } from './contacts';
import { htmlBody, renderAdmin, requireAdmin } from './render';

export function renderNote(ws: Workspace, n: NoteRecord): Record<string, unknown> {
  const author = ws.admin(n.author_id);
  return {
    type: 'note',
    id: n.id,
    created_at: n.created_at,
    contact: n.contact_id === null ? null : { type: 'contact', id: n.contact_id },
    company: n.company_id === null ? null : { type: 'company', id: n.company_id },
    author: author === undefined ? null : renderAdmin(author),
    body: n.body,
  };
}

function listNotes(ws: Workspace, req: SandboxRequest, ids: readonly string[]): unknown {
  const notes = ids.flatMap((id) => {
    const n = ws.notes.get(id);
    return n === undefined ? [] : [n];
  });
  notes.reverse(); // newest first
  const p = pageParams(req, 50, 150);
  return { type: 'list', data: pageOf(notes, p).map((n) => renderNote(ws, n)), total_count: notes.length, pages: linkPages(req, p, notes.length) };
}

function authorOf(ws: Workspace, adminId: string | undefined): string {
  // Without admin_id the note is written by the token's admin (the first seeded admin).
  if (adminId === undefined) return ws.admins[0]?.id ?? '0';
  return requireAdmin(ws, adminId).id;
}

export function registerNotes(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get('/contacts/{contact_id}/notes', (req) => {
    const { record } = requireContact(ws, param(req, 'contact_id'));
    return json(listNotes(ws, req, ws.notesByContact.get(record.id) ?? []));
  });

  router.post('/contacts/{contact_id}/notes', (req) => {
    const { record } = requireContact(ws, param(req, 'contact_id'));
    const body = bodyObject(req);
    const text = reqString(body, 'body');
    const note = ws.createNote({ created_at: ws.nowSeconds(), body: htmlBody(text), author_id: authorOf(ws, optId(body, 'admin_id')), contact_id: record.id, company_id: null });
    return json(renderNote(ws, note));
  });

  router.get('/companies/{company_id}/notes', (req) => {
    const { record } = requireCompany(ws, param(req, 'company_id'));
    return json(listNotes(ws, req, ws.notesByCompany.get(record.id) ?? []));
  });

  router.post('/companies/{company_id}/notes', (req) => {
    const { record } = requireCompany(ws, param(req, 'company_id'));
    const body = bodyObject(req);
    const text = reqString(body, 'body');
    const note = ws.createNote({ created_at: ws.nowSeconds(), body: htmlBody(text), author_id: authorOf(ws, optId(body, 'admin_id')), contact_id: null, company_id: record.id });
    return json(renderNote(ws, note));
  });

  router.get('/notes/{note_id}', (req) => {
    const note = ws.notes.get(param(req, 'note_id'));
    if (note === undefined) throw notFound('Note not found');
    return json(renderNote(ws, note));
  });
}
