import { resource } from './types';

export default resource({
  listSegments: {
    op: 'GET /segments',
    title: 'Segments: List',
    description: 'Lists the segments of the workspace, optionally with how many contacts each holds.',
    paginate: 'page',
    itemsPath: 'segments',
  },
  getSegment: {
    op: 'GET /segments/{segment_id}',
    title: 'Segments: Get',
    description: 'Fetches one segment by id.',
  },
});
