/**
 * Loop prevention. A flow that answers a conversation when it changes would otherwise see its own answer as the
 * next change and answer again. The conversation triggers and webhookEvents leave out changes authored by the
 * admin the token belongs to (unless *Include changes made by this connection* is ticked) and by the admins and
 * bots chosen in *Ignore changes by*.
 */
import { isChecked } from '../runtime/input';
import { LOOP_FIELDS } from '../catalogue/fields';
import type { Credentials } from '../runtime/credentials';
import { ConfigurationError } from '../runtime/errors';
import type { Logger } from '../runtime/logger';
import { identify } from '../runtime/region';
import type { Config } from '../runtime/step';

export interface LoopOptions {
  includeOwn: boolean;
  /** Admin (and bot) ids chosen in the step, sorted: part of a trigger's scope. */
  authorIds: string[];
}

/** Who made a change: a conversation part's (or a conversation source's) author. */
export interface Author {
  type?: string;
  id?: string;
}

/** Author types that are people or bots of the workspace; contacts (`user`, `lead`) are never ignored. */
const TEAMMATE_TYPES = new Set(['admin', 'bot', 'team']);

export function readLoopOptions(config: Config): LoopOptions {
  const raw = config[LOOP_FIELDS.ignoreAuthorIds];
  const list: unknown[] | undefined = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'string' ? raw.split(',') : undefined;
  if (list === undefined) throw new ConfigurationError(`Step field "${LOOP_FIELDS.ignoreAuthorIds}" must be a list of admin ids; got ${JSON.stringify(raw)}`);
  const ids = list.map((value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value));
  const bad = ids.filter((id) => typeof id !== 'string' || !/^\w{1,64}$/.test(id.trim()));
  if (bad.length > 0) throw new ConfigurationError(`Step field "${LOOP_FIELDS.ignoreAuthorIds}" holds values that are not admin ids: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  const authorIds = [...new Set((ids as string[]).map((id) => id.trim()))].sort();
  return { includeOwn: isChecked(config[LOOP_FIELDS.includeOwnChanges]), authorIds };
}

/**
 * The ids whose changes are left out: the chosen ones, plus the token's own admin (from `GET /me`, which the
 * region detection and the contacts trigger already ask and cache per token).
 */
export async function ignoredAuthors(options: LoopOptions, credentials: Credentials, logger: Logger, key: string): Promise<ReadonlySet<string>> {
  const ids = new Set(options.authorIds);
  if (!options.includeOwn) {
    const { identity } = await identify(credentials, logger, key);
    if (identity.id !== undefined) ids.add(identity.id);
  }
  return ids;
}

export function authorOf(value: unknown): Author | undefined {
  const author = typeof value === 'object' && value !== null ? (value as { author?: unknown }).author : undefined;
  if (typeof author !== 'object' || author === null) return undefined;
  const { type, id } = author as { type?: unknown; id?: unknown };
  const out: Author = {};
  if (typeof type === 'string') out.type = type;
  if (typeof id === 'string' || typeof id === 'number') out.id = String(id);
  return out;
}

/** A teammate (admin, bot, team) with an id: the only authors a loop filter can leave out. */
export function isTeammate(author: Author | undefined): author is Author & { id: string } {
  return author?.id !== undefined && TEAMMATE_TYPES.has(author.type ?? '');
}

export function isIgnored(ignored: ReadonlySet<string>, author: Author | undefined): boolean {
  return isTeammate(author) && ignored.has(author.id);
}

interface Part {
  created_at?: unknown;
  author?: unknown;
}

function partsOf(item: Record<string, unknown>): Part[] {
  for (const [listKey, itemsKey] of [['conversation_parts', 'conversation_parts'], ['ticket_parts', 'ticket_parts']] as const) {
    const list = item[listKey];
    const parts = typeof list === 'object' && list !== null ? (list as Record<string, unknown>)[itemsKey] : undefined;
    if (Array.isArray(parts)) return parts.filter((p): p is Part => typeof p === 'object' && p !== null);
  }
  return [];
}

/** A part written within this many seconds of the record's `updated_at` is the change that set it. */
const SAME_CHANGE_SECONDS = 2;

/**
 * The author of a conversation's (or ticket's) latest change, when a part tells: the newest part if it is
 * what moved `updated_at`, or the opening message of a conversation that has no parts yet. A change that left no
 * part (attributes, tags) has no known author and is never filtered.
 */
export function lastChangeAuthor(item: unknown): Author | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const parts = partsOf(record);
  const updated = typeof record['updated_at'] === 'number' ? record['updated_at'] : undefined;
  let newest: Part | undefined;
  for (const part of parts) {
    if (typeof part.created_at === 'number' && (newest === undefined || part.created_at >= (newest.created_at as number))) newest = part;
  }
  if (newest !== undefined) {
    return updated === undefined || (newest.created_at as number) >= updated - SAME_CHANGE_SECONDS ? authorOf(newest) : undefined;
  }
  return record['created_at'] === updated || updated === undefined ? authorOf(record['source']) : undefined;
}
