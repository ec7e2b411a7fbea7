import type { OperationDecl } from './types';
import admins from './admins';
import companies from './companies';
import contacts from './contacts';
import notes from './notes';
import tags from './tags';

/** Every resource file, in the order their actions appear in the manifest and README. */
export const resources: Readonly<Record<string, Readonly<Record<string, OperationDecl>>>> = {
  Admins: admins,
  Contacts: contacts,
  Companies: companies,
  Notes: notes,
  Tags: tags,
};

/** Flat view keyed by action key; a key declared twice is a build error caught by the generator. */
export function allOperations(): Array<[string, OperationDecl, string]> {
  const out: Array<[string, OperationDecl, string]> = [];
  for (const [group, entries] of Object.entries(resources)) {
    for (const [key, decl] of Object.entries(entries)) out.push([key, decl, group]);
  }
  return out;
}
