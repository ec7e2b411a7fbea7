import { PAGE_OR_ALL, PAGES_LEFT_OUT } from './conversations';
import type { FieldTexts, ResourceHelp } from './types';

/** Conversation attributes, custom object instances, audiences and macros. */

const attribute: FieldTexts = {
  type: 'Always "conversation_attribute": names the kind of object.',
  id: 'Intercom’s ID of the conversation attribute; the attribute actions take it as id.',
  name: 'Name of the attribute; custom_attributes of a conversation holds its value under this name.',
  description: 'Description of the attribute shown to teammates.',
  data_type: 'Kind of value the attribute holds.',
  required: 'True when teammates must fill it in (e.g. before closing the conversation).',
  visible_to_team_ids: 'Intercom’s IDs of the teams that see the attribute; empty: every team.',
  archived: 'True when the attribute is archived (no longer offered).',
  created_at: 'When the attribute was created.',
  updated_at: 'When the attribute last changed.',
  admin_id: 'Intercom’s ID of the admin who set the attribute up.',
  multiline: 'For a string attribute: true when it takes several lines of text.',
  options: 'For a list attribute: its values, each with an ID (option_id), label and whether it is archived.',
  'options.id': 'ID of the value (a UUID); the option actions take it as option_id.',
  'options.label': 'Text of the value teammates pick, e.g. High.',
  'options.archived': 'True when the value is archived (no longer offered).',
  reference: 'For a relationship attribute: which custom object it links to, and one or many.',
  'reference.type': 'How many records it links to: one or many.',
  'reference.object_type_id': 'Identifier of the custom object type the attribute links to, e.g. Order, as set up in Intercom (Settings, Data, Custom objects).',
};

const pick = (names: readonly string[]): FieldTexts => Object.fromEntries(Object.entries(attribute).filter(([name]) => names.some((n) => name === n || name.startsWith(`${n}.`))));
const base = ['type', 'id', 'name', 'description', 'data_type', 'required', 'visible_to_team_ids', 'archived', 'created_at', 'updated_at', 'admin_id'];

const instance: FieldTexts = {
  id: 'Intercom’s ID of the custom object instance; the instance actions take it as custom_object_instance_id.',
  external_id: 'Your own ID of the instance (from your system), unique within its custom object type.',
  external_created_at: 'When the instance was created in your own system.',
  external_updated_at: 'When the instance last changed in your own system.',
  created_at: 'When the instance was created in Intercom.',
  updated_at: 'When the instance last changed in Intercom.',
  type: 'Identifier of the custom object type the instance belongs to, e.g. Order.',
  custom_attributes: 'The instance’s attributes (as its custom object type defines them), as name → value pairs.',
};

const predicate: FieldTexts = {
  attribute: 'Contact attribute the rule tests, e.g. role or custom_attributes.plan.',
  type: 'Kind of value the attribute holds, e.g. string, integer or role.',
  comparison: 'How the attribute is compared, e.g. eq (equals), ne, gt, lt or contains.',
  value: 'Value the attribute is compared with, as text, e.g. user.',
};

const rules = (prefix: string): FieldTexts => Object.fromEntries(Object.entries(predicate).map(([name, text]) => [`${prefix}.${name}`, text]));

const audienceInput: FieldTexts = {
  name: 'Name of the audience, e.g. Enterprise accounts.',
  predicates: 'Rules a contact must meet to be in the audience, each { attribute, type, comparison, value }.',
  ...rules('predicates'),
  role_predicates: 'Rules on the contact’s role that narrow the audience further, each { attribute, type, comparison, value }.',
  ...rules('role_predicates'),
};

/** The custom object type a path names: the same in every custom object instance action. */
const TYPE_IDENTIFIER = 'Identifier of the custom object type, as set up in Intercom (Settings, Data, Custom objects), e.g. Order.';
const ATTRIBUTE_SOURCE = 'the id field of a conversation attribute, as Conversation attributes: List gives it.';
const OPTION_ID = (what: string): string => `ID of the value to ${what} (a UUID): the id of one of the attribute’s options, as Conversation attributes: Get shows them.`;

const help: ResourceHelp = {
  records: {
    conversation_attribute_base: pick(base),
    conversation_attribute_string_type: pick([...base, 'multiline']),
    conversation_attribute_list_type: pick([...base, 'options']),
    conversation_attribute_relationship_type: pick([...base, 'reference']),
    conversation_attribute_list: {
      data: 'Every conversation attribute of the workspace, one object each; archived ones only when Include archived is true.',
    },
    conversation_attribute_option: {
      id: 'ID of the value (a UUID); the option actions take it as option_id.',
      label: 'Text of the value teammates pick, e.g. High.',
      archived: 'True when the value is archived (no longer offered).',
    },
    create_conversation_attribute_request_base: {
      name: 'Name of the new attribute, e.g. Order number; a conversation’s custom_attributes holds its value under this name.',
      description: 'Description shown to teammates beside the attribute, e.g. The order the customer asks about.',
      data_type: 'Kind of value the attribute holds; list needs options, relationship a reference.',
      required: 'True: teammates must fill it in; empty or false: it is optional.',
      visible_to_team_ids: 'Intercom’s IDs of the teams that see the attribute (Teams: List), e.g. ["123"]; an empty list: every team.',
    },
    create_conversation_attribute_string_request: { multiline: 'For a string attribute: true allows several lines of text.' },
    create_conversation_attribute_list_request: {
      options: 'For a list attribute: its first values, each { "label": "High" }.',
      'options.label': 'Text of one value teammates pick, e.g. High.',
    },
    create_conversation_attribute_relationship_request: {
      reference: 'For a relationship attribute: { type: one or many, object_type_id } of the custom object it links to.',
      'reference.type': 'How many records it links to: one or many.',
      'reference.object_type_id': 'Identifier of the custom object type the attribute links to, e.g. Order, as set up in Intercom (Settings, Data, Custom objects).',
    },
    create_conversation_attribute_option_request: { label: 'Text of the new value teammates pick, e.g. High.' },
    update_conversation_attribute_option_request: { label: 'New text of the value, e.g. Urgent.' },
    update_conversation_attribute_request: {
      name: 'New name of the attribute; left empty, the name stays.',
      description: 'New description shown to teammates; left empty, it stays.',
      multiline: 'For a string attribute: true allows several lines of text, false one line; left empty, it stays.',
      required: 'True: teammates must fill it in; false: optional; left empty, it stays as it is.',
      visible_to_team_ids: 'Intercom’s IDs of the teams that see the attribute (Teams: List), e.g. ["123"]; an empty list: every team.',
      reference: 'For a relationship attribute: { type: one or many, object_type_id } of the custom object it links to.',
      'reference.type': 'How many records it links to: one or many.',
      'reference.object_type_id': 'Identifier of the custom object type the attribute links to, e.g. Order, as set up in Intercom (Settings, Data, Custom objects).',
    },
    custom_object_instance: instance,
    custom_object_instances_paginated_list: {
      type: 'Always "list": names the kind of object.',
      total_count: 'How many instances of the type match, over every page.',
      data: 'The custom object instances found, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
    },
    custom_object_instance_deleted: {
      object: 'Identifier of the custom object type of the deleted instance, e.g. Order.',
      id: 'Intercom’s ID of the deleted instance.',
      deleted: 'True: Intercom deleted the instance.',
    },
    create_or_update_custom_object_instance_request: {
      external_id: 'Your own ID of the instance (from your system): the instance with this ID is updated, else one is created.',
      external_created_at: 'When the instance was created in your own system.',
      external_updated_at: 'When the instance last changed in your own system.',
      custom_attributes:
        'Values of the instance’s attributes (as its custom object type defines them), as name → value pairs. Each value is text: a number is turned into text, true/false, lists and objects are refused.',
    },
    audience: {
      type: 'Always "audience": names the kind of object.',
      id: 'Intercom’s ID of the audience; the audience actions take it as id, content as audience_ids.',
      name: 'Name of the audience, e.g. Enterprise accounts.',
      predicates: 'Rules a contact must meet to be in the audience, each with attribute, type, comparison and value.',
      ...rules('predicates'),
      role_predicates: 'Rules on the contact’s role that narrow the audience further.',
      ...rules('role_predicates'),
      created_at: 'When the audience was created.',
      updated_at: 'When the audience last changed.',
    },
    audience_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The audiences of this page, one object each.',
      total_count: 'How many audiences there are.',
      page: 'Number of this page, counted from 1.',
      per_page: 'How many audiences one page holds.',
      total_pages: 'How many pages there are.',
    },
    create_audience_request: audienceInput,
    update_audience_request: audienceInput,
    predicate,
    macro: {
      type: 'Always "macro": names the kind of object.',
      id: 'Intercom’s ID of the macro; Macros: Get takes it as id.',
      name: 'Name of the macro teammates pick it by.',
      body: 'Text of the macro as HTML, its placeholders as XML-like tags.',
      body_text: 'Text of the macro as plain text, its placeholders as Intercom writes them, e.g. {{user.first_name}}.',
      created_at: 'When the macro was created.',
      updated_at: 'When the macro last changed.',
      visible_to: 'Who may use the macro: everyone or specific_teams.',
      visible_to_team_ids: 'Intercom’s IDs of the teams that may use the macro when visible_to is specific_teams; empty for everyone.',
      available_on: 'Where teammates can use the macro: inbox, messenger or both.',
    },
    handling_event: {
      teammate: 'The teammate who paused or resumed handling the conversation: type, Intercom ID, name and email.',
      type: 'What happened: paused or resumed.',
      timestamp: 'When the teammate paused or resumed.',
      reason: 'Why the teammate paused, e.g. Paused or Away, when one was given.',
    },
    handling_event_list: {
      handling_events: 'The pauses and resumes of teammates handling the conversation, one object each: paused or resumed, the teammate, when (ISO 8601) and an optional reason; in the order Intercom gives them.',
    },
    macro_list: {
      type: 'Always "list": names the kind of object.',
      data: `The macros, one object each: ${PAGE_OR_ALL}.`,
      pages: `Paging information: page size and where the next page starts; ${PAGES_LEFT_OUT}.`,
      'pages.type': 'Always "pages": names the kind of object.',
      'pages.per_page': 'How many macros one page holds.',
      'pages.next': 'Where the next page starts ({ starting_after }); empty on the last page.',
    },
  },
  actions: {
    listConversationAttributes: { in: { include_archived: 'True: archived conversation attributes are listed too; empty or false: only those in use.' } },
    listMacros: { in: { updated_since: 'Only macros changed after this moment.' } },
    listCustomObjectInstances: {
      in: {
        custom_object_type_identifier: TYPE_IDENTIFIER,
        references_contact_id: 'Only instances linked to this contact: Intercom’s ID of the contact (the id field of a contact, as Contacts: List or Contacts: Search give it), not your external_id.',
        references_conversation_id: 'Only instances linked to this conversation: Intercom’s ID of the conversation (the id field of a conversation, as Conversations: List or Conversations: Search give it).',
        external_id: 'Only the instance with this ID of yours (its external_id). Intercom then answers with that one instance itself, its fields at the top level, instead of a list.',
      },
    },
    deleteCustomObjectInstanceByExternalId: {
      in: { custom_object_type_identifier: TYPE_IDENTIFIER, external_id: 'Your own ID of the instance to delete (its external_id), not Intercom’s id.' },
    },
    upsertCustomObjectInstance: { in: { custom_object_type_identifier: TYPE_IDENTIFIER } },
    getCustomObjectInstance: {
      in: {
        custom_object_type_identifier: TYPE_IDENTIFIER,
        custom_object_instance_id: 'The instance to fetch: Intercom’s ID of it (its id field, as Custom objects: List instances gives it) or your own external_id of it.',
      },
    },
    deleteCustomObjectInstance: {
      in: {
        custom_object_type_identifier: TYPE_IDENTIFIER,
        custom_object_instance_id: 'Intercom’s ID of the instance to delete: its id field, as Custom objects: List instances gives it; not your external_id, which Custom objects: Delete instance by external id (permanent) takes.',
      },
    },
    createConversationAttributeOption: { in: { id: `Intercom’s ID of the list attribute (data_type list) to add the value to: ${ATTRIBUTE_SOURCE}` } },
    updateConversationAttributeOption: { in: { id: `Intercom’s ID of the list attribute the value belongs to: ${ATTRIBUTE_SOURCE}`, option_id: OPTION_ID('rename') } },
    deleteConversationAttributeOption: { in: { id: `Intercom’s ID of the list attribute the value belongs to: ${ATTRIBUTE_SOURCE}`, option_id: OPTION_ID('archive') } },
  },
};

export default help;
