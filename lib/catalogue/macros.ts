import { resource } from './types';

export default resource({
  listMacros: {
    op: 'GET /macros',
    title: 'Macros: List',
    description: 'Lists the saved replies (macros) of the workspace, optionally only those changed since a time.',
    paginate: 'cursor',
    itemsPath: 'data',
  },
  getMacro: {
    op: 'GET /macros/{id}',
    title: 'Macros: Get',
    description: 'Fetches one macro with its placeholders by id.',
  },
});
