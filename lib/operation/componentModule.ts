import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchModelName } from '../catalogue/searchFields';
import type { CustomAttributeModel } from '../catalogue/types';
import { PACKAGE_ROOT } from '../runtime/constants';
import type { ProcessFunction } from '../runtime/step';

/**
 * The module the platforms load for one action or trigger (lib/actions/<key>.ts, lib/triggers/<key>.ts, all
 * generated): its `process`, and what the catalogue says it serves besides, which this file adds from
 * lib/generated/modules.json: `getMetaModel` for an action or trigger with the workspace's custom attributes, and
 * the select models its step fields name.
 */

/** A function the platform calls with the step's configuration (getMetaModel, a select model). */
export type ConfigFunction = (this: unknown, cfg: unknown) => Promise<unknown>;

export interface ComponentModule {
  process: ProcessFunction;
  getMetaModel?: ConfigFunction;
  [selectModel: string]: ConfigFunction | ProcessFunction | undefined;
}

/**
 * What a hand-written action or trigger contributes: its `process`, and its own `getMetaModel` when its metadata
 * depends on its step settings (the standard object actions). Both are made for the key the catalogue gives it:
 * the generated module passes the key, so the hand-written file never types it.
 */
export interface StepDefinition {
  process(key: string): ProcessFunction;
  getMetaModel?(key: string): ConfigFunction;
}

/** One row of lib/generated/modules.json: what a module serves besides `process`, from the catalogue. */
export interface ModuleFacts {
  /** Its getMetaModel shows the workspace's custom attributes of this model as typed fields. */
  customAttributes?: CustomAttributeModel;
  /** A search action that also takes simple terms, turned into its query with this model's fields. */
  simpleSearch?: SearchModelName;
  /** The select models (lib/selectModels) its dropdown step fields name. */
  selectModels?: string[];
}

let facts: Record<string, ModuleFacts> | undefined;

export function moduleFacts(key: string): ModuleFacts {
  facts ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'lib', 'generated', 'modules.json'), 'utf8')) as Record<string, ModuleFacts>;
  return facts[key] ?? {};
}

export function componentModule(key: string, definition: StepDefinition): ComponentModule {
  const served = moduleFacts(key);
  const module: ComponentModule = { process: definition.process(key) };
  const own = definition.getMetaModel?.(key);
  if (own) module.getMetaModel = own;
  else if (served.customAttributes) module.getMetaModel = customAttributesMetaModel(key, served.customAttributes);
  for (const name of served.selectModels ?? []) module[name] = selectModel(name);
  return module;
}

// getMetaModel and the select models are asked for while a flow is designed (service mode), never while it runs:
// their code is loaded on the first call, so a step's start does not pay for it.

function customAttributesMetaModel(key: string, model: CustomAttributeModel): ConfigFunction {
  return async function getMetaModel(this: unknown, cfg: unknown): Promise<unknown> {
    const metadata = require('../metadata/customAttributes') as typeof import('../metadata/customAttributes');
    return metadata.customAttributesMetaModel(key, model).call(this, cfg);
  };
}

function selectModel(name: string): ConfigFunction {
  return async function select(this: unknown, cfg: unknown): Promise<unknown> {
    const { selectModels } = require('../selectModels') as typeof import('../selectModels');
    const model = selectModels[name];
    if (!model) throw new Error(`No select model ${name} (lib/selectModels)`);
    return model.call(this, cfg);
  };
}
