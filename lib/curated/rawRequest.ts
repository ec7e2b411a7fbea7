import { CURATED_FIELDS } from '../catalogue/fields';
import { execute } from '../operation/action';
import type { HttpMethod } from '../runtime/client';
import { addQuery, type Call } from '../runtime/operations';
import { readPagingOptions } from '../runtime/paging';
import { repeatableMethod } from '../runtime/retryPolicy';
import { rawPaging } from './rawPaging';
import { type Config, convenienceAction, type Input, isChecked, isRecord, text } from './common';

/**
 * The escape hatch: any path of the API, through the same client as every other action (auth, region,
 * Intercom-Version, retries, rate limits, error mapping) and the same paging and output handling. The path
 * can only name a resource on the configured Intercom host: it must start with one `/` and may not hold a
 * scheme, host, query, fragment, backslash or dot segment.
 */

const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/;

export function pathProblems(path: unknown): string[] {
  if (typeof path !== 'string') return [];
  const problems: string[] = [];
  if (!path.startsWith('/')) problems.push('field path: must start with / (a path such as /contacts/123, not a URL)');
  else if (path.startsWith('//')) problems.push('field path: must not start with // (that would name another host)');
  if (path.includes('?') || path.includes('#')) problems.push('field path: put query parameters in the query field; no ? or # in the path');
  else if (!PATH_CHARS.test(path)) problems.push('field path: contains characters not allowed in a URL path (spaces, backslashes, control characters …)');
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      problems.push(`field path: segment "${segment}" is not valid percent-encoding`);
      continue;
    }
    if (decoded === '.' || decoded === '..') problems.push('field path: . and .. segments are not allowed');
    else if (decoded !== segment && /[/\\]/.test(decoded)) problems.push(`field path: segment "${segment}" hides a slash`);
  }
  return [...new Set(problems)];
}

function queryProblems(query: unknown): string[] {
  if (!isRecord(query)) return [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v !== null && typeof v === 'object')) {
      problems.push(`field query.${name}: must be text, a number, true/false or a list of those`);
    }
  }
  return problems;
}

function check(input: Input, _cfg: Config): string[] {
  const problems = [...pathProblems(input['path']), ...queryProblems(input['query'])];
  const method = input['method'] ?? 'GET';
  if (method === 'GET' && input['body'] != null) problems.push('field body: a GET request has no body');
  const style = input['paginate'];
  if ((style === 'searchBody' || style === 'pageBody') && method === 'GET') {
    problems.push(`field paginate: ${style} pages through a request body; use it with POST`);
  }
  return problems;
}

/**
 * Ids in a path are replaced in logs, which name the path shape only. `:id`, not a `{parameter}`: this is a
 * guess for the logs, not a declared template a result may read an id from.
 */
function pathShape(path: string): string {
  return path
    .split('/')
    .map((segment) => (/[0-9@%]/.test(segment) ? ':id' : segment))
    .join('/');
}

/** Serialised like every action's query (lists comma-separated); check() has refused objects. */
function queryOf(query: unknown): Record<string, string> | undefined {
  if (!isRecord(query)) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) addQuery(out, name, value);
  return Object.keys(out).length > 0 ? out : undefined;
}

export const action = convenienceAction(
  async (run) => {
    const { input, cfg } = run;
    const method = (text(input['method']) ?? 'GET') as HttpMethod;
    const path = text(input['path']) ?? '/';
    const readOnly = isChecked(cfg[CURATED_FIELDS.readOnly]);
    // A POST or PATCH may have had its effect before a timeout or 5xx: retried only when the user says it only reads.
    const idempotent = repeatableMethod(method) || (method === 'POST' && readOnly);
    // The page size is bounded once the list is known: a list of the catalogue keeps its own largest page.
    const paging = rawPaging(method, path, input['paginate'] ?? undefined, text(input['items_path']), readPagingOptions(cfg, Number.MAX_SAFE_INTEGER));
    const pagingOptions = readPagingOptions(cfg, paging?.maxPageSize);
    const call: Call = { operation: 'rawRequest', method, path, pathTemplate: pathShape(path), idempotent, response: 'json' };
    const query = queryOf(input['query']);
    if (query) call.query = query;
    if (input['body'] != null) call.body = input['body'];
    if (paging) call.paging = paging;
    await execute(run.ctx, run.client, call, paging ? { paging: pagingOptions } : {});
  },
  {
    prepare: (input) => {
      if (typeof input['method'] === 'string') input['method'] = input['method'].trim().toUpperCase();
    },
    check,
  },
);
