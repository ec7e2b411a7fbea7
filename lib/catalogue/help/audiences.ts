import { deletedWithoutBody, listedItems } from './contentTexts';
import type { FieldTexts, ResourceHelp } from './types';

/**
 * The Audiences actions: the rules of an audience, per action. The audience schemas' own texts live with the
 * attributes (attributes.ts); these say what each field is in these actions' inputs and answers.
 */

const rule = (prefix: string, examples: { attribute: string; type: string; comparison: string; value: string }): FieldTexts => ({
  [`${prefix}.attribute`]: `Contact attribute the rule tests, e.g. ${examples.attribute}.`,
  [`${prefix}.type`]: `Kind of value the attribute holds, e.g. ${examples.type}.`,
  [`${prefix}.comparison`]: `How the attribute is compared with value, e.g. ${examples.comparison}.`,
  [`${prefix}.value`]: `Value the attribute is compared with, as text, e.g. ${examples.value}.`,
});

const RULES = { attribute: 'company.name or custom_attributes.plan', type: 'string', comparison: 'contains or eq (equals)', value: 'Acme' };
const ROLE_RULES = { attribute: 'role (a role rule always tests the contact’s role)', type: 'role', comparison: 'eq (equals)', value: 'user or lead (the contact role to match)' };

const audienceAnswer: FieldTexts = {
  id: 'Intercom’s ID of the audience; Audiences: Get, Update and Delete take it as id, and content takes it in audience_ids.',
  name: 'Name of the audience, e.g. VIP Customers.',
  predicates: 'Rules a contact must meet to be in the audience, each with attribute, type, comparison and value, e.g. company.name contains Acme.',
  ...rule('predicates', RULES),
  role_predicates: 'Rules on the contact’s role that narrow the audience further, e.g. role eq user.',
  ...rule('role_predicates', ROLE_RULES),
};

const createInput: FieldTexts = {
  name: 'Name of the audience, e.g. VIP Customers.',
  predicates:
    'Rules a contact must meet to be in the audience, each { "attribute", "type", "comparison", "value" }, e.g. [{ "attribute": "company.name", "type": "string", "comparison": "contains", "value": "Acme" }].',
  ...rule('predicates', RULES),
  role_predicates: 'Rules on the contact’s role that narrow the audience further, e.g. [{ "attribute": "role", "type": "role", "comparison": "eq", "value": "user" }].',
  ...rule('role_predicates', ROLE_RULES),
};

const updateInput: FieldTexts = {
  ...createInput,
  name: 'New name of the audience, e.g. VIP Customers; left empty, it stays.',
  predicates:
    'New rules a contact must meet, each { "attribute", "type", "comparison", "value" }, e.g. [{ "attribute": "custom_attributes.plan", "type": "string", "comparison": "eq", "value": "enterprise" }]; given, they take the place of the current rules; left empty, those stay.',
  role_predicates: 'New rules on the contact’s role, e.g. [{ "attribute": "role", "type": "role", "comparison": "eq", "value": "user" }]; given, they take the place of the current ones; left empty, those stay.',
};

const help: ResourceHelp = {
  actions: {
    listAudiences: {
      out: {
        data: `${listedItems('audiences of the workspace')}.`,
        'data.id': audienceAnswer['id'] ?? '',
        'data.predicates': audienceAnswer['predicates'] ?? '',
        'data.role_predicates': audienceAnswer['role_predicates'] ?? '',
        total_count: 'How many audiences the workspace has, over every page.',
        page: 'Number of the page this answer holds, counted from 1 (with Pages to fetch = All pages, the first page read).',
        per_page: 'How many audiences one page holds, at most 50.',
        total_pages: 'How many pages the whole list has at this page size.',
      },
    },
    createAudience: { in: createInput, out: audienceAnswer },
    getAudience: { out: audienceAnswer },
    updateAudience: { in: updateInput, out: audienceAnswer },
    deleteAudience: {
      in: { id: 'Intercom’s ID of the audience to delete: the id field of an audience, as Audiences: List gives it.' },
      out: deletedWithoutBody('audience'),
    },
  },
};

export default help;
