import type { HandWrittenDecl, FieldDecl } from '../../lib/catalogue/types';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { recordDeleteFields } from '../../lib/catalogue/deleteFields';
import { CREDENTIAL_FIELDS, DELIVER_AS, DOWNLOAD_FIELDS, EMIT, FETCH, FILE_FIELDS, MAX_BATCH_SIZE, MAX_PAGE_SIZE, PAGING_FIELDS, dropdownFieldName } from '../../lib/catalogue/fields';
import { PART_ATTACHMENTS, RECORDING_DELIVERY } from '../../lib/catalogue/files';
import { AUTH_CLIENT_TYPES, MANIFEST_OAUTH_REGION, OAUTH_CLIENT_ENV, OAUTH_ENDPOINTS } from '../../lib/catalogue/oauth';
import { ID_LISTS, dropdownsOf } from '../../lib/catalogue/dropdowns';
import { isCsvDownload, isRecordDelete, type ListPaging } from '../../lib/runtime/operations';
import { humanTitle } from './titles';
import type { BuiltOperation } from './operations';

export const REFERENCE_BASE = `https://developers.intercom.com/docs/references/${INTERCOM_API_VERSION}/rest-api/api.intercom.io`;

export function referenceLink(tag: string, operationId: string): string {
  const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${REFERENCE_BASE}/${slug(tag)}/${slug(operationId)}`;
}

// Either sign-in may be used, so neither field is required; the component says which one is missing.
const credentialFields: Record<string, FieldDecl> = {
  [CREDENTIAL_FIELDS.oauth]: {
    label: 'Sign in with Intercom (OAuth)',
    viewClass: 'OAuthFieldView',
    required: false,
    note: 'Signs in to your Intercom workspace in a pop-up; the platform keeps and renews the token. Leave it when you use an access token instead.',
  },
  [CREDENTIAL_FIELDS.accessToken]: {
    label: 'Access token (instead of signing in)',
    viewClass: 'PasswordFieldView',
    required: false,
    note: 'Leave empty when you sign in with Intercom. Otherwise (credential type No Auth) an access token of your own workspace (Developer Hub, your app, Configure, Authentication).',
  },
  [CREDENTIAL_FIELDS.region]: {
    label: 'Region',
    viewClass: 'SelectView',
    required: false,
    prompt: 'Detect automatically',
    model: { auto: 'Detect automatically', us: 'United States (api.intercom.io)', eu: 'Europe (api.eu.intercom.io)', au: 'Australia (api.au.intercom.io)' },
    note: 'Where the workspace is hosted. Automatic detection asks the US host first, then the EU and AU hosts.',
  },
  [CREDENTIAL_FIELDS.baseUrl]: {
    label: 'Base URL (optional)',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: 'https://intercom-proxy.example.com',
    note: 'Overrides the region, e.g. for a proxy or the local sandbox. Only https://, or http:// to this machine (127.0.0.1, localhost).',
  },
};

export const pagingFields: Record<string, FieldDecl> = {
  [PAGING_FIELDS.fetch]: {
    label: 'Pages to fetch',
    viewClass: 'SelectView',
    required: false,
    prompt: 'One page (default)',
    model: { [FETCH.page]: 'One page, with its paging information', [FETCH.all]: 'All pages' },
    note: 'One page: one request; the answer keeps its paging information, so a later step can ask for the next page. All pages: the step follows the pages to the end (or to Maximum number of items).',
  },
  [PAGING_FIELDS.emit]: {
    label: 'Emit',
    viewClass: 'SelectView',
    required: false,
    prompt: 'One message (default)',
    model: { [EMIT.oneMessage]: 'One message with all items', [EMIT.individually]: 'One message per item' },
    note: 'One message: the answer as one message (with All pages: every item in it). One per item: each item of the list as a message of its own.',
  },
  [PAGING_FIELDS.maxItems]: {
    label: 'Maximum number of items',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: 'no limit',
    note: 'Stops after this many items (all pages).',
  },
  [PAGING_FIELDS.pageSize]: pageSizeField(MAX_PAGE_SIZE, `Items per request, at most ${MAX_PAGE_SIZE}.`),
};

/** "Page size" with the largest page of its list (the description's maximum, else Intercom's usual largest). */
function pageSizeField(maximum: number, note: string): FieldDecl {
  return {
    label: 'Page size',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: "Intercom's default",
    maximum,
    note,
  };
}

/**
 * A list Intercom answers whole has nothing to fetch page by page and no page size: its items can still go out one
 * message each, up to a number.
 */
const wholeListFields: Record<string, FieldDecl> = {
  [PAGING_FIELDS.emit]: {
    ...pagingFields[PAGING_FIELDS.emit],
    label: 'Emit',
    viewClass: 'SelectView',
    note: 'One message: the whole list as Intercom answers it (one request; this list has no pages). One per item: each item of the list as a message of its own.',
  },
  [PAGING_FIELDS.maxItems]: {
    ...pagingFields[PAGING_FIELDS.maxItems],
    label: 'Maximum number of items',
    viewClass: 'TextFieldView',
    note: 'Emits at most this many items of the list.',
  },
};

/** The paging fields of one list: its page size bounded by the list's own maximum. */
export function pagingFieldsOf(paging: ListPaging): Record<string, FieldDecl> {
  if (paging.style === 'whole') return wholeListFields;
  return paging.maxPageSize === undefined ? pagingFields : {
    ...pagingFields,
    [PAGING_FIELDS.pageSize]: pageSizeField(paging.maxPageSize, `Items per request, at most ${paging.maxPageSize}: the most Intercom allows for this list.`),
  };
}

export const downloadFields: Record<string, FieldDecl> = {
  [DOWNLOAD_FIELDS.batchSize]: {
    label: 'Rows per message',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: '1 (one message per row)',
    note: `Empty or 1: one message per CSV row, as { row }. More: messages of up to this many rows, as { rows } (at most ${MAX_BATCH_SIZE}).`,
  },
  [DOWNLOAD_FIELDS.deliverAs]: {
    label: 'Deliver as',
    viewClass: 'SelectView',
    required: false,
    prompt: 'CSV rows (default)',
    model: { [DELIVER_AS.rows]: 'CSV rows', [DELIVER_AS.file]: 'One file attachment (the whole CSV)' },
    note: 'A file attachment is stored in the platform\'s file storage and handed to the next step as one message with the file attached; "Rows per message" is then not used. Not available on the Open Integration Hub (rows are delivered there).',
  },
};

/** Call recordings: the signed URL (as before) or the recording stored as a file of the message. */
export const recordingFields: Record<string, FieldDecl> = {
  [DOWNLOAD_FIELDS.deliverAs]: {
    label: 'Deliver as',
    viewClass: 'SelectView',
    required: false,
    prompt: 'The signed URL (default)',
    model: { [RECORDING_DELIVERY.url]: 'The signed URL of the recording', [RECORDING_DELIVERY.file]: 'The recording as a file attachment' },
    note: "A file attachment is downloaded from Intercom's short-lived URL into the platform's file storage and handed to the next step with the message. Not available on the Open Integration Hub (the URL is delivered there).",
  },
};

/** Conversations and tickets: the files attached to their parts stored as files of the message. */
export const partAttachmentFields: Record<string, FieldDecl> = {
  [FILE_FIELDS.partAttachments]: {
    label: 'Attachments of the parts',
    viewClass: 'SelectView',
    required: false,
    prompt: 'Leave them as URLs (default)',
    model: { [PART_ATTACHMENTS.urls]: 'Leave them as URLs', [PART_ATTACHMENTS.files]: 'Also hand them to the next step as file attachments' },
    note: "Files attached to the record and its parts are downloaded from Intercom's short-lived URLs into the platform's file storage and attached to the message (named <part id>-<file name>). Not available on the Open Integration Hub.",
  },
};

/** One SelectView per id input that has a workspace list behind it (lib/catalogue/dropdowns.ts). */
export function dropdownFields(built: BuiltOperation): Record<string, FieldDecl> {
  const fields: Record<string, FieldDecl> = {};
  for (const { input, list } of dropdownsOf(built.key, Object.keys(built.entry.inputs))) {
    fields[dropdownFieldName(input)] = {
      label: humanTitle(input),
      viewClass: 'SelectView',
      required: false,
      prompt: `Map ${input} in the message instead`,
      model: ID_LISTS[list].model,
      note: `Offers the ${ID_LISTS[list].noun} of the workspace. A value mapped to ${input} in the message takes precedence.`,
    };
  }
  return fields;
}

function withFields(fields: Record<string, FieldDecl>): { fields?: Record<string, FieldDecl> } {
  return Object.keys(fields).length > 0 ? { fields } : {};
}

/**
 * The module the platforms load for a hand-written action or trigger: generated beside the generated actions
 * (lib/actions/<key>.ts) or as the trigger's (lib/triggers/<key>.ts), wrapping the definition in `decl.module`.
 */
export function entryModule(key: string, decl: HandWrittenDecl): string {
  return `${decl.kind === 'trigger' ? 'triggers' : 'actions'}/${key}`;
}

export function buildManifest(
  version: string,
  /** This component's documentation (package.json `homepage`), shown by the platform beside the component. */
  docsUrl: string,
  operations: BuiltOperation[],
  handWritten: Record<string, HandWrittenDecl>,
): Record<string, unknown> {
  const actions: Record<string, unknown> = {};
  const triggers: Record<string, unknown> = {};
  for (const built of operations) {
    const link = referenceLink(built.specOp.tag, built.specOp.operationId);
    actions[built.key] = {
      title: built.decl.title,
      description: built.decl.description,
      main: `./dist/actions/${built.key}.js`,
      ...(built.decl.deprecated ? { deprecated: true } : {}),
      help: { description: `${built.decl.description} Calls ${built.entry.method} ${built.entry.path}.`, link },
      ...withFields({
        ...(built.entry.pagination ? pagingFieldsOf(built.entry.pagination) : {}),
        ...(isCsvDownload(built.entry) ? downloadFields : {}),
        ...(built.entry.response === 'redirect' ? recordingFields : {}),
        ...(built.entry.partAttachments ? partAttachmentFields : {}),
        ...(isRecordDelete(built.entry) ? recordDeleteFields : {}),
        ...dropdownFields(built),
      }),
      // With dynamicMetadata the platform asks the module's getMetaModel (which falls back to these same
      // schema files), and `metadata` must then be left out: a function declares one or the other.
      ...(built.decl.customAttributes
        ? { dynamicMetadata: true }
        : { metadata: { in: `./schemas/${built.key}.in.json`, out: `./schemas/${built.key}.out.json` } }),
    };
  }
  for (const [key, decl] of Object.entries(handWritten)) {
    const entry: Record<string, unknown> = {
      title: decl.title,
      description: decl.description,
      main: `./dist/${entryModule(key, decl)}.js`,
      ...(decl.kind === 'trigger' ? { type: decl.polling ? 'polling' : 'webhook' } : {}),
      ...(decl.deprecated ? { deprecated: true } : {}),
      help: { description: decl.description, ...(decl.docsPath ? { link: `${REFERENCE_BASE}/${decl.docsPath}` } : {}) },
      ...(decl.fields || decl.paging ? { fields: { ...(decl.paging ? pagingFields : {}), ...decl.fields } } : {}),
      ...(decl.dynamicMetadata || decl.customAttributes
        ? { dynamicMetadata: true }
        : { metadata: { ...(decl.in ? { in: `./schemas/${key}.in.json` } : {}), out: `./schemas/${key}.out.json` } }),
    };
    (decl.kind === 'trigger' ? triggers : actions)[key] = entry;
  }
  return {
    title: 'Intercom',
    description: `Every operation of the Intercom REST API ${INTERCOM_API_VERSION} as an action, with convenience actions, polling and webhook triggers.`,
    version,
    // elastic.io builds a Docker image from the repository (npm install runs `prepare`, which compiles the
    // TypeScript; then npm test and npm prune) instead of the legacy slug; docs "component-json-technical-reference".
    buildType: 'docker',
    docsUrl,
    // consumesRawData is a component-level switch (it applies to every webhook trigger of the component).
    ...(Object.values(handWritten).some((decl) => decl.consumesRawData) ? { consumesRawData: true } : {}),
    // elastic.io's auth clients (authClientTypes: an OAuth secret, or a No Auth secret carrying a pasted token; see
    // AUTH_CLIENT_TYPES) and the older oauth2 block (client from the component's environment; token in cfg.oauth).
    authClientTypes: [...AUTH_CLIENT_TYPES],
    envVars: {
      [OAUTH_CLIENT_ENV.clientId]: { required: false, description: 'Client ID of your Intercom app, for signing in with Intercom without an auth client' },
      [OAUTH_CLIENT_ENV.clientSecret]: { required: false, description: 'Client secret of your Intercom app, for signing in with Intercom without an auth client' },
    },
    credentials: {
      fields: credentialFields,
      oauth2: {
        client_id: `{{${OAUTH_CLIENT_ENV.clientId}}}`,
        client_secret: `{{${OAUTH_CLIENT_ENV.clientSecret}}}`,
        auth_uri: OAUTH_ENDPOINTS[MANIFEST_OAUTH_REGION].authorize,
        token_uri: OAUTH_ENDPOINTS[MANIFEST_OAUTH_REGION].token,
      },
    },
    ...(Object.keys(triggers).length > 0 ? { triggers } : {}),
    actions,
  };
}
