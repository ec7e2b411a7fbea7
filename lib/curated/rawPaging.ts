import type { PaginationStyle } from '../catalogue/types';
import { ConfigurationError } from '../runtime/errors';
import { operationTable, type ListPaging } from '../runtime/operations';
import type { PagingOptions } from '../runtime/paging';

/**
 * How a raw request pages. The user may say it (`paginate`, `items_path`); otherwise the operations table
 * knows every list and search of the API: a method and path that match a catalogue operation page as that
 * operation does. Asking for all pages or one message per item of a path the table does not know is an error
 * naming the fields to set, never a silent single request.
 */

interface Pattern {
  method: string;
  matcher: RegExp;
  paging: ListPaging | null;
}

let patterns: Pattern[] | undefined;

function templatePattern(template: string): RegExp {
  const parts = template.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}$`);
}

/** Fixed segments win over parameters: `/contacts/search` is the search, not a contact named "search". */
function specificity(template: string): number {
  return template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length;
}

function allPatterns(): Pattern[] {
  patterns ??= Object.values(operationTable())
    .sort((a, b) => specificity(b.path) - specificity(a.path))
    .map((entry) => ({ method: entry.method, matcher: templatePattern(entry.path), paging: entry.pagination }));
  return patterns;
}

/** The paging of the catalogue operation behind this method and path; null when it is known not to page. */
export function knownPaging(method: string, path: string): ListPaging | null | undefined {
  return allPatterns().find((p) => p.method === method && p.matcher.test(path))?.paging;
}

function wantsPaging(options: PagingOptions): boolean {
  return options.fetch === 'all' || options.emit === 'individually' || options.maxItems !== undefined;
}

export function rawPaging(method: string, path: string, paginate: unknown, itemsPath: string | undefined, options: PagingOptions): ListPaging | undefined {
  if (paginate === 'none') {
    if (wantsPaging(options)) {
      throw new ConfigurationError('paginate is "none", but the step fields ask for all pages or one message per item; choose a paging style or set Pages to fetch = One page and Emit = One message');
    }
    return undefined;
  }
  if (typeof paginate === 'string') return { style: paginate as PaginationStyle, itemsPath: itemsPath ?? knownPaging(method, path)?.itemsPath ?? 'data' };
  if (!wantsPaging(options)) return undefined;
  const known = knownPaging(method, path);
  if (known) return itemsPath === undefined ? known : { ...known, itemsPath };
  throw new ConfigurationError(
    known === null
      ? `${method} ${path} answers one document, not pages; set Pages to fetch = One page and Emit = One message`
      : `${method} ${path} is not an Intercom list this component knows, so it cannot tell how it pages; set paginate (cursor, searchBody, page, pageBody, scroll or nextCursor) and items_path (where the items are, e.g. data)`,
  );
}
