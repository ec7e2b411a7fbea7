import { resource } from './types';

export default resource({
  listAwayStatusReasons: {
    op: 'GET /away_status_reasons',
    title: 'Away status reasons: List',
    description: 'Lists the reasons teammates can give when they set themselves away.',
    paginate: 'whole',
    itemsPath: 'data',
  },
});
