import { contactIdTo } from './contacts';
import type { ResourceHelp } from './types';

const company = {
  type: 'Always "company": names the kind of object.',
  id: 'Intercom’s ID of the company; Companies: Get, Update and Delete take it as company_id (not your own company_id).',
  name: 'Name of the company, e.g. Acme Ltd.',
  app_id: 'Code of the Intercom workspace the company belongs to, e.g. ecahpwf5.',
  plan: 'The plan the company is on in your product: type, ID and name.',
  'plan.type': 'Always "plan": names the kind of object.',
  'plan.id': 'Intercom’s ID of the plan the company is on.',
  'plan.name': 'Name of the company’s plan, e.g. Premium.',
  company_id: 'Your own ID of the company (from your system); Companies: Create or update matches on it.',
  remote_created_at: 'When the company was created in your own system (you set it).',
  created_at: 'When the company was added to Intercom.',
  updated_at: 'When the company last changed in Intercom.',
  last_request_at: 'When someone of the company was last seen using your product.',
  size: 'Number of employees of the company.',
  website: 'Web address of the company’s website.',
  industry: 'Industry the company works in, e.g. Software.',
  monthly_spend: 'Revenue the company brings you per month, in your currency (a whole number; Intercom drops decimals).',
  session_count: 'How many sessions the company’s people have had in your product.',
  user_count: 'How many contacts (users) belong to the company.',
  custom_attributes: 'The workspace’s own company attributes, as name → value pairs; the mapper lists them with their types when it can read them.',
  tags: 'Tags on the company: an object of type tag.list whose tags list holds each tag’s ID and name.',
  'tags.type': 'Always "tag.list": names the kind of object.',
  'tags.tags': 'The tags on the company, each with its ID and name.',
  segments: 'Segments the company is in: an object of type segment.list whose segments list holds each segment.',
  'segments.type': 'Always "segment.list": names the kind of object.',
  'segments.segments': 'The segments the company is in, each with its ID and name.',
  notes: 'Notes teammates wrote about the company: an object of type note.list whose notes list holds each note.',
  'notes.type': 'Always "note.list": names the kind of object.',
  'notes.notes': 'The notes on the company, each with its ID, author and body.',
};

const help: ResourceHelp = {
  records: {
    company,
    company_list: {
      type: 'Always "list": names the kind of object.',
      data: 'The companies found, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
      total_count: 'How many companies match in all.',
    },
    company_scroll: {
      type: 'Always "list": names the kind of object.',
      data: 'The companies of this scroll page, one object each, or of every scroll page when Pages to fetch is All pages.',
      total_count: 'How many companies the workspace has in all.',
      scroll_param: 'Where the scroll continues: give it as scroll_param to get the next page; the step does so with All pages.',
    },
    contact_attached_companies: {
      type: 'Always "list": names the kind of object.',
      companies: 'The companies the contact belongs to, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
      total_count: 'How many companies the contact belongs to.',
    },
    company_attached_contacts: {
      type: 'Always "list": names the kind of object.',
      data: 'The contacts attached to the company, one object each: one page of them, or those of every page when Pages to fetch is All pages.',
      total_count: 'How many contacts belong to the company.',
    },
    company_attached_segments: { type: 'Always "list": names the kind of object.', data: 'The segments the company is in, one object each.' },
    create_or_update_company_request: {
      name: 'Name of the company, e.g. Acme Ltd.',
      company_id: 'Your own ID of the company (from your system): the company with this company_id is updated, else a new one is created. Cannot be changed later.',
      plan: 'Name of the company’s plan in your product, e.g. Premium.',
      size: 'Number of employees of the company.',
      website: 'Web address of the company’s website, e.g. https://acme.example.',
      industry: 'Industry the company works in, e.g. Software.',
      custom_attributes: 'Values of the workspace’s own company attributes, as name → value pairs; the attributes must exist (Data attributes: Create). Each value is text: a number is turned into text, true/false, lists and objects are refused. The mapper lists the attributes when it can read them.',
      remote_created_at: 'When the company was created in your own system.',
      monthly_spend: 'Revenue the company brings you per month, a whole number in your currency (decimals are dropped).',
      update_last_request_at: 'True: Intercom sets the company’s last_request_at (last seen) to now.',
    },
    update_company_request: {
      name: 'New name of the company.',
      plan: 'New plan name of the company, e.g. Premium.',
      size: 'New number of employees.',
      website: 'New website address, e.g. https://acme.example.',
      industry: 'New industry, e.g. Software.',
      custom_attributes: 'Values of the workspace’s own company attributes to set, as name → value pairs; attributes left out keep their value. Each value is text: a number is turned into text, true/false, lists and objects are refused.',
      monthly_spend: 'New monthly revenue from the company, a whole number in your currency.',
    },
    deleted_company_object: {
      id: 'Intercom’s ID of the company that was deleted.',
      object: 'Always "company": names the kind of object.',
      deleted: 'True: Intercom deleted the company.',
    },
  },
  actions: {
    findCompanies: {
      in: {
        company_id: 'Your own ID of the company to find (its company_id); the answer lists that one company. When no company has it, Intercom answers 404 and the step fails.',
        name: 'Name of the company to find, exactly as stored; the answer lists the company of that name. When no company has it, Intercom answers 404 and the step fails.',
        tag_id: 'Only companies with this tag: Intercom’s ID of the tag (Tags: List).',
        segment_id: 'Only companies in this segment: Intercom’s ID of the segment (Segments: List).',
      },
    },
    listCompanies: { in: { order: 'Order by the time of the company’s last request (last_request_at): desc, most recently requested first (the default), or asc, the reverse.' } },
    attachContactToCompany: { in: { contact_id: contactIdTo('to attach to the company') } },
    detachContactFromCompany: { in: { contact_id: contactIdTo('to detach from the company') } },
    listCompanySegments: {
      out: { 'data.count': 'How many people are in the segment. Empty here: Intercom sends it only to Segments: List with include_count, and this action cannot ask for it.' },
    },
    listCompanyContacts: {
      out: { 'data.merge_history': 'Empty in this answer: this action does not ask for the merge history (Contacts: Get with include_merge_history, or Contacts: List merge history, gives it).' },
    },
  },
};

export default help;
