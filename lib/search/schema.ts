import { SEARCH_OPERATORS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import type { JsonSchema } from '../catalogue/types';
import { linkInput, operatorsFor, termInput } from './terms';

/**
 * Mapper fields of simple search terms: `searchTerm1..N` (field from a dropdown, condition, value) and
 * `criteriaLink1..N-1`. The same fields serve the search actions (generated, static) and Lookup Objects (dynamic,
 * with the workspace's custom attributes among the fields).
 */
export function searchTermProperties(
  model: SearchModel,
  count: number,
  customTypes: Readonly<Record<string, SearchFieldType>> = {},
): Record<string, JsonSchema> {
  const fields: Record<string, SearchFieldType> = { ...model.fields };
  if (model.customAttributePrefix) {
    for (const [name, type] of Object.entries(customTypes)) fields[`${model.customAttributePrefix}${name}`] = type;
  }
  const conditions = new Set<string>();
  for (const [field, type] of Object.entries(fields)) for (const op of operatorsFor(model, field, type)) conditions.add(op);
  const conditionList = Object.keys(SEARCH_OPERATORS).filter((op) => conditions.has(op));
  const properties: Record<string, JsonSchema> = {};
  const conditionWords = conditionList.map((op) => `${op} (${SEARCH_OPERATORS[op] ?? op})`).join(', ');
  const described = (title: string, description: string, extra: JsonSchema = {}): JsonSchema => ({ title, ...extra, description, help: { description } });
  for (let n = 1; n <= count; n++) {
    properties[termInput(n)] = described(
      `Search term ${n}`,
      `Search term ${n}: a field, a condition and a value, e.g. { "fieldName": "email", "condition": "=", "fieldValue": "ada@example.com" }. Fill the terms from 1 up without gaps; the step turns them into Intercom's search query.`,
      {
        type: 'object',
        properties: {
          fieldName: described('Field', `The field term ${n} compares: one of the listed fields${model.customAttributePrefix ? ` (custom attributes as ${model.customAttributePrefix}<name>)` : ''}.`, { type: 'string', enum: Object.keys(fields) }),
          condition: described('Condition', `How term ${n} compares: ${conditionWords}. A field's type limits which conditions Intercom takes.`, { type: 'string', enum: conditionList }),
          fieldValue: described(
            'Value',
            `The value term ${n} compares with. Dates: Unix time in seconds or an ISO 8601 date and time (e.g. 2024-05-31T14:30:00Z); IN and NIN: a list or comma-separated values.`,
          ),
        },
      },
    );
    if (n < count) {
      properties[linkInput(n)] = described(
        `Join terms ${n} and ${n + 1}`,
        `How term ${n} and term ${n + 1} combine: and (both must match) or or (either). and binds tighter: a and b or c means (a and b) or c. Needed only when term ${n + 1} is given.`,
        { type: 'string', enum: ['and', 'or'] },
      );
    }
  }
  return properties;
}
