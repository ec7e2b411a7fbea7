/**
 * The help of the simple search term fields: one meaning wherever terms are taken (the search actions and Lookup
 * Objects build the same query from them, lib/search/terms.ts).
 */
export const TERM_HELP = {
  term: (n: number): string =>
    `Search term ${n}: a field, a condition and a value, e.g. { "fieldName": "email", "condition": "=", "fieldValue": "ada@example.com" }. Fill the terms from 1 up without gaps; the step turns them into Intercom's search query.`,
  field: (n: number, customPrefix?: string): string =>
    `The field term ${n} compares: one of the listed fields${customPrefix ? ` (custom attributes as ${customPrefix}<name>)` : ''}.`,
  condition: (n: number, words: string): string => `How term ${n} compares: ${words}. A field's type limits which conditions Intercom takes.`,
  value: (n: number): string =>
    `The value term ${n} compares with. Dates: Unix time in seconds or an ISO 8601 date and time (e.g. 2024-05-31T14:30:00Z); IN and NIN: a list or comma-separated values.`,
  link: (n: number): string =>
    `How term ${n} and term ${n + 1} combine: and (both must match) or or (either). and binds tighter: a and b or c means (a and b) or c. Needed only when term ${n + 1} is given.`,
};

