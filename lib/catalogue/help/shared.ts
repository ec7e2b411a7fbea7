import type { PaginationStyle } from '../types';
import type { FieldTexts } from './types';

/**
 * Texts shared by many actions, each only where it means the same thing everywhere: the paging inputs of a list,
 * by its paging style (lib/runtime/paging.ts reads each style's inputs the same way in every list of that style).
 * spec/contract/help.spec.ts checks every place a shared text shows up is an input of that role.
 */
export const pagingInputHelp: Readonly<Record<PaginationStyle, FieldTexts>> = {
  cursor: {
    starting_after:
      'Where to start: the cursor from pages.next.starting_after of an earlier page of this list; empty starts at the first page. With Pages to fetch = All pages the step follows the cursors from there on.',
  },
  page: {
    page: 'Which page to start at, a whole number counted from 1; empty: the first page. With Pages to fetch = All pages the step reads on from there to the last page.',
  },
  searchBody: {
    pagination:
      'Where the search starts: { starting_after } with the cursor from pages.next.starting_after of an earlier page; empty starts at the first result. The page size is the step field Page size.',
    'pagination.starting_after':
      'The cursor from pages.next.starting_after of an earlier page of this search; empty starts at the first result. With Pages to fetch = All pages the step follows the cursors from there on.',
    'pagination.per_page': 'How many results one page holds; the step field Page size, when set, takes its place.',
  },
  pageBody: {
    page: 'Which page to start at, a whole number counted from 1; empty: the first page. With Pages to fetch = All pages the step reads on from there to the last page.',
  },
  scroll: {
    scroll_param:
      'Where an earlier scroll stopped: the scroll_param of its last answer; empty starts a new scroll at the first company. With Pages to fetch = All pages the step scrolls to the end by itself.',
  },
  whole: {},
  nextCursor: {
    cursor: 'Where to start: next_cursor of an earlier page of this list; empty starts at the first page. With Pages to fetch = All pages the step follows the cursors from there on.',
  },
};
