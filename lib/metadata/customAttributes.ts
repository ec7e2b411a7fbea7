import type { CustomAttributeModel } from '../catalogue/types';
import { type ActionModule, forOperation } from '../runtime/action';
import { readCredentials } from '../runtime/credentials';
import { safeLogger } from '../runtime/logger';
import { clientFor } from '../runtime/region';
import { type JsonSchema, readSchema } from '../runtime/schemas';
import { listAttributeDefinitions } from './attributeDefinitions';

export interface MetaModel {
  in: JsonSchema;
  out: JsonSchema;
}

export interface DynamicActionModule extends ActionModule {
  getMetaModel(this: unknown, cfg: unknown): Promise<MetaModel>;
}

interface AttributeDefinition {
  name?: unknown;
  label?: unknown;
  description?: unknown;
  data_type?: unknown;
  custom?: unknown;
  archived?: unknown;
  api_writable?: unknown;
  options?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The mapper field for one attribute, or undefined for types a flat field cannot carry (conversation
 * relationships and files). Dates are Unix timestamps in seconds, as Intercom stores them.
 */
export function attributeField(definition: AttributeDefinition): JsonSchema | undefined {
  const name = text(definition.name);
  if (!name) return undefined;
  const title = text(definition.label) ?? name;
  const description = text(definition.description);
  const sentence = (t: string): string => (/[.!?]$/.test(t) ? t : `${t}.`);
  const base = (type: string, note?: string): JsonSchema => {
    const parts = [description, note].filter((t): t is string => t !== undefined).map(sentence);
    return { type, title, ...(parts.length > 0 ? { description: parts.join(' ') } : {}) };
  };
  switch (definition.data_type) {
    case 'string':
      return base('string');
    case 'list': {
      const labels = Array.isArray(definition.options)
        ? (definition.options as Array<{ label?: unknown; archived?: unknown }>).filter((o) => o.archived !== true).map((o) => text(o.label)).filter((l): l is string => !!l)
        : [];
      return base('string', labels.length > 0 ? `One of: ${labels.join(', ')}.` : undefined);
    }
    case 'integer':
      return base('number', 'A whole number.');
    case 'float':
    case 'decimal':
      return base('number');
    case 'boolean':
      return base('boolean');
    case 'date':
    case 'datetime':
      return base('number', 'Unix timestamp (seconds).');
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
    if (model !== 'conversation' && (definition.custom !== true || definition.api_writable === false)) continue;
    const field = attributeField(definition);
    const name = text(definition.name);
    if (field && name) properties[name] = field;
  }
  return properties;
}

/** `schema` with its `custom_attributes` object given the typed properties (other properties untouched). */
export function withTypedCustomAttributes(schema: JsonSchema, properties: Record<string, JsonSchema>): JsonSchema {
  const top = schema['properties'] as Record<string, JsonSchema> | undefined;
  const existing = top?.['custom_attributes'];
  if (!top || !existing || Object.keys(properties).length === 0) return schema;
  return {
    ...schema,
    properties: {
      ...top,
      // additionalProperties stays open: an attribute created after the flow was designed can still be sent.
      custom_attributes: { ...existing, type: 'object', properties },
    },
  };
}

/**
 * A generated action (`forOperation(key)`) plus `getMetaModel(cfg)`: its static schemas, with the workspace's
 * custom attributes as typed fields under `custom_attributes`. When they cannot be listed (token without the
 * scope, network, Intercom error) the static schema is returned and the reason logged: designing a flow never
 * fails because of it.
 */
export function withCustomAttributes(key: string, model: CustomAttributeModel): DynamicActionModule {
  const action = forOperation(key);
  async function getMetaModel(this: unknown, cfg: unknown): Promise<MetaModel> {
    const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
    const staticIn = readSchema(key, 'in');
    const staticOut = readSchema(key, 'out');
    try {
      const client = await clientFor(readCredentials(cfg), logger);
      const items = await listAttributeDefinitions(client, model, `${key}.getMetaModel`);
      const properties = customAttributeProperties(model, items);
      logger.info(`${key}: ${Object.keys(properties).length} custom ${model} attribute(s) added to the metadata`);
      return { in: withTypedCustomAttributes(staticIn, properties), out: withTypedCustomAttributes(staticOut, properties) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`${key}: custom ${model} attributes could not be listed (${reason}); using the static metadata`);
      return { in: staticIn, out: staticOut };
    }
  }
  return { process: action.process, getMetaModel };
}
