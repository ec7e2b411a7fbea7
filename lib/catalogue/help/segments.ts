import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    segment: {
      type: 'Always "segment": names the kind of object.',
      id: 'Intercom’s ID of the segment; Segments: Get takes it as segment_id.',
      name: 'Name of the segment, e.g. Active trial users.',
      created_at: 'When the segment was created.',
      updated_at: 'When the segment last changed.',
      person_type: 'Who the segment holds: user (users) or contact (leads).',
      count: 'How many people are in the segment; Intercom sends it only when Segments: List is asked with include_count = true.',
    },
    segment_list: {
      type: 'Always "segment.list": names the kind of object.',
      segments: 'The segments of the workspace, each with ID, name and who it holds.',
      pages: 'Paging information; empty when every segment is in this answer.',
    },
  },
  actions: {
    listSegments: {
      in: { include_count: 'True: each segment also says how many people are in it (count).' },
      out: { 'segments.count': 'How many people are in the segment; filled only when include_count is true.' },
    },
    getSegment: { out: { count: 'How many people are in the segment. Empty here: Intercom sends it only to Segments: List with include_count, and this action cannot ask for it.' } },
  },
};

export default help;
