import { OBJECT_FIELDS } from '../catalogue/fields';
import { OBJECT_TYPES, objectType, type ObjectTypeDecl, type ObjectVerb } from '../catalogue/objectTypes';
import type { SearchFieldType } from '../catalogue/searchFields';
import { text } from '../curated/common';
import { ID_INPUT } from './common';
import { readTermNumber, termModel, termRules } from './termModel';
import { deletedIdHelp, deleteResponse, idHelp, RESULTS_HELP, scopeHelp, uniqueHelp, withHelp } from './help';
import { readCredentials } from '../runtime/credentials';
import { type Logger, safeLogger } from '../runtime/logger';
import { clientFor } from '../runtime/region';
import { type JsonSchema, readSchema } from '../runtime/schemas';
import { searchTermProperties } from '../search/schema';
import { listAttributeDefinitions, searchableAttributeTypes } from '../metadata/attributeDefinitions';
import { customAttributeProperties, type MetaModel, withTypedAttributes } from '../metadata/customAttributes';

/**
 * getMetaModel of the standard object actions: inputs and outputs of the object type chosen in the step (and, for
 * Lookup Objects, its number of terms), with the workspace's custom attributes where the type has them. When the
 * attributes cannot be listed, the metadata without them is returned and the reason logged.
 */

const EMPTY: MetaModel = { in: { type: 'object', properties: {} }, out: { type: 'object', properties: {} } };

interface Workspace {
  /** Typed `custom_attributes` properties of a record. */
  attributes: Record<string, JsonSchema>;
  /** Custom attributes a search term can name, with their types. */
  searchTypes: Record<string, SearchFieldType>;
}

async function workspace(type: ObjectTypeDecl, cfg: unknown, logger: Logger, key: string): Promise<Workspace> {
  const model = type.customAttributes;
  if (!model) return { attributes: {}, searchTypes: {} };
  try {
    const client = await clientFor(readCredentials(cfg), logger);
    const items = await listAttributeDefinitions(client, model, `${key}.getMetaModel`);
    return { attributes: customAttributeProperties(model, items), searchTypes: searchableAttributeTypes(model, items) };
  } catch (error) {
    logger.warn(`${key}: custom ${model} attributes could not be listed (${error instanceof Error ? error.message : String(error)}); metadata without them`);
    return { attributes: {}, searchTypes: {} };
  }
}

/** One record of the type as Intercom returns it (the record operation's out-schema, or one item of it). */
export function recordSchema(type: ObjectTypeDecl, attributes: Record<string, JsonSchema> = {}): JsonSchema {
  let schema = readSchema(type.record, 'out');
  if (type.recordItems) {
    const list = (schema['properties'] as Record<string, JsonSchema> | undefined)?.[type.recordItems];
    schema = (list?.['items'] as JsonSchema | undefined) ?? { type: 'object' };
  }
  return type.customAttributes ? withTypedAttributes(schema, type.customAttributes, attributes) : schema;
}

function scopeProperties(type: ObjectTypeDecl): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(type.scope ?? {}).map(([name, title]) => [name, withHelp({ type: 'string', title, required: true }, scopeHelp(name))]));
}

const inputs = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties });

/** Properties without the platform's `required: true` (fields that are required on one path but not the other). */
function optional(properties: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).map(([name, { required: _r, ...rest }]) => [name, rest]));
}

function propertiesOf(key: string): Record<string, JsonSchema> {
  return (readSchema(key, 'in')['properties'] ?? {}) as Record<string, JsonSchema>;
}

/** The generated actions' sentences about their own dropdown step fields, which the object actions do not have. */
const DROPDOWN_SENTENCES = / ?(?:The step field of the same name [^.]*\.|Required: map it here or pick it in the step field of the same name\.)/g;

/**
 * A field taken over from a generated action's input: without that action's dropdown sentences, and, for a field
 * only the update takes, saying so (without the Intercom ID the create operation runs, which refuses it).
 */
function reused(properties: Record<string, JsonSchema>, updateOnly: boolean): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, prop]) => {
      const help = typeof prop['description'] === 'string' ? prop['description'].replace(DROPDOWN_SENTENCES, '').trim() : undefined;
      const text = help !== undefined && updateOnly ? `${help} Only when the Intercom ID is given (an update): a new record is created without it, and that refuses this field.` : help;
      return [name, text === undefined ? prop : { ...prop, description: text }];
    }),
  );
}

type Builder = (type: ObjectTypeDecl, cfg: Record<string, unknown>, ws: Workspace) => MetaModel;

const builders: Record<ObjectVerb, Builder> = {
  lookup: (type, _cfg, ws) => {
    const properties: Record<string, JsonSchema> = { ...scopeProperties(type), [ID_INPUT]: withHelp({ type: 'string', title: 'Intercom ID' }, idHelp(type, 'lookup')) };
    for (const [name, lookup] of Object.entries(type.lookup?.unique ?? {})) properties[name] = withHelp({ type: 'string', title: `or ${name.replace(/_/g, ' ')}` }, uniqueHelp(type, name, lookup));
    return { in: inputs(properties), out: recordSchema(type, ws.attributes) };
  },
  lookupMany: (type, cfg, ws) => {
    const count = readTermNumber(cfg[OBJECT_FIELDS.termNumber]);
    const model = termModel(type);
    const terms = model && count > 0 ? searchTermProperties(model, count, termRules(type), ws.searchTypes) : {};
    const record = recordSchema(type, ws.attributes);
    const out =
      text(cfg[OBJECT_FIELDS.outputMethod]) === 'emitAll' || text(cfg[OBJECT_FIELDS.outputMethod]) === 'emitPage'
        ? { type: 'object', properties: { results: withHelp({ type: 'array', title: 'Results', items: record }, RESULTS_HELP) } }
        : record;
    return { in: inputs({ ...scopeProperties(type), ...terms }), out };
  },
  upsert: (type, _cfg, ws) => {
    const upsert = type.upsert;
    // Contacts are matched as upsertContact matches them, so they take its fields.
    const create = optional(propertiesOf(type === OBJECT_TYPES.contacts ? 'upsertContact' : (upsert?.create.op ?? type.record)));
    const update = upsert?.update ? optional(propertiesOf(upsert.update.op)) : {};
    if (upsert?.update) Reflect.deleteProperty(update, upsert.update.input);
    const id: Record<string, JsonSchema> = upsert?.update ? { [ID_INPUT]: withHelp({ type: 'string', title: 'Intercom ID (updates this record)' }, idHelp(type, 'upsert')) } : {};
    // The scope inputs come first and stay required as the run time reads them (common.ts): the create operation's
    // own (made optional above) must not take their place.
    const scope = scopeProperties(type);
    const updateOnly = Object.fromEntries(Object.entries(update).filter(([name]) => !(name in create)));
    const fields = inputs({ ...scope, ...id, ...reused(update, false), ...reused(updateOnly, true), ...reused(create, false), ...scope });
    const schema = type.customAttributes ? withTypedAttributes(fields, type.customAttributes, ws.attributes) : fields;
    return { in: schema, out: recordSchema(type, ws.attributes) };
  },
  delete: (type) => ({
    in: inputs({ ...scopeProperties(type), [ID_INPUT]: withHelp({ type: 'string', title: 'Intercom ID', required: true }, idHelp(type, 'delete')) }),
    out: {
      type: 'object',
      properties: {
        [ID_INPUT]: withHelp({ type: 'string', title: 'Intercom ID of the deleted record' }, deletedIdHelp(type)),
        response: deleteResponse(type, { ...readSchema(type.delete?.op ?? type.record, 'out'), title: 'Intercom’s answer' }),
      },
    },
  }),
};

/** The getMetaModel an action module exports. */
export function objectMetaModel(key: string, verb: ObjectVerb): (this: unknown, cfg: unknown) => Promise<MetaModel> {
  return async function getMetaModel(this: unknown, cfg: unknown): Promise<MetaModel> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Record<string, unknown>;
    const type = objectType(text(config[OBJECT_FIELDS.objectType]) ?? '');
    if (!type?.[verb]) return EMPTY;
    // Delete needs no record fields; the others show the workspace's custom attributes.
    const ws = verb === 'delete' ? { attributes: {}, searchTypes: {} } : await workspace(type, cfg, logger, key);
    return builders[verb](type, config, ws);
  };
}
