import type { CuratedDecl, FieldDecl, JsonSchema } from './types';
import { topicModel } from '../triggers/webhook/topics';

/**
 * Polling and webhook triggers (modules under lib/triggers/). Field names are read by
 * lib/triggers/polling/options.ts, lib/triggers/polling/sources.ts and lib/triggers/webhookEvents.ts.
 */

const p = (type: string, title: string, extra: JsonSchema = {}): JsonSchema => ({ type, title, ...extra });
const obj = (title: string, properties?: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', title, ...(properties ? { properties } : {}) });

// ------------------------------------------------------------------------------------------ shared fields

const startTime: FieldDecl = {
  label: 'Start time (first run)',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: 'now, e.g. 2026-01-31T00:00:00Z',
  note: 'Where the first run starts. Empty: the moment of the first run. A past date backfills everything since then, spread over runs by the maximum per run. Changing it later starts over from the new value.',
  order: 90,
};
const overlapMinutes: FieldDecl = {
  label: 'Overlap window (minutes)',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: '15',
  note: 'Each run looks this far back behind the newest record already emitted, to catch records Intercom indexes late. Records are still emitted only once.',
  order: 80,
};
const maxPerRun: FieldDecl = {
  label: 'Maximum records per run',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: '1000',
  note: 'Oldest first; the rest follows in the next runs (at most 10000).',
  order: 70,
};
const newOrUpdated = (noun: string): FieldDecl => ({
  label: 'Emit',
  viewClass: 'SelectView',
  required: false,
  prompt: `New and updated ${noun} (default)`,
  model: { newOrUpdated: `New and updated ${noun}`, new: `New ${noun} only` },
  order: 100,
});
const adminAssigneeId: FieldDecl = {
  label: 'Assigned to admin (optional)',
  viewClass: 'SelectView',
  required: false,
  prompt: 'Any admin',
  model: 'selectAdmins',
  order: 60,
};
const teamAssigneeId: FieldDecl = {
  label: 'Assigned to team (optional)',
  viewClass: 'SelectView',
  required: false,
  prompt: 'Any team',
  model: 'selectTeams',
  order: 59,
};
const pollingFields = { startTime, overlapMinutes, maxPerRun };

// ------------------------------------------------------------------------------------------------ schemas

const tagList = obj('Tags', { type: p('string', 'Type'), data: p('array', 'Tags', { items: obj('Tag', { id: p('string', 'Id'), type: p('string', 'Type') }) }) });

const contactOut = obj('Contact', {
  type: p('string', 'Type'),
  id: p('string', 'Id'),
  workspace_id: p('string', 'Workspace id'),
  external_id: p('string', 'External id'),
  role: p('string', 'Role'),
  email: p('string', 'Email'),
  phone: p('string', 'Phone'),
  name: p('string', 'Name'),
  owner_id: p('number', 'Owner id'),
  has_hard_bounced: p('boolean', 'Has hard bounced'),
  marked_email_as_spam: p('boolean', 'Marked email as spam'),
  unsubscribed_from_emails: p('boolean', 'Unsubscribed from emails'),
  created_at: p('number', 'Created at'),
  updated_at: p('number', 'Updated at'),
  signed_up_at: p('number', 'Signed up at'),
  last_seen_at: p('number', 'Last seen at'),
  last_replied_at: p('number', 'Last replied at'),
  last_contacted_at: p('number', 'Last contacted at'),
  browser: p('string', 'Browser'),
  os: p('string', 'Operating system'),
  language_override: p('string', 'Language override'),
  location: obj('Location', { country: p('string', 'Country'), region: p('string', 'Region'), city: p('string', 'City') }),
  custom_attributes: obj('Custom attributes'),
  tags: tagList,
  companies: obj('Companies'),
});

const conversationOut = obj('Conversation', {
  type: p('string', 'Type'),
  id: p('string', 'Id'),
  title: p('string', 'Title'),
  created_at: p('number', 'Created at'),
  updated_at: p('number', 'Updated at'),
  waiting_since: p('number', 'Waiting since'),
  snoozed_until: p('number', 'Snoozed until'),
  open: p('boolean', 'Open'),
  state: p('string', 'State'),
  read: p('boolean', 'Read'),
  priority: p('string', 'Priority'),
  admin_assignee_id: p('number', 'Admin assignee id'),
  team_assignee_id: p('string', 'Team assignee id'),
  source: obj('Source', {
    type: p('string', 'Type'),
    id: p('string', 'Id'),
    delivered_as: p('string', 'Delivered as'),
    subject: p('string', 'Subject'),
    body: p('string', 'Body'),
    author: obj('Author', { type: p('string', 'Type'), id: p('string', 'Id'), name: p('string', 'Name'), email: p('string', 'Email') }),
    url: p('string', 'URL'),
  }),
  contacts: obj('Contacts', { type: p('string', 'Type'), contacts: p('array', 'Contacts', { items: obj('Contact reference', { type: p('string', 'Type'), id: p('string', 'Id'), external_id: p('string', 'External id') }) }) }),
  tags: obj('Tags'),
  custom_attributes: obj('Custom attributes'),
  statistics: obj('Statistics', {
    time_to_assignment: p('number', 'Time to assignment'),
    time_to_admin_reply: p('number', 'Time to admin reply'),
    time_to_first_close: p('number', 'Time to first close'),
    time_to_last_close: p('number', 'Time to last close'),
    first_contact_reply_at: p('number', 'First contact reply at'),
    first_close_at: p('number', 'First close at'),
    last_close_at: p('number', 'Last close at'),
    last_closed_by_id: p('string', 'Last closed by id'),
    count_reopens: p('number', 'Reopens'),
    count_conversation_parts: p('number', 'Conversation parts'),
  }),
  conversation_rating: obj('Rating'),
  ticket: obj('Ticket'),
});

const ticketOut = obj('Ticket', {
  type: p('string', 'Type'),
  id: p('string', 'Id'),
  ticket_id: p('string', 'Ticket number'),
  category: p('string', 'Category'),
  ticket_attributes: obj('Ticket attributes'),
  ticket_state: obj('Ticket state', { id: p('string', 'Id'), category: p('string', 'Category'), internal_label: p('string', 'Internal label'), external_label: p('string', 'External label') }),
  ticket_type: obj('Ticket type', { id: p('string', 'Id'), name: p('string', 'Name') }),
  contacts: obj('Contacts'),
  admin_assignee_id: p('string', 'Admin assignee id'),
  team_assignee_id: p('string', 'Team assignee id'),
  created_at: p('number', 'Created at'),
  updated_at: p('number', 'Updated at'),
  open: p('boolean', 'Open'),
  snoozed_until: p('number', 'Snoozed until'),
  linked_objects: obj('Linked objects'),
  is_shared: p('boolean', 'Shared with the customer'),
});

const companyOut = obj('Company', {
  type: p('string', 'Type'),
  id: p('string', 'Id'),
  company_id: p('string', 'Company id (yours)'),
  app_id: p('string', 'Workspace id'),
  name: p('string', 'Name'),
  website: p('string', 'Website'),
  industry: p('string', 'Industry'),
  size: p('number', 'Size'),
  monthly_spend: p('number', 'Monthly spend'),
  session_count: p('number', 'Sessions'),
  user_count: p('number', 'Users'),
  remote_created_at: p('number', 'Created at (your system)'),
  created_at: p('number', 'Created at'),
  updated_at: p('number', 'Updated at'),
  last_request_at: p('number', 'Last request at'),
  plan: obj('Plan', { id: p('string', 'Id'), name: p('string', 'Name') }),
  custom_attributes: obj('Custom attributes'),
  tags: obj('Tags'),
  segments: obj('Segments'),
});

const deletedConversationOut = obj('Deleted conversation', {
  type: p('string', 'Type'),
  id: p('string', 'Conversation id'),
  deleted_at: p('number', 'Deleted at'),
  metrics_retained: p('boolean', 'Metrics retained'),
});

const webhookOut = obj('Notification item', {
  type: p('string', 'Item type'),
  id: p('string', 'Item id'),
  topic: p('string', 'Topic'),
  app_id: p('string', 'Workspace id'),
  notification_id: p('string', 'Notification id'),
  notification_created_at: p('number', 'Notification created at'),
});

// --------------------------------------------------------------------------------------------- triggers

const polling = (
  title: string,
  description: string,
  module: string,
  out: JsonSchema,
  fields: Record<string, FieldDecl>,
  docsPath?: string,
): CuratedDecl => ({
  kind: 'trigger',
  title,
  description,
  risk: 'read',
  module: `triggers/${module}`,
  polling: true,
  fields: { ...fields, ...pollingFields },
  out,
  ...(docsPath ? { docsPath } : {}),
});

export const triggers: Readonly<Record<string, CuratedDecl>> = {
  newOrUpdatedContacts: polling(
    'Contacts: New or updated (polling)',
    'Emits each contact created or updated since the last run, one message each, oldest first, each version once.',
    'newOrUpdatedContacts',
    contactOut,
    {
      emitOn: newOrUpdated('contacts'),
      role: {
        label: 'Role',
        viewClass: 'SelectView',
        required: false,
        prompt: 'Users and leads',
        model: { any: 'Users and leads', user: 'Users only', lead: 'Leads only' },
        order: 65,
      },
      tagId: { label: 'Tagged with (optional)', viewClass: 'SelectView', required: false, prompt: 'Any or no tag', model: 'selectTags', order: 60 },
    },
    'contacts/searchcontacts',
  ),
  newOrUpdatedConversations: polling(
    'Conversations: New, updated or closed (polling)',
    'Emits each conversation created, updated, closed or in a chosen state since the last run, one message each, oldest first.',
    'newOrUpdatedConversations',
    conversationOut,
    {
      emitOn: {
        label: 'Emit',
        viewClass: 'SelectView',
        required: false,
        prompt: 'New and updated conversations (default)',
        model: {
          newOrUpdated: 'New and updated conversations',
          new: 'New conversations only',
          closed: 'Closed conversations (each closing once)',
          state: 'New and updated conversations whose state is the one below',
        },
        order: 100,
      },
      state: {
        label: 'State (for "state is …")',
        viewClass: 'SelectView',
        required: false,
        prompt: 'Choose a state',
        model: { open: 'Open', snoozed: 'Snoozed', closed: 'Closed' },
        order: 95,
      },
      adminAssigneeId,
      teamAssigneeId,
    },
    'conversations/searchconversations',
  ),
  newOrUpdatedTickets: polling(
    'Tickets: New or updated (polling)',
    'Emits each ticket created or updated since the last run, one message each, oldest first, each version once.',
    'newOrUpdatedTickets',
    ticketOut,
    {
      emitOn: newOrUpdated('tickets'),
      ticketTypeId: { label: 'Ticket type (optional)', viewClass: 'SelectView', required: false, prompt: 'Any ticket type', model: 'selectTicketTypes', order: 65 },
      adminAssigneeId,
      teamAssigneeId,
    },
    'tickets/searchtickets',
  ),
  newOrUpdatedCompanies: polling(
    'Companies: New or updated (polling)',
    'Emits each company created or updated since the last run, one message each, oldest first; reads all companies with the scroll API.',
    'newOrUpdatedCompanies',
    companyOut,
    { emitOn: newOrUpdated('companies') },
    'companies/scrolloverallcompanies',
  ),
  deletedConversations: polling(
    'Conversations: Deleted (polling)',
    'Emits the id of each conversation deleted since the last run, one message each, oldest first.',
    'deletedConversations',
    deletedConversationOut,
    {},
    'conversations/listdeletedconversationids',
  ),
  webhookEvents: {
    kind: 'trigger',
    title: 'Webhook: Intercom notifications',
    description:
      'Receives Intercom webhook notifications: checks the X-Hub-Signature when a client secret is set, drops pings, unselected topics and repeated deliveries, and emits the notification item.',
    risk: 'read',
    module: 'triggers/webhookEvents',
    consumesRawData: true,
    fields: {
      clientSecret: {
        label: 'Client secret (signature check)',
        viewClass: 'PasswordFieldView',
        required: false,
        note: 'The client secret of your Intercom app (Developer Hub, Basic information). When set, every delivery must carry a valid X-Hub-Signature or it fails and nothing is emitted.',
        order: 100,
      },
      topics: {
        label: 'Topics',
        viewClass: 'MultiSelectView',
        required: false,
        prompt: 'All topics',
        note: 'Only notifications of these topics are emitted; none selected: all. Ping notifications are never emitted.',
        model: topicModel(),
        order: 90,
      },
    },
    out: webhookOut,
  },
};
