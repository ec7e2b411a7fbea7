import { FILE_INPUTS } from '../catalogue/fields';
import type { ApiRequest, ApiResponse, IntercomClient } from '../runtime/client';
import type { DownloadOptions } from './csvDownload';
import { type Credentials, readCredentials } from '../runtime/credentials';
import { ConfigurationError } from '../runtime/errors';
import { asDocument, type Call, isCsvDownload, isRecordDelete, lastPathId, operation, operationCall, withRecordUid } from '../runtime/operations';
import type { PagingOptions } from '../runtime/paging';
import { withPickedIds } from './pickedIds';
import { clientFor, identify } from '../runtime/region';
import { type ProcessFunction, step, type StepContext } from '../runtime/step';
import { type ComponentModule, componentModule, moduleFacts, type StepDefinition } from './componentModule';

/**
 * The module behind every generated action: `export = forOperation('createContact')`. What it serves besides
 * `process` (custom-attribute metadata, select models) comes from the catalogue through componentModule.
 */
export function forOperation(key: string): ComponentModule {
  return componentModule(key, OPERATION_STEP);
}

/**
 * lib/files (with its storage client) and the CSV reader are loaded by the first message that needs them: most
 * actions send and read JSON only, and a cold start paid for loading them (npm run bench, cold start).
 */
const files = {
  attachments: (): typeof import('../files/attachmentFiles') => require('../files/attachmentFiles') as typeof import('../files/attachmentFiles'),
  download: (): typeof import('../files/downloadFile') => require('../files/downloadFile') as typeof import('../files/downloadFile'),
  remote: (): typeof import('../files/remoteFiles') => require('../files/remoteFiles') as typeof import('../files/remoteFiles'),
  csv: (): typeof import('./csvDownload') => require('./csvDownload') as typeof import('./csvDownload'),
};

/**
 * Likewise what only some operations use: record deletes, paged lists and the file step fields (the cold start of
 * an action that needs none of them loads less, npm run bench).
 */
const some = {
  deletes: (): typeof import('./deletes') => require('./deletes') as typeof import('./deletes'),
  paging: (): typeof import('../runtime/paging') => require('../runtime/paging') as typeof import('../runtime/paging'),
  fileOptions: (): typeof import('./fileOptions') => require('./fileOptions') as typeof import('./fileOptions'),
};

const OPERATION_STEP: StepDefinition = { process: (key) => operationStep(key, termsAsQuery(key)).process };

/**
 * A search action's simple terms become its query before the operation's own validation (lib/search); only a
 * search action loads that code.
 */
function termsAsQuery(key: string): ((input: unknown) => unknown) | undefined {
  const model = moduleFacts(key).simpleSearch;
  if (!model) return undefined;
  const { withTermsAsQuery } = require('../search/termsAsQuery') as typeof import('../search/termsAsQuery');
  return (input) => withTermsAsQuery(key, model, input);
}

/** The step of a catalogue operation; `rewrite` turns a message body into the operation's input first. */
function operationStep(key: string, rewrite?: (input: unknown) => unknown): { process: ProcessFunction } {
  return {
    process: step(key, async ({ ctx, input: given, cfg }) => {
      const entry = operation(key);
      // Under ferryman a record delete takes OIH's deleteRequested beside its inputs (runtime/deletes.ts).
      const request = ctx.runtime === 'ferryman' && isRecordDelete(entry) ? some.deletes().takeDeleteRequest(given) : { input: given, deleteRequested: undefined };
      const input = rewrite ? rewrite(request.input) : request.input;
      const credentials = readCredentials(cfg);
      const options: ExecuteOptions = {};
      if (entry.pagination) options.paging = some.paging().readPagingOptions(cfg, entry.pagination.maxPageSize);
      if (isCsvDownload(entry)) options.download = files.csv().readDownloadOptions(cfg);
      if (entry.response === 'redirect' && some.fileOptions().recordingAsFile(cfg)) options.recordingAsFile = true;
      if (entry.partAttachments && some.fileOptions().partAttachmentsAsFiles(cfg)) options.partAttachmentsAsFiles = true;
      const linked = withRecordUid(entry, input, ctx.recordUid);
      const call = operationCall(key, withPickedIds(key, entry, linked, cfg));
      if (entry.attachmentFiles) await attachIncomingFiles(call, entry.attachmentFiles, input, ctx);
      const client = await clientFor(credentials, ctx.logger);
      if (entry.workspaceIdParam) await fillWorkspaceId(call, entry.workspaceIdParam, credentials, ctx);
      if (isRecordDelete(entry)) {
        const target = { id: lastPathId(call), fromRecordUid: linked !== input };
        await some.deletes().deleteRecord(ctx, client, call, target, cfg, request.deleteRequested, (response) => ctx.emitData(shapeResult(call, response)));
        return;
      }
      await execute(ctx, client, call, options);
    }),
  };
}

export interface ExecuteOptions {
  /** Set for a call that pages: how many pages to read and how to emit them. */
  paging?: PagingOptions;
  /** Set for a CSV download: rows per message, or one file. */
  download?: DownloadOptions;
  /** A call recording is stored as a file of the message instead of handing out its URL. */
  recordingAsFile?: boolean;
  /** The files attached to the record's parts are stored as files of the message too. */
  partAttachmentsAsFiles?: boolean;
}

/** Runs one call and emits its result: a CSV download row by row, a paged call as asked, anything else once. */
export async function execute(ctx: StepContext, client: IntercomClient, call: Call, options: ExecuteOptions = {}): Promise<void> {
  if (options.download && isCsvDownload(call)) {
    const download = files.download();
    if (options.download.deliverAs === 'file' && download.canDeliverFiles(ctx, call.operation, 'CSV rows')) await download.emitDownloadAsFile(ctx, client, call);
    else await files.csv().emitCsvDownload(ctx, client, call, options.download);
    return;
  }
  const paging = options.paging ? some.paging() : undefined;
  if (paging && options.paging && paging.isPaged(call)) {
    await paging.emitPages(ctx, client, call, options.paging);
    return;
  }
  if (options.recordingAsFile && call.response === 'redirect' && files.download().canDeliverFiles(ctx, call.operation, 'the URL')) {
    await files.remote().emitRecordingAsFile(ctx, client, call);
    return;
  }
  const response = await client.request(withResponseType(call));
  const result = shapeResult(call, response);
  const stored =
    options.partAttachmentsAsFiles && files.download().canDeliverFiles(ctx, call.operation, 'the attachments as URLs only')
      ? await files.remote().storePartAttachments(ctx, call.operation, result)
      : undefined;
  await ctx.emitData(result, stored ? { attachments: stored } : undefined);
}

/** The files the `attachments` input selects, read before Intercom is called, go into the body property that takes them. */
async function attachIncomingFiles(call: Call, property: string, input: unknown, ctx: StepContext): Promise<void> {
  const selection = (input as Record<string, unknown>)[FILE_INPUTS.attachments];
  const body = (call.body ?? {}) as Record<string, unknown>;
  const attached = await files.attachments().attachmentFilesFor(call.operation, selection, ctx.incoming.attachments, body[property] !== undefined, body);
  if (!attached) return;
  call.body = { ...body, [property]: attached };
  ctx.logger.info(`${call.operation}: ${attached.length} file(s) of the incoming message attached`);
}

/** Reporting-export operations want the workspace code as a query parameter; GET /me (cached per token) knows it. */
async function fillWorkspaceId(request: ApiRequest, param: string, credentials: Credentials, ctx: StepContext): Promise<void> {
  if (request.query?.[param]) return;
  const { identity } = await identify(credentials, ctx.logger, request.operation);
  const code = identity.app?.id_code;
  if (!code) throw new ConfigurationError(`${request.operation}: field ${param} is empty and GET /me did not name the workspace (app.id_code); set ${param}`);
  request.query = { ...request.query, [param]: code };
}

function withResponseType(call: Call): ApiRequest {
  switch (call.response) {
    case 'text':
      return { ...call, accept: 'text/plain', responseType: 'text' };
    case 'redirect':
      return { ...call, responseType: 'redirect' };
    default:
      return call;
  }
}

/**
 * What a data message carries for each kind of response. JSON is emitted as parsed; responses without a
 * JSON document become a small, documented object so a flow always has something to map:
 * - empty (204/202/no body): `{ id?, deleted?: true, status }`
 * - text (call transcript): `{ transcript }`
 * - redirect (call recording): `{ url }` — the signed URL, not the file
 * - a top-level JSON array (Fin Voice calls of a conversation): `{ data: [...] }`, since a message body is an object
 */
export function shapeResult(call: Call, response: ApiResponse): unknown {
  switch (call.response) {
    case 'text':
      return { transcript: typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '') };
    case 'redirect':
      return { url: response.headers['location'] ?? null, status: response.status };
    default: {
      const data = asDocument(response.data);
      if (data !== null && data !== undefined && data !== '') return data;
      return confirmation(call, response.status);
    }
  }
}

function confirmation(call: Call, status: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const lastParam = /\{([^}]+)\}[^{]*$/.exec(call.pathTemplate)?.[1];
  if (lastParam) {
    const segments = call.path.split('/');
    const index = call.pathTemplate.split('/').indexOf(`{${lastParam}}`);
    const raw = index >= 0 ? segments[index] : undefined;
    if (raw !== undefined) result['id'] = decodeURIComponent(raw);
  }
  if (call.method === 'DELETE') result['deleted'] = true;
  result['status'] = status;
  return result;
}
