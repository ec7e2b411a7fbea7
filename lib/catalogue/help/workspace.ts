import type { FieldTexts, ResourceHelp } from './types';

/**
 * Workspace settings and small resources: office hours, brands, email settings, away status reasons, the IP
 * allowlist, banners, phone-call redirects, workflows and visitors.
 */

/*
 * Office hours: the minutes of an open period count from Monday 00:00 in a schedule (0 to 10080) and from midnight
 * of the exception's date in an exception (0 to 1440), so each parent record has its own interval texts; the
 * description's 15-minute rule is stated for schedule requests only.
 */
const withPrefix = (prefix: string, texts: FieldTexts): FieldTexts => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${prefix}.${name}`, text]));

const scheduleInterval: FieldTexts = {
  start_minute: 'Minute of the week the open period starts, counted from Monday 00:00 in the schedule’s time zone: 0 to 10080, e.g. Monday 9:00 = 540, Tuesday 9:00 = 1980.',
  end_minute: 'Minute of the week the open period ends, counted from Monday 00:00 like start_minute: 0 to 10080, e.g. Monday 17:00 = 1020.',
  day_of_week: 'Weekday the open period falls on, worked out by Intercom from start_minute: 0 = Monday … 6 = Sunday.',
};

const scheduleIntervalInput: FieldTexts = {
  start_minute: 'Minute of the week the open period starts, counted from Monday 00:00 in the schedule’s time zone: 0 to 10080 and a multiple of 15, e.g. Monday 9:00 = 540, Tuesday 9:00 = 1980.',
  end_minute: 'Minute of the week the open period ends, counted from Monday 00:00 like start_minute: 0 to 10080 and a multiple of 15, e.g. Monday 17:00 = 1020.',
  day_of_week: 'Leave it empty: Intercom works the weekday out from start_minute (0 = Monday … 6 = Sunday).',
};

const exceptionInterval: FieldTexts = {
  start_minute: 'Minute of the exception’s date the open period starts, counted from midnight: 0 to 1440, e.g. 9:00 = 540.',
  end_minute: 'Minute of the exception’s date the open period ends, counted from midnight like start_minute: 0 to 1440, e.g. 13:00 = 780.',
  day_of_week: 'Weekday of the exception’s date, worked out by Intercom: 0 = Monday … 6 = Sunday.',
};

const exceptionIntervalInput: FieldTexts = {
  start_minute: 'Minute of the exception’s date the open period starts, counted from midnight: 0 to 1440, e.g. 9:00 = 540.',
  end_minute: 'Minute of the exception’s date the open period ends, counted from midnight like start_minute: 0 to 1440, e.g. 13:00 = 780.',
  day_of_week: 'Leave it empty: Intercom sets it to the weekday of exception_date (0 = Monday … 6 = Sunday).',
};

const schedule: FieldTexts = {
  type: 'Always "office_hours_schedule": names the kind of object.',
  id: 'Intercom’s ID of the office hours schedule; Office hours: Get schedule, Office hours: Update schedule and Office hours: Delete schedule (permanent) take it as id; the exception actions as office_hours_schedule_id.',
  name: 'Name of the schedule, e.g. Support hours.',
  time_zone_name: 'Time zone the schedule’s minutes are read in, as an IANA name, e.g. Europe/Dublin.',
  time_intervals: 'The open periods of the week, each with its start and end minute counted from Monday 00:00 and its weekday.',
  ...withPrefix('time_intervals', scheduleInterval),
  twenty_four_seven: 'True when the schedule is open all day, every day.',
  created_at: 'When the schedule was created.',
  updated_at: 'When the schedule last changed.',
};

const exception: FieldTexts = {
  type: 'Always "office_hours_exception": names the kind of object.',
  id: 'Intercom’s ID of the exception; Office hours: Get exception, Office hours: Update exception and Office hours: Delete exception (permanent) take it as id, with the schedule’s ID as office_hours_schedule_id.',
  office_hours_schedule_id: 'Intercom’s ID of the office hours schedule the exception belongs to.',
  exception_date: 'Day the exception applies to (every year on that date when recurring_annually is true).',
  exception_type: 'closed: closed all day; custom_hours: open only in the time_intervals given.',
  name: 'Name of the exception, e.g. Christmas Day; empty when it has none.',
  time_intervals: 'For custom_hours: the open periods of that day, each with start and end minute counted from midnight; empty when closed.',
  ...withPrefix('time_intervals', exceptionInterval),
  recurring_annually: 'True when the exception repeats on the same date every year.',
  created_at: 'When the exception was created.',
  updated_at: 'When the exception last changed.',
};

const scheduleInput: FieldTexts = {
  name: 'Name of the schedule, e.g. Support hours.',
  time_zone_name: 'Time zone the schedule’s minutes are read in, as an IANA name, e.g. Europe/Dublin or America/New_York.',
  time_intervals: 'The open periods of the week, each { start_minute, end_minute } counted in minutes from Monday 00:00 (multiples of 15), e.g. Monday 9:00–17:00 = { "start_minute": 540, "end_minute": 1020 }.',
  ...withPrefix('time_intervals', scheduleIntervalInput),
};

const scheduleUpdate: FieldTexts = {
  name: 'New name of the schedule, e.g. Support hours; empty: it stays as it is.',
  time_zone_name: 'New time zone, as an IANA name, e.g. Europe/Dublin; empty: it stays as it is.',
  time_intervals: 'The week’s open periods, each { start_minute, end_minute } counted in minutes from Monday 00:00 (multiples of 15), e.g. { "start_minute": 540, "end_minute": 1020 } for Monday 9:00–17:00; given, they replace the current periods; empty: they stay.',
  ...withPrefix('time_intervals', scheduleIntervalInput),
};

const exceptionInput: FieldTexts = {
  exception_date: 'Day the exception applies to, as YYYY-MM-DD, e.g. 2026-12-25.',
  exception_type: 'closed: closed the whole day (leave time_intervals empty); custom_hours: open only in the time_intervals given, which are then required.',
  name: 'Name of the exception, e.g. Christmas Day; optional.',
  time_intervals: 'Required for custom_hours, left out for closed: the open periods of that day, each { start_minute, end_minute } in minutes from midnight (0 to 1440), e.g. 9:00–13:00 = { "start_minute": 540, "end_minute": 780 }.',
  ...withPrefix('time_intervals', exceptionIntervalInput),
  recurring_annually: 'True: the exception comes back on the same date every year; false: it applies to exception_date only.',
};

const exceptionUpdate: FieldTexts = {
  exception_date: 'New day of the exception, as YYYY-MM-DD, e.g. 2026-12-24; empty: it stays as it is.',
  exception_type: 'New kind: closed (leave time_intervals empty) or custom_hours (give time_intervals too); empty: it stays as it is.',
  name: 'New name of the exception, e.g. Christmas Eve; empty: it stays as it is.',
  time_intervals: 'The day’s open periods for custom_hours (needed when exception_type changes to custom_hours; leave empty for closed), each { start_minute, end_minute } in minutes from midnight (0 to 1440), e.g. { "start_minute": 540, "end_minute": 780 } for 9:00–13:00.',
  ...withPrefix('time_intervals', exceptionIntervalInput),
  recurring_annually: 'True: the exception comes back on the same date every year; false: only on exception_date; empty: it stays as it is.',
};

const visitor: FieldTexts = {
  type: 'Always "visitor": names the kind of object.',
  id: 'Intercom’s ID of the visitor; Visitors: Update takes it as id, Visitors: Convert to contact as visitor.id.',
  user_id: 'ID Intercom generated for the visitor (not yours); Visitors: Get by user id takes it.',
  anonymous: 'True while the visitor has not identified themselves.',
  email: 'Email address of the visitor, when known.',
  phone: 'Phone number of the visitor, when known.',
  name: 'Name of the visitor, when known.',
  pseudonym: 'Name Intercom made up for the anonymous visitor, e.g. Blue Lion from Dublin.',
  avatar: 'Picture of the visitor: an object with its image address.',
  'avatar.type': 'Always "avatar": names the kind of object.',
  'avatar.image_url': 'Web address of the visitor’s picture.',
  app_id: 'Code of the Intercom workspace the visitor belongs to, e.g. ecahpwf5.',
  companies: 'Companies the visitor is linked to: an object of type company.list whose companies list holds each company.',
  'companies.type': 'Always "company.list": names the kind of object.',
  'companies.companies': 'The companies the visitor is linked to, one object each, as Companies: Get shows a company.',
  location_data: 'Where the visitor was last seen: city, region, country, continent, postal code and time zone.',
  'location_data.type': 'Always "location_data": names the kind of object.',
  'location_data.city_name': 'City the visitor was last seen in, e.g. Dublin.',
  'location_data.continent_code': 'Continent of the visitor, as a two-letter code such as EU.',
  'location_data.country_code': 'Country of the visitor, as a two-letter ISO code such as IE.',
  'location_data.country_name': 'Country of the visitor, e.g. Ireland.',
  'location_data.postal_code': 'Postal code of the visitor’s location.',
  'location_data.region_name': 'Region of the visitor, e.g. Leinster.',
  'location_data.timezone': 'Time zone of the visitor, e.g. Europe/Dublin.',
  las_request_at: 'When the visitor was last seen (Intercom spells the field las_request_at).',
  created_at: 'When the visitor was added to Intercom.',
  remote_created_at: 'When the visitor was added to Intercom, as your system recorded it.',
  signed_up_at: 'When the visitor signed up for your product, when they did.',
  updated_at: 'When the visitor last changed.',
  session_count: 'How many sessions the visitor has had.',
  social_profiles: 'Social network profiles of the visitor: an object of type social_profile.list whose social_profiles list holds them.',
  'social_profiles.type': 'Always "social_profile.list": names the kind of object.',
  'social_profiles.social_profiles': 'The social network profiles of the visitor, as a list of texts.',
  owner_id: 'Intercom’s ID of the admin who owns the visitor.',
  unsubscribed_from_emails: 'True when the visitor opted out of email.',
  marked_email_as_spam: 'True when the visitor marked one of your emails as spam.',
  has_hard_bounced: 'True when an email to the visitor bounced permanently.',
  tags: 'Tags on the visitor: an object of type tag.list whose tags list holds each tag’s ID and name.',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the visitor, each with its ID and name.',
  segments: 'Segments the visitor is in: an object of type segment.list whose segments list holds them.',
  'segments.type': 'Always "segment.list": names the kind of object.',
  'segments.segments': 'The segments the visitor is in, as a list of texts.',
  custom_attributes: 'The workspace’s own attributes of the visitor, as name → value pairs.',
  referrer: 'Page that referred the visitor to your site.',
  utm_campaign: 'UTM campaign the visitor came in with.',
  utm_content: 'UTM content the visitor came in with.',
  utm_medium: 'UTM medium the visitor came in with.',
  utm_source: 'UTM source the visitor came in with.',
  utm_term: 'UTM term the visitor came in with.',
  do_not_track: 'True when the visitor’s browser asks not to be tracked.',
};

const visitorKey: FieldTexts = {
  id: 'Intercom’s ID of the visitor (its id field, as Visitors: Get by user id gives it); give this, user_id or email.',
  user_id: 'The user_id Intercom generated for the visitor; give this, id or email.',
  email: 'Email address of the visitor; give this, id or user_id.',
};

/** Reporting exports: the job actions and the datasets they read (inline schemas of the description). */
function reportingExportActions(): NonNullable<ResourceHelp['actions']> {
  const job = {
    job_identifier: 'ID of the reporting export job; Reporting export: Get job status and Reporting export: Download rows take it as job_identifier.',
    download_url: 'Address of the file, filled once the job is complete; empty before. Reporting export: Download rows needs only the job identifier.',
    download_expires_at: 'Until when the file can be downloaded, as Unix time in seconds (it may come as text); empty until the job is complete.',
  };
  const columns = 'one column per attribute the job exported, every value as text';
  return {
    listReportingDatasets: {
      out: {
        type: 'Always "list": names the kind of object.',
        data: 'Every dataset a reporting export can read, each with its id, name, description, default time attribute and attributes.',
        'data.id': 'ID of the dataset, e.g. conversation; Reporting export: Start job takes it as dataset_id.',
        'data.name': 'Name of the dataset as Intercom shows it, e.g. Conversation.',
        'data.description': 'What the dataset holds, in words, e.g. Conversation-level details such as status, channel and assignee.',
        'data.default_time_attribute_id': 'ID of the time attribute the export’s window (start_time to end_time) applies to by default, e.g. conversation_started_at.',
        'data.attributes':
          'The dataset’s attributes (the columns it can export), each with id, qualified_id (e.g. conversation.conversation_id) and name; Reporting export: Start job takes the qualified_id values as attribute_ids.',
      },
    },
    enqueueReportingDataExport: {
      in: {
        dataset_id: 'ID of the dataset to export, e.g. conversation: the id of a dataset as Reporting export: List datasets gives it.',
        attribute_ids:
          'The attributes (columns) to export, at least one: their qualified_id values as Reporting export: List datasets gives them, e.g. ["conversation.conversation_id", "conversation.conversation_started_at"]; a plain id such as conversation_id can be ambiguous.',
        start_time: 'Start of the time window to export, read against the dataset’s default time attribute (e.g. when the conversation started).',
        end_time: 'End of the time window to export; later than start_time.',
      },
      out: { ...job, status: 'Where the job stands, e.g. pending; check it with Reporting export: Get job status until it is complete. At most 5 jobs may be pending at once.' },
    },
    getReportingDataExport: {
      in: {
        job_identifier: 'ID of the reporting export job to check, as Reporting export: Start job gives it (job_identifier).',
        client_id: 'Client ID of your Intercom app (Developer Hub, Basic information), sent only when given; Intercom’s later API versions no longer list it, so leave it empty unless Intercom’s answer asks for it.',
      },
      out: { ...job, status: 'Where the job stands: pending, complete or failed; once complete, Reporting export: Download rows gives its rows.' },
    },
    downloadReportingDataExport: {
      in: { job_identifier: 'ID of a complete reporting export job, as Reporting export: Start job gives it (job_identifier); check it with Reporting export: Get job status first.' },
      out: {
        row: `One row of the export (Rows per message empty or 1), as column → value pairs: ${columns}.`,
        rows: `Several rows of the export (Rows per message above 1), each as column → value pairs: ${columns}.`,
        file: 'The whole export as one CSV file attached to the message (Deliver as: file): its name, size and media type.',
        'file.name': 'Name of the attached file: the job identifier with .csv, e.g. job1.csv.',
        'file.size': 'Size of the attached CSV file in bytes.',
        'file.content_type': 'Media type of the attached file: always text/csv.',
      },
    },
  };
}

/** The office hours actions' own texts: the parent schedule of an exception, and the delete answers (no schema of their own). */
function officeHoursActions(): NonNullable<ResourceHelp['actions']> {
  const parent = 'Intercom’s ID of the office hours schedule the exception belongs to: the id field of a schedule, as Office hours: List schedules gives it.';
  const deleted = (what: string, extra = ''): FieldTexts => ({
    id: `Intercom’s ID of the ${what} that was deleted.`,
    object: `Always "${what.replace(/ /g, '_')}": the kind of record deleted.`,
    deleted: `True: Intercom deleted the ${what}${extra}. Empty when Treat not found as deleted turned a missing one into an empty result.`,
  });
  return {
    listOfficeHoursExceptions: { in: { office_hours_schedule_id: 'Intercom’s ID of the office hours schedule whose exceptions to list: the id field of a schedule, as Office hours: List schedules gives it.' } },
    createOfficeHoursException: { in: { office_hours_schedule_id: 'Intercom’s ID of the office hours schedule to add the exception to: the id field of a schedule, as Office hours: List schedules gives it.' } },
    getOfficeHoursException: { in: { office_hours_schedule_id: parent } },
    updateOfficeHoursException: { in: { office_hours_schedule_id: parent } },
    deleteOfficeHoursException: { in: { office_hours_schedule_id: parent }, out: deleted('office hours exception', ' (the schedule stays)') },
    deleteOfficeHoursSchedule: { out: deleted('office hours schedule') },
  };
}

const help: ResourceHelp = {
  records: {
    office_hours_schedule: schedule,
    office_hours_schedule_list: { data: 'Every office hours schedule of the workspace, one object each.' },
    office_hours_exception: exception,
    office_hours_exception_list: { data: 'Every exception of the schedule given, one object each.' },
    create_office_hours_schedule_request: scheduleInput,
    update_office_hours_schedule_request: scheduleUpdate,
    create_office_hours_exception_request: exceptionInput,
    update_office_hours_exception_request: exceptionUpdate,
    visitor,
    update_visitor_request: {
      id: 'Intercom’s ID of the visitor to update (the id field of a visitor, as Visitors: Get by user id gives it); give this or user_id (the step refuses a visitor with neither).',
      user_id: 'The user_id Intercom generated for the visitor to update (from the Messenger or a visitor record); give this or id.',
      name: 'New name of the visitor.',
      custom_attributes:
        'Values of the workspace’s own attributes to set on the visitor, as name → value pairs. Each value is text: a number is turned into text, true/false, lists and objects are refused.',
    },
    convert_visitor_request: {
      type: 'Role of the contact the visitor becomes: user (merged into the user named in user) or lead (a new lead). Required.',
      user: 'The contact the visitor becomes: { "id": Intercom’s contact ID } or { "user_id": your external_id }; one of the two is required (email alone is refused). An email may be added beside it.',
      ...Object.fromEntries(
        Object.entries({
          id: 'Intercom’s ID of the user to merge the visitor into (the id field of a contact, as Contacts: Search gives it); give this or user_id.',
          user_id: 'Your own ID (external_id) of the user, or of the new lead; give this or id.',
          email: 'Email address for the contact, given beside id or user_id (alone it is not enough).',
        }).map(([name, text]) => [`user.${name}`, text]),
      ),
      visitor: 'The visitor to convert: { "id": Intercom’s ID }, { "user_id": the one Intercom generated } or { "email": address }; one of them is required.',
      ...Object.fromEntries(Object.entries(visitorKey).map(([name, text]) => [`visitor.${name}`, text])),
    },
    visitor_deleted_object: {
      id: 'Intercom’s ID of the deleted visitor.',
      type: 'Always "visitor": names the kind of object.',
      user_id: 'The user_id Intercom generated for the deleted visitor.',
    },
    ip_allowlist: {
      type: 'Always "ip_allowlist": names the kind of object.',
      enabled: 'True when the workspace’s IP allowlist is on (only the listed addresses are let in); false when it is off.',
      ip_allowlist: 'The allowed addresses: single IPs such as 10.0.0.1 or CIDR ranges such as 192.168.1.0/24 (192.168.1.0 to 192.168.1.255).',
    },
    brand: {
      type: 'Always "brand": names the kind of object.',
      id: 'Intercom’s ID of the brand (for the default brand, the workspace code, e.g. tlkp1d91); Brands: Get takes it as id.',
      name: 'Name of the brand as shown in Intercom, e.g. Premium Brand.',
      is_default: 'True for the workspace’s default brand.',
      created_at: 'When the brand was created.',
      updated_at: 'When the brand last changed.',
      help_center_id: 'Intercom’s ID of the brand’s Help Center; Help Center: Get help center takes it as help_center_id.',
      default_address_settings_id: 'Intercom’s ID of the brand’s default sender address (an email setting); Email settings: Get sender address takes it as id.',
    },
    brand_list: { type: 'Always "list": names the kind of object.', data: 'Every brand of the workspace, the default brand among them, one object each.' },
    email_setting: {
      type: 'Always "email_setting": names the kind of object.',
      id: 'Intercom’s ID of the sender address setting; Email settings: Get sender address takes it as id.',
      email: 'The sender address, e.g. support@example.com.',
      verified: 'True when the address has been verified.',
      domain: 'Domain of the address, e.g. example.com.',
      brand_id: 'Intercom’s ID of the brand the address belongs to; Brands: Get takes it as id.',
      forwarding_enabled: 'True when email forwarding is on for this address (mail sent to it is forwarded into Intercom).',
      forwarded_email_last_received_at: 'When a forwarded email last arrived; empty when none ever did.',
      created_at: 'When the address was added.',
      updated_at: 'When the setting last changed.',
    },
    email_list: { type: 'Always "list": names the kind of object.', data: 'Every sender address of the workspace, one object each.' },
    away_status_reason: {
      type: 'Always "away_status_reason": names the kind of object.',
      id: 'Intercom’s ID of the reason; Admins: Set away mode takes it as away_status_reason_id.',
      label: 'Text teammates see for the reason, e.g. On a break.',
      emoji: 'Emoji shown with the reason, e.g. ☕.',
      order: 'Position of the reason in the list teammates pick from, e.g. 1.',
      deleted: 'True when the reason was deleted; Intercom still lists it (a soft delete).',
      created_at: 'When the reason was created.',
      updated_at: 'When the reason last changed.',
    },
    away_status_reason_list: { data: 'Every away status reason of the workspace, deleted ones included (deleted: true), one object each.' },
    banner: {
      type: 'Always "banner": names the kind of object.',
      id: 'Intercom’s ID of the banner.',
      view_id: 'ID of this contact’s view of the banner; Banners: Dismiss for contact takes it as view_id.',
      title: 'Title of the banner; empty when it has none.',
      body: 'Content of the banner as HTML.',
      style: 'How the banner is shown, e.g. inline or floating.',
      position: 'Where the banner sits on the page, e.g. top or bottom.',
      show_dismiss_button: 'True when the banner shows a button to dismiss it.',
      action: 'What the contact can do on the banner (open a link, react, leave an email, start a tour); empty when nothing.',
      'action.type': 'Kind of action: url, reaction, email_collector or product_tour.',
      'action.label': 'For url: text of the link or button.',
      'action.target': 'For url: the address the contact is sent to.',
      'action.reaction_set': 'For reaction: the reactions the contact can choose from.',
      'action.tour_id': 'For product_tour: Intercom’s ID of the tour.',
      'action.tour_url': 'For product_tour: the address that starts the tour.',
      client_targeting: 'Not used yet: always empty.',
      created_at: 'When this contact’s view of the banner was created.',
    },
    banner_list: { type: 'Always "list": names the kind of object.', data: 'The banners the contact is shown now, one object each.' },
    banner_dismiss: {
      type: 'Always "banner_dismiss": names the kind of object.',
      view_id: 'The view_id this step was given: Intercom’s ID of the contact’s view of the banner, now dismissed (as Banners: List for contact gives it; not the banner’s own id).',
      dismissed: 'True: the contact no longer sees the banner.',
    },
    create_phone_switch_request: {
      phone: 'Phone number to text, in E.164 form, e.g. +14155550123: the person gets an SMS to go on with the conversation in the Messenger.',
      custom_attributes: 'Values of the workspace’s own conversation attributes (Conversation attributes: List names them) for the conversation that follows in the Messenger, as name → value pairs.',
    },
    phone_switch: {
      type: 'Always "phone_call_redirect": names the kind of object.',
      phone: 'The phone number the SMS went to, in E.164 form.',
    },
  },
  actions: {
    ...officeHoursActions(),
    dismissContactBanner: {
      in: { view_id: 'ID of the contact’s view of the banner to dismiss: the view_id of a banner Banners: List for contact gives (not the banner’s own id).' },
    },
    getVisitorByUserId: { in: { user_id: 'The user_id Intercom generated for the visitor (from the Messenger or a visitor record), not your own ID.' } },
    exportWorkflow: {
      in: { id: 'Intercom’s ID of the workflow to export, as shown in the workflow’s address in Intercom.' },
      out: {
        export_version: 'Version of the export format, e.g. 1.0.',
        exported_at: 'When the export was made, as an ISO 8601 date and time.',
        app_id: 'Numeric ID of the workspace the workflow belongs to.',
        workflow: 'The workflow: its ID, title, trigger, state, channels, targeting and steps.',
        'workflow.id': 'Intercom’s ID of the workflow.',
        'workflow.title': 'Title of the workflow.',
        'workflow.description': 'Description of the workflow.',
        'workflow.trigger_type': 'What starts the workflow, as Intercom names the trigger, e.g. inbound_conversation.',
        'workflow.state': 'Whether the workflow runs: live, draft or paused.',
        'workflow.target_channels': 'Channels the workflow runs on, e.g. chat.',
        'workflow.preferred_devices': 'Devices the workflow prefers, e.g. desktop or mobile.',
        'workflow.created_at': 'When the workflow was created, as an ISO 8601 date and time.',
        'workflow.updated_at': 'When the workflow last changed, as an ISO 8601 date and time.',
        'workflow.targeting': 'Who the workflow applies to: its audience rules.',
        'workflow.snapshot': 'The workflow’s steps and settings as Intercom stores them.',
        'workflow.attributes': 'The workflow’s own custom attributes, one object each.',
        'workflow.embedded_rules': 'Rules embedded in the workflow’s steps, one object each.',
      },
    },
    ...reportingExportActions(),
    updateIpAllowlist: {
      in: {
        type: 'Not needed: leave it empty (it only names the kind of object, ip_allowlist).',
        enabled: 'true turns the IP allowlist on (only the listed addresses are let in), false turns it off. Turning it on, the list must hold the address this integration calls from, or Intercom refuses the update (422) so as not to lock it out.',
        ip_allowlist:
          'The complete list of allowed addresses; given, it replaces the current one. Single IPs such as 10.0.0.1 or CIDR ranges such as 192.168.1.0/24. With the allowlist on, it must hold the address this integration calls from, or Intercom refuses it (422).',
      },
    },
  },
};

export default help;
