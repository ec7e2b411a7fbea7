import type { HelpTexts } from './types';

export const teamsHelp: HelpTexts = {
  id: 'ID of the team; other actions take it as team_id or team_assignee_id.',
  name: 'Name of the team, e.g. Support.',
  admin_ids: 'IDs of the admins (teammates) in the team.',
  admin_priority_level: 'Admins who have this team as their primary or secondary team.',
  'admin_priority_level.primary_admin_ids': 'IDs of admins for whom this is the primary team.',
  'admin_priority_level.secondary_admin_ids': 'IDs of admins for whom this is a secondary team.',
  teams: 'The teams of the workspace, each with ID, name and admin IDs.',
  assignment_limit: 'Most conversations one admin of the team gets assigned at a time.',
  distribution_method: 'How the team hands out conversations, e.g. round_robin or balanced.',
  open: 'How many open conversations the team has now.',
  snoozed: 'How many snoozed conversations the team has now.',
  idle: 'How many of the team’s open conversations are waiting without a reply.',
  idle_threshold: 'Seconds without a reply after which a conversation counts as idle.',
};
