import type Ajv from 'ajv';
import type { FormatDefinition } from 'ajv';

/**
 * The formats of Intercom's description that the input validation checks (the generator keeps exactly these,
 * scripts/generate/strict.ts CHECKED_FORMATS), with the wording of their error.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match || !isCalendarDate(match[1] ?? '')) return false;
  return Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 61;
}

export const FORMAT_WORDING: Record<string, string> = {
  'date-time': 'must be a date and time such as 2024-05-31T14:30:00Z',
  date: 'must be a date such as 2024-05-31',
  email: 'must be an email address',
  uri: 'must be an absolute URL such as https://example.com/page',
  uuid: 'must be a UUID such as 123e4567-e89b-12d3-a456-426614174000',
  int64: 'must be a whole number within the exact range of a number (±9007199254740991)',
};

/**
 * The checks of the formats, by name: the precompiled input validators (lib/generated/validators, written by
 * npm run generate) are handed this table, and addFormats gives it to an ajv instance.
 */
export const FORMATS: Readonly<Record<string, FormatDefinition<string> | FormatDefinition<number>>> = {
  'date-time': { type: 'string', validate: isDateTime },
  date: { type: 'string', validate: isCalendarDate },
  email: { type: 'string', validate: (text: string) => EMAIL.test(text) },
  uri: { type: 'string', validate: (text: string) => URI.test(text) },
  uuid: { type: 'string', validate: (text: string) => UUID.test(text) },
  int64: { type: 'number', validate: (value: number) => Number.isSafeInteger(value) },
};

export function addFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
}
