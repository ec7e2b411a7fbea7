/**
 * Names of the credential and step-configuration fields: component.json declares them (generated from the
 * catalogue) and the code reads them. Each name is written here only; everything else imports it.
 */

/** The credential form. */
export const CREDENTIAL_FIELDS = {
  /** OAuthFieldView: "Sign in with Intercom" (elastic.io stores the older form's tokens under this name). */
  oauth: 'oauth',
  accessToken: 'accessToken',
  region: 'region',
  baseUrl: 'baseUrl',
} as const;

/** Set by elastic.io, not declared: the id of the platform secret an auth-client credential created. */
export const PLATFORM_SECRET_FIELDS = { secretId: 'secretId' } as const;

/** Inside `cfg.oauth` after the older OAuth form signed in (the token response as Intercom sent it). */
export const OAUTH_TOKEN_FIELDS = { accessToken: 'access_token', refreshToken: 'refresh_token' } as const;

/**
 * What ferryman merges into the configuration from an OIH secret: an OAuth2 secret gives `accessToken` (the same
 * name as the access-token credential field, so both read the same way), an API-key secret gives `key`.
 */
export const OIH_SECRET_FIELDS = { oauthAccessToken: 'accessToken', oauthRefreshToken: 'refreshToken', apiKey: 'key' } as const;

/** Every list and search action (elastic.io's lookupObjects convention), and rawRequest. */
export const PAGING_FIELDS = {
  fetch: 'fetch',
  emit: 'emit',
  maxItems: 'maxItems',
  pageSize: 'pageSize',
} as const;

/**
 * Inputs that moved to a step field: a message that still carries one is refused with where it went. The list
 * actions' `per_page` became the step field "Page size" in 1.2.0.
 */
export const MOVED_PAGING_INPUTS: Readonly<Record<string, string>> = {
  per_page: `the page size is the step field "Page size" (${PAGING_FIELDS.pageSize}) since 1.2.0; set it there (at most 150)`,
};

/** The CSV download actions. */
export const DOWNLOAD_FIELDS = { batchSize: 'batchSize', deliverAs: 'deliverAs' } as const;

/**
 * Inputs (not step fields) the component adds to actions that send files: the names of the incoming message's
 * attachments to send to Intercom, or "all".
 */
export const FILE_INPUTS = { attachments: 'attachments' } as const;

/** Actions whose record carries files (conversation and ticket parts): store those files for the next step. */
export const FILE_FIELDS = { partAttachments: 'partAttachments' } as const;

/** Every polling trigger. */
export const POLLING_FIELDS = {
  emitOn: 'emitOn',
  startTime: 'startTime',
  overlapMinutes: 'overlapMinutes',
  maxPerRun: 'maxPerRun',
} as const;

/** Filters of particular polling triggers. */
export const POLLING_FILTER_FIELDS = {
  role: 'role',
  tagId: 'tagId',
  state: 'state',
  adminAssigneeId: 'adminAssigneeId',
  teamAssigneeId: 'teamAssigneeId',
  ticketTypeId: 'ticketTypeId',
  withParts: 'withParts',
} as const;

/**
 * Loop prevention in the conversation triggers and webhookEvents: changes authored by the admin the token
 * belongs to are left out unless `includeOwnChanges` is ticked, and so are those of the admins chosen here.
 */
export const LOOP_FIELDS = { includeOwnChanges: 'includeOwnChanges', ignoreAuthorIds: 'ignoreAuthorIds' } as const;

/** The webhook trigger. */
export const WEBHOOK_FIELDS = { clientSecret: 'clientSecret', topics: 'topics', maxAgeMinutes: 'maxAgeMinutes' } as const;

/** The convenience actions. */
export const CURATED_FIELDS = {
  adminId: 'adminId',
  assigneeAdminId: 'assigneeAdminId',
  assigneeTeamId: 'assigneeTeamId',
  ownerId: 'ownerId',
  failIfNotFound: 'failIfNotFound',
  ifMultiple: 'ifMultiple',
  readOnly: 'readOnly',
} as const;

/**
 * Dropdowns of generated actions (lib/catalogue/dropdowns.ts): one SelectView step field per id input, named
 * after the input. A value picked there fills the input when the message leaves it empty.
 */
export function dropdownFieldName(input: string): string {
  return `pick_${input}`;
}

/** The standard object actions (Lookup Object, Lookup Objects, Upsert Object, Delete Object): elastic.io's names. */
export const OBJECT_FIELDS = {
  objectType: 'objectType',
  termNumber: 'termNumber',
  outputMethod: 'outputMethod',
  maxFetch: 'maxFetch',
  allowZeroResults: 'allowZeroResults',
  allowCriteriaToBeOmitted: 'allowCriteriaToBeOmitted',
} as const;

/** Delete actions whose path ends with the record's id (elastic.io's Delete Object convention). */
export const DELETE_FIELDS = { notFoundIsDeleted: 'treatNotFoundAsDeleted' } as const;

/**
 * The OIH functions (persons and organizations): ferryman's transformation contract. `deletes` is not a form
 * field: OIH's flow configuration sets it, and `false` there refuses deletes.
 */
export const OIH_FIELDS = { skipTransformation: 'skipTransformation', customMapping: 'customMapping', deletes: 'deletes' } as const;
