/** Field titles made from names as a person writes them (mapper titles, dropdown labels, help sentences). */

/** Words written in a fixed way whatever the field name's case. */
const WORDS: Readonly<Record<string, string>> = {
  id: 'ID', ids: 'IDs', url: 'URL', urls: 'URLs', html: 'HTML', json: 'JSON', ios: 'iOS', os: 'OS', csv: 'CSV',
  api: 'API', utc: 'UTC', ip: 'IP', ips: 'IPs', sla: 'SLA', slas: 'SLAs', sms: 'SMS', sdk: 'SDK', uuid: 'UUID',
  ai: 'AI', http: 'HTTP', https: 'HTTPS', pdf: 'PDF', faq: 'FAQ', cc: 'CC', bcc: 'BCC', sso: 'SSO', saml: 'SAML',
  crm: 'CRM', utm: 'UTM', ui: 'UI', oauth: 'OAuth', android: 'Android', whatsapp: 'WhatsApp', intercom: 'Intercom',
  fin: 'Fin', facebook: 'Facebook', twitter: 'Twitter', instagram: 'Instagram', messenger: 'Messenger',
  markdown: 'Markdown', gdpr: 'GDPR', ttl: 'TTL', mfa: 'MFA', iso: 'ISO', cta: 'CTA', vat: 'VAT', sha: 'SHA',
};

/** "tag_ids" → "Tag IDs", "ios_app_name" → "iOS app name", "body_html" → "Body HTML". */
export function humanTitle(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[_\s.-]+/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? '';
  // A word with a fixed spelling (iOS) keeps it at the start; any other first word is capitalised.
  if (!WORDS[first.toLowerCase()]) words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

/** A word with a fixed spelling (iOS, UTM) keeps it inside a sentence too. */
export function hasFixedSpelling(word: string): boolean {
  return WORDS[word.toLowerCase()] !== undefined;
}
