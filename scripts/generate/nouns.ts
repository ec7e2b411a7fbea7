/**
 * Nouns the help texts use for records: from the name of the description's schema ("article_list_item" → article),
 * from a path segment ("/office_hours_schedules/{id}" → office hours schedule), and their plurals.
 */

/** Schema names whose record a person calls something else than the stripped name says. */
const SCHEMA_NOUNS: Readonly<Record<string, string>> = {
  admin_with_app: 'admin',
  ai_call_response: 'Fin Voice call',
  app: 'workspace',
  collection: 'Help Center collection',
  company_scroll: 'scroll page of companies',
  contact_reply_base_request: 'reply',
  conversation_source: "conversation's first message",
  cursor_pages: 'paging information',
  data_event_summary_item: 'event summary',
  group_content: 'collection text in one language',
  group_translated_content: "collection's texts per language",
  article_content: 'article text in one language',
  article_translated_content: "article's texts per language",
  help_center: 'Help Center',
  jobs: 'job',
  news_item: 'news item',
  pages_link: 'paging information',
  phone_switch: 'phone call redirect',
  starting_after_paging: 'paging information',
  ticket_state_detailed: 'ticket state',
  visitor: 'visitor',
  whatsapp_message_status: 'WhatsApp message status',
  fin_agent_user: 'person talking to Fin',
  fin_agent_message: 'message to Fin',
  fin_agent_attachment: 'attachment',
  reference: 'reference',
};

const FIXED_WORDS: Readonly<Record<string, string>> = { ai: 'AI', ip: 'IP', sla: 'SLA', fin: 'Fin', whatsapp: 'WhatsApp', csat: 'CSAT', url: 'URL', id: 'ID' };

function words(name: string): string {
  return name
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => FIXED_WORDS[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}

/** "article_list_item" → "article", "create_ticket_request" → "ticket", "conversation_attribute_base" → "conversation attribute". */
export function schemaNoun(schema: string): string {
  const known = SCHEMA_NOUNS[schema];
  if (known) return known;
  const stripped = schema
    .replace(/^(create_or_update|create|update|retrieve|list|search)_/, '')
    .replace(/_(list_item|detail|detailed|base|object|basic|response|request|with_app|item|paginated_list|deleted|archived|unarchived|blocked)$/, '')
    .replace(/_(list_item|detail|base|object|response|request)$/, '');
  return words(stripped);
}

/** "/office_hours_schedules/{id}" and param id → "office hours schedule". */
export function segmentNoun(path: string, param: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf(`{${param}}`);
  for (let i = at - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (segment.startsWith('{')) continue;
    return singular(words(segment));
  }
  return undefined;
}

export function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y');
  if (/(ss|status)$/.test(noun)) return noun;
  if (/(ch|sh|x)es$/.test(noun)) return noun.replace(/es$/, '');
  return noun.replace(/s$/, '');
}

export function plural(noun: string): string {
  if (/(ss|ch|sh|x|status)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return noun.replace(/y$/, 'ies');
  if (/s$/.test(noun)) return noun;
  return `${noun}s`;
}

/** "a" or "an" before a noun. */
export function article(noun: string): string {
  return /^[aeiou]/i.test(noun) && !/^(user|url|uuid|one)/i.test(noun) ? 'an' : 'a';
}

/** A field name as words inside a sentence: "body_markdown" → "body markdown", "ios_app_name" → "iOS app name". */
export function fieldWords(name: string): string {
  const fixed: Readonly<Record<string, string>> = { ...FIXED_WORDS, ios: 'iOS', os: 'OS', html: 'HTML', markdown: 'Markdown', utm: 'UTM', android: 'Android', gdpr: 'GDPR', sdk: 'SDK', api: 'API', ids: 'IDs', urls: 'URLs' };
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[_\s.-]+/)
    .filter(Boolean)
    .map((w) => fixed[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}
