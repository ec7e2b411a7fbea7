import { adminsHelp } from './admins';
import { articlesHelp } from './articles';
import { commonHelp } from './common';
import { companiesHelp } from './companies';
import { contactsHelp } from './contacts';
import { contentHelp } from './content';
import { conversationsHelp } from './conversations';
import { dataEventsHelp } from './dataEvents';
import { messagesHelp } from './messages';
import { notesHelp } from './notes';
import { tagsHelp } from './tags';
import { teamsHelp } from './teams';
import { ticketsHelp } from './tickets';
import type { HelpTexts } from './types';

/** Hand-written texts per resource group of lib/catalogue/index.ts; they win over the common ones. */
const byGroup: Readonly<Record<string, HelpTexts>> = {
  Admins: adminsHelp,
  Articles: articlesHelp,
  Companies: companiesHelp,
  Contacts: contactsHelp,
  Conversations: conversationsHelp,
  'Knowledge Hub': contentHelp,
  'Data events': dataEventsHelp,
  Messages: messagesHelp,
  Notes: notesHelp,
  Tags: tagsHelp,
  Teams: teamsHelp,
  Tickets: ticketsHelp,
};

/** The hand-written help of field `name` (inside `parent`, when nested) in an action of `group`, if any. */
export function writtenHelp(group: string, parent: string | undefined, name: string): string | undefined {
  const own = byGroup[group] ?? {};
  const keys = parent ? [`${parent}.${name}`, name] : [name];
  for (const texts of [own, commonHelp]) {
    for (const key of keys) {
      const text = texts[key];
      if (text) return text;
    }
    // `parent.*`: one text for every child of the parent (an article's translations, one per locale code).
    const any = parent ? texts[`${parent}.*`] : undefined;
    if (any) return any.replace('{name}', name);
  }
  return undefined;
}
