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

/** The choices of `fetch`: one page as Intercom returns it, or every page. The first is the default. */
export const FETCH = { page: 'page', all: 'all' } as const;
/** The choices of `emit`: one message, or one message per item. The first is the default. */
export const EMIT = { oneMessage: 'oneMessage', individually: 'individually' } as const;
/** The most `pageSize` takes where the description states no smaller (or larger) page for the list (ListPaging.maxPageSize). */
export const MAX_PAGE_SIZE = 150;

/**
 * Inputs that moved to a step field: a message that still carries one is refused with where it went. The list
 * actions' `per_page` became the step field "Page size" in 1.2.0; `maxPageSize` is the largest page of that list.
 */
export function movedPagingInputs(maxPageSize = MAX_PAGE_SIZE): Readonly<Record<string, string>> {
  return { per_page: `the page size is the step field "Page size" (${PAGING_FIELDS.pageSize}) since 1.2.0; set it there (at most ${maxPageSize})` };
}

/** The CSV download actions. */
export const DOWNLOAD_FIELDS = { batchSize: 'batchSize', deliverAs: 'deliverAs' } as const;

/** The choices of `deliverAs` for a CSV download: rows (the default) or one file. */
export const DELIVER_AS = { rows: 'rows', file: 'file' } as const;
/** The most rows `batchSize` puts in one message: far below the platform's message size limit for short rows. */
export const MAX_BATCH_SIZE = 10_000;

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

/** The choices of `emitOn` (each trigger offers some of them); `newOrUpdated` is the default. */
export const EMIT_ON = { newOrUpdated: 'newOrUpdated', new: 'new', closed: 'closed', state: 'state' } as const;

/** Defaults and bounds of the polling fields. */
export const POLLING_LIMITS = {
  /** Minutes read again behind the cursor (Intercom's search index lags behind its writes); at most a day. */
  overlapMinutes: { fallback: 15, min: 0, max: 24 * 60 },
  /** Records one run emits at most; the rest follows in the next runs. */
  maxPerRun: { fallback: 1000, min: 1, max: 10_000 },
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

/** The choices of the find actions' `ifMultiple`: every match, the newest one, or a failure. The first is the default. */
export const IF_MULTIPLE = { all: 'all', newest: 'newest', fail: 'fail' } as const;

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
