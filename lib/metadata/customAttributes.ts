import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomAttributeModel } from '../catalogue/types';
import { readCredentials } from '../runtime/credentials';
import { safeLogger } from '../runtime/logger';
import { PACKAGE_ROOT } from '../runtime/constants';
import { clientFor } from '../runtime/region';
import { type JsonSchema, readSchema } from '../runtime/schemas';
import { listAttributeDefinitions } from './attributeDefinitions';

export interface MetaModel {
  /** Absent for triggers, which take no input. */
  in?: JsonSchema;
  out: JsonSchema;
}

/** The property of a record that holds its attributes. */
const ATTRIBUTE_PROPERTY: Record<CustomAttributeModel, string> = {
  contact: 'custom_attributes',
  company: 'custom_attributes',
  conversation: 'custom_attributes',
  ticket: 'ticket_attributes',
};

/**
 * Top-level fields that hold the records themselves (a page's `data`, a search's `conversations`, a find
 * action's `contact`): their attributes are this model's. Other nested records (a conversation's `company`) are not.
 */
const RECORD_CONTAINERS: Record<CustomAttributeModel, string[]> = {
  contact: ['data', 'contact', 'contacts'],
  company: ['data', 'company', 'companies'],
  conversation: ['data', 'conversation', 'conversations'],
  ticket: ['data', 'ticket', 'tickets'],
};

interface AttributeDefinition {
  name?: unknown;
  label?: unknown;
  description?: unknown;
  data_type?: unknown;
  custom?: unknown;
  archived?: unknown;
  api_writable?: unknown;
  options?: unknown;
  input_options?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A list attribute's options that are not archived: conversation attributes hold them in `options`, ticket type
 * attributes in `input_options.list_options`. */
function listOptions(definition: AttributeDefinition): Array<{ id?: string; label?: string }> {
  const raw = Array.isArray(definition.options) ? definition.options : (definition.input_options as { list_options?: unknown } | undefined)?.list_options;
  if (!Array.isArray(raw)) return [];
  return (raw as Array<{ id?: unknown; label?: unknown; archived?: unknown }>)
    .filter((o) => typeof o === 'object' && o !== null && o.archived !== true)
    .map((o) => {
      const id = typeof o.id === 'number' ? String(o.id) : text(o.id);
      const label = text(o.label);
      return { ...(id ? { id } : {}), ...(label ? { label } : {}) };
    });
}

/**
 * The mapper field for one attribute, or undefined for types a flat field cannot carry (conversation
 * relationships and files). Dates are Unix timestamps in seconds, as Intercom stores them.
 */
export function attributeField(definition: AttributeDefinition, optionIds = false): JsonSchema | undefined {
  const name = text(definition.name);
  if (!name) return undefined;
  const title = text(definition.label) ?? name;
  const description = text(definition.description);
  const sentence = (t: string): string => (/[.!?]$/.test(t) ? t : `${t}.`);
  // The same place as the generated help (scripts/generate/help.ts): the property's `description`.
  // The attribute's own description (the workspace's words), then its data type and what the value must be.
  const dataType = typeof definition.data_type === 'string' ? definition.data_type : 'unknown';
  const base = (type: string, kind: string): JsonSchema => {
    const help = [description, `The workspace’s own custom attribute, data type ${dataType}: ${kind}`].filter((t): t is string => t !== undefined).map(sentence).join(' ');
    return { type, title, description: help };
  };
  switch (definition.data_type) {
    case 'string':
      return base('string', 'any text');
    case 'list': {
      if (optionIds) {
        // Intercom takes a ticket list attribute's value as the id of the chosen option (its description of ticket_attributes).
        const options = listOptions(definition).filter((o) => o.id !== undefined);
        const choices = options.map((o) => (o.label ? `${o.id} (${o.label})` : String(o.id)));
        return base('string', choices.length > 0 ? `the id of the chosen option, not its label: one of ${choices.join(', ')}` : 'the id of the chosen option, not its label (Ticket types: Get lists the options)');
      }
      const labels = listOptions(definition).map((o) => o.label).filter((l): l is string => !!l);
      return base('string', labels.length > 0 ? `one of ${labels.join(', ')}` : 'one of the values set up in Intercom');
    }
    case 'integer':
      return base('number', 'a whole number');
    case 'float':
    case 'decimal':
      return base('number', 'a number, decimals allowed');
    case 'boolean':
      return base('boolean', 'true or false');
    case 'date':
    case 'datetime':
      return base('number', 'Unix time in seconds (UTC), e.g. 1717171717 (31 May 2024, 16:08:37 UTC)');
    default:
      return undefined;
  }
}

/** Typed `custom_attributes` properties from the workspace's attribute list. */
export function customAttributeProperties(model: CustomAttributeModel, items: unknown[]): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null) continue;
    const definition = raw as AttributeDefinition;
    if (definition.archived === true) continue;
    // Contact and company lists mix standard and custom attributes; only custom, API-writable ones belong here.
    if ((model === 'contact' || model === 'company') && (definition.custom !== true || definition.api_writable === false)) continue;
    if (properties[text(definition.name) ?? '']) continue; // a ticket attribute shared by several ticket types
    const field = attributeField(definition, model === 'ticket');
    const name = text(definition.name);
    if (field && name) properties[name] = field;
  }
  return properties;
}

type Properties = Record<string, JsonSchema>;

/** The attribute object with the typed properties; additionalProperties stays open for attributes added later. */
function typed(existing: JsonSchema, properties: Properties): JsonSchema {
  return { ...existing, type: 'object', properties };
}

/**
 * `schema` with the record's attribute object (`custom_attributes`, or `ticket_attributes` of tickets) given the
 * typed properties, at the top level and in the records a top-level container holds; everything else untouched.
 */
export function withTypedAttributes(schema: JsonSchema, model: CustomAttributeModel, properties: Properties): JsonSchema {
  const top = schema['properties'] as Properties | undefined;
  if (!top || Object.keys(properties).length === 0) return schema;
  const name = ATTRIBUTE_PROPERTY[model];
  const inRecord = (record: JsonSchema): JsonSchema => {
    const fields = record['properties'] as Properties | undefined;
    const existing = fields?.[name];
    return fields && existing ? { ...record, properties: { ...fields, [name]: typed(existing, properties) } } : record;
  };
  const out: Properties = { ...top };
  const own = top[name];
  if (own) out[name] = typed(own, properties);
  for (const container of RECORD_CONTAINERS[model]) {
    const field = top[container];
    if (!field) continue;
    const items = field['items'] as JsonSchema | undefined;
    out[container] = items ? { ...field, items: inRecord(items) } : inRecord(field);
  }
  return { ...schema, properties: out };
}

/** How many places of `schema` carry the model's attribute object (the generator checks a declaration has one). */
export function attributePlaces(schema: JsonSchema, model: CustomAttributeModel): number {
  const marker: Properties = { __probe: { type: 'string' } };
  const probe = JSON.stringify(withTypedAttributes(schema, model, marker));
  return probe.split('"__probe"').length - 1;
}

/** The workspace's attributes of a model as typed fields; throws when they cannot be listed. */
async function attributeProperties(model: CustomAttributeModel, cfg: unknown, logger: ReturnType<typeof safeLogger>, label: string): Promise<Properties> {
  const client = await clientFor(readCredentials(cfg), logger);
  return customAttributeProperties(model, await listAttributeDefinitions(client, model, label));
}

/**
 * getMetaModel(cfg) of an action or trigger: its static schemas (schemas/<key>.in.json when it has one, and
 * .out.json), with the workspace's attributes of `model` as typed fields wherever a record is shown or written.
 * When they cannot be listed (token without the scope, network, Intercom error) the static schemas are returned
 * and the reason logged: designing a flow never fails because of it.
 */
export function customAttributesMetaModel(key: string, model: CustomAttributeModel): (this: unknown, cfg: unknown) => Promise<MetaModel> {
  return async function getMetaModel(this: unknown, cfg: unknown): Promise<MetaModel> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const staticIn = hasSchema(key, 'in') ? readSchema(key, 'in') : undefined;
    const staticOut = readSchema(key, 'out');
    const staticModel: MetaModel = { ...(staticIn ? { in: staticIn } : {}), out: staticOut };
    try {
      const properties = await attributeProperties(model, cfg, logger, `${key}.getMetaModel`);
      logger.info(`${key}: ${Object.keys(properties).length} custom ${model} attribute(s) added to the metadata`);
      return {
        ...(staticIn ? { in: withTypedAttributes(staticIn, model, properties) } : {}),
        out: withTypedAttributes(staticOut, model, properties),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`${key}: custom ${model} attributes could not be listed (${reason}); using the static metadata`);
      return staticModel;
    }
  };
}

function hasSchema(key: string, direction: 'in' | 'out'): boolean {
  return existsSync(join(PACKAGE_ROOT, 'schemas', `${key}.${direction}.json`));
}
