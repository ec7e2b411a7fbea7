import { OBJECT_FIELDS, PAGING_FIELDS } from '../catalogue/fields';
import type { ObjectTypeDecl } from '../catalogue/objectTypes';
import type { SearchFieldType } from '../catalogue/searchFields';
import { isRecord } from '../curated/common';
import { listAttributeDefinitions, searchableAttributeTypes } from '../metadata/attributeDefinitions';
import { choiceOf, wholeNumber } from '../runtime/configValues';
import { InputValidationError } from '../runtime/errors';
import { type Call, operationCall } from '../runtime/operations';
import { isPaged, itemsAt, pages, readPagingOptions } from '../runtime/paging';
import { buildQuery, linkInput, type Query, readTerms, type SearchTerm, termInput } from '../search/terms';
import { type ObjectRun, rejectUnused } from './common';
import { objectDefinition } from './definition';
import { LIST_LINKS, readTermNumber, termModel } from './termModel';

const KEY = 'lookupObjects';
export const DEFAULT_MAX_FETCH = 1000;
type OutputMethod = 'emitAll' | 'emitPage' | 'emitIndividually';

/**
 * Lookup Objects: the terms become Intercom's query where the type has a query-language search, or the filters of
 * its list where Intercom filters on that field; no term reads the whole list. Anything Intercom cannot do is a
 * clear error before any request. Records are emitted all at once, page by page or one by one, up to maxFetch.
 */
export const action = objectDefinition('lookupMany', async (run) => {
  const termNumber = readTermNumber(run.cfg[OBJECT_FIELDS.termNumber]);
  const outputMethod = readOutputMethod(run.cfg[OBJECT_FIELDS.outputMethod]);
  const maxFetch = readMaxFetch(run.cfg[OBJECT_FIELDS.maxFetch]);
  const { pageSize } = readPagingOptions({ [PAGING_FIELDS.pageSize]: run.cfg[PAGING_FIELDS.pageSize] });
  rejectUnused(run, [...Array.from({ length: termNumber }, (_, i) => termInput(i + 1)), ...Array.from({ length: Math.max(termNumber - 1, 0) }, (_, i) => linkInput(i + 1))]);
  const { terms, links, problems } = readTerms(run.input, termNumber);
  if (problems.length > 0) throw new InputValidationError(KEY, problems);
  const call = await callFor(run, terms, links);
  await emitRecords(run, call, { outputMethod, maxFetch, ...(pageSize ? { pageSize } : {}) });
});

/** How errors name a field of this action. */
const field = (name: string): string => `${KEY}: step field "${name}"`;

function readOutputMethod(value: unknown): OutputMethod {
  return choiceOf(value, field(OBJECT_FIELDS.outputMethod), ['emitAll', 'emitPage', 'emitIndividually'] as const, 'emitIndividually');
}

function readMaxFetch(value: unknown): number {
  return wholeNumber(value, field(OBJECT_FIELDS.maxFetch), { min: 1 }) ?? DEFAULT_MAX_FETCH;
}

/** The one call (paged where the operation pages) that reads the records the terms describe. */
async function callFor(run: ObjectRun, terms: SearchTerm[], links: Array<'and' | 'or'>): Promise<Call> {
  const many = run.type.lookupMany;
  const label = run.type.label.toLowerCase();
  const model = termModel(run.type);
  if (terms.length === 0) {
    if (!many?.list) {
      const on = model ? Object.keys(model.fields).join(', ') : 'nothing';
      throw new InputValidationError(KEY, [`Intercom has no unfiltered list of ${label}: give at least one search term (on ${on})`]);
    }
    return operationCall(many.list.op, { ...run.scope, ...many.list.fixed }, `${KEY} (${many.list.op})`);
  }
  if (!model) throw new InputValidationError(KEY, [`Intercom cannot filter ${label}: set the number of search terms to 0`]);
  return termCall(run.type, run.scope, terms, links, await customAttributeTypes(run, terms, model.customAttributePrefix));
}

/**
 * The call of a type's terms (at least one), or an InputValidationError naming every problem before a request is
 * sent: termQuery's, then the operation's own validation of the values (a Help Center id must be a whole number).
 */
export function termCall(
  type: ObjectTypeDecl,
  scope: Record<string, unknown>,
  terms: SearchTerm[],
  links: Array<'and' | 'or'>,
  customTypes: Readonly<Record<string, SearchFieldType>> = {},
): Call {
  const { query, problems } = termQuery(type, terms, links, customTypes);
  if (problems.length > 0) throw new InputValidationError(KEY, problems);
  const search = type.lookupMany?.search;
  if (search && query) return operationCall(search.op, { ...scope, query }, `${KEY} (${search.op})`);
  return filteredListCall(type, terms);
}

/**
 * Everything wrong with a type's terms before a request is sent: what the search model refuses (an unknown field, a
 * condition its type does not take, a value of the wrong kind), and for a list's filters what the list cannot do
 * (or, fields of different lists, no term on a field the list needs). The metadata offers exactly what passes.
 */
export function termQuery(
  type: ObjectTypeDecl,
  terms: readonly SearchTerm[],
  links: ReadonlyArray<'and' | 'or'>,
  customTypes: Readonly<Record<string, SearchFieldType>> = {},
): { query?: Query; problems: string[] } {
  const model = termModel(type);
  if (!model) return { problems: [`Intercom cannot filter ${type.label.toLowerCase()}: set the number of search terms to 0`] };
  const built = buildQuery(model, terms, links, customTypes);
  if (!built.query || type.lookupMany?.search) return built;
  const filters = type.lookupMany?.filters ?? {};
  const label = type.label.toLowerCase();
  const problems: string[] = [];
  if (links.some((link) => !(LIST_LINKS as readonly string[]).includes(link))) problems.push(`Intercom filters ${label} with "and" only: join the terms with and`);
  const ops = new Set(terms.map((t) => filters[t.fieldName]?.op));
  if (ops.size > 1) problems.push(`fields ${terms.map((t) => t.fieldName).join(', ')}: Intercom cannot filter ${label} on these together; use one of them`);
  // A list filter takes one value per field: a second, different value would silently replace the first.
  const valueOf = new Map<string, string>();
  const repeated = new Set<string>();
  for (const t of terms) {
    const value = JSON.stringify(t.fieldValue);
    if (filters[t.fieldName] && valueOf.has(t.fieldName) && valueOf.get(t.fieldName) !== value) repeated.add(t.fieldName);
    valueOf.set(t.fieldName, value);
  }
  if (repeated.size > 0) problems.push(`fields ${[...repeated].join(', ')}: given in more than one term with different values; Intercom filters ${label} by one value per field, give it once`);
  const required = type.lookupMany?.requireOneOf;
  if (required && !terms.some((t) => required.includes(t.fieldName))) problems.push(`Intercom lists ${label} only for one of ${required.join(', ')}: add a term on one of them`);
  return { problems };
}

/** A list Intercom filters (termQuery has checked the terms): equality terms on parameters of one operation. */
function filteredListCall(type: ObjectTypeDecl, terms: SearchTerm[]): Call {
  const filters = type.lookupMany?.filters ?? {};
  const input: Record<string, unknown> = {};
  let op = '';
  for (const term of terms) {
    const filter = filters[term.fieldName];
    if (!filter) continue;
    op = filter.op;
    Object.assign(input, filter.fixed);
    setPath(input, filter.input, term.fieldValue);
  }
  return operationCall(op, input, `${KEY} (${op})`);
}

/** `filter.user_id` sets `{filter: {user_id}}`: nested query objects are spread into the query by the operation. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = isRecord(node[part]) ? node[part] : {};
    node[part] = child;
    node = child;
  }
  node[parts[parts.length - 1] ?? path] = value;
}

/** The types of the custom attributes the terms name (looked up only when a term names one). */
async function customAttributeTypes(run: ObjectRun, terms: SearchTerm[], prefix: string | undefined): Promise<Record<string, SearchFieldType>> {
  const model = run.type.customAttributes;
  if (!prefix || !model || !terms.some((t) => t.fieldName.startsWith(prefix))) return {};
  return searchableAttributeTypes(model, await listAttributeDefinitions(run.client, model, `${KEY} (custom attributes)`));
}

interface EmitOptions {
  outputMethod: OutputMethod;
  maxFetch: number;
  pageSize?: number;
}

/**
 * Reads page after page (one in memory at a time) and emits as asked; says in the log when maxFetch cut it short,
 * which is known only from a record beyond it: when a page ends exactly at maxFetch, the next page is read if
 * Intercom announces one (its first record decides), never when the list has ended.
 */
async function emitRecords(run: ObjectRun, call: Call, options: EmitOptions): Promise<void> {
  const { outputMethod, maxFetch } = options;
  const collected: unknown[] = [];
  let emitted = 0;
  let more = false;
  const batches = isPaged(call) ? pagedItems(run, call, options.pageSize) : oneAnswer(run, call);
  for await (const items of batches) {
    const room = maxFetch - emitted;
    if (items.length > room) {
      more = true;
      if (room === 0) break;
    }
    const taken = items.slice(0, room);
    emitted += taken.length;
    if (outputMethod === 'emitIndividually') for (const item of taken) await run.ctx.emitData(item);
    else if (outputMethod === 'emitPage' && taken.length > 0) await run.ctx.emitData({ results: taken });
    else collected.push(...taken);
    if (more) break;
  }
  if (outputMethod === 'emitAll' || (outputMethod === 'emitPage' && emitted === 0)) await run.ctx.emitData({ results: collected });
  if (more) run.ctx.logger.warn(`${KEY}: stopped at ${maxFetch} record(s) (step field ${OBJECT_FIELDS.maxFetch}); more records match`);
  run.ctx.logger.info(`${KEY}: ${emitted} ${run.type.label.toLowerCase()} record(s) emitted`);
}

async function* pagedItems(run: ObjectRun, call: Call & { paging: NonNullable<Call['paging']> }, pageSize: number | undefined): AsyncGenerator<unknown[]> {
  for await (const page of pages(run.client, call, pageSize)) {
    if (!page.restarted) yield page.items;
  }
}

async function* oneAnswer(run: ObjectRun, call: Call): AsyncGenerator<unknown[]> {
  const response = await run.client.request(call);
  yield itemsAt(response.data, run.type.recordItems ?? 'data');
}
