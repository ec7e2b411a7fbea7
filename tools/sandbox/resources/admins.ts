/** The token's admin (/me, with the app's timezone and region), admins with away mode, and teams. */
import { notFound } from '../errors';
import { json } from '../http';
import { bodyObject, optBoolean, optNullableInteger } from '../input';
import { badRequest } from '../errors';
import type { TeamRecord } from '../store/records';
import type { ResourceContext } from './context';
import { param } from './contacts';
import { renderAdmin, requireAdmin } from './render';

function renderTeam(t: TeamRecord): Record<string, unknown> {
  return { type: 'team', id: t.id, name: t.name, admin_ids: t.admin_ids, assignment_limit: null, distribution_method: 'round_robin' };
}

export function registerAdmins(ctx: ResourceContext): void {
  const { ws, router } = ctx;

  router.get('/me', () => {
    const me = ws.admins[0];
    if (me === undefined) throw notFound('Admin not found', 'admin_not_found');
    const { avatar: _unused, away_status_reason_id: _reason, ...rest } = renderAdmin(me);
    return json({
      ...rest,
      email_verified: true,
      avatar: { type: 'avatar', image_url: `https://static.example.com/avatars/${me.id}/128.png` },
      app: {
        type: 'app',
        id_code: ws.settings.appId,
        name: ws.settings.appName,
        created_at: ws.settings.seed.epoch - 365 * 86_400,
        secure: false,
        identity_verification: false,
        timezone: ws.settings.timeZone,
        region: ws.settings.region,
      },
    });
  });

  router.get('/admins', () => json({ type: 'admin.list', admins: ws.admins.map(renderAdmin) }));

  router.get('/admins/{admin_id}', (req) => json(renderAdmin(requireAdmin(ws, param(req, 'admin_id')))));

  router.put('/admins/{admin_id}/away', (req) => {
    const admin = requireAdmin(ws, param(req, 'admin_id'));
    const body = bodyObject(req);
    const enabled = optBoolean(body, 'away_mode_enabled');
    const reassign = optBoolean(body, 'away_mode_reassign');
    if (enabled === undefined || reassign === undefined) {
      throw badRequest('away_mode_enabled and away_mode_reassign are both required', 'parameter_invalid');
    }
    admin.away_mode_enabled = enabled;
    admin.away_mode_reassign = reassign;
    const reason = optNullableInteger(body, 'away_status_reason_id');
    if (reason !== undefined) admin.away_status_reason_id = reason;
    return json(renderAdmin(admin));
  });

  router.get('/teams', () => json({ type: 'team.list', teams: ws.teams.map(renderTeam) }));

  router.get('/teams/{team_id}', (req) => {
    const team = ws.team(param(req, 'team_id'));
    if (team === undefined) throw notFound('Team not found', 'team_not_found');
    return json(renderTeam(team));
  });
}
