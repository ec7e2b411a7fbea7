/**
 * Operations whose success is not a JSON document: the data-export downloads (gzipped CSV, plain
 * CSV), call recordings (302 to a signed URL), call transcripts (text/plain) and data events (202).
 */
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ApiError, badRequest } from '../errors';
import { empty, headerValue, type Reply, type SandboxRequest } from '../http';
import { bodyObject, optId, optInteger, optObject, optString, reqString } from '../input';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { param } from './contacts';

function exportCsv(ws: Workspace, job: string, rowCount: number | null): string {
  const rows = ['conversation_id,conversation_started_at,message_id,channel,ruleset_id,content_type,content_title,receipt_id,received_at,job_identifier'];
  const stored = Math.min(rowCount ?? 50, 50);
  let n = 0;
  for (const [, c] of ws.conversations.from(-1)) {
    if (n >= stored) break;
    rows.push([c.id, new Date(c.created_at * 1000).toISOString(), c.source.id, 'In-app', '', 'conversation', csvCell(c.title ?? ''), '', c.created_at, job].join(','));
    n++;
  }
  // With the contentExportRows knob: synthetic receipts of one series past the stored conversations, for large exports.
  for (let i = n; rowCount !== null && i < rowCount; i++) {
    rows.push([`synthetic-${i}`, '2024-01-01T00:00:00.000Z', `message-${i}`, 'Email', `ruleset-${i % 97}`, 'series', '"Weekly digest, part 1"', `receipt-${i}`, 1704067200 + i, job].join(','));
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
        body: gzipSync(exportCsv(ws, job, ctx.knobs.contentExportRows), { level: 1 }),
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
    optInteger(body, 'created_at');
    optObject(body, 'metadata');
    return empty(202);
  });
}
