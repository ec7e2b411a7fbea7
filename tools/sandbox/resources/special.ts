/**
 * Operations whose success is not a JSON document: call recordings (302 to a signed URL), call transcripts
 * (text/plain) and data events (202). Export downloads live with their jobs in exports.ts.
 */
import { createHmac } from 'node:crypto';
import { badRequest } from '../errors';
import { empty, type Reply } from '../http';
import { bodyObject, optId, optInteger, optObject, optString, reqString } from '../input';
import type { ResourceContext } from './context';
import { accepts, notAcceptable } from './accept';
import { param } from './contacts';

export function registerSpecial(ctx: ResourceContext): void {
  const { ws, router } = ctx;

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
