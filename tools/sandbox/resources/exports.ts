/**
 * Export jobs, walked through as Intercom does: a create answers a job id with status `pending`; status checks
 * see it move to `in_progress` and then `completed` (`complete` for reporting exports) as the sandbox clock
 * passes `exportJobMs`; only a finished job can be downloaded (gzipped CSV for content exports, plain CSV for
 * reporting exports). A canceled job stays canceled. Unknown ids answer 404 like Intercom.
 */
import { gzipSync } from 'node:zlib';
import { ApiError, badRequest, notFound } from '../errors';
import { json, type Reply, type SandboxRequest } from '../http';
import { bodyObject, optArray, optInteger, reqString } from '../input';
import type { Workspace } from '../store/workspace';
import type { ResourceContext } from './context';
import { accepts, notAcceptable } from './accept';
import { param } from './contacts';

type JobKind = 'content' | 'reporting';

interface ExportJob {
  id: string;
  kind: JobKind;
  createdMs: number;
  canceled: boolean;
  /** Content exports: the time range asked for (Unix seconds). */
  from?: number;
  until?: number;
}

/** Intercom allows five reporting export jobs in flight per workspace, and one content (message data) export. */
const MAX_PENDING_REPORTING_JOBS = 5;
const MAX_PENDING_CONTENT_JOBS = 1;

function statusOf(job: ExportJob, nowMs: number, jobMs: number): string {
  if (job.canceled) return 'canceled';
  const age = nowMs - job.createdMs;
  if (age >= jobMs) return job.kind === 'reporting' ? 'complete' : 'completed';
  return age >= jobMs / 2 ? 'in_progress' : 'pending';
}

function isFinished(status: string): boolean {
  return status === 'completed' || status === 'complete';
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Rows for the conversations started within the job's range (at most 50, like a small workspace); with the
 * `contentExportRows` knob, that many rows: synthetic receipts of one series past the stored conversations, for
 * large exports.
 */
function contentCsv(ws: Workspace, job: ExportJob, rowCount: number | null): string {
  const rows = ['conversation_id,conversation_started_at,message_id,channel,ruleset_id,content_type,content_title,receipt_id,received_at,job_identifier'];
  const stored = Math.min(rowCount ?? 50, 50);
  let n = 0;
  for (const [, c] of ws.conversations.from(-1)) {
    if (n >= stored) break;
    if (rowCount === null && ((job.from !== undefined && c.created_at < job.from) || (job.until !== undefined && c.created_at > job.until))) continue;
    rows.push([c.id, new Date(c.created_at * 1000).toISOString(), c.source.id, 'In-app', '', 'conversation', csvCell(c.title ?? ''), '', c.created_at, job.id].join(','));
    n++;
  }
  for (let i = n; rowCount !== null && i < rowCount; i++) {
    rows.push([`synthetic-${i}`, '2024-01-01T00:00:00.000Z', `message-${i}`, 'Email', `ruleset-${i % 97}`, 'series', '"Weekly digest, part 1"', `receipt-${i}`, 1704067200 + i, job.id].join(','));
  }
  return `${rows.join('\n')}\n`;
}

function reportingCsv(ws: Workspace): string {
  const rows = ['conversation_id,created_at,state'];
  for (const [, c] of ws.conversations.from(-1)) {
    rows.push(`${c.id},${c.created_at},${c.state}`);
    if (rows.length > 50) break;
  }
  return `${rows.join('\n')}\n`;
}

export function registerExports(ctx: ResourceContext): void {
  const { ws, router, exportJobMs } = ctx;
  const jobs = new Map<string, ExportJob>();
  let sequence = 0;
  const now = (): number => ws.clock.now();

  const create = (kind: JobKind, range: { from?: number; until?: number }): ExportJob => {
    sequence++;
    const job: ExportJob = { id: `${kind === 'content' ? 'cx' : 'rx'}${sequence.toString(36).padStart(6, '0')}${ws.settings.appId}`, kind, createdMs: now(), canceled: false, ...range };
    jobs.set(job.id, job);
    return job;
  };
  const find = (id: string, kind: JobKind): ExportJob => {
    const job = jobs.get(id);
    if (!job || job.kind !== kind) throw notFound(`Export job not found for identifier: ${id}`);
    return job;
  };
  const view = (job: ExportJob, req: SandboxRequest): Record<string, string> => {
    const status = statusOf(job, now(), exportJobMs);
    const finished = isFinished(status);
    const path = job.kind === 'content' ? `/download/content/data/${job.id}` : `/download/reporting_data/${job.id}`;
    return {
      job_identifier: job.id,
      status,
      download_url: finished ? `${req.baseUrl}${path}` : '',
      download_expires_at: finished ? String(Math.floor((job.createdMs + exportJobMs) / 1000) + 2 * 24 * 3600) : '',
    };
  };
  const pendingJobs = (kind: JobKind): number => [...jobs.values()].filter((j) => j.kind === kind && !j.canceled && !isFinished(statusOf(j, now(), exportJobMs))).length;
  const finished = (job: ExportJob): void => {
    const status = statusOf(job, now(), exportJobMs);
    if (!isFinished(status)) throw notFound(`Export job ${job.id} is ${status}, not completed; check its status until it is`);
  };

  router.post('/export/content/data', (req) => {
    const body = bodyObject(req);
    const from = optInteger(body, 'created_at_after');
    const until = optInteger(body, 'created_at_before');
    if (from === undefined) throw badRequest("'created_at_after' is a required parameter", 'parameter_not_found', 'created_at_after');
    if (until === undefined) throw badRequest("'created_at_before' is a required parameter", 'parameter_not_found', 'created_at_before');
    if (until < from) throw badRequest('created_at_before must not be before created_at_after', 'parameter_invalid', 'created_at_before');
    // Waiting for the rate-limit window does not help here (the client must not retry it as one): the running job
    // has to finish or be canceled first.
    if (pendingJobs('content') >= MAX_PENDING_CONTENT_JOBS) {
      throw new ApiError(429, 'rate_limit_exceeded', `Exceeded rate limit of ${MAX_PENDING_CONTENT_JOBS} pending message data export jobs`);
    }
    return json(view(create('content', { from, until }), req));
  });
  router.get('/export/content/data/{job_identifier}', (req) => json(view(find(param(req, 'job_identifier'), 'content'), req)));
  router.post('/export/cancel/{job_identifier}', (req) => {
    const job = find(param(req, 'job_identifier'), 'content');
    if (!isFinished(statusOf(job, now(), exportJobMs))) job.canceled = true;
    return json(view(job, req));
  });
  router.get(
    '/download/content/data/{job_identifier}',
    (req): Reply => {
      // Intercom insists on the exact Accept type here; */* is not enough.
      if (!accepts(req, 'application/octet-stream', true)) throw notAcceptable('application/octet-stream');
      const job = find(param(req, 'job_identifier'), 'content');
      finished(job);
      return {
        kind: 'raw',
        status: 200,
        body: gzipSync(contentCsv(ws, job, ctx.knobs.contentExportRows), { level: 1 }),
        contentType: 'application/octet-stream',
        headers: { 'Content-Disposition': `attachment; filename="message_data_export_${job.id}.csv.gz"` },
      };
    },
    { produces: 'any' },
  );

  router.post('/export/reporting_data/enqueue', (req) => {
    const body = bodyObject(req);
    reqString(body, 'dataset_id');
    optArray(body, 'attribute_ids');
    optInteger(body, 'start_time');
    optInteger(body, 'end_time');
    if (pendingJobs('reporting') >= MAX_PENDING_REPORTING_JOBS) {
      throw new ApiError(429, 'rate_limit_exceeded', `Exceeded rate limit of ${MAX_PENDING_REPORTING_JOBS} pending reporting dataset export jobs`);
    }
    return json(view(create('reporting', {}), req));
  });
  router.get('/export/reporting_data/{job_identifier}', (req) => json(view(find(param(req, 'job_identifier'), 'reporting'), req)));
  router.get(
    '/download/reporting_data/{job_identifier}',
    (req): Reply => {
      if (!accepts(req, 'application/octet-stream', false)) throw notAcceptable('application/octet-stream');
      const job = find(param(req, 'job_identifier'), 'reporting');
      finished(job);
      return { kind: 'raw', status: 200, body: reportingCsv(ws), contentType: 'application/octet-stream', headers: { 'Content-Disposition': `attachment; filename="report_${job.id}.csv"` } };
    },
    { produces: 'any' },
  );
}
