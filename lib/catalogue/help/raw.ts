import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  actions: {
    rawRequest: {
      in: {
        method: 'HTTP method of the request; empty: GET. POST, PUT, PATCH and DELETE may change or delete data.',
        path: 'Path of the Intercom API to call, starting with /, e.g. /contacts/123; no host, no query (use query) and no . or .. segments.',
        query: 'Query parameters as name → value pairs, e.g. { "per_page": 50 }; values are text, numbers, true/false or lists (sent comma-separated).',
        body: 'JSON body of the request, as an object; none for GET.',
        paginate: 'Paging style of the list the path returns; empty: recognised by method and path for Intercom’s own lists, else none. Used with Pages to fetch = All pages.',
        items_path: 'Where the items of a page are in the answer, e.g. data or conversations; empty: the known list’s, else data.',
      },
    },
  },
};

export default help;
