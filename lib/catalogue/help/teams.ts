import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    team: {
      type: 'Always "team": names the kind of object.',
      id: 'Intercom’s ID of the team; other actions take it as team_id or team_assignee_id.',
      name: 'Name of the team, e.g. Support.',
      admin_ids: 'Intercom’s IDs of the admins (teammates) in the team.',
      admin_priority_level: 'Admins who have this team as their primary or secondary team.',
      assignment_limit: 'Most conversations one admin of the team gets at a time; only with balanced distribution.',
      distribution_method: 'How the team hands out conversations, e.g. round_robin or balanced.',
    },
    team_list: { type: 'Always "team.list": names the kind of object.', teams: 'The teams of the workspace, each with ID, name and admin IDs.' },
    admin_priority_level: {
      primary_admin_ids: 'Intercom’s IDs of the admins whose primary team this is.',
      secondary_admin_ids: 'Intercom’s IDs of the admins for whom this is a secondary team.',
    },
    team_metric: {
      type: 'Always "team_metric": names the kind of object.',
      admin_id: 'Intercom’s ID of the admin (teammate) the counts are for.',
      open: 'How many open conversations are assigned to the admin now.',
      idle: 'How many of the admin’s open conversations have waited longer than the idle threshold for a reply.',
      snoozed: 'How many snoozed conversations are assigned to the admin now.',
    },
    team_metric_list: { type: 'Always "team_metric.list": names the kind of object.', data: 'The counts of each admin (teammate) of the team, one object per admin.' },
  },
  actions: {
    getTeamMetrics: { in: { idle_threshold: 'Seconds an open conversation may wait for an admin reply before it counts as idle, from 1 to 86400; Intercom moves a value outside that range to the nearest end. When left empty, Intercom uses 1800 (30 minutes).' } },
  },
};

export default help;
