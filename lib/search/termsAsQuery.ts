import { MAX_SEARCH_ACTION_TERMS, SEARCH_MODELS, type SearchModelName } from '../catalogue/searchFields';
import { InputValidationError } from '../runtime/errors';
import { findMalformed, isEmpty } from '../runtime/input';
import { buildQuery, linkInput, readTerms, termInput } from './terms';

/**
 * A search action (searchContacts, searchConversations, searchTickets) takes either Intercom's `query` object or
 * simple terms: the input with its simple terms replaced by the query they mean, before the operation's own
 * validation and request; a clear error (nothing sent) when they are wrong.
 */
export function withTermsAsQuery(key: string, model: SearchModelName, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  // Malformed input (forbidden keys, too deep, lone surrogates) is left for the operation's validation to name.
  if (findMalformed(input).length > 0) return input;
  const given = input as Record<string, unknown>;
  const { terms, links, problems } = readTerms(given, MAX_SEARCH_ACTION_TERMS);
  const hasQuery = !isEmpty(given['query']);
  // Without terms the input goes on as it is: `query` is then required by the operation (requireOneOf).
  if (terms.length === 0 && problems.length === 0) return input;
  if (hasQuery) problems.push(`field query: give either the query object or simple terms (${termInput(1)} …), not both`);
  const built = problems.length === 0 ? buildQuery(SEARCH_MODELS[model], terms, links) : { problems: [] };
  problems.push(...built.problems);
  if (problems.length > 0 || !built.query) throw new InputValidationError(key, problems);
  const rest: Record<string, unknown> = {};
  const termKeys = new Set<string>();
  // Links join terms: there is none after the last one, so a criteriaLink5 goes on to the operation, which refuses it.
  for (let n = 1; n <= MAX_SEARCH_ACTION_TERMS; n++) termKeys.add(termInput(n));
  for (let n = 1; n < MAX_SEARCH_ACTION_TERMS; n++) termKeys.add(linkInput(n));
  for (const [name, value] of Object.entries(given)) if (!termKeys.has(name)) rest[name] = value;
  return { ...rest, query: built.query };
}
