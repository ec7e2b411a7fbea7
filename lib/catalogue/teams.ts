import { resource } from './types';

export default resource({
  listTeams: {
    op: 'GET /teams',
    title: 'Teams: List',
    description: 'Lists the teams of the workspace with their members.',
    paginate: 'whole',
    itemsPath: 'teams',
  },
  getTeam: {
    op: 'GET /teams/{team_id}',
    title: 'Teams: Get',
    description: 'Fetches one team with its members by id.',
  },
  getTeamMetrics: {
    op: 'GET /teams/{team_id}/metrics',
    title: 'Teams: Get workload metrics',
    description: 'Counts the open, idle and snoozed conversations of each member of a team.',
    paginate: 'whole',
    itemsPath: 'data',
  },
});
