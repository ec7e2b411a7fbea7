import type { FieldTexts, ResourceHelp } from './types';

/**
 * Workspace settings and small resources: office hours, brands, email settings, away status reasons, the IP
 * allowlist, banners, phone-call redirects, workflows and visitors.
 */

const interval: FieldTexts = {
  start_minute: 'Minute the open period starts: in a schedule counted from Monday 00:00 (Tuesday 9:00 = 1980); in an exception from midnight of its date. On a 15-minute boundary.',
  end_minute: 'Minute the open period ends, counted like start_minute (Monday 17:00 = 1020). On a 15-minute boundary.',
  day_of_week: 'Day the period falls on, 0 = Monday to 6 = Sunday; Intercom works it out from the minutes (or the exception’s date).',
};

const intervals = (prefix: string): FieldTexts => Object.fromEntries(Object.entries(interval).map(([name, text]) => [`${prefix}.${name}`, text]));

const schedule: FieldTexts = {
  type: 'Always "office_hours_schedule": names the kind of object.',
  id: 'Intercom’s ID of the office hours schedule; the office hours actions take it as id or office_hours_schedule_id.',
  name: 'Name of the schedule, e.g. Support hours.',
  time_zone_name: 'Time zone the hours are read in, as an IANA name, e.g. Europe/Dublin.',
  time_intervals: 'The open periods of the week, each with start and end minute counted from Monday 00:00.',
  ...intervals('time_intervals'),
  twenty_four_seven: 'True when the schedule is open all day, every day.',
  created_at: 'When the schedule was created.',
  updated_at: 'When the schedule last changed.',
};

const exception: FieldTexts = {
  type: 'Always "office_hours_exception": names the kind of object.',
  id: 'Intercom’s ID of the exception; the exception actions take it as id.',
  office_hours_schedule_id: 'Intercom’s ID of the schedule the exception belongs to.',
  exception_date: 'Day the exception applies to.',
  exception_type: 'closed: closed all day; custom_hours: open only in the time_intervals given.',
  name: 'Name of the exception, e.g. Christmas Day.',
  time_intervals: 'The open periods of that day (custom_hours), each with minutes counted from midnight; empty when closed.',
  ...intervals('time_intervals'),
  recurring_annually: 'True when the exception repeats on the same date every year.',
  created_at: 'When the exception was created.',
  updated_at: 'When the exception last changed.',
};

const scheduleInput: FieldTexts = {
  name: 'Name of the schedule, e.g. Support hours.',
  time_zone_name: 'Time zone the hours are read in, as an IANA name, e.g. Europe/Dublin.',
  time_intervals: 'The open periods of the week, each { start_minute, end_minute } counted from Monday 00:00, e.g. Monday 9:00–17:00 = { 540, 1020 }.',
  ...intervals('time_intervals'),
};

const exceptionInput: FieldTexts = {
  exception_date: 'Day the exception applies to.',
  exception_type: 'closed: closed all day; custom_hours: open only in the time_intervals given.',
  name: 'Name of the exception, e.g. Christmas Day (optional).',
  time_intervals: 'For custom_hours: the open periods of that day, each { start_minute, end_minute } counted from midnight; leave empty for closed.',
  ...intervals('time_intervals'),
  recurring_annually: 'True: the exception repeats on the same date every year.',
};

const visitor: FieldTexts = {
  type: 'Always "visitor": names the kind of object.',
  id: 'Intercom’s ID of the visitor.',
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
  companies: 'Companies the visitor is linked to (a list object).',
  'companies.type': 'Always "company.list": names the kind of object.',
  'companies.companies': 'The companies, one object each.',
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
  social_profiles: 'Social network profiles of the visitor (a list object).',
  'social_profiles.type': 'Always "social_profile.list": names the kind of object.',
  'social_profiles.social_profiles': 'The profiles of the visitor.',
  owner_id: 'Intercom’s ID of the admin who owns the visitor.',
  unsubscribed_from_emails: 'True when the visitor opted out of email.',
  marked_email_as_spam: 'True when the visitor marked one of your emails as spam.',
  has_hard_bounced: 'True when an email to the visitor bounced permanently.',
  tags: 'Tags on the visitor (a list object).',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the visitor, each with its ID and name.',
  segments: 'Segments the visitor is in (a list object).',
  'segments.type': 'Always "segment.list": names the kind of object.',
  'segments.segments': 'The segments the visitor is in.',
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
  id: 'Intercom’s ID of the visitor; give this or user_id.',
  user_id: 'The user_id Intercom generated for the visitor; give this or id.',
  email: 'Email address of the visitor.',
};

const help: ResourceHelp = {
  records: {
    office_hours_schedule: schedule,
    office_hours_exception: exception,
    office_hours_time_interval: interval,
    create_office_hours_schedule_request: scheduleInput,
    update_office_hours_schedule_request: scheduleInput,
    create_office_hours_exception_request: exceptionInput,
    update_office_hours_exception_request: exceptionInput,
    visitor,
    update_visitor_request: {
      id: 'Intercom’s ID of the visitor to update; give this or user_id.',
      user_id: 'The user_id Intercom generated for the visitor to update; give this or id.',
      name: 'New name of the visitor.',
      custom_attributes: 'Values of the workspace’s own attributes to set on the visitor, as name → value pairs.',
    },
    convert_visitor_request: {
      type: 'What the visitor becomes: user (merged into the user given) or lead (a new lead).',
      user: 'The contact to convert into: { id } with Intercom’s ID, { user_id } (your external_id) or { email }.',
      ...Object.fromEntries(Object.entries({ id: 'Intercom’s ID of the user to merge the visitor into.', user_id: 'Your own ID (external_id) of the user, or of the new lead.', email: 'Email address of the user, or of the new lead.' }).map(([name, text]) => [`user.${name}`, text])),
      visitor: 'The visitor to convert: { id }, { user_id } (the one Intercom generated) or { email }.',
      ...Object.fromEntries(Object.entries(visitorKey).map(([name, text]) => [`visitor.${name}`, text])),
    },
    visitor_deleted_object: {
      id: 'Intercom’s ID of the deleted visitor.',
      type: 'Always "visitor": names the kind of object.',
      user_id: 'The user_id Intercom generated for the deleted visitor.',
    },
    ip_allowlist: {
      type: 'Always "ip_allowlist": names the kind of object.',
      enabled: 'True when only the listed addresses may use the workspace; false turns the allowlist off.',
      ip_allowlist: 'Addresses allowed in: single IPs such as 192.168.0.1 or ranges in CIDR form such as 192.168.0.0/24.',
    },
    brand: {
      type: 'Always "brand": names the kind of object.',
      id: 'Intercom’s ID of the brand (for the default brand, the workspace code); Brands: Get takes it as id.',
      name: 'Name of the brand as people see it.',
      is_default: 'True for the workspace’s default brand.',
      created_at: 'When the brand was created.',
      updated_at: 'When the brand last changed.',
      help_center_id: 'Intercom’s ID of the brand’s Help Center.',
      default_address_settings_id: 'Intercom’s ID of the brand’s default email setting (Email settings: Get sender address).',
    },
    brand_list: { type: 'Always "list": names the kind of object.', data: 'The brands of the workspace, one object each.' },
    email_setting: {
      type: 'Always "email_setting": names the kind of object.',
      id: 'Intercom’s ID of the email setting; Email settings: Get sender address takes it as id.',
      email: 'The sender address, e.g. support@example.com.',
      verified: 'True when the address has been verified.',
      domain: 'Domain of the address, e.g. example.com.',
      brand_id: 'Intercom’s ID of the brand the address belongs to.',
      forwarding_enabled: 'True when email sent to this address is forwarded into Intercom.',
      forwarded_email_last_received_at: 'When a forwarded email last arrived; empty when none ever did.',
      created_at: 'When the address was added.',
      updated_at: 'When the setting last changed.',
    },
    email_list: { type: 'Always "list": names the kind of object.', data: 'The sender addresses of the workspace, one object each.' },
    away_status_reason: {
      type: 'Always "away_status_reason": names the kind of object.',
      id: 'Intercom’s ID of the reason; Admins: Set away mode takes it as away_status_reason_id.',
      label: 'Text teammates see for the reason, e.g. On a break.',
      emoji: 'Emoji shown with the reason, e.g. ☕.',
      order: 'Position of the reason in the list teammates pick from.',
      deleted: 'True when the reason was deleted (it stays on past records).',
      created_at: 'When the reason was created.',
      updated_at: 'When the reason last changed.',
    },
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
      view_id: 'ID of the banner view that was dismissed.',
      dismissed: 'True: the contact no longer sees the banner.',
    },
    create_phone_switch_request: {
      phone: 'Phone number to text, in E.164 form: the person gets an SMS to go on in the Messenger.',
      custom_attributes: 'Values of the workspace’s own conversation attributes for the conversation that follows, as name → value pairs.',
    },
    phone_switch: {
      type: 'Always "phone_call_redirect": names the kind of object.',
      phone: 'The phone number the SMS went to, in E.164 form.',
    },
  },
  actions: {
    dismissContactBanner: {
      in: { view_id: 'ID of the contact’s view of the banner to dismiss: the view_id of a banner Banners: List for contact gives (not the banner’s own id).' },
    },
    getVisitorByUserId: { in: { user_id: 'The user_id Intercom generated for the visitor (from the Messenger or a visitor record), not your own ID.' } },
    exportWorkflow: {
      in: { id: 'Intercom’s ID of the workflow to export, as shown in the workflow’s address in Intercom.' },
      out: {
        export_version: 'Version of the export format, e.g. 1.',
        exported_at: 'When the export was made, as an ISO 8601 date and time.',
        app_id: 'Numeric ID of the workspace the workflow belongs to.',
        workflow: 'The workflow: its ID, title, trigger, state, channels, targeting and steps.',
        'workflow.id': 'Intercom’s ID of the workflow.',
        'workflow.title': 'Title of the workflow.',
        'workflow.description': 'Description of the workflow.',
        'workflow.trigger_type': 'What starts the workflow, as Intercom names the trigger.',
        'workflow.state': 'Whether the workflow is live, e.g. live or draft.',
        'workflow.target_channels': 'Channels the workflow runs on, e.g. chat or email.',
        'workflow.preferred_devices': 'Devices the workflow prefers, e.g. web or mobile.',
        'workflow.created_at': 'When the workflow was created, as an ISO 8601 date and time.',
        'workflow.updated_at': 'When the workflow last changed, as an ISO 8601 date and time.',
        'workflow.targeting': 'Who the workflow applies to: its audience rules.',
        'workflow.snapshot': 'The workflow’s steps and settings as Intercom stores them.',
        'workflow.attributes': 'Attributes the workflow reads or sets.',
        'workflow.embedded_rules': 'Rules the workflow contains.',
      },
    },
    listReportingDatasets: {
      out: {
        type: 'Always "list": names the kind of object.',
        data: 'The datasets a reporting export can read, each with its ID, name and attributes.',
        'data.id': 'ID of the dataset, e.g. conversation; Reporting export: Start job takes it as dataset_id.',
        'data.name': 'Name of the dataset.',
        'data.description': 'What the dataset holds.',
        'data.default_time_attribute_id': 'ID of the attribute the export’s time window applies to by default.',
        'data.attributes': 'The dataset’s attributes (columns), each with an ID; Reporting export: Start job takes them as attribute_ids.',
      },
    },
    enqueueReportingDataExport: {
      out: {
        status: 'Where the job stands, e.g. pending; check it with Reporting export: Get job status until it is completed.',
        download_url: 'Address to download the file from once the job is completed; empty until then.',
        download_expires_at: 'Until when the file can be downloaded; empty until the job is completed.',
      },
      in: {
        dataset_id: 'ID of the dataset to export, e.g. conversation (Reporting export: List datasets).',
        attribute_ids: 'IDs of the dataset’s attributes (columns) to export, e.g. ["conversation_id", "conversation_started_at"] (from Reporting export: List datasets).',
        start_time: 'Start of the time window to export.',
        end_time: 'End of the time window to export.',
      },
    },
    getReportingDataExport: {
      out: {
        status: 'Where the job stands, e.g. pending or completed; download the file once it is completed.',
        download_url: 'Address to download the file from once the job is completed; empty before.',
        download_expires_at: 'Until when the file can be downloaded; empty before the job is completed.',
      },
      in: {
        client_id: 'Client ID of your Intercom app, when Intercom asks for it; empty otherwise.',
      },
    },
  },
};

export default help;
