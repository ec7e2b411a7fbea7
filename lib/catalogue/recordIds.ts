/**
 * Intercom ids whose form no other application's id takes by chance: contacts and companies are identified by 24
 * lowercase hexadecimal characters (object ids: a time, a machine and a counter, unique across systems). An id of
 * that form that Intercom knows is Intercom's; numbers and other ids (tags, conversations, articles …) can be any
 * application's too. Keyed by the first segment of the record's path.
 */
export const DISTINCTIVE_RECORD_IDS: Readonly<Record<string, { noun: string; pattern: RegExp; form: string }>> = {
  contacts: { noun: 'contact', pattern: /^[0-9a-f]{24}$/, form: '24 hexadecimal characters' },
  companies: { noun: 'company', pattern: /^[0-9a-f]{24}$/, form: '24 hexadecimal characters' },
};
