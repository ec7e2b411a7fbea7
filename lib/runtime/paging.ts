import { PAGING_FIELDS } from './constants';
import { ConfigurationError } from './errors';

/** The paging settings every list and search action shares (step configuration fields). */
export interface PagingOptions {
  /** `page`: one request, the page as Intercom returns it; `all`: follow every next page. */
  fetch: 'page' | 'all';
  /** `oneMessage`: one data message; `individually`: one message per item, streamed page by page. */
  emit: 'oneMessage' | 'individually';
  maxItems?: number;
  pageSize?: number;
}

export function readPagingOptions(cfg: unknown): PagingOptions {
  const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
  const fetch = pick(config[PAGING_FIELDS.fetch], ['page', 'all'], 'page', PAGING_FIELDS.fetch);
  const emit = pick(config[PAGING_FIELDS.emit], ['oneMessage', 'individually'], 'oneMessage', PAGING_FIELDS.emit);
  const options: PagingOptions = { fetch, emit };
  const maxItems = positiveInteger(config[PAGING_FIELDS.maxItems], PAGING_FIELDS.maxItems);
  if (maxItems !== undefined) options.maxItems = maxItems;
  const pageSize = positiveInteger(config[PAGING_FIELDS.pageSize], PAGING_FIELDS.pageSize);
  if (pageSize !== undefined) {
    if (pageSize > 150) throw new ConfigurationError(`Step field "${PAGING_FIELDS.pageSize}" must be at most 150 (Intercom's maximum); got ${pageSize}`);
    options.pageSize = pageSize;
  }
  return options;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(`Step field "${field}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
}

function positiveInteger(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new ConfigurationError(`Step field "${field}" must be a whole number of at least 1; got ${JSON.stringify(value)}`);
  }
  return number;
}
