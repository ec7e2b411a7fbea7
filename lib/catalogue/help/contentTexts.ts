/** Texts shared by the help of the content resources: articles, Help Center, knowledge content, audiences. */
import { localeName } from './locales';
import type { FieldTexts } from './types';

/**
 * The language keys of an article's or a collection's translated content (article_translated_content and
 * group_translated_content have the same ones). Each key is a locale code; `id` is Indonesian, not an id.
 */
export const TRANSLATION_LOCALES: readonly string[] = [
  'ar', 'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'he', 'hr', 'hu', 'id', 'it', 'ja', 'ko',
  'lt', 'lv', 'mn', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sl', 'sr', 'sv', 'tr', 'vi', 'pt-BR', 'zh-CN', 'zh-TW',
];

/** One text per language key, written by `text(code, language)`; `prefix` places them under a parent field. */
export function perLocale(text: (code: string, language: string) => string, prefix = ''): FieldTexts {
  return Object.fromEntries(TRANSLATION_LOCALES.map((code) => [`${prefix}${code}`, text(code, localeName(code) ?? code)]));
}

/** A list action's items in the message: one page, or every page with Pages to fetch = All pages. */
export function listedItems(items: string): string {
  return `The ${items}, one object each: those of one page, or of every page when Pages to fetch is All pages`;
}

/**
 * The answer of attaching a tag to a piece of content (article, internal article, snippet): the tag, with who
 * attached it and when. `record` names the content, `detach` the action that removes the tag again.
 */
export function attachedTag(record: string, detach: string): FieldTexts {
  return {
    type: 'Always "tag": the answer is the tag that was attached.',
    id: `Intercom’s ID of the tag now on the ${record}; ${detach} takes it as id.`,
    name: `Name of the tag now on the ${record}, e.g. VIP.`,
    applied_at: `When the tag was attached to the ${record}, i.e. now.`,
    applied_by: 'The teammate the tagging is credited to, { type: "admin", id }: the admin_id given, else the teammate of the access token.',
    'applied_by.type': 'Kind of record credited with the tagging: admin (a teammate).',
    'applied_by.id': 'Intercom’s ID of the admin credited with the tagging: the admin_id given, else the teammate of the access token.',
  };
}

/** The answer of removing a tag from a piece of content: the tag, no longer applied. */
export function detachedTag(record: string): FieldTexts {
  const none = 'Always empty here: Intercom answers a detach with null, as the tag is no longer applied.';
  return {
    type: 'Always "tag": the answer is the tag that was removed.',
    id: `Intercom’s ID of the tag taken off the ${record}.`,
    name: `Name of the tag taken off the ${record}, e.g. VIP.`,
    applied_at: `${none} On an attach it is Unix time in seconds.`,
    applied_by: none,
    'applied_by.type': none,
    'applied_by.id': none,
  };
}

/** The tag inputs of an attach action (the tag itself; the teammate credited). */
export const ATTACH_TAG_INPUTS: FieldTexts = {
  id: 'Intercom’s ID of the tag to attach: the id field of a tag, as Tags: List gives it. The tag must exist already (Tags: Create, update or apply makes one).',
  admin_id: 'Intercom’s ID of the teammate (admin) to credit with the tagging, as Admins: List gives it; empty: the teammate of the access token. It does not change who may tag.',
};

/** The empty-answer confirmation the step builds for a delete Intercom answers with 204 and no body. */
export function deletedWithoutBody(record: string): FieldTexts {
  return {
    id: `Intercom’s ID of the deleted ${record}: the id the step was given.`,
    deleted: `True: Intercom deleted the ${record}. When it was not there and Treat not found as deleted is on, the message is an empty object instead.`,
    status: 'HTTP status of Intercom’s answer: 204 (deleted, no content).',
  };
}

/**
 * The paging information of a list paged by page number (all of these resources' lists): the step asks for the
 * next page number itself, so the answer's `next` is for reading only.
 */
export const PAGES_BY_NUMBER: FieldTexts = {
  pages: 'Paging information: this page’s number, the page size and the number of pages; not in the message when Pages to fetch is All pages.',
  'pages.next': 'Where the next page starts; empty on the last page. With Pages to fetch = All pages the step asks for the next page number by itself.',
};
