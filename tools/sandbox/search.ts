/**
 * The search DSL shared by contacts, conversations and tickets: validation (operators, nesting of at
 * most 2 group levels, at most 15 items per group, value types) and compilation into a predicate.
 *
 * Dates differ by resource. Contacts compare by calendar day in the workspace timezone: `=` is the
 * whole day, `>` starts at the next local midnight, `<` ends at this day's midnight, and `!=`, `<=`,
 * `>=`, IN, NIN are rejected. Conversations and tickets compare exact seconds with `>`/`<` inclusive.
 */
import { badRequest, missingParameter } from './errors';
import { isObject } from './input';
import { startOfDay, startOfNextDay } from './timezone';

export const OPERATORS = ['=', '!=', 'IN', 'NIN', '<', '<=', '>', '>=', '~', '!~', '^', '$'] as const;
export type Operator = (typeof OPERATORS)[number];

export const MAX_GROUP_DEPTH = 2;
export const MAX_GROUP_ITEMS = 15;

export type FieldKind = 'string' | 'integer' | 'float' | 'boolean' | 'date';

export interface SearchModel<R> {
  /** The type of a field; undefined means unknown, treated as a string. */
  kindOf(field: string): FieldKind | undefined;
  /** `day`: contacts' calendar-day rule; `inclusive`: `>`/`<` include the boundary second. */
  dateRule: 'day' | 'inclusive';
  /** Fields that accept only some operators (contacts' tag_id takes = and != only). */
  restricted?: Readonly<Record<string, readonly Operator[]>>;
  /** The value(s) of a field on a record; an array means "any element". */
  resolve(record: R, field: string): unknown;
  /** Workspace timezone (for the day rule). */
  timeZone: string;
}

export type Predicate<R> = (record: R) => boolean;

const ORDERING: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const TEXTUAL: ReadonlySet<string> = new Set(['~', '!~', '^', '$']);
const DAY_RULE_ALLOWED: ReadonlySet<string> = new Set(['=', '<', '>']);

export function compileQuery<R>(query: unknown, model: SearchModel<R>): Predicate<R> {
  if (query === undefined || query === null) throw missingParameter('query');
  return compileNode(query, model, 0, 'query');
}

function compileNode<R>(node: unknown, model: SearchModel<R>, depth: number, where: string): Predicate<R> {
  if (!isObject(node)) throw badRequest(`${where} must be an object`, 'parameter_invalid', where);
  const op = node['operator'];
  if (op === 'AND' || op === 'OR') return compileGroup(node, op, model, depth + 1, where);
  return compileFilter(node, model, where);
}

function compileGroup<R>(node: Record<string, unknown>, op: 'AND' | 'OR', model: SearchModel<R>, depth: number, where: string): Predicate<R> {
  if (depth > MAX_GROUP_DEPTH) {
    throw badRequest(`${where}: AND/OR groups may be nested at most ${MAX_GROUP_DEPTH} levels deep`, 'parameter_invalid', where);
  }
  const value = node['value'];
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest(`${where}.value must be a non-empty array of filters`, 'parameter_invalid', `${where}.value`);
  }
  if (value.length > MAX_GROUP_ITEMS) {
    throw badRequest(`${where}: a group may hold at most ${MAX_GROUP_ITEMS} filters, got ${value.length}`, 'parameter_invalid', `${where}.value`);
  }
  const parts = value.map((child, i) => compileNode(child, model, depth, `${where}.value[${i}]`));
  return op === 'AND' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
}

type Scalar = string | number | boolean | null;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function compileFilter<R>(node: Record<string, unknown>, model: SearchModel<R>, where: string): Predicate<R> {
  const field = node['field'];
  const op = node['operator'];
  const value = node['value'];
  if (typeof field !== 'string' || field === '') throw badRequest(`${where}.field must be a non-empty string`, 'parameter_invalid', `${where}.field`);
  if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
    throw badRequest(`${where}.operator ${JSON.stringify(op)} is not one of ${OPERATORS.join(' ')} AND OR`, 'parameter_invalid', `${where}.operator`);
  }
  const operator = op as Operator;
  const kind = model.kindOf(field) ?? 'string';
  const allowed = model.restricted?.[field];
  if (allowed !== undefined && !allowed.includes(operator)) {
    throw badRequest(`${field} accepts only the operators ${allowed.join(' ')}`, 'parameter_invalid', `${where}.operator`);
  }

  const list = operator === 'IN' || operator === 'NIN';
  if (list) {
    if (!Array.isArray(value) || !value.every(isScalar)) throw badRequest(`${where}.value must be an array for ${operator}`, 'parameter_invalid', `${where}.value`);
  } else if (!isScalar(value)) {
    throw badRequest(`${where}.value must be a string, number, boolean or null`, 'parameter_invalid', `${where}.value`);
  }
  if (TEXTUAL.has(operator) && (kind !== 'string' || typeof value !== 'string')) {
    throw badRequest(`${operator} applies to text fields with a string value (${field})`, 'parameter_invalid', `${where}.operator`);
  }
  if (ORDERING.has(operator) && kind !== 'integer' && kind !== 'float' && kind !== 'date') {
    throw badRequest(`${operator} applies to numbers and dates, not ${field}`, 'parameter_invalid', `${where}.operator`);
  }

  const values: Scalar[] = list ? (value as Scalar[]) : [value as Scalar];
  if (kind === 'date' || kind === 'integer' || kind === 'float') {
    for (const v of values) {
      if (v !== null && (typeof v !== 'number' || (kind !== 'float' && !Number.isInteger(v)))) {
        throw badRequest(`${field} expects ${kind === 'date' ? 'a Unix timestamp' : 'a number'}, got ${JSON.stringify(v)}`, 'parameter_invalid', `${where}.value`);
      }
    }
  }
  if (kind === 'date' && model.dateRule === 'day') return compileDayFilter(field, operator, value as Scalar, model, where);
  return compileExactFilter(field, operator, values, kind, model);
}

function compileDayFilter<R>(field: string, operator: Operator, value: Scalar, model: SearchModel<R>, where: string): Predicate<R> {
  if (!DAY_RULE_ALLOWED.has(operator)) {
    throw badRequest(`${operator} is not supported on the date field ${field}; use =, < or >`, 'parameter_invalid', `${where}.operator`);
  }
  if (typeof value !== 'number') throw badRequest(`${field} expects a Unix timestamp`, 'parameter_invalid', `${where}.value`);
  const dayStart = startOfDay(model.timeZone, value);
  const nextDay = startOfNextDay(model.timeZone, value);
  const test =
    operator === '=' ? (t: number) => t >= dayStart && t < nextDay : operator === '>' ? (t: number) => t >= nextDay : (t: number) => t < dayStart;
  return (r) => anyValue(model.resolve(r, field), (v) => typeof v === 'number' && test(v));
}

function compileExactFilter<R>(field: string, operator: Operator, values: Scalar[], kind: FieldKind, model: SearchModel<R>): Predicate<R> {
  const first = values[0] ?? null;
  const inclusive = kind === 'date' && model.dateRule === 'inclusive';
  const eq = (v: unknown): boolean => values.some((want) => equals(v, want));
  let test: (v: unknown) => boolean;
  switch (operator) {
    case '=':
    case 'IN':
      return (r) => anyValue(model.resolve(r, field), eq, first === null);
    case '!=':
    case 'NIN':
      return (r) => !anyValue(model.resolve(r, field), eq, first === null);
    case '>':
      test = (v) => typeof v === 'number' && typeof first === 'number' && (inclusive ? v >= first : v > first);
      break;
    case '>=':
      test = (v) => typeof v === 'number' && typeof first === 'number' && v >= first;
      break;
    case '<':
      test = (v) => typeof v === 'number' && typeof first === 'number' && (inclusive ? v <= first : v < first);
      break;
    case '<=':
      test = (v) => typeof v === 'number' && typeof first === 'number' && v <= first;
      break;
    case '~':
      test = (v) => typeof v === 'string' && v.toLowerCase().includes(String(first).toLowerCase());
      break;
    case '!~':
      return (r) => !anyValue(model.resolve(r, field), (v) => typeof v === 'string' && v.toLowerCase().includes(String(first).toLowerCase()));
    case '^':
      test = (v) => typeof v === 'string' && v.toLowerCase().startsWith(String(first).toLowerCase());
      break;
    case '$':
      test = (v) => typeof v === 'string' && v.toLowerCase().endsWith(String(first).toLowerCase());
      break;
  }
  return (r) => anyValue(model.resolve(r, field), test);
}

/** Strings compare case-insensitively (emails, names); numbers and booleans exactly. */
function equals(actual: unknown, wanted: Scalar): boolean {
  if (wanted === null) return actual === null || actual === undefined;
  if (typeof wanted === 'string' && typeof actual === 'string') return actual.toLowerCase() === wanted.toLowerCase();
  if (typeof wanted === 'string' && typeof actual === 'number') return String(actual) === wanted;
  if (typeof wanted === 'number' && typeof actual === 'string') return actual === String(wanted);
  return actual === wanted;
}

/** Arrays match when any element matches; an empty array matches only a null comparison. */
function anyValue(v: unknown, test: (x: unknown) => boolean, emptyMatches = false): boolean {
  if (Array.isArray(v)) return v.length === 0 ? emptyMatches : v.some(test);
  return test(v);
}

/** Dot-path lookup (`custom_attributes.plan`, `source.author.id`). */
export function byPath(record: unknown, field: string): unknown {
  let cur: unknown = record;
  for (const key of field.split('.')) {
    if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}
