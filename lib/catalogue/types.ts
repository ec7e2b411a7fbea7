/** Vocabulary of the operation catalogue: closed unions, so a typo fails the typecheck. */

import type { SearchModelName } from './searchFields';

export type Risk = 'read' | 'write' | 'destructive';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How an operation pages. The runtime implements each style once (lib/runtime/paging.ts).
 * - cursor:     query `starting_after`, next cursor at `pages.next.starting_after`
 * - searchBody: body `pagination.starting_after`, same response shape (search endpoints)
 * - page:       query `page` / `per_page`, stops at `pages.total_pages` or when `pages.next` is empty
 * - pageBody:   body `page` / `per_page` (admin activity-log search)
 * - scroll:     query `scroll_param`, stops on an empty page
 * - nextCursor: query `cursor`, response `next_cursor` + `has_more`
 * - whole:      not paged: one answer holds the whole list (no paging parameters, no paging information); its
 *               items can still be emitted one by one, and it has no page size
 */
export type PaginationStyle = 'cursor' | 'searchBody' | 'page' | 'pageBody' | 'scroll' | 'nextCursor' | 'whole';

/**
 * Whose custom attributes an action's mapper shows as typed fields (getMetaModel): contacts and companies are
 * listed by the data-attribute list, conversations by a list of their own, tickets (`ticket_attributes`) by the
 * attributes of their ticket types.
 */
export type CustomAttributeModel = 'contact' | 'company' | 'conversation' | 'ticket';

/** What a successful response carries, when it is not a JSON document. */
export type ResponseKind = 'json' | 'empty' | 'text' | 'redirect' | 'gzipCsv' | 'binaryCsv';

export interface OperationDecl {
  /** `METHOD /path` exactly as in the pinned version's description. */
  op: string;
  /** "Resource: Verb object" in our own words. */
  title: string;
  /** One line, our own words. */
  description: string;
  /** Defaults: GET read, DELETE destructive, otherwise write. */
  risk?: Risk;
  /**
   * May a 408/5xx/network failure be retried? Default: the retry policy's rule for the method (lib/runtime/retryPolicy.ts:
   * GET, PUT and DELETE may, POST and PATCH may not).
   */
  idempotent?: boolean;
  paginate?: PaginationStyle;
  /** Why a list that looks paged (its key starts with list, search or scroll) has no paging fields. */
  notPaged?: string;
  /** Where the items of a page live, when the generator cannot tell (one array property). */
  itemsPath?: string;
  /** Declare paging query params the description leaves out. */
  addPagingParams?: boolean;
  /** Non-JSON response handling. Default: derived from the description. */
  response?: ResponseKind;
  /** Body properties the mapper shows as a free-form object (recursive search DSL etc.); validation still follows the description. */
  freeform?: string[];
  /** Allowed values Intercom enforces but the description does not list. */
  enums?: Record<string, string[]>;
  /** Body properties a variant of the description requires or takes without declaring them (JSON Schema). */
  undeclaredBody?: Record<string, JsonSchema>;
  /**
   * Per variant of the body's anyOf, in the description's order: rules of its fields that the description states only
   * in its examples (sendMessage: a WhatsApp message goes to a phone number, the others to contacts). The run-time
   * validation picks the variant by its fixed values (message_type) and names what it misses.
   */
  variantRules?: Array<Record<string, JsonSchema>>;
  /**
   * Input values sent in another spelling, where the description's enum differs from what Intercom's own clients
   * send: both spellings are accepted, the second is what travels.
   */
  sentAs?: Record<string, Record<string, string>>;
  /** At least one of these inputs must be given (the description's alternatives are flattened for the mapper). */
  requireOneOf?: string[];
  /**
   * Path parameters the description types as integer although Intercom's ids there are text (the same id is a
   * string on the resource's other routes): validated and sent as text.
   */
  textIds?: string[];
  /** Query parameters the description marks required that Intercom can do without: offered as optional. */
  optionalParams?: string[];
  /** A query parameter carrying the workspace code (`app.id_code` of GET /me): optional, filled in at run time when empty. */
  workspaceIdParam?: string;
  /** The answer is a record whose parts carry attachments (Intercom URLs); a step field can store them as files. */
  partAttachments?: boolean;
  /**
   * The mapper shows the workspace's custom attributes of this model as typed fields wherever the input or output
   * holds the record's attribute object (top level, or the records of a page or search result).
   */
  customAttributes?: CustomAttributeModel;
  /** A search operation that also takes simple terms (lib/search/), turned into its `query` with this model's fields. */
  simpleSearch?: SearchModelName;
  deprecated?: boolean;
}

export type ResourceCatalogue = Readonly<Record<string, OperationDecl>>;

export function resource(entries: Record<string, OperationDecl>): ResourceCatalogue {
  return Object.freeze(entries);
}

/** A JSON schema in the platform dialect (property-level `required: true`). */
export type JsonSchema = Record<string, unknown>;

/** A step configuration field as component.json declares it. */
export interface FieldDecl {
  label: string;
  viewClass: 'TextFieldView' | 'TextAreaView' | 'SelectView' | 'MultiSelectView' | 'CheckBoxView' | 'PasswordFieldView' | 'OAuthFieldView';
  required?: boolean;
  placeholder?: string;
  note?: string;
  prompt?: string;
  /** The largest whole number the field takes (the run time refuses more, naming the field). */
  maximum?: number;
  /** Static choices, or the name of a select-model function the module exports. */
  model?: Record<string, string> | string;
  order?: number;
}

/**
 * A hand-written action or trigger (convenience actions, polling and webhook triggers, rawRequest). Its definition
 * under lib/ is written by hand; its module (lib/actions/<key>.ts or lib/triggers/<key>.ts), manifest entry and
 * schemas are generated from here.
 */
export interface HandWrittenDecl {
  kind: 'action' | 'trigger';
  title: string;
  description: string;
  risk: Risk;
  /**
   * Where its definition lives: a module path under lib/, without extension, e.g. `curated/upsertContact`, that
   * exports the step as `action` or `trigger` (its kind). The module the platforms load is generated around it.
   */
  module: string;
  /**
   * The input schema, or `{unionOf, properties}`: every input of those catalogue operations (none required) plus
   * these properties — the static input of a dynamic-metadata action whose fields depend on a step setting.
   */
  in?: JsonSchema | { unionOf: string[]; properties?: Record<string, JsonSchema> };
  /** The output schema, or `{sameAs: key}`: the generated out-schema of that catalogue operation. */
  out: JsonSchema | { sameAs: string };
  fields?: Record<string, FieldDecl>;
  /** Actions that page like the generated list actions (rawRequest): the shared paging fields are added. */
  paging?: boolean;
  /** Triggers: `polling` runs on the flow's schedule; otherwise the platform's webhook type. */
  polling?: boolean;
  /** The definition makes its own getMetaModel(cfg), returning `{in, out}` built from the workspace. */
  dynamicMetadata?: boolean;
  /** Like OperationDecl.customAttributes; the generated module serves getMetaModel (lib/metadata/customAttributes.ts). */
  customAttributes?: CustomAttributeModel;
  /** Webhook triggers that must see the raw request body (signature checks). */
  consumesRawData?: boolean;
  /** Intercom reference page, when one operation stands behind it. */
  docsPath?: string;
  deprecated?: boolean;
}
