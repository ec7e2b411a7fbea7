import { CURATED_FIELDS, FILE_INPUTS, IF_MULTIPLE } from './fields';
import { attachmentsInput, MAX_ATTACHMENT_URLS } from './files';
import type { HandWrittenDecl, FieldDecl, JsonSchema } from './types';

/**
 * Convenience actions built on the catalogue operations (modules under lib/curated/). Their inputs are flat and
 * obvious; the modules validate them against the `in` schemas below (one error naming every bad field, nothing
 * sent) and call the generated operations.
 */

const p = (type: string, title: string, extra: JsonSchema = {}): JsonSchema => ({ type, title, ...extra });
const req = (type: string, title: string, extra: JsonSchema = {}): JsonSchema => p(type, title, { ...extra, required: true });
const input = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, additionalProperties: false });

// ------------------------------------------------------------------------------------------ output shapes


/** The conversation as Intercom returns it: the generated schema of getConversation. */
const conversationOut = { sameAs: 'getConversation' };

const contactShape: JsonSchema = {
  type: 'object',
  title: 'Contact',
  properties: {
    type: p('string', 'Type'),
    id: p('string', 'ID'),
    workspace_id: p('string', 'Workspace ID'),
    external_id: p('string', 'External ID'),
    role: p('string', 'Role'),
    email: p('string', 'Email'),
    phone: p('string', 'Phone'),
    name: p('string', 'Name'),
    owner_id: p('number', 'Owner ID'),
    created_at: p('number', 'Created at'),
    updated_at: p('number', 'Updated at'),
    signed_up_at: p('number', 'Signed up at'),
    last_seen_at: p('number', 'Last seen at'),
    unsubscribed_from_emails: p('boolean', 'Unsubscribed from emails'),
    custom_attributes: p('object', 'Custom attributes'),
  },
};

const findOut: JsonSchema = {
  type: 'object',
  properties: {
    found: p('boolean', 'Found'),
    count: p('number', 'Number of matches'),
    contact: contactShape,
    contacts: p('array', 'All matches', { items: { type: 'object', properties: contactShape['properties'] } }),
  },
};

const tagShape = p('object', 'Tag', { properties: { type: p('string', 'Type'), id: p('string', 'ID'), name: p('string', 'Name') } });

// ------------------------------------------------------------------------------------------ shared fields

const actingAdmin: FieldDecl = {
  label: 'Acting admin',
  viewClass: 'SelectView',
  required: false,
  prompt: 'Map admin_id from the message instead',
  model: 'selectAdmins',
  note: 'The teammate Intercom records as doing this. A mapped admin_id in the message takes precedence; with neither, the step fails before any request.',
  order: 100,
};

const conversationId = req('string', 'Conversation ID');
const adminIdInput = p('string', 'Acting admin ID (overrides the step setting)');

const findFields: Record<string, FieldDecl> = {
  [CURATED_FIELDS.failIfNotFound]: {
    label: 'Fail when nothing is found',
    viewClass: 'CheckBoxView',
    required: false,
    note: 'When no contact matches. Off: a message with found = false, count 0 and an empty contacts list is emitted. On: the step fails, so the flow stops for this message.',
    order: 100,
  },
  [CURATED_FIELDS.ifMultiple]: {
    label: 'When several contacts match',
    viewClass: 'SelectView',
    required: false,
    prompt: 'Emit all of them (default)',
    model: { [IF_MULTIPLE.all]: 'Emit all of them in contacts (contact stays empty)', [IF_MULTIPLE.newest]: 'Take the most recently updated one', [IF_MULTIPLE.fail]: 'Fail the step' },
    note: 'Several contacts can share an email (or, rarely, an external ID). All (default): the matches in contacts (up to 50; count says how many there are); newest: the most recently updated of them also in contact; fail: the step fails.',
    order: 90,
  },
};

// ------------------------------------------------------------------------------------------ actions

export const convenienceActions: Readonly<Record<string, HandWrittenDecl>> = {
  closeConversation: {
    kind: 'action',
    title: 'Conversations: Close',
    description: 'Closes a conversation on behalf of an admin, optionally leaving a closing message.',
    risk: 'write',
    module: 'curated/closeConversation',
    docsPath: 'conversations/manageconversation',
    in: input({
      conversation_id: conversationId,
      admin_id: adminIdInput,
      body: p('string', 'Closing message (optional)'),
    }),
    out: conversationOut,
    customAttributes: 'conversation',
    fields: { [CURATED_FIELDS.adminId]: actingAdmin },
  },
  reopenConversation: {
    kind: 'action',
    title: 'Conversations: Reopen',
    description: 'Opens a closed or snoozed conversation again on behalf of an admin.',
    risk: 'write',
    module: 'curated/reopenConversation',
    docsPath: 'conversations/manageconversation',
    in: input({ conversation_id: conversationId, admin_id: adminIdInput }),
    out: conversationOut,
    customAttributes: 'conversation',
    fields: { [CURATED_FIELDS.adminId]: actingAdmin },
  },
  snoozeConversation: {
    kind: 'action',
    title: 'Conversations: Snooze',
    description: 'Snoozes a conversation until a given time, given as Unix seconds or an ISO 8601 date and time.',
    risk: 'write',
    module: 'curated/snoozeConversation',
    docsPath: 'conversations/manageconversation',
    in: input({
      conversation_id: conversationId,
      until: req('string', 'Snooze until'),
      admin_id: adminIdInput,
    }),
    out: conversationOut,
    customAttributes: 'conversation',
    fields: { [CURATED_FIELDS.adminId]: actingAdmin },
  },
  assignConversation: {
    kind: 'action',
    title: 'Conversations: Assign',
    description: 'Assigns a conversation to an admin, a team or both ("0" unassigns), optionally with a message.',
    risk: 'write',
    module: 'curated/assignConversation',
    docsPath: 'conversations/manageconversation',
    in: input({
      conversation_id: conversationId,
      assignee_admin_id: p('string', 'Assign to admin ID (0 = nobody; overrides the step setting)'),
      assignee_team_id: p('string', 'Assign to team ID (0 = no team; overrides the step setting)'),
      admin_id: adminIdInput,
      body: p('string', 'Message posted with the assignment (optional)'),
    }),
    out: conversationOut,
    customAttributes: 'conversation',
    fields: {
      [CURATED_FIELDS.adminId]: actingAdmin,
      [CURATED_FIELDS.assigneeAdminId]: {
        label: 'Assign to admin',
        viewClass: 'SelectView',
        required: false,
        prompt: 'No admin change',
        model: 'selectAdmins',
        note: 'The admin (teammate) to assign the conversation to. A mapped assignee_admin_id in the message takes precedence (0 there unassigns). Give an admin or a team, here or in the message; with both, the team is assigned first, then the admin.',
        order: 90,
      },
      [CURATED_FIELDS.assigneeTeamId]: {
        label: 'Assign to team',
        viewClass: 'SelectView',
        required: false,
        prompt: 'No team change',
        model: 'selectTeams',
        note: 'The team to assign the conversation to. A mapped assignee_team_id in the message takes precedence (0 there removes the team). Give an admin or a team, here or in the message.',
        order: 80,
      },
    },
  },
  replyToConversation: {
    kind: 'action',
    title: 'Conversations: Reply',
    description: 'Replies to a conversation as an admin (visible reply or internal note) or as the contact, with optional image URLs or files of the incoming message.',
    risk: 'write',
    module: 'curated/replyToConversation',
    docsPath: 'conversations/replyconversation',
    in: input({
      conversation_id: conversationId,
      body: req('string', 'Text (notes accept some HTML)'),
      reply_as: p('string', 'Reply as', { enum: ['admin', 'contact'] }),
      message_type: p('string', 'Admin reply kind (default comment)', { enum: ['comment', 'note'] }),
      admin_id: adminIdInput,
      intercom_user_id: p('string', 'Contact: Intercom contact ID'),
      user_id: p('string', 'Contact: external ID'),
      email: p('string', 'Contact: email'),
      attachment_urls: p('array', `Attachment URLs (up to ${MAX_ATTACHMENT_URLS} images)`, { items: { type: 'string' } }),
      [FILE_INPUTS.attachments]: attachmentsInput,
    }),
    out: conversationOut,
    customAttributes: 'conversation',
    fields: { [CURATED_FIELDS.adminId]: actingAdmin },
  },
  upsertContact: {
    kind: 'action',
    title: 'Contacts: Create or update',
    description: 'Finds a contact by external_id, else by email, then updates it, or creates it when there is none.',
    risk: 'write',
    module: 'curated/upsertContact',
    docsPath: 'contacts/createcontact',
    in: input({
      external_id: p('string', 'External ID (your id; matched first)'),
      email: p('string', 'Email (matched when no external ID matches)'),
      role: p('string', 'Role (a new contact gets user when empty)', { enum: ['user', 'lead'] }),
      name: p('string', 'Name'),
      phone: p('string', 'Phone'),
      avatar: p('string', 'Avatar image URL'),
      signed_up_at: p('number', 'Signed up at (Unix seconds)'),
      last_seen_at: p('number', 'Last seen at (Unix seconds)'),
      owner_id: p('string', 'Owner admin ID (overrides the step setting)'),
      unsubscribed_from_emails: p('boolean', 'Unsubscribed from emails'),
      custom_attributes: p('object', 'Custom attributes'),
    }),
    customAttributes: 'contact',
    fields: {
      [CURATED_FIELDS.ownerId]: {
        label: 'Owner',
        viewClass: 'SelectView',
        required: false,
        prompt: 'Map owner_id from the message instead',
        model: 'selectAdmins',
        note: 'The admin (teammate) who owns the contact, set on create and update. A mapped owner_id in the message takes precedence; with neither, the owner is not changed.',
        order: 100,
      },
    },
    out: {
      type: 'object',
      properties: {
        result: p('string', 'Result', { enum: ['created', 'updated'] }),
        matched_by: p('string', 'Matched by', { enum: ['recordUid', 'external_id', 'email'] }),
        contact: contactShape,
      },
    },
  },
  findContactByEmail: {
    kind: 'action',
    title: 'Contacts: Find by email',
    description: 'Looks contacts up by email and says whether none, one or several match.',
    risk: 'read',
    module: 'curated/findContactByEmail',
    docsPath: 'contacts/searchcontacts',
    in: input({ email: req('string', 'Email'), role: p('string', 'Only this role', { enum: ['user', 'lead'] }) }),
    out: findOut,
    customAttributes: 'contact',
    fields: findFields,
  },
  findContactByExternalId: {
    kind: 'action',
    title: 'Contacts: Find by external ID',
    description: 'Looks contacts up by external_id and says whether none, one or several match.',
    risk: 'read',
    module: 'curated/findContactByExternalId',
    docsPath: 'contacts/searchcontacts',
    in: input({ external_id: req('string', 'External ID'), role: p('string', 'Only this role', { enum: ['user', 'lead'] }) }),
    out: findOut,
    customAttributes: 'contact',
    fields: findFields,
  },
  tagContactByName: {
    kind: 'action',
    title: 'Tags: Tag contact by tag name',
    description: 'Attaches the tag with the given name to a contact, creating the tag when it does not exist yet.',
    risk: 'write',
    module: 'curated/tagContactByName',
    docsPath: 'tags/attachtagtocontact',
    in: input({ contact_id: req('string', 'Contact ID'), tag_name: req('string', 'Tag name') }),
    out: { type: 'object', properties: { tag: tagShape, tag_created: p('boolean', 'Tag was created'), contact_id: p('string', 'Contact ID') } },
  },
  tagConversationByName: {
    kind: 'action',
    title: 'Tags: Tag conversation by tag name',
    description: 'Attaches the tag with the given name to a conversation, creating the tag when it does not exist yet.',
    risk: 'write',
    module: 'curated/tagConversationByName',
    docsPath: 'tags/attachtagtoconversation',
    in: input({ conversation_id: conversationId, tag_name: req('string', 'Tag name'), admin_id: adminIdInput }),
    out: { type: 'object', properties: { tag: tagShape, tag_created: p('boolean', 'Tag was created'), conversation_id: p('string', 'Conversation ID') } },
    fields: { [CURATED_FIELDS.adminId]: actingAdmin },
  },
  tagCompanyByName: {
    kind: 'action',
    title: 'Tags: Tag company by tag name',
    description: 'Attaches the tag with the given name to a company, creating the tag when it does not exist yet.',
    risk: 'write',
    module: 'curated/tagCompanyByName',
    docsPath: 'tags/createtag',
    in: input({
      id: p('string', 'Company: Intercom ID'),
      company_id: p('string', 'Company: your company ID'),
      tag_name: req('string', 'Tag name'),
    }),
    out: { type: 'object', properties: { tag: tagShape, tag_created: p('boolean', 'Tag was created'), id: p('string', 'Company: Intercom ID'), company_id: p('string', 'Company: your company ID') } },
  },
  rawRequest: {
    kind: 'action',
    title: 'Raw request (any method; may change or delete data)',
    description: 'Calls any Intercom REST path with the component\'s authentication, version header, retries, paging and errors.',
    risk: 'destructive',
    module: 'curated/rawRequest',
    paging: true,
    in: input({
      method: p('string', 'Method (default GET)', { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }),
      path: req('string', 'Path (e.g. /contacts/123)'),
      query: p('object', 'Query parameters'),
      body: p('object', 'JSON body'),
      paginate: p('string', 'Paging style', {
        enum: ['none', 'cursor', 'searchBody', 'page', 'pageBody', 'scroll', 'nextCursor'],
      }),
      items_path: p('string', 'Where the items of a page are'),
    }),
    out: { type: 'object' },
    fields: {
      [CURATED_FIELDS.readOnly]: {
        label: 'This POST only reads (search, list)',
        viewClass: 'CheckBoxView',
        required: false,
        note: 'Lets a POST be retried after a timeout or server error, like GET, PUT and DELETE. Leave off for anything that creates or sends.',
        order: 100,
      },
    },
  },
};
