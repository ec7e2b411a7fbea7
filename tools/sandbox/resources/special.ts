/**
 * Operations whose success is not a JSON document: the data-export downloads (gzipped CSV, plain
 * CSV), call recordings (302 to a signed URL), call transcripts (text/plain) and data events (202).
 */
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ApiError, badRequest } from '../errors';
import { empty, headerValue, json, type Reply, type SandboxRequest } from '../http';
import { bodyObject, optId, optInteger, optObject, optString, reqString } from '../input';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { param } from './contacts';

function exportCsv(ws: Workspace, job: string): string {
  const rows = ['conversation_id,conversation_started_at,message_id,channel,ruleset_id,content_type,content_title,receipt_id,received_at,job_identifier'];
  let n = 0;
  for (const [, c] of ws.conversations.from(-1)) {
    rows.push([c.id, new Date(c.created_at * 1000).toISOString(), c.source.id, 'In-app', '', 'conversation', csvCell(c.title ?? ''), '', c.created_at, job].join(','));
    if (++n >= 50) break;
  }
  return `${rows.join('\n')}\n`;
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function accepts(req: SandboxRequest, type: string, strict: boolean): boolean {
  const accept = headerValue(req.headers, 'accept');
  if (accept === undefined || accept === '') return !strict;
  return accept.split(',').some((part) => {
    const t = part.split(';')[0]?.trim().toLowerCase();
    return t === type || (!strict && (t === '*/*' || t === `${type.split('/')[0]}/*`));
  });
}

function notAcceptable(type: string): ApiError {
  return new ApiError(406, 'not_acceptable', `This endpoint only answers ${type}; send Accept: ${type}`);
}

export function registerSpecial(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get(
    '/download/content/data/{job_identifier}',
    (req): Reply => {
      // Intercom insists on the exact Accept type here; */* is not enough.
      if (!accepts(req, 'application/octet-stream', true)) throw notAcceptable('application/octet-stream');
      const job = param(req, 'job_identifier');
      return {
        kind: 'raw',
        status: 200,
        body: gzipSync(exportCsv(ws, job)),
        contentType: 'application/octet-stream',
        headers: { 'Content-Disposition': `attachment; filename="message_data_export_${job.replace(/[^\w.-]/g, '_')}.csv.gz"` },
      };
    },
    { produces: 'any' },
  );

  router.get(
    '/download/reporting_data/{job_identifier}',
    (req): Reply => {
      if (!accepts(req, 'application/octet-stream', false)) throw notAcceptable('application/octet-stream');
      const rows = ['conversation_id,created_at,state'];
      for (const [, c] of ws.conversations.from(-1)) {
        rows.push(`${c.id},${c.created_at},${c.state}`);
        if (rows.length > 50) break;
      }
      return { kind: 'raw', status: 200, body: `${rows.join('\n')}\n`, contentType: 'application/octet-stream', headers: { 'Content-Disposition': 'attachment; filename="report.csv"' } };
    },
    { produces: 'any' },
  );

  router.get(
    '/calls/{call_id}/recording',
    (req): Reply => {
      const id = param(req, 'call_id');
      const expires = ws.nowSeconds() + 300;
      const signature = createHmac('sha256', ws.settings.seed.key).update(`${id}|${expires}`).digest('hex');
      const location = `https://recordings.sandbox.invalid/calls/${encodeURIComponent(id)}/recording.mp3?expires=${expires}&signature=${signature}`;
      return empty(302, { Location: location });
    },
    { produces: 'any' },
  );

  router.get(
    '/calls/{call_id}/transcript',
    (req): Reply => {
      if (!accepts(req, 'text/plain', false)) throw notAcceptable('text/plain');
      const id = param(req, 'call_id');
      const text = `[00:00:01] Agent: Thanks for calling, this is call ${id}.\n[00:00:04] Customer: Hi, I have a question about my invoice.\n[00:00:09] Agent: Happy to help.\n`;
      return { kind: 'raw', status: 200, body: text, contentType: 'text/plain; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="transcript_${id.replace(/[^\w.-]/g, '_')}.txt"` } };
    },
    { produces: 'any' },
  );

  router.post('/events', (req) => {
    const body = bodyObject(req);
    reqString(body, 'event_name');
    if (optId(body, 'id') === undefined && optId(body, 'user_id') === undefined && optString(body, 'email') === undefined) {
      throw badRequest('Name the contact with id, user_id or email', 'parameter_not_found');
    }
    const createdAt = optInteger(body, 'created_at');
    const metadata = optObject(body, 'metadata');
    const id = optId(body, 'id');
    const userId = optId(body, 'user_id');
    const email = optString(body, 'email');
    ws.dataEvents.push({
      event_name: reqString(body, 'event_name'),
      created_at: createdAt ?? Math.floor(ws.clock.now() / 1000),
      ...(id !== undefined ? { id } : {}),
      ...(userId !== undefined ? { user_id: userId } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(metadata !== undefined ? { metadata } : {}),
    });
    return empty(202);
  });

  // The events of one contact (type=user and one of user_id, intercom_user_id, email), or their per-name
  // summaries with summary=true, as the pinned description answers.
  router.get('/events', (req) => {
    if (req.query.get('type') !== 'user') throw badRequest('type must be user', 'parameter_invalid', 'type');
    const userId = req.query.get('user_id') ?? undefined;
    const intercomUserId = req.query.get('intercom_user_id') ?? undefined;
    const email = req.query.get('email') ?? undefined;
    if (userId === undefined && intercomUserId === undefined && email === undefined) {
      throw badRequest('Name the contact with user_id, intercom_user_id or email', 'parameter_not_found');
    }
    const events = ws.dataEvents.filter(
      (e) => (userId !== undefined && e.user_id === userId) || (intercomUserId !== undefined && e.id === intercomUserId) || (email !== undefined && e.email === email),
    );
    const who = { ...(userId !== undefined ? { user_id: userId } : {}), ...(intercomUserId !== undefined ? { intercom_user_id: intercomUserId } : {}), ...(email !== undefined ? { email } : {}) };
    if (req.query.get('summary') === 'true') {
      const byName = new Map<string, { name: string; first: string; last: string; count: number }>();
      for (const e of events) {
        const at = new Date(e.created_at * 1000).toISOString();
        const summary = byName.get(e.event_name) ?? { name: e.event_name, first: at, last: at, count: 0 };
        summary.count++;
        summary.last = at;
        byName.set(e.event_name, summary);
      }
      return json({ type: 'event.summary', ...who, events: [...byName.values()] });
    }
    return json({ type: 'event.list', events: events.map((e) => ({ type: 'event', ...e })), pages: {} });
  });
}
