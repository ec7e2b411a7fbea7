/**
 * Hand-written mapper help, in our own words: facts (types, units, allowed values) may carry over from Intercom's
 * description, sentences never. A text says what the field means in its place; the generator adds the facts the
 * description gives (allowed values, format and an example, limits, unit, default, deprecation), so a text does not
 * repeat them. Fields without a text get one generated from those facts (scripts/generate/help.ts).
 */

/** Texts by field path: `name` at the top level, `parent.name` one level down (object or list-item property). */
export type FieldTexts = Readonly<Record<string, string>>;

export interface ResourceHelp {
  /**
   * Fields of a record, by the name Intercom's description gives its schema (components/schemas) and the field's
   * path inside that schema. Used wherever that schema appears (a company inside a conversation, a contact in a
   * page of a list): one schema field means one thing, so one text serves every place.
   */
  records?: Readonly<Record<string, FieldTexts>>;
  /** Fields of one action (generated or hand-written), by action key, then input (`in`) or output (`out`). */
  actions?: Readonly<Record<string, { in?: FieldTexts; out?: FieldTexts }>>;
}
