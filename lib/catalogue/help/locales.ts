/** The languages Intercom's Help Center translates into, by the locale code its translated content is keyed by. */
const LANGUAGES: Readonly<Record<string, string>> = {
  ar: 'Arabic', bg: 'Bulgarian', bs: 'Bosnian', ca: 'Catalan', cs: 'Czech', da: 'Danish', de: 'German', el: 'Greek',
  en: 'English', es: 'Spanish', et: 'Estonian', fi: 'Finnish', fr: 'French', he: 'Hebrew', hr: 'Croatian', hu: 'Hungarian',
  id: 'Indonesian', it: 'Italian', ja: 'Japanese', ko: 'Korean', lt: 'Lithuanian', lv: 'Latvian', mn: 'Mongolian',
  nb: 'Norwegian (Bokmål)', nl: 'Dutch', pl: 'Polish', pt: 'Portuguese', ro: 'Romanian', ru: 'Russian', sl: 'Slovenian',
  sr: 'Serbian', sv: 'Swedish', tr: 'Turkish', vi: 'Vietnamese', 'pt-BR': 'Brazilian Portuguese', 'zh-CN': 'Simplified Chinese',
  'zh-TW': 'Traditional Chinese',
};

export function localeName(code: string): string | undefined {
  return Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code] : undefined;
}
