import { type Mapping, mapData } from '../envelope';
import { asFields, contactData, contactValue, defined, type Fields, textOf } from './shared';

/**
 * The default mapping between an Intercom company and an OIH Organization (Data-and-Domain-Models
 * organizationV2). The README's "OIH functions" section documents it field by field; a round-trip test keeps it
 * lossless.
 *
 * | OIH Organization                           | Intercom company |
 * | organizationName                           | name             |
 * | contactData {type: url}.value              | website          |
 * | categories {label: industry}.name          | industry         |
 * | categories {label: plan}.name              | plan (read: plan.name; written as the plan's name) |
 */

const INDUSTRY = 'industry';
const PLAN = 'plan';

/** The default mappings as ferryman's `transform` calls them: on the envelope `{metadata, data}`, metadata kept. */
export const organizationFromCompany: Mapping = mapData(companyToOrganization);
export const companyFromOrganization: Mapping = mapData(organizationToCompany);

/** Intercom company (as Intercom returns it) → OIH Organization. */
export function companyToOrganization(company: unknown): Fields {
  const record = asFields(company);
  const plan = record['plan'];
  const categories = [
    category(textOf(record['industry']), INDUSTRY),
    category(typeof plan === 'string' ? textOf(plan) : textOf(asFields(plan)['name']), PLAN),
  ].filter((entry) => entry !== undefined);
  const data = contactData([['url', record['website']]]);
  return defined({
    organizationName: textOf(record['name']),
    ...(data.length > 0 ? { contactData: data } : {}),
    ...(categories.length > 0 ? { categories } : {}),
  });
}

/** OIH Organization → the inputs of Companies: Update (and of Create or update, with a company_id). */
export function organizationToCompany(organization: unknown): Fields {
  const record = asFields(organization);
  return defined({
    name: textOf(record['organizationName']),
    website: contactValue(record, 'url'),
    industry: categoryName(record, INDUSTRY),
    plan: categoryName(record, PLAN),
  });
}

function category(name: string | undefined, label: string): { name: string; label: string } | undefined {
  return name === undefined ? undefined : { name, label };
}

function categoryName(record: Fields, label: string): string | undefined {
  const list = Array.isArray(record['categories']) ? (record['categories'] as unknown[]) : [];
  for (const entry of list) {
    const fields = asFields(entry);
    if (fields['label'] === label) return textOf(fields['name']);
  }
  return undefined;
}
