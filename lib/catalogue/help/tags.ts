import type { HelpTexts } from './types';

export const tagsHelp: HelpTexts = {
  id: "ID of the tag (for the tag's own actions) or of the record being tagged, as the action says.",
  name: 'Name of the tag, e.g. VIP; creating a tag with an existing name returns that tag.',
  companies: 'Companies to tag or untag, each { id, untag }.',
  'companies.id': "Intercom's ID of the company (or your company_id).",
  'companies.untag': 'True: remove the tag from this company instead of adding it.',
  'companies.tagged': 'True when the company now carries the tag.',
  users: 'Contacts to tag, each { id } with Intercom’s contact ID.',
  'users.id': "Intercom's ID of the contact.",
  'users.tagged': 'True when the contact now carries the tag.',
  applied_at: 'When the tag was applied.',
  applied_by: 'The admin who applied the tag: type and ID.',
  'applied_by.id': 'The tagging admin’s ID (see Admins: List).',
  'applied_by.type': 'Always admin: tags are applied by admins.',
};
