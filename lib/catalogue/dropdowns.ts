/**
 * Dropdowns on id inputs: which input of which action offers which workspace list. The one source of truth for
 * the step fields the generator declares in component.json (a SelectView per input, model = the select model),
 * for the run time (a picked value fills the input when the message leaves it empty) and for the help texts.
 */

/** A list of the workspace behind an id, and the select model (lib/selectModels) that lists it. */
export interface IdList {
  model: string;
  /** Plural, as the help text names it: "the admins to pick from". */
  noun: string;
}

export const ID_LISTS = {
  admins: { model: 'selectAdmins', noun: 'admins (teammates)' },
  assignees: { model: 'selectAssignees', noun: 'admins and teams' },
  teams: { model: 'selectTeams', noun: 'teams' },
  tags: { model: 'selectTags', noun: 'tags' },
  ticketTypes: { model: 'selectTicketTypes', noun: 'ticket types' },
  ticketStates: { model: 'selectTicketStates', noun: 'ticket states' },
  helpCenters: { model: 'selectHelpCenters', noun: 'Help Centers' },
  collections: { model: 'selectCollections', noun: 'Help Center collections' },
  subscriptionTypes: { model: 'selectSubscriptionTypes', noun: 'subscription types' },
  segments: { model: 'selectSegments', noun: 'segments' },
  dataAttributes: { model: 'selectDataAttributes', noun: 'data attributes' },
  conversationAttributes: { model: 'selectConversationAttributes', noun: 'conversation attributes' },
} as const satisfies Record<string, IdList>;

export type IdListName = keyof typeof ID_LISTS;

/** Input names that mean the same list in every action. */
const BY_NAME: Readonly<Record<string, IdListName>> = {
  admin_id: 'admins',
  owner_id: 'admins',
  author_id: 'admins',
  sender_id: 'admins',
  admin_assignee_id: 'admins',
  assignee_id: 'assignees',
  team_id: 'teams',
  team_assignee_id: 'teams',
  tag_id: 'tags',
  ticket_type_id: 'ticketTypes',
  ticket_state_id: 'ticketStates',
  help_center_id: 'helpCenters',
  collection_id: 'collections',
  subscription_id: 'subscriptionTypes',
  segment_id: 'segments',
  data_attribute_id: 'dataAttributes',
};

const conversationAttribute = { id: 'conversationAttributes' } as const;
const tag = { id: 'tags' } as const;

/** Inputs whose list depends on the action (mostly a bare `id`); the generator checks each names an input. */
export const actionDropdowns: Readonly<Record<string, Readonly<Record<string, IdListName>>>> = {
  getConversationAttribute: conversationAttribute,
  updateConversationAttribute: conversationAttribute,
  deleteConversationAttribute: conversationAttribute,
  createConversationAttributeOption: conversationAttribute,
  updateConversationAttributeOption: conversationAttribute,
  deleteConversationAttributeOption: conversationAttribute,
  tagContact: tag,
  tagConversation: tag,
  tagTicket: tag,
  tagArticle: tag,
  untagArticle: tag,
  tagContentSnippet: tag,
  untagContentSnippet: tag,
  tagInternalArticle: tag,
  untagInternalArticle: tag,
  manageTag: tag,
  addContactSubscription: { id: 'subscriptionTypes' },
  createArticle: { parent_id: 'collections' },
  updateArticle: { parent_id: 'collections' },
  stageArticleDraft: { parent_id: 'collections' },
  createCollection: { parent_id: 'collections' },
  updateCollection: { parent_id: 'collections' },
};

/** The list behind input `name` of action `key`, if there is one. */
export function idListOf(key: string, name: string): IdListName | undefined {
  return actionDropdowns[key]?.[name] ?? BY_NAME[name];
}

/** Every top-level input of the action that offers a dropdown, with its list. */
export function dropdownsOf(key: string, inputNames: readonly string[]): Array<{ input: string; list: IdListName }> {
  return inputNames.flatMap((input) => {
    const list = idListOf(key, input);
    return list ? [{ input, list }] : [];
  });
}

/** The help-text side: the list behind a field, for saying where to pick it. */
export function dropdownFor(key: string, name: string): IdList | undefined {
  const list = idListOf(key, name);
  return list ? ID_LISTS[list] : undefined;
}
