import { CONDITION_ALIASES, SEARCH_OPERATORS, type SearchFieldType, type SearchModel } from '../catalogue/searchFields';
import type { JsonSchema } from '../catalogue/types';
import { TERM_HELP } from '../catalogue/help/terms';
import { conditionChoices, linkInput, operatorsFor, termInput } from './terms';

function described(title: string, description: string, extra: JsonSchema = {}): JsonSchema {
  return { title, ...extra, description };
}

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
  const conditionWords = conditionList.map(conditionLabel).join(', ');
  for (let n = 1; n <= count; n++) {
    properties[termInput(n)] = described(`Search term ${n}`, TERM_HELP.term(n), {
      type: 'object',
      properties: {
        fieldName: described('Field', TERM_HELP.field(n, model.customAttributePrefix), { type: 'string', enum: Object.keys(fields) }),
        condition: described('Condition', TERM_HELP.condition(n, conditionWords), { type: 'string', enum: conditionList }),
        fieldValue: described('Value', TERM_HELP.value(n)),
      },
    });
    if (n < count) properties[linkInput(n)] = described(`Join terms ${n} and ${n + 1}`, TERM_HELP.link(n), { type: 'string', enum: ['and', 'or'] });
  }
  return properties;
}

/** `= (equals)`, or for a lookup name `eq (the same as =)`. */
function conditionLabel(condition: string): string {
  const alias = Object.hasOwn(CONDITION_ALIASES, condition) ? CONDITION_ALIASES[condition] : undefined;
  return alias ? `${condition} (the same as ${alias})` : `${condition} (${SEARCH_OPERATORS[condition] ?? condition})`;
}
