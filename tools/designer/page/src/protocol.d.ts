/**
 * The designer's JSON API as both sides see it: the server (tools/designer) builds these shapes and the page reads
 * them. One definition, so the two sides cannot drift apart; a declaration file, so neither build emits it into
 * the served page.
 */
export interface FunctionSummary {
  key: string;
  kind: 'action' | 'trigger';
  polling: boolean;
  title: string;
  description: string;
  resource: string;
  risk: string;
  deprecated: boolean;
  method?: string;
  path?: string;
}

export interface StepField {
  name: string;
  label: string;
  viewClass: string;
  required: boolean;
  note?: string;
  placeholder?: string;
  prompt?: string;
  /** A fixed list: value → label. */
  options?: Record<string, string>;
  /** A list the workspace fills: the module's select model of this name. */
  selectModel?: string;
}

export type Schema = Record<string, unknown>;

export interface FunctionDetails extends FunctionSummary {
  fields: StepField[];
  dynamicMetadata: boolean;
  /** Whether the message body is an input form (actions, the webhook trigger), not a scheduled run. */
  takesInput: boolean;
  in?: Schema;
  out?: Schema;
  paging?: string;
  example: Record<string, unknown>;
}

/** What GET /api/functions/<key> answers: the details and the trigger's kept snapshot (null when none). */
export interface FunctionView extends FunctionDetails {
  snapshot: unknown;
}

/** One event of a run, streamed to the page as it happens. */
export type RunEvent =
  | { type: 'start'; key: string; snapshot?: unknown }
  | { type: 'log'; level: string; message: string }
  | { type: 'request'; method: string; path: string; status: number; requestId?: string; ms: number; code?: string }
  | { type: 'progress'; page: number; items: number; totalPages?: number; totalItems?: number }
  | { type: 'data'; body: unknown }
  | { type: 'snapshot'; snapshot: unknown }
  | { type: 'rebound'; message: string }
  | { type: 'error'; message: string; problems?: string[] }
  | { type: 'end'; code: number; ms: number; dataMessages: number; snapshotKept: boolean };
