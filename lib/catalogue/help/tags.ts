import { contactIdTo } from './contacts';
import type { FieldTexts, ResourceHelp } from './types';

/** Who applied the tag, in the answer of a tag or untag action: a reference whose own text is generic. */
const appliedBy: FieldTexts = {
  'applied_by.type': 'Kind of record that applied the tag: admin (a teammate).',
  'applied_by.id': 'Intercom’s ID of the admin (teammate) who put the tag on the record.',
};

/** Taking the action's tag off: the tag it names. */
const TAG_TO_REMOVE = 'Intercom’s ID of the tag to take off: the id field of a tag, as Tags: List gives it.';

const help: ResourceHelp = {
  records: {
    tag: {
      type: 'Always "tag": names the kind of object.',
      id: 'Intercom’s ID of the tag; the tag actions take it as tag_id or id.',
      name: 'Name of the tag as teammates see it, e.g. VIP.',
      applied_at: 'When the tag was put on the record (Unix time in seconds). Intercom fills it, when it knows it, in the answers of the actions that tag or untag a contact, conversation or ticket; elsewhere, e.g. Tags: List, it is empty.',
      applied_by: 'The admin who put the tag on the record: type and Intercom ID. Intercom fills it, when it knows it, in the answers of the actions that tag or untag a record (an untag answer names who had put the tag on); elsewhere it is empty.',
      'applied_by.type': 'Kind of the tagger, normally admin.',
      'applied_by.id': 'Intercom’s ID of the admin who applied the tag.',
    },
    tag_basic: {
      type: 'Always "tag": names the kind of object.',
      id: 'Intercom’s ID of the tag.',
      name: 'Name of the tag, e.g. VIP.',
    },
    tag_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The tags of the workspace, each with its ID and name.',
    },
    create_or_update_tag_request: {
      name: 'Name of the tag to create, e.g. VIP; with id, the new name of that tag. A tag with this name (in any letter case) is reused, not created twice.',
      id: 'Intercom’s ID of an existing tag to rename; leave empty to create a tag.',
    },
    tag_company_request: {
      name: 'Name of the tag to put on the companies; it is created when the workspace has none by that name.',
      companies: 'The companies to tag, each { id } with Intercom’s company id, or { company_id } with your own.',
      'companies.id': 'Intercom’s ID of a company to tag.',
      'companies.company_id': 'Your own ID of a company to tag (its company_id).',
    },
    untag_company_request: {
      name: 'Name of the tag to take off the companies.',
      companies: 'The companies to untag, each { id, untag: true }.',
      'companies.id': 'Intercom’s ID of a company to untag.',
      'companies.company_id': 'Your own ID of a company to untag (its company_id).',
      'companies.untag': 'Must be true: takes the tag off this company.',
    },
    tag_create_response: {
      type: 'Always "tag": names the kind of object.',
      id: 'Intercom’s ID of the tag.',
      name: 'Name of the tag, e.g. VIP.',
      users: 'The contacts that were tagged or untagged, each with Intercom’s ID and whether it now carries the tag.',
      'users.id': 'Intercom’s ID of the contact.',
      'users.tagged': 'True when the contact was tagged, false when the tag was taken off.',
      companies: 'The companies that were tagged or untagged, each with Intercom’s ID and whether it now carries the tag.',
      'companies.id': 'Intercom’s ID of the company.',
      'companies.tagged': 'True when the company was tagged, false when the tag was taken off.',
    },
    tag_multiple_users_request: {
      name: 'Name of the tag to put on the contacts; it is created when the workspace has none by that name.',
      users: 'The contacts to tag, each { id } with Intercom’s contact ID.',
      'users.id': 'Intercom’s ID of a contact to tag (its id, not your external_id).',
    },
  },
  actions: {
    manageTag: {
      in: {
        name: 'Name of the tag, e.g. VIP. Alone: creates the tag (a tag of this name is returned instead of a second one); with id: the new name of that tag; with companies or users: the tag put on them (or, with untag, taken off), created first when the workspace has none by that name.',
        companies: 'The companies to tag, each { "id": Intercom’s company ID } or { "company_id": your own ID }; add "untag": true to an entry to take the tag off that company instead.',
        users: 'The contacts to tag, each { "id": Intercom’s contact ID } (not your external_id).',
      },
      out: {
        id: 'Intercom’s ID of the tag that was created, renamed or applied.',
        name: 'Name of the tag as the workspace has it, e.g. VIP.',
      },
    },
    getTag: { out: { id: 'Intercom’s ID of the tag; the tag actions take it as tag_id or id.' } },
    deleteTag: {
      in: { tag_id: 'Intercom’s ID of the tag to delete: the id field of a tag, as Tags: List gives it. A tag that segments use cannot be deleted (Intercom answers 400).' },
      out: {
        id: 'Intercom’s ID of the deleted tag: the tag_id given, repeated as confirmation (Intercom answers without a body).',
        deleted: 'True: Intercom deleted the tag. With Treat not found as deleted, a tag that was already gone gives an empty message instead.',
        status: 'HTTP status of Intercom’s answer: 200 when the tag was deleted.',
      },
    },
    tagContact: { in: { contact_id: contactIdTo('to tag'), id: 'Intercom’s ID of the tag to put on the contact (the id field of a tag, as Tags: List gives it).' }, out: appliedBy },
    untagContact: { in: { contact_id: contactIdTo('to take the tag off'), tag_id: TAG_TO_REMOVE }, out: appliedBy },
    tagConversation: {
      in: {
        id: 'Intercom’s ID of the tag to put on the conversation (the id field of a tag, as Tags: List gives it).',
        admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as tagging the conversation.',
      },
      out: appliedBy,
    },
    untagConversation: { in: { tag_id: TAG_TO_REMOVE, admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as removing the tag.' }, out: appliedBy },
    tagTicket: {
      in: {
        id: 'Intercom’s ID of the tag to put on the ticket (the id field of a tag, as Tags: List gives it).',
        admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as tagging the ticket.',
      },
      out: appliedBy,
    },
    untagTicket: { in: { tag_id: TAG_TO_REMOVE, admin_id: 'Intercom’s ID of the admin (teammate) Intercom records as removing the tag.' }, out: appliedBy },
    tagContactByName: {
      in: {
        contact_id: 'Intercom’s ID of the contact to tag (its id field, not your external_id), e.g. from Contacts: Find by email.',
        tag_name: 'Name of the tag, e.g. VIP; the step uses the tag of this name (in any letter case) or creates it first.',
      },
      out: {
        tag: 'The tag that was put on the contact: type, ID and name.',
        'tag.type': 'Always "tag": names the kind of object.',
        'tag.id': 'Intercom’s ID of the tag.',
        'tag.name': 'Name of the tag as the workspace has it.',
        tag_created: 'True when the step had to create the tag first; false when the workspace already had it.',
        contact_id: 'Intercom’s ID of the contact that now carries the tag.',
      },
    },
    tagConversationByName: {
      in: {
        conversation_id: 'Intercom’s ID of the conversation to tag (its id field, digits), e.g. from Conversations: Search.',
        tag_name: 'Name of the tag, e.g. Billing; the step uses the tag of this name (in any letter case) or creates it first.',
        admin_id: 'Intercom’s ID of the admin Intercom records as tagging. Empty: the admin chosen in the step field Acting admin. One of the two is required: without either the step fails before anything is sent.',
      },
      out: {
        tag: 'The tag that was put on the conversation: type, ID and name.',
        'tag.type': 'Always "tag": names the kind of object.',
        'tag.id': 'Intercom’s ID of the tag.',
        'tag.name': 'Name of the tag as the workspace has it.',
        tag_created: 'True when the step had to create the tag first; false when the workspace already had it.',
        conversation_id: 'Intercom’s ID of the conversation that now carries the tag.',
      },
    },
    tagCompanyByName: {
      in: {
        id: 'Intercom’s ID of the company to tag (its id field, as Companies: Find or Companies: List give it); give exactly one of this or company_id.',
        company_id: 'Your own ID of the company to tag (its company_id); give exactly one of this or id.',
        tag_name: 'Name of the tag, e.g. Enterprise; the step uses the tag of this name (in any letter case) or creates it first.',
      },
      out: {
        tag: 'The tag that was put on the company: type, ID and name.',
        'tag.type': 'Always "tag": names the kind of object.',
        'tag.id': 'Intercom’s ID of the tag.',
        'tag.name': 'Name of the tag as the workspace has it.',
        tag_created: 'True when the step had to create the tag first; false when the workspace already had it.',
        id: 'Intercom’s ID of the company that now carries the tag, when the step was given it (else empty).',
        company_id: 'Your own ID (company_id) of the company that now carries the tag, when the step was given it (else empty).',
      },
    },
  },
};

export default help;
