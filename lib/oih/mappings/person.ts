import { type Mapping, mapData } from '../envelope';
import { asFields, contactData, contactValue, defined, type Fields, textOf } from './shared';

/**
 * The default mapping between an Intercom contact and an OIH Person (Data-and-Domain-Models personV2). The
 * README's "OIH functions" section documents it field by field; a round-trip test keeps it lossless.
 *
 * | OIH Person                          | Intercom contact                                          |
 * | firstName, lastName                 | name: "firstName lastName"; read back split at the last space |
 * | contactData {type: email}.value     | email                                                     |
 * | contactData {type: phone}.value     | phone                                                     |
 * | photo                               | avatar (written as the URL; read from avatar.image_url)   |
 */

/** The default mappings as ferryman's `transform` calls them: on the envelope `{metadata, data}`, metadata kept. */
export const personFromContact: Mapping = mapData(contactToPerson);
export const contactFromPerson: Mapping = mapData(personToContact);

/** Intercom contact (as Intercom returns it) → OIH Person. */
export function contactToPerson(contact: unknown): Fields {
  const record = asFields(contact);
  const { firstName, lastName } = splitName(textOf(record['name']));
  const avatar = record['avatar'];
  const photo = typeof avatar === 'string' ? textOf(avatar) : textOf(asFields(avatar)['image_url']);
  const data = contactData([
    ['email', record['email']],
    ['phone', record['phone']],
  ]);
  return defined({ firstName, lastName, photo, ...(data.length > 0 ? { contactData: data } : {}) });
}

/** OIH Person → the inputs of Contacts: Create or update (upsertContact). */
export function personToContact(person: unknown): Fields {
  const record = asFields(person);
  const name = [textOf(record['firstName']), textOf(record['lastName'])].filter((part) => part !== undefined).join(' ');
  return defined({
    name: name === '' ? undefined : name,
    email: contactValue(record, 'email'),
    phone: contactValue(record, 'phone'),
    avatar: textOf(record['photo']),
  });
}

/** Intercom keeps one name: the last word is the last name, the rest the first name (a single word: first name). */
function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (name === undefined) return {};
  const trimmed = name.trim();
  const cut = trimmed.lastIndexOf(' ');
  if (cut < 0) return { firstName: trimmed };
  return { firstName: trimmed.slice(0, cut).trim(), lastName: trimmed.slice(cut + 1) };
}
