/**
 * Operations whose success is not a JSON document: call recordings (302 to a signed URL), call transcripts
 * (text/plain) and data events (202). Export downloads live with their jobs in exports.ts.
 */
import { createHmac } from 'node:crypto';
import { badRequest } from '../errors';
import { empty, json, type Reply } from '../http';
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
