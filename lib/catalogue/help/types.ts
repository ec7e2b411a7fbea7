/**
 * Hand-written mapper help, keyed by field name (`name`, or `parent.name` where the parent changes the meaning).
 * Our own words: facts (types, units, allowed values) may carry over from Intercom's description, sentences never.
 * Fields without an entry get a text generated from their schema (scripts/generate/help.ts).
 */
export type HelpTexts = Readonly<Record<string, string>>;
