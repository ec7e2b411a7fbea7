import type { HelpTexts } from './types';

export const companiesHelp: HelpTexts = {
  id: "Intercom's ID of the company; other company actions take it as company id.",
  company_id: 'Your own ID of the company (from your database or CRM); Intercom uses it to find and update the company.',
  name: 'Name of the company, e.g. Acme Ltd.',
  update_last_request_at: 'True: Intercom sets last_request_at to now.',
  tag_id: 'Only companies with this tag (a tag ID).',
  segment_id: 'Only companies in this segment (a segment ID).',
  contact_id: "Intercom's ID of the contact to attach to or detach from the company.",
  custom_attributes:
    "The company's own attributes as name → value pairs (create them first under Settings → Data). Dates are Unix time in seconds.",
};
