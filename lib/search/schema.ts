import { CONDITION_ALIASES, SEARCH_OPERATORS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import type { JsonSchema } from '../catalogue/types';
import { conditionChoices, linkInput, operatorsFor, termInput } from './terms';

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
  const conditionList = conditionChoices(conditions);
  const properties: Record<string, JsonSchema> = {};
  for (let n = 1; n <= count; n++) {
    properties[termInput(n)] = {
      type: 'object',
      title: `Search term ${n} (field, condition valid for its type, value)`,
      properties: {
        fieldName: { type: 'string', title: 'Field', enum: Object.keys(fields) },
        condition: {
          type: 'string',
          title: `Condition (${conditionList.map((op) => conditionLabel(op)).join(', ')})`,
          enum: conditionList,
        },
        fieldValue: { title: 'Value (dates: Unix seconds or ISO 8601; IN / NIN: a list or comma-separated values)' },
      },
    };
    if (n < count) {
      properties[linkInput(n)] = {
        type: 'string',
        title: `Join term ${n} and term ${n + 1} with (and binds tighter: a and b or c = (a and b) or c)`,
        enum: ['and', 'or'],
      };
    }
  }
  return properties;
}

/** `= equals`, or for a lookup name `eq (=)`. */
function conditionLabel(condition: string): string {
  const alias = CONDITION_ALIASES[condition];
  return alias ? `${condition} (${alias})` : `${condition} ${SEARCH_OPERATORS[condition] ?? ''}`;
}
