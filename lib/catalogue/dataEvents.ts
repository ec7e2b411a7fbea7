import { resource } from './types';

export default resource({
  submitDataEvent: {
    op: 'POST /events',
    title: 'Data events: Submit',
    description: 'Records that a contact did something (an event with a name, time and metadata).',
  },
  listDataEvents: {
    op: 'GET /events',
    title: 'Data events: List for contact',
    description: 'Lists the events recorded for one contact, or their per-event summaries.',
    notPaged: 'Intercom pages it through an opaque next URL the runtime does not follow; one request returns the events',
  },
  createDataEventSummaries: {
    op: 'POST /events/summaries',
    title: 'Data events: Submit summaries',
    description: 'Records event counts and first/last occurrence for a contact in one request.',
  },
});
