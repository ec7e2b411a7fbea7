import type { ResourceHelp } from './types';

/** rawRequest (lib/curated/rawRequest.ts, lib/curated/rawPaging.ts): what its checks refuse and how it pages. */
const help: ResourceHelp = {
  actions: {
    rawRequest: {
      in: {
        method:
          'HTTP method of the request (lower case is taken too); empty: GET. POST, PUT, PATCH and DELETE may change or delete data. After a timeout or server error GET, PUT and DELETE are sent again, a POST only when This POST only reads is ticked, a PATCH never.',
        path: 'Path of the Intercom API to call, starting with one /, e.g. /contacts/123 or /conversations/search; sent to the credentials’ region. No host, no ? or # (parameters go in query), no . or .. segments and no encoded slash (%2F): such a path is refused before any request.',
        query:
          'Query parameters as name → value pairs, e.g. { "per_page": 50, "order": "desc" }; each value text, a number, true/false or a list of those (sent comma-separated); an object as a value is refused, an empty (null) one left out.',
        body: 'JSON body of the request, as an object, e.g. { "query": { "field": "email", "operator": "=", "value": "ada@example.com" } }; a GET with a body is refused.',
        paginate:
          'How the answer pages, used when Pages to fetch is All pages, Emit is One per item or Maximum number of items is set: cursor (the cursor under pages.next goes back in the query), searchBody (the same cursor in a POST body’s pagination), page (page number in the query), pageBody (page number in a POST body), scroll (the companies scroll), nextCursor (the answer’s next cursor in the query), none (one request; those step fields are then refused). searchBody and pageBody need POST. Empty: recognised by method and path for the lists this component knows; any other path with those step fields fails the step.',
        items_path:
          'Name of the list in each page that holds the items, e.g. data or conversations; a dotted path such as data.items reaches a nested list. Used only when paging. Empty: the list of the known operation at this method and path, else data (a bare list answer is put under data).',
      },
    },
  },
};

export default help;
