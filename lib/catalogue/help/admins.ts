import type { FieldTexts, ResourceHelp } from './types';

const admin: FieldTexts = {
  type: 'Always "admin": names the kind of object.',
  id: 'Intercom’s ID of the admin (teammate); other actions take it as admin_id, owner_id or assignee_id.',
  name: 'Name of the admin as teammates see it, e.g. Ciara Byrne.',
  email: 'Email address the admin signs in with.',
  job_title: 'Job title the admin entered in Intercom.',
  away_mode_enabled: 'True while the admin is set to away.',
  away_mode_reassign: 'True: while the admin is away, new replies to their conversations go back to the team inbox.',
  away_status_reason_id: 'Intercom’s ID of the reason shown while the admin is away (Away status reasons: List).',
  has_inbox_seat: 'True when the admin has a paid inbox seat (needed for some inbox features).',
  team_ids: 'Intercom’s IDs of the teams the admin belongs to.',
  avatar: 'Web address of the admin’s picture.',
  team_priority_level: 'The admin’s primary and secondary teams, as lists of team IDs.',
  'team_priority_level.primary_team_ids': 'Intercom’s IDs of the admin’s primary teams.',
  'team_priority_level.secondary_team_ids': 'Intercom’s IDs of the admin’s secondary teams.',
  role: 'The admin’s role in the workspace (ID and name), when one is assigned.',
  'role.type': 'Always "role": names the kind of object.',
  'role.id': 'Intercom’s ID of the role.',
  'role.name': 'Name of the role, e.g. Support agent.',
};

const help: ResourceHelp = {
  records: {
    admin,
    admin_with_app: {
      ...Object.fromEntries(Object.entries(admin).filter(([name]) => !/^(away_status_reason_id|team_priority_level|role)/.test(name))),
      avatar: 'Picture of the admin: an object with its image address.',
      'avatar.type': 'Always "avatar": names the kind of object.',
      'avatar.image_url': 'Web address of the admin’s picture.',
      email_verified: 'True when the admin has confirmed the email address.',
      app: 'The workspace the token belongs to: its code, name, region and time zone.',
    },
    app: {
      type: 'Always "app": names the kind of object (a workspace).',
      id_code: 'Code of the workspace, e.g. ecahpwf5; other actions call it app_id or workspace_id.',
      name: 'Name of the workspace.',
      region: 'Where the workspace is hosted: US, EU or AU.',
      timezone: 'Time zone of the workspace, e.g. Europe/Dublin.',
      created_at: 'When the workspace was created.',
      identity_verification: 'True when the workspace requires identity verification in the Messenger.',
    },
    admin_list: { type: 'Always "admin.list": names the kind of object.', admins: 'The admins (teammates) of the workspace, each with ID, name and email.' },
    team_priority_level: {
      primary_team_ids: 'Intercom’s IDs of the admin’s primary teams.',
      secondary_team_ids: 'Intercom’s IDs of the admin’s secondary teams.',
    },
    activity_log: {
      id: 'Intercom’s ID of the logged activity.',
      performed_by: 'The admin who did it: type, Intercom ID, email and IP address.',
      'performed_by.type': 'Always "admin": names the kind of object.',
      'performed_by.id': 'Intercom’s ID of the admin who did it.',
      'performed_by.email': 'Email address of the admin who did it.',
      'performed_by.ip': 'IP address the admin did it from.',
      metadata: 'Details of the activity, which differ per kind (e.g. the old and new value of a setting).',
      created_at: 'When the activity happened.',
      activity_type: 'Kind of activity, e.g. admin_login_success or app_webhook_creation.',
      activity_description: 'Intercom’s short description of what happened, in English.',
    },
    activity_log_list: { type: 'Always "activity_log.list": names the kind of object.', activity_logs: 'The logged admin activities, one object each: one page of them, or those of every page when Pages to fetch is All pages.' },
    activity_log_event_type_list: {
      type: 'Always "activity_log_event_type.list": names the kind of object.',
      event_types: 'The kinds of admin activity the log can hold, e.g. admin_login_success; search the log for them with event_types.',
    },
  },
  actions: {
    listAdmins: {
      in: { display_avatar: 'True: each admin also carries its avatar (the picture’s address).' },
      out: { 'admins.avatar': 'Web address of the admin’s picture; filled only when display_avatar is true.' },
    },
    setAdminAway: {
      in: {
        away_mode_enabled: 'Required, with no default: true sets the admin to away, false sets them back to available.',
        away_mode_reassign: 'Required, with no default: true sends new replies to the admin’s conversations back to the team inbox while they are away; false leaves them assigned.',
        away_status_reason_id: 'Intercom’s ID of the reason to show while away (Away status reasons: List).',
      },
    },
    listAdminActivityLogs: {
      in: {
        created_at_after: 'Required: only activities after this moment, as Unix time in seconds written as text, e.g. "1717171717".',
        created_at_before: 'Only activities before this moment: Unix time in seconds as text, e.g. "1717171717"; empty: until now.',
      },
    },
    searchAdminActivityLogs: {
      in: {
        created_at_after: 'Only activities after this moment.',
        created_at_before: 'Only activities before this moment; empty: until now.',
        event_types: 'Only these kinds of activity, e.g. ["admin_login_success"] (Admins: List activity log event types lists them).',
      },
    },
  },
};

export default help;
