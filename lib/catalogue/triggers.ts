import { EMIT_ON, LOOP_FIELDS, POLLING_FIELDS, POLLING_FILTER_FIELDS, POLLING_LIMITS, WEBHOOK_FIELDS } from './fields';
import type { HandWrittenDecl, CustomAttributeModel, FieldDecl, JsonSchema } from './types';
import { oihTransformFields, organizationSchema, personSchema } from './oih';
import { topicModel } from './webhookTopics';

/** Polling and webhook triggers (modules under lib/triggers/). */

const p = (type: string, title: string, extra: JsonSchema = {}): JsonSchema => ({ type, title, ...extra });
const obj = (title: string, properties?: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', title, ...(properties ? { properties } : {}) });

// ------------------------------------------------------------------------------------------ shared fields

const startTime: FieldDecl = {
  label: 'Start time (first run)',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: 'now, e.g. 2026-01-31T00:00:00Z',
  note: 'Where the first run starts: an ISO 8601 date or date and time (without a zone: UTC), e.g. 2026-01-31T00:00:00Z, or Unix time in seconds or milliseconds. Empty: the moment of the first run. A past moment backfills everything since then, spread over runs by the maximum per run. Changing it later starts over from the new value.',
  order: 90,
};
const overlapMinutes: FieldDecl = {
  label: 'Overlap window (minutes)',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: String(POLLING_LIMITS.overlapMinutes.fallback),
  note: `Each run looks this far back behind the newest record already emitted, to catch records Intercom indexes late; records are still emitted only once. A whole number of minutes from ${POLLING_LIMITS.overlapMinutes.min} to ${POLLING_LIMITS.overlapMinutes.max}; empty: ${POLLING_LIMITS.overlapMinutes.fallback}.`,
  order: 80,
};
const maxPerRun: FieldDecl = {
  label: 'Maximum records per run',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: String(POLLING_LIMITS.maxPerRun.fallback),
  note: `How many records one run emits at most, oldest first; the rest follow in the next runs. A whole number from ${POLLING_LIMITS.maxPerRun.min} to ${POLLING_LIMITS.maxPerRun.max}; empty: ${POLLING_LIMITS.maxPerRun.fallback}.`,
  order: 70,
};
const newOrUpdated = (noun: string, one: string): FieldDecl => ({
  label: 'Emit',
  viewClass: 'SelectView',
  required: false,
  prompt: `New and updated ${noun} (default)`,
  model: { [EMIT_ON.newOrUpdated]: `New and updated ${noun}`, [EMIT_ON.new]: `New ${noun} only` },
  note: `New and updated (default): every ${one} created or changed since the last run, each version once (by updated_at). New only: each ${one} created since the last run, once (by created_at).`,
  order: 100,
});
const adminAssigneeId: FieldDecl = {
  label: 'Assigned to admin (optional)',
  viewClass: 'SelectView',
  required: false,
  prompt: 'Any admin',
  model: 'selectAdmins',
  note: 'Only records assigned to this admin (teammate), by admin_assignee_id; empty: whoever they are assigned to. With a team too, both must match.',
  order: 60,
};
const teamAssigneeId: FieldDecl = {
  label: 'Assigned to team (optional)',
  viewClass: 'SelectView',
  required: false,
  prompt: 'Any team',
  model: 'selectTeams',
  note: 'Only records assigned to this team, by team_assignee_id; empty: any team or none. With an admin too, both must match.',
  order: 59,
};
/** Loop prevention (lib/triggers/loopFilter.ts): the conversation triggers and webhookEvents. */
const loopFields: Record<string, FieldDecl> = {
  [LOOP_FIELDS.includeOwnChanges]: {
    label: 'Include changes made by this connection',
    viewClass: 'CheckBoxView',
    required: false,
    note: "Off (default): changes written by the admin the credentials belong to are left out, so a flow that replies or assigns does not trigger itself; a change that leaves no conversation part (an attribute, a tag) is never left out. Tick to receive them too.",
    order: 50,
  },
  [LOOP_FIELDS.ignoreAuthorIds]: {
    label: 'Ignore changes by (optional)',
    viewClass: 'MultiSelectView',
    required: false,
    prompt: 'Nobody else',
    note: 'Admins and bots whose replies, notes and other changes are left out, e.g. the bot another flow answers as; contacts are never left out. Empty: only the rule above applies.',
    model: 'selectAdmins',
    order: 49,
  },
};

const pollingFields = { [POLLING_FIELDS.startTime]: startTime, [POLLING_FIELDS.overlapMinutes]: overlapMinutes, [POLLING_FIELDS.maxPerRun]: maxPerRun };

// ------------------------------------------------------------------------------------------------ schemas


/** Records as Intercom returns them: the generated out-schemas of the matching get operations. */
const contactOut = { sameAs: 'getContact' };

const conversationOut = { sameAs: 'getConversation' };

const ticketOut = { sameAs: 'getTicket' };

const companyOut = { sameAs: 'getCompany' };

const conversationPartOut = obj('Conversation part', {
  type: p('string', 'Type'),
  id: p('string', 'Part ID'),
  conversation_id: p('string', 'Conversation ID'),
  part_type: p('string', 'Part type, e.g. comment, note, assignment, close, open'),
  body: { type: ['string', 'null'], title: 'Body (HTML)' },
  created_at: p('number', 'Created at (Unix time in seconds)'),
  updated_at: p('number', 'Updated at (Unix time in seconds)'),
  notified_at: p('number', 'Notified at (Unix time in seconds)'),
  assigned_to: obj('Assigned to', { type: p('string', 'Type'), id: p('string', 'ID') }),
  author: obj('Author', { type: p('string', 'Type: admin, bot, user, lead or team'), id: p('string', 'ID'), name: p('string', 'Name'), email: p('string', 'Email') }),
  attachments: p('array', 'Attachments'),
  external_id: { type: ['string', 'null'], title: 'External ID' },
  redacted: p('boolean', 'Redacted'),
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

const contactFields: Record<string, FieldDecl> = {
  [POLLING_FIELDS.emitOn]: newOrUpdated('contacts', 'contact'),
  [POLLING_FILTER_FIELDS.role]: {
    label: 'Role',
    viewClass: 'SelectView',
    required: false,
    prompt: 'Users and leads',
    model: { any: 'Users and leads', user: 'Users only', lead: 'Leads only' },
    note: 'Only contacts of this role. Users are people who signed up (identified); leads are anonymous or not yet signed up. Empty: both.',
    order: 65,
  },
  [POLLING_FILTER_FIELDS.tagId]: {
    label: 'Tagged with (optional)',
    viewClass: 'SelectView',
    required: false,
    prompt: 'Any or no tag',
    model: 'selectTags',
    note: 'Only contacts that carry this tag; empty: every contact, tagged or not.',
    order: 60,
  },
};

// --------------------------------------------------------------------------------------------- triggers

/** A polling trigger: what is declared beyond its key (the step fields every polling trigger shares are added). */
interface PollingDecl {
  title: string;
  description: string;
  /** Where its definition lives (a module under lib/ exporting `trigger`). */
  module: string;
  out: HandWrittenDecl['out'];
  fields: Record<string, FieldDecl>;
  docsPath?: string;
  customAttributes?: CustomAttributeModel;
}

const polling = ({ title, description, module, out, fields, docsPath, customAttributes }: PollingDecl): HandWrittenDecl => ({
  kind: 'trigger',
  title,
  description,
  risk: 'read',
  module,
  polling: true,
  fields: { ...fields, ...pollingFields },
  out,
  ...(docsPath ? { docsPath } : {}),
  ...(customAttributes ? { customAttributes } : {}),
});

export const triggers: Readonly<Record<string, HandWrittenDecl>> = {
  newOrUpdatedContacts: polling({
    title: 'Contacts: New or updated (polling)',
    description: 'Emits each contact created or updated since the last run, one message each, oldest first, each version once.',
    module: 'triggers/polling/sources/contacts',
    out: contactOut,
    fields: contactFields,
    docsPath: 'contacts/searchcontacts',
    customAttributes: 'contact',
  }),
  newOrUpdatedConversations: polling({
    title: 'Conversations: New, updated or closed (polling)',
    description: 'Emits each conversation created, updated, closed or in a chosen state since the last run, one message each, oldest first.',
    module: 'triggers/polling/sources/conversations',
    out: conversationOut,
    fields: {
      [POLLING_FIELDS.emitOn]: {
        label: 'Emit',
        viewClass: 'SelectView',
        required: false,
        prompt: 'New and updated conversations (default)',
        model: {
          [EMIT_ON.newOrUpdated]: 'New and updated conversations',
          [EMIT_ON.new]: 'New conversations only',
          [EMIT_ON.closed]: 'Closed conversations (each closing once)',
          [EMIT_ON.state]: 'New and updated conversations whose state is the one below',
        },
        note: 'Which changes start the flow: every new or changed conversation (default, by updated_at), new ones only (by created_at), each closing once (by its last close time), or new and changed conversations in the state chosen below.',
        order: 100,
      },
      [POLLING_FILTER_FIELDS.state]: {
        label: 'State (for "state is …")',
        viewClass: 'SelectView',
        required: false,
        prompt: 'Choose a state',
        model: { open: 'Open', snoozed: 'Snoozed', closed: 'Closed' },
        note: 'Needed, and used only, when Emit is "whose state is the one below": new and changed conversations in this state are emitted.',
        order: 95,
      },
      [POLLING_FILTER_FIELDS.adminAssigneeId]: adminAssigneeId,
      [POLLING_FILTER_FIELDS.teamAssigneeId]: teamAssigneeId,
      [POLLING_FILTER_FIELDS.withParts]: {
        label: 'With conversation parts',
        viewClass: 'CheckBoxView',
        required: false,
        note: 'Emits each conversation with its parts (replies, notes, assignments; Intercom gives the latest 500), read with one more request per conversation. Off: the conversation as the search gives it, without parts.',
        order: 55,
      },
      ...loopFields,
    },
    docsPath: 'conversations/searchconversations',
    customAttributes: 'conversation',
  }),
  newConversationParts: polling({
    title: 'Conversations: New conversation parts (polling)',
    description: 'Emits each new reply, note, assignment or other conversation part once, with its conversation id, author and type, oldest first.',
    module: 'triggers/polling/sources/conversationParts',
    out: conversationPartOut,
    fields: { ...loopFields },
    docsPath: 'conversations/retrieveconversation',
  }),
  newOrUpdatedTickets: polling({
    title: 'Tickets: New or updated (polling)',
    description: 'Emits each ticket created or updated since the last run, one message each, oldest first, each version once.',
    module: 'triggers/polling/sources/tickets',
    out: ticketOut,
    fields: {
      [POLLING_FIELDS.emitOn]: newOrUpdated('tickets', 'ticket'),
      [POLLING_FILTER_FIELDS.ticketTypeId]: {
        label: 'Ticket type (optional)',
        viewClass: 'SelectView',
        required: false,
        prompt: 'Any ticket type',
        model: 'selectTicketTypes',
        note: 'Only tickets of this ticket type; empty: tickets of every type.',
        order: 65,
      },
      [POLLING_FILTER_FIELDS.adminAssigneeId]: adminAssigneeId,
      [POLLING_FILTER_FIELDS.teamAssigneeId]: teamAssigneeId,
    },
    docsPath: 'tickets/searchtickets',
    customAttributes: 'ticket',
  }),
  newOrUpdatedCompanies: polling({
    title: 'Companies: New or updated (polling)',
    description: 'Emits each company created or updated since the last run, one message each, oldest first; reads all companies with the scroll API.',
    module: 'triggers/polling/sources/companies',
    out: companyOut,
    fields: { [POLLING_FIELDS.emitOn]: newOrUpdated('companies', 'company') },
    docsPath: 'companies/scrolloverallcompanies',
    customAttributes: 'company',
  }),
  getPersonsPolling: polling({
    title: 'OIH Persons: New or updated (polling)',
    description: 'The contacts trigger for the Open Integration Hub: each contact created or updated since the last run, emitted as an OIH Person.',
    module: 'triggers/polling/sources/persons',
    out: personSchema,
    fields: { ...contactFields, ...oihTransformFields },
    docsPath: 'contacts/searchcontacts',
  }),
  getOrganizationsPolling: polling({
    title: 'OIH Organizations: New or updated (polling)',
    description: 'The companies trigger for the Open Integration Hub: each company created or updated since the last run, emitted as an OIH Organization.',
    module: 'triggers/polling/sources/organizations',
    out: organizationSchema,
    fields: { [POLLING_FIELDS.emitOn]: newOrUpdated('companies', 'company'), ...oihTransformFields },
    docsPath: 'companies/scrolloverallcompanies',
  }),
  deletedConversations: polling({
    title: 'Conversations: Deleted (polling)',
    description: 'Emits the id of each conversation deleted since the last run, one message each, oldest first.',
    module: 'triggers/polling/sources/deletedConversations',
    out: deletedConversationOut,
    fields: {},
    docsPath: 'conversations/listdeletedconversationids',
  }),
  webhookEvents: {
    kind: 'trigger',
    title: 'Webhook: Intercom notifications',
    description:
      'Receives Intercom webhook notifications: checks the X-Hub-Signature when a client secret is set, drops pings, unselected topics and repeated deliveries, and emits the notification item.',
    risk: 'read',
    module: 'triggers/webhook/events',
    consumesRawData: true,
    fields: {
      [WEBHOOK_FIELDS.clientSecret]: {
        label: 'Client secret (signature check)',
        viewClass: 'PasswordFieldView',
        required: false,
        note: 'The client secret of your Intercom app (Developer Hub, Basic information). When set, every delivery must carry a valid X-Hub-Signature or it fails and nothing is emitted. Empty: deliveries are not checked (the log warns of it).',
        order: 100,
      },
      [WEBHOOK_FIELDS.topics]: {
        label: 'Topics',
        viewClass: 'MultiSelectView',
        required: false,
        prompt: 'All topics',
        note: 'Only notifications of these topics are emitted; none selected: all. Ping notifications are never emitted.',
        model: topicModel(),
        order: 90,
      },
      [WEBHOOK_FIELDS.maxAgeMinutes]: {
        label: 'Maximum age of a notification (minutes)',
        viewClass: 'TextFieldView',
        required: false,
        placeholder: '180',
        note: 'A notification created longer ago than this is not emitted (a warning names it): an old delivery sent again is refused. Intercom holds a delivery back for at most 2 hours. A whole number from 0 to 10080 (a week); empty: 180 minutes (or the INTERCOM_WEBHOOK_MAX_AGE_MINUTES environment variable); 0: no bound.',
        order: 85,
      },
      ...loopFields,
    },
    out: webhookOut,
  },
};
