import type { FieldFacts } from './facts';

/**
 * The fact sentences of a help text: what the description (or, for our own fields, the mapper schema) says about a
 * field's value, in our words: a whole number, Unix time or an ISO 8601 text with an example date, the allowed values,
 * limits, unit, default and deprecation. Each is added only when the meaning sentence does not already say it.
 */

type Json = Record<string, unknown>;

export interface ValueFacts {
  direction: 'in' | 'out';
  /** The mapper schema of the field (what the flow designer shows). */
  prop: Json;
  facts?: FieldFacts;
  name: string;
  /** The run-time validation requires the field: no default applies to it. */
  required?: boolean;
  /** The operation changes a record (PUT, PATCH): a field left out keeps its value, the create default does not apply. */
  update?: boolean;
}

/** A Unix time (seconds) and the moment it stands for. */
export const EXAMPLE_UNIX = '1717171717 (31 May 2024, 16:08:37 UTC)';
export const EXAMPLE_DATE_TIME = '2024-05-31T14:30:00Z';
export const EXAMPLE_DATE = '2024-05-31';

const TIME_NAME = /(_at|_at_after|_at_before|_until|_since|_after|_before|^since|^until|^timestamp|_time|_date)$/;

function types(value: ValueFacts): string[] {
  // An id the catalogue takes as text although the description calls it an integer (textIds: contact ids are hex).
  if (value.prop['type'] === 'string' && value.facts?.types.includes('integer') && !value.facts.types.includes('string')) return ['string'];
  if (value.facts && value.facts.types.length > 0) return value.facts.types;
  const type = value.prop['type'];
  return Array.isArray(type) ? (type as string[]).filter((t) => t !== 'null') : typeof type === 'string' ? [type] : [];
}

function texts(value: ValueFacts): string {
  return (value.facts?.texts ?? []).join(' ');
}

/** A number that is a moment: Unix time in seconds. */
export function isUnixTime(value: ValueFacts): boolean {
  const t = types(value);
  if (!t.every((x) => x === 'integer' || x === 'number') || t.length === 0) return false;
  const format = value.facts?.format ?? value.prop['format'];
  if (format === 'date-time' || format === 'timestamp' || format === 'date') return true;
  if (/unix|epoch/i.test(texts(value)) && !/duration|seconds (to|until|from)|number of seconds/i.test(texts(value))) return true;
  return TIME_NAME.test(value.name) && !/^(time_to|median_time)/.test(value.name) && !/seconds|minutes|duration/i.test(texts(value));
}

/** ISO 8601 text or Unix seconds: the description's `datetime` (one of both). */
function isEitherTime(value: ValueFacts): boolean {
  const t = types(value);
  return t.includes('string') && t.includes('integer') && (value.facts?.format === 'date-time' || TIME_NAME.test(value.name));
}

function formatOf(value: ValueFacts): string | undefined {
  const format = value.prop['format'] ?? value.facts?.format;
  if (typeof format !== 'string' || !types(value).includes('string')) return undefined;
  // A UUID its own limits rule out (36 characters at least) is the description's slip, not a rule (strict.ts does the same).
  const max = value.facts?.maxLength ?? value.prop['maxLength'];
  return format === 'uuid' && typeof max === 'number' && max < 36 ? undefined : format;
}

const has = (meaning: string, pattern: RegExp): boolean => pattern.test(meaning);

/** The description's prose default ("Defaults to false"), when its schema declares none. */
function proseDefault(text: string): string | undefined {
  const match = /defaults? to [`"']?([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)[`"']?(?=[\s.,;)]|$)/i.exec(text);
  const value = match?.[1];
  if (!value || /^(the|a|an|first|all)$/i.test(value)) return undefined;
  return value;
}

/** Units the description states in words. */
function unitOf(text: string): string | undefined {
  if (/minutes? (from|since|after) midnight/i.test(text)) return 'minutes from midnight';
  const match = /\b(?:in|of|as) (milliseconds|seconds|minutes|hours|days|bytes|pixels|cents)\b/i.exec(text) ?? /\bnumber of (milliseconds|seconds|minutes|hours|days)\b/i.exec(text);
  return match?.[1]?.toLowerCase();
}

function quote(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function limitSentence(min: number | undefined, max: number | undefined, unit: string, one: string): string | undefined {
  const plural = (n: number): string => (n === 1 ? one : unit);
  if (min !== undefined && max !== undefined) return min === max ? `Exactly ${max} ${plural(max)}.` : `${min} to ${max} ${unit}.`;
  if (max !== undefined) return `At most ${max} ${plural(max)}.`;
  if (min !== undefined && min > 0) return `At least ${min} ${plural(min)}.`;
  return undefined;
}

/** Every fact sentence for a field whose meaning is `meaning`. */
export function factSentences(meaning: string, value: ValueFacts): string[] {
  const out: string[] = [];
  const t = types(value);
  const facts = value.facts;
  const prop = value.prop;
  const text = texts(value);
  const pick = (key: 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems'): number | undefined => {
    const own = facts?.[key] ?? prop[key];
    return typeof own === 'number' ? own : undefined;
  };

  if (isEitherTime(value)) {
    if (!has(meaning, /ISO 8601/)) out.push(`Either an ISO 8601 date and time (e.g. ${EXAMPLE_DATE_TIME}) or Unix time in seconds.`);
  } else if (isUnixTime(value)) {
    if (!has(meaning, /Unix time/)) out.push(`Unix time in seconds (UTC), e.g. ${EXAMPLE_UNIX}.`);
  } else if (t.includes('integer') && !has(meaning, /whole number/)) {
    out.push('A whole number.');
  }

  const format = isEitherTime(value) ? undefined : formatOf(value);
  // The run-time format check (lib/runtime/formats.ts) takes a date and time with a zone only.
  if (format === 'date-time' && !has(meaning, /ISO 8601/)) {
    out.push(value.direction === 'in' ? `A date and time in ISO 8601 with a zone (Z or an offset), e.g. ${EXAMPLE_DATE_TIME}; one without a zone is refused.` : `A date and time in ISO 8601, e.g. ${EXAMPLE_DATE_TIME}.`);
  }
  if (format === 'date' && !has(meaning, /YYYY-MM-DD/)) out.push(`A date as YYYY-MM-DD, e.g. ${EXAMPLE_DATE}.`);
  if (format === 'uri' && !has(meaning, /URL|web address/i)) out.push(value.direction === 'in' ? 'An absolute URL, e.g. https://example.com/page.' : 'A web address (URL).');
  if (format === 'uri' && value.direction === 'in' && !has(meaning, /absolute/)) out.push('It must be absolute, starting with https:// or http://.');
  if (format === 'email' && !has(meaning, /email/i)) out.push('An email address, e.g. ada@example.com.');
  if (format === 'uuid' && !has(meaning, /UUID/)) out.push('A UUID, e.g. 123e4567-e89b-12d3-a456-426614174000.');
  if (/E\.164/.test(text) && !has(meaning, /E\.164/)) out.push('In E.164 form: a plus sign, country code and number, e.g. +14155550123.');
  const boundary = /\b(\d+)-minute boundary/i.exec(text)?.[1];
  if (boundary && !has(meaning, /boundary/)) out.push(`Minutes must fall on a ${boundary}-minute boundary (0, ${boundary}, ${2 * Number(boundary)} …).`);

  const values = (Array.isArray(prop['enum']) ? prop['enum'] : undefined) as unknown[] | undefined;
  if (values && values.length > 0 && !has(meaning, /Allowed values|^Always "/)) {
    const shown = values.filter((v) => v !== null).map(quote);
    out.push(shown.length === 1 ? `Always "${shown[0] ?? ''}".` : `Allowed values: ${shown.join(', ')}.`);
  }
  const itemValues = ((prop['items'] as Json | undefined)?.['enum'] ?? undefined) as unknown[] | undefined;
  if (Array.isArray(itemValues) && itemValues.length > 0 && !has(meaning, /Allowed values/)) out.push(`Allowed values of each item: ${itemValues.map(quote).join(', ')}.`);

  const lengths = limitSentence(pick('minLength'), pick('maxLength'), 'characters', 'character');
  if (lengths && !has(meaning, /characters/)) out.push(lengths);
  const items = limitSentence(pick('minItems'), pick('maxItems'), 'items', 'item');
  if (items && !has(meaning, /\bitems\b|at most \d+/i)) out.push(items);
  const min = pick('minimum');
  const max = pick('maximum');
  const exclusiveMin = facts ? undefined : (prop['exclusiveMinimum'] as number | undefined);
  if (min !== undefined && max !== undefined && !has(meaning, new RegExp(`\\b${max}\\b`))) out.push(`From ${min} to ${max}.`);
  else if (max !== undefined && !has(meaning, new RegExp(`\\b${max}\\b`))) out.push(`At most ${max}.`);
  else if (min !== undefined && !has(meaning, /at least|from \d/i)) out.push(`At least ${min}.`);
  else if (typeof exclusiveMin === 'number') out.push(`Above ${exclusiveMin}.`);
  const pattern = facts?.pattern ?? prop['pattern'];
  if (typeof pattern === 'string' && !has(meaning, /pattern/)) out.push(`It must match the pattern ${pattern}.`);

  const unit = unitOf(text);
  if (unit && !isUnixTime(value) && !has(meaning, new RegExp(unit.split(' ')[0] ?? unit, 'i'))) out.push(`In ${unit}.`);

  if (value.direction === 'in' && value.required !== true && value.update !== true) {
    const fallback = facts?.default ?? proseDefault(text);
    if (fallback !== undefined && fallback !== '' && !has(meaning, /default|when left empty|when empty/i)) out.push(`When left empty, Intercom uses ${quote(fallback)}.`);
  }
  if (facts?.deprecated && !has(meaning, /deprecated/i)) out.push('Deprecated by Intercom: it may stop working; avoid it in new flows.');
  return out;
}
