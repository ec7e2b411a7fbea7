import type { FieldTexts, ResourceHelp } from './types';

/** A contact as Intercom returns it, in every action that shows one. */
const contact: FieldTexts = {
  type: 'Always "contact": names the kind of object.',
  id: 'Intercom’s ID of the contact (24 hexadecimal characters); the contact actions take it as contact_id. Not your external_id.',
  external_id: 'Your own ID of the contact (from your system), unique in the workspace; empty for leads without one.',
  workspace_id: 'Code of the Intercom workspace the contact belongs to, e.g. ecahpwf5.',
  role: 'user (identified, signed up) or lead (anonymous or not yet signed up).',
  email: 'Email address of the contact, e.g. ada@example.com.',
  email_domain: 'Domain part of the contact’s email address, e.g. example.com.',
  phone: 'Phone number of the contact, as stored, e.g. +353 1 234 5678.',
  name: 'Full name of the contact, e.g. Ada Lovelace.',
  owner_id: 'Intercom’s ID of the admin (teammate) who owns the contact; empty when nobody does.',
  has_hard_bounced: 'True when an email to the contact bounced permanently (the address does not exist).',
  marked_email_as_spam: 'True when the contact marked one of your emails as spam.',
  unsubscribed_from_emails: 'True when the contact opted out of email; Intercom then sends them no email messages.',
  created_at: 'When the contact was created in Intercom.',
  updated_at: 'When the contact last changed in Intercom.',
  signed_up_at: 'When the contact signed up for your product: the time given when it was created or updated; for a user created without one Intercom often fills in the time the record was created; empty when neither applies.',
  last_seen_at: 'When the contact was last seen in your product, app or site (through the Messenger or as you set it).',
  last_replied_at: 'When the contact last wrote to you in a conversation.',
  last_contacted_at: 'When you last sent the contact a message or a reply.',
  last_email_opened_at: 'When the contact last opened an email from you.',
  last_email_clicked_at: 'When the contact last clicked a link in an email from you.',
  language_override: 'Language the Messenger uses for this contact whatever the browser says, as a locale code such as fr.',
  browser: 'Web browser the contact last used, e.g. chrome.',
  browser_version: 'Version of the web browser the contact last used, e.g. 120.0.',
  browser_language: 'Language setting of the contact’s browser, e.g. en-GB.',
  os: 'Operating system of the device the contact last used, e.g. Windows 11 or OS X 14.',
  android_app_name: 'Name of your Android app the contact uses.',
  android_app_version: 'Version of your Android app the contact uses, e.g. 5.2.0.',
  android_device: 'Android device the contact uses, e.g. Pixel 8.',
  android_os_version: 'Android version of the contact’s device, e.g. 14.',
  android_sdk_version: 'Version of the Intercom Android SDK in your app, e.g. 15.1.0.',
  android_last_seen_at: 'When the contact last used your Android app.',
  ios_app_name: 'Name of your iOS app the contact uses.',
  ios_app_version: 'Version of your iOS app the contact uses, e.g. 5.2.0.',
  ios_device: 'iPhone or iPad model the contact uses, e.g. iPhone 15.',
  ios_os_version: 'iOS version of the contact’s device, e.g. 17.4.',
  ios_sdk_version: 'Version of the Intercom iOS SDK in your app, e.g. 17.0.0.',
  ios_last_seen_at: 'When the contact last used your iOS app.',
  custom_attributes: 'The workspace’s own contact attributes, as name → value pairs; the mapper lists them with their types when it can read them.',
  avatar: 'Picture of the contact: an object with its image address.',
  'avatar.type': 'Always "avatar": names the kind of object.',
  'avatar.image_url': 'Web address of the contact’s picture.',
  tags: 'Tags on the contact: up to 10 listed here, with the total and an address for the rest (Contacts: List tags lists all).',
  'tags.data': 'Up to 10 tags on the contact, each with its type, Intercom ID and API path.',
  'tags.url': 'API path that lists every tag on the contact.',
  'tags.total_count': 'How many tags the contact has in all.',
  'tags.has_more': 'True when the contact has more tags than the 10 listed here.',
  notes: 'Notes about the contact: up to 10 listed here, with the total (Notes: List for contact lists all).',
  'notes.data': 'Up to 10 notes about the contact, each with its type, Intercom ID and API path.',
  'notes.url': 'API path that lists every note about the contact.',
  'notes.total_count': 'How many notes the contact has in all.',
  'notes.has_more': 'True when the contact has more notes than the 10 listed here.',
  companies: 'Companies the contact belongs to: up to 10 listed here, with the total (Contacts: List companies lists all).',
  'companies.data': 'Up to 10 companies of the contact, each with its Intercom ID and API path.',
  'companies.url': 'API path that lists every company of the contact.',
  'companies.total_count': 'How many companies the contact belongs to.',
  'companies.has_more': 'True when the contact belongs to more companies than the 10 listed here.',
  location: 'Where the contact was last seen, as Intercom detected it: country, region and city.',
  'location.type': 'Always "location": names the kind of object.',
  'location.country': 'Country the contact was last seen in, e.g. Ireland.',
  'location.region': 'Region or state the contact was last seen in, e.g. Leinster.',
  'location.city': 'City the contact was last seen in, e.g. Dublin.',
  social_profiles: 'Social network profiles of the contact, each with the network’s name and the profile address.',
  'social_profiles.data': 'The social profiles, each with the network’s name and the profile’s web address.',
  merge_history: 'Contacts that were merged into this one, each with its former ID, role and merge time. Intercom fills it only for users and only when asked with include_merge_history = true (the contact actions with that input can ask); otherwise it is empty.',
  'merge_history.type': 'Kind of object of the entry: a merge history entry (merge_history).',
  'merge_history.source_contact_id': 'Intercom’s ID the merged contact had (it no longer exists).',
  'merge_history.source_contact_role': 'Role the merged contact had: lead or user.',
  'merge_history.merged_at': 'When that contact was merged into this one.',
};

/** What a create or update of a contact takes. */
const contactInput: FieldTexts = {
  role: 'user (identified: needs an email or an external_id) or lead (anonymous or not signed up yet).',
  external_id: 'Your own ID of the contact (from your system), unique in the workspace.',
  email: 'Email address of the contact, e.g. ada@example.com.',
  email_verified: 'True: you have checked that the contact owns this email address; false marks it unverified. Send it only together with email: alone, Intercom refuses it (400).',
  phone: 'Phone number of the contact, best in international form, e.g. +353 1 234 5678.',
  name: 'Full name of the contact, e.g. Ada Lovelace.',
  avatar: 'Web address of a picture of the contact, e.g. https://example.com/ada.png.',
  signed_up_at: 'When the contact signed up for your product.',
  last_seen_at: 'When the contact was last seen in your product.',
  owner_id: 'Intercom’s ID of the admin (teammate) who owns the contact, e.g. from Admins: List.',
  unsubscribed_from_emails: 'True: the contact receives no email messages from you.',
  custom_attributes: 'Values of the workspace’s own contact attributes, as name → value pairs; the attributes must exist (Settings, Data). The mapper lists them when it can read them.',
};

const contactOut = {
  type: 'Always "contact": names the kind of object.',
  id: 'Intercom’s ID of the contact the action worked on.',
  external_id: 'Your own ID of that contact (its external_id), when it has one.',
};

/** The fields of the contact a convenience action answers with (lib/catalogue/convenience.ts, contactShape), under `prefix`. */
export function contactShapeTexts(prefix: string): FieldTexts {
  const names = ['type', 'id', 'workspace_id', 'external_id', 'role', 'email', 'phone', 'name', 'owner_id', 'created_at', 'updated_at', 'signed_up_at', 'last_seen_at', 'unsubscribed_from_emails', 'custom_attributes'];
  return Object.fromEntries(names.map((name) => [`${prefix}.${name}`, contact[name] ?? '']));
}

/**
 * The contact search's conditions per kind of field (lib/catalogue/searchFields.ts, contacts): the step refuses a
 * term whose condition its field does not take, so the mapper says which they are.
 */
const termCondition = (n: number): string =>
  `How term ${n} compares. Text fields take = (equals), != (does not equal), IN (is one of), NIN (is none of), ~ (contains), !~ (does not contain), ^ (starts with) and $ (ends with); dates (created_at, updated_at, signed_up_at, last_seen_at and the other _at fields) only =, > and <, matched by calendar day; true/false fields =, !=, IN and NIN; the tag ID field only = and !=; custom attributes as their type. eq, ne, gt and lt mean =, !=, > and <. The step refuses any other pairing before calling Intercom.`;
const termValue = (n: number): string =>
  `The value term ${n} compares with: text, a number, true/false or a date as its field takes. Dates: Unix time in seconds or an ISO 8601 date and time with a zone (e.g. 2024-05-31T14:30:00Z), compared by calendar day in the workspace’s time zone. IN and NIN: a list or comma-separated values. null finds contacts without a value.`;
const searchTerms: FieldTexts = Object.fromEntries(
  [1, 2, 3, 4, 5].flatMap((n) => [
    [`searchTerm${n}.condition`, termCondition(n)],
    [`searchTerm${n}.fieldValue`, termValue(n)],
  ]),
);

/** A path's contact_id: Intercom's id of the contact the action works on, and where it comes from. */
export const contactIdTo = (what: string): string =>
  `Intercom’s ID of the contact ${what}: the id field of a contact, as Contacts: List or Contacts: Search give it, e.g. 5ba682d23d7cf92bef87bfd4; not your own external_id.`;

/** A contact's push flag, which Intercom adds to the answers of single-contact actions. */
const PUSH = 'True when the contact allowed push notifications from your iOS or Android app; empty when Intercom does not know.';

/** merge_history in an answer the action cannot ask to include it in. */
const NO_MERGE_HISTORY = 'Empty in this answer: this action does not ask for the merge history (Contacts: Get with include_merge_history, or Contacts: List merge history, gives it).';

/** The find actions' answer: the same fields for both (lib/curated/contacts.ts, emitFindResult). */
const findOut: FieldTexts = {
  found: 'True when at least one contact matched; false when none did (unless the step field Fail when nothing is found stops the step).',
  count: 'How many contacts matched in all, as Intercom counts them; it can exceed the 50 listed in contacts.',
  contact:
    'The contact found when exactly one matched, or, with the step field When several contacts match = Take the most recently updated one, the newest of several; empty when none matched or several were emitted in contacts.',
  contacts: 'The contacts that matched, up to 50, each as Intercom returns it; an empty list when none matched.',
  ...contactShapeTexts('contact'),
  ...contactShapeTexts('contacts'),
};

const help: ResourceHelp = {
  records: {
    contact,
    contact_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The contacts found, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
      total_count: 'How many contacts the whole list or search has, over every page.',
    },
    create_contact_request: contactInput,
    update_contact_request: { ...contactInput, custom_attributes: 'Values of the workspace’s own contact attributes to set, as name → value pairs; attributes left out keep their value.' },
    contact_deleted: { ...contactOut, deleted: 'True: Intercom deleted the contact.' },
    contact_archived: { ...contactOut, archived: 'True: the contact is now archived (hidden from lists, kept in Intercom).' },
    contact_unarchived: { ...contactOut, archived: 'False: the contact is no longer archived.' },
    contact_blocked: { ...contactOut, blocked: 'True: the contact is now blocked and cannot start conversations.' },
    contact_search_request: {
      query:
        'Intercom search query (JSON). One filter: {"field": "email", "operator": "=", "value": "ada@example.com"}. Several: {"operator": "AND", "value": [filter, filter]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates are Unix time in seconds; groups nest at most two levels deep, with up to 15 filters each. Leave it empty to use the search terms instead.',
      sort: 'Order of the results: { "field": "updated_at", "order": "descending" }; order is ascending or descending (the default; other words such as desc are refused). Without sort Intercom picks the order.',
      'sort.field': 'Contact field to sort by, e.g. created_at, updated_at or email.',
      'sort.order': 'ascending (oldest or smallest first) or descending (the default).',
    },
    merge_contacts_request: {
      from: 'Intercom’s ID of the lead to merge away; it no longer exists afterwards. It must be a lead.',
      into: 'Intercom’s ID of the user the lead is merged into; it stays. It must be a user.',
      skip_duplicate_validation: 'True: merge even when the two share no email or phone (Intercom otherwise refuses).',
    },
    merge_history_item: {
      type: 'Kind of object of the entry: a merge history entry (merge_history).',
      source_contact_id: 'Intercom’s ID the merged contact had (it no longer exists).',
      source_contact_role: 'Role the merged contact had: lead or user.',
      merged_at: 'When that contact was merged into this one.',
    },
    merge_history_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The merges into the contact, one entry each.',
      next_cursor: 'Where the next page starts: give it as cursor; missing on the last page. The step follows it with All pages.',
      has_more: 'True when there are more merges than this page holds.',
    },
    contact_location: {
      type: 'Always "location": names the kind of object.',
      country: 'Country the contact was last seen in, e.g. Ireland.',
      region: 'Region or state the contact was last seen in, e.g. Leinster.',
      city: 'City the contact was last seen in, e.g. Dublin.',
    },
    social_profile: { type: 'Always "social_profile": names the kind of object.', name: 'Name of the social network, e.g. Twitter.', url: 'Web address of the contact’s profile on that network.' },
    company_data: { id: 'Intercom’s ID of the company.', type: 'Always "company": names the kind of object.', url: 'API path of the company, relative to the API host.' },
    contact_segments: { type: 'Always "list": names the kind of object.', data: 'The segments the contact is in, one object each.' },
    subscription_type: {
      type: 'Always "subscription": names the kind of object.',
      id: 'Intercom’s ID of the subscription type; Subscription types: Add to contact takes it as id, Remove from contact as subscription_id.',
      state: 'live (in use), draft or archived.',
      default_translation: 'Name and description of the subscription type in the workspace’s default language.',
      translations: 'Name and description of the subscription type in each language the workspace offers.',
      'translations.name': 'Name of the subscription type in this language, e.g. Newsletter.',
      'translations.description': 'Description of the subscription type in this language.',
      'translations.locale': 'Language of this translation, as a locale code such as en.',
      consent_type: 'opt_in: people get these messages only after agreeing; opt_out: they get them until they refuse.',
      content_types: 'Kinds of message the subscription covers: email, sms_message or both.',
    },
    subscription_type_list: { type: 'Always "list": names the kind of object.', data: 'The subscription types of the workspace, one object each.' },
    translation: {
      name: 'Name of the subscription type in this language, e.g. Newsletter.',
      description: 'Description of the subscription type in this language.',
      locale: 'Language of this text, as a locale code such as en.',
    },
  },
  actions: {
    createContact: {
      in: {
        role: 'user (identified: needs an email or an external_id) or lead (anonymous or not signed up yet). Give at least one of role, email or external_id; the step refuses a contact with none of them.',
        email: 'Email address of the contact, e.g. ada@example.com. Give at least one of email, external_id or role; the step refuses a contact with none of them.',
        external_id: 'Your own ID of the contact (from your system), unique in the workspace. Give at least one of external_id, email or role; the step refuses a contact with none of them.',
      },
      out: { enabled_push_messaging: PUSH, merge_history: NO_MERGE_HISTORY },
    },
    getContact: { in: { include_merge_history: 'True: the answer also lists the contacts merged into this one (users only).' }, out: { enabled_push_messaging: PUSH } },
    getContactByExternalId: {
      in: {
        external_id: 'Your own ID of the contact (its external_id), not Intercom’s id.',
        include_merge_history: 'True: the answer also lists the contacts merged into this one (users only).',
      },
      out: { enabled_push_messaging: PUSH },
    },
    updateContact: { in: { include_merge_history: 'True: the answer also lists the contacts merged into this one (users only).' }, out: { enabled_push_messaging: PUSH } },
    listContacts: { in: { include_merge_history: 'True: each contact of the answer also lists the contacts merged into it (users only).' } },
    searchContacts: {
      in: {
        include_merge_history: 'True: each contact found also lists the contacts merged into it (users only).',
        query:
          'Intercom search query (JSON). One filter: {"field": "email", "operator": "=", "value": "ada@example.com"}. Several: {"operator": "AND", "value": [filter, filter]} (or OR). Operators: = != IN NIN > < ~ (contains) !~ ^ (starts with) $ (ends with). Dates are Unix time in seconds; groups nest at most two levels deep, with up to 15 filters each. Give this or the search terms (they are turned into a query); with neither the step fails.',
        'pagination.per_page': 'How many contacts one page holds, at most 150; the step field Page size, when set, takes its place.',
        ...searchTerms,
      },
    },
    mergeContacts: {
      in: {
        include_merge_history: 'True: the answer also lists the merges into the user that stays.',
        from: 'Intercom’s ID of the lead to merge away (the id field of a contact with role lead, as Contacts: Search gives it); it no longer exists afterwards. It must be a lead.',
        into: 'Intercom’s ID of the user the lead is merged into (the id field of a contact with role user, as Contacts: Search gives it); it stays. It must be a user.',
      },
      out: { enabled_push_messaging: PUSH },
    },
    listContactMergeHistory: {
      in: {
        id: 'Intercom’s ID of the contact whose merges to list: the id field of a contact, as Contacts: List or Contacts: Search give it; not your external_id. Only contacts with the role user have a merge history: for a lead Intercom answers 404.',
        order: 'Order of the merges by time: asc (oldest first) or desc (newest first, the default).',
      },
      out: { data: 'The merges into the contact, one entry each: one page of them, or those of every page when Pages to fetch is All pages.' },
    },
    archiveContact: { in: { contact_id: contactIdTo('to archive') } },
    unarchiveContact: { in: { contact_id: contactIdTo('to unarchive') } },
    blockContact: { in: { contact_id: contactIdTo('to block') } },
    listContactCompanies: { in: { contact_id: contactIdTo('whose companies to list') } },
    listContactSegments: {
      in: { contact_id: contactIdTo('whose segments to list') },
      out: {
        data: 'The segments the contact is in, one object each.',
        'data.count': 'How many people are in the segment. Empty here: Intercom sends it only to Segments: List with include_count, and this action cannot ask for it.',
      },
    },
    listContactSubscriptions: {
      in: { contact_id: contactIdTo('whose subscription types to list') },
      out: {
        data: 'The subscription types the contact set a preference for, one object each: opt-in types they opted in to and opt-out types they opted out of. Types left at their default are not listed.',
      },
    },
    listContactTags: {
      in: { contact_id: contactIdTo('whose tags to list') },
      out: {
        data: 'The tags on the contact, each with its type, Intercom ID and name.',
        'data.applied_at': 'Empty in this list: Intercom fills it only in the answer of a tagging action such as Tags: Attach to contact.',
        'data.applied_by': 'Empty in this list: Intercom fills it only in the answer of a tagging action such as Tags: Attach to contact.',
      },
    },
    addContactSubscription: {
      in: {
        contact_id: contactIdTo('to add the subscription type to'),
        id: 'Intercom’s ID of the subscription type to add (the id field of a subscription type, as Subscription types: List gives it). Adding an opt-in type opts the contact in; adding an opt-out type opts them out.',
        consent_type: 'Consent type of that subscription type, as Subscription types: List shows it: opt_in for an opt-in type, opt_out for an opt-out type.',
      },
    },
    removeContactSubscription: {
      in: {
        contact_id: contactIdTo('to remove the subscription type from'),
        subscription_id: 'Intercom’s ID of the subscription type to remove (the id field of a subscription type, as Subscription types: List gives it).',
      },
    },
    upsertContact: {
      in: {
        external_id: 'Your own ID of the contact (from your system): the contact with it is updated first; a new contact gets it. Give external_id or email (under OIH a linked record also counts); with neither the step fails.',
        email: 'Email address of the contact: when no contact has the external_id, the contact with this email (and no other external_id) is updated; several such contacts fail the step. A new contact gets it. Give email or external_id.',
        role: 'user or lead. A new contact gets it (user when empty); an existing contact is changed to it only when it is given.',
        name: 'Full name to set, e.g. Ada Lovelace.',
        phone: 'Phone number to set, best in international form, e.g. +353 1 234 5678.',
        avatar: 'Web address of a picture of the contact, e.g. https://example.com/ada.png.',
        signed_up_at: 'When the contact signed up for your product.',
        last_seen_at: 'When the contact was last seen in your product.',
        owner_id: 'Intercom’s ID of the admin (teammate) who owns the contact, as Admins: List gives it; overrides the step field Owner.',
        unsubscribed_from_emails: 'True: the contact receives no email messages from you.',
        custom_attributes: 'Values of the workspace’s own contact attributes, as name → value pairs; the attributes must exist (Data attributes: Create). The mapper lists them when it can read them.',
      },
      out: {
        result: 'created when the step made a new contact, updated when it changed an existing one.',
        matched_by: 'How the existing contact was found: recordUid (the OIH link), external_id or email; empty when one was created.',
        contact: 'The contact as Intercom stored it: Intercom ID, your external_id, email, name and more.',
        ...contactShapeTexts('contact'),
      },
    },
    findContactByEmail: {
      in: {
        email: 'Email address to look for, e.g. ada@example.com; Intercom’s contact search compares it whole (=), not as a part.',
        role: 'Only contacts of this role: user or lead; empty: both.',
      },
      out: findOut,
    },
    findContactByExternalId: {
      in: {
        external_id: 'Your own ID of the contact to look for (its external_id), not Intercom’s id.',
        role: 'Only contacts of this role: user or lead; empty: both.',
      },
      out: findOut,
    },
  },
};

export default help;
