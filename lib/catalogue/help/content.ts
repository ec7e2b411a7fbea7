import type { HelpTexts } from './types';

/** Knowledge Hub content (articles, snippets, external pages) as one searchable collection. */
export const contentHelp: HelpTexts = {
  query: 'Words to look for in the knowledge content, as plain text, e.g. refund policy (not a JSON query).',
};
