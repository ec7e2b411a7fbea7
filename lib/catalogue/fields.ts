/**
 * Names of the credential and step-configuration fields: component.json declares them (generated from the
 * catalogue) and the code reads them. Each name is written here only; everything else imports it.
 */

/** The credential form. */
export const CREDENTIAL_FIELDS = {
  accessToken: 'accessToken',
  region: 'region',
  baseUrl: 'baseUrl',
} as const;

/** What ferryman merges into the configuration from an OIH API-key secret: accepted as the token too. */
export const OIH_SECRET_FIELDS = { apiKey: 'key' } as const;

/** Every list and search action (elastic.io's lookupObjects convention), and rawRequest. */
export const PAGING_FIELDS = {
  fetch: 'fetch',
  emit: 'emit',
  maxItems: 'maxItems',
  pageSize: 'pageSize',
} as const;

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
} as const;

/** The webhook trigger. */
export const WEBHOOK_FIELDS = { clientSecret: 'clientSecret', topics: 'topics' } as const;

/** The convenience actions. */
export const CURATED_FIELDS = {
  adminId: 'adminId',
  assigneeAdminId: 'assigneeAdminId',
  assigneeTeamId: 'assigneeTeamId',
  failIfNotFound: 'failIfNotFound',
  ifMultiple: 'ifMultiple',
  readOnly: 'readOnly',
} as const;
