import { resource } from './types';

export default resource({
  identifyAdmin: {
    op: 'GET /me',
    title: 'Admins: Identify me',
    description: 'Returns the admin who owns the access token, with the workspace it belongs to.',
  },
  setAdminAway: {
    op: 'PUT /admins/{admin_id}/away',
    title: 'Admins: Set away mode',
    description: 'Turns away mode on or off for an admin, optionally reassigning their conversations.',
  },
  listAdminActivityLogs: {
    op: 'GET /admins/activity_logs',
    title: 'Admins: List activity logs',
    description: 'Lists what admins did in the workspace within a time range.',
    paginate: 'page',
    itemsPath: 'activity_logs',
    addPagingParams: true,
  },
  searchAdminActivityLogs: {
    op: 'POST /admins/activity_logs/search',
    title: 'Admins: Search activity logs',
    description: 'Finds admin activity log entries by time range, admin and event type.',
    risk: 'read',
    idempotent: true,
    paginate: 'pageBody',
    itemsPath: 'activity_logs',
  },
  listAdminActivityLogEventTypes: {
    op: 'GET /admins/activity_log_event_types',
    title: 'Admins: List activity log event types',
    description: 'Lists the event types an activity log search can filter on.',
    paginate: 'whole',
    itemsPath: 'event_types',
  },
  listAdmins: {
    op: 'GET /admins',
    title: 'Admins: List',
    description: 'Lists every admin (teammate) of the workspace.',
    paginate: 'whole',
    itemsPath: 'admins',
  },
  getAdmin: {
    op: 'GET /admins/{admin_id}',
    title: 'Admins: Get',
    description: 'Fetches one admin by id.',
  },
});
