import { createRequire } from 'node:module';
import { OIH_FIELDS } from '../catalogue/fields';
import { isChecked } from '../runtime/input';
import { ConfigurationError } from '../runtime/errors';
import type { Config, StepContext } from '../runtime/step';

/** A default mapping, called as ferryman calls one: `(object, cfg)`. */
export type Mapping = (object: unknown, cfg: Config) => unknown;

interface FerrymanTransformer {
  transform(this: unknown, object: unknown, cfg: Config, defaultMapping: Mapping | false): unknown;
}

interface Jsonata {
  (expression: string): unknown;
}

let transformer: FerrymanTransformer | undefined;
let jsonata: Jsonata | undefined;
const checkedExpressions = new Set<string>();

/** ferryman's own `transform` (exported by its index.js); loaded on first use, so other functions never pay for it. */
function ferrymanTransformer(): FerrymanTransformer {
  transformer ??= require('@openintegrationhub/ferryman/index.js') as FerrymanTransformer;
  return transformer;
}

/**
 * OIH's transformation contract, through ferryman's own `transform`, under both runtimes: the object unchanged
 * when `skipTransformation` is set, `customMapping` (a JSONata expression) instead of the default mapping when
 * given, else the default mapping. Ferryman only logs a custom mapping that fails and passes the object on
 * untransformed, so the expression is compiled here first: a broken one is a configuration error naming the field.
 */
export function transform(object: unknown, cfg: Config, defaultMapping: Mapping, ctx: StepContext): unknown {
  const customMapping = typeof cfg[OIH_FIELDS.customMapping] === 'string' ? (cfg[OIH_FIELDS.customMapping] as string).trim() : '';
  const contract: Config = { ...cfg, [OIH_FIELDS.skipTransformation]: isChecked(cfg[OIH_FIELDS.skipTransformation]) };
  if (customMapping) {
    checkExpression(customMapping);
    contract[OIH_FIELDS.customMapping] = customMapping;
  } else {
    Reflect.deleteProperty(contract, OIH_FIELDS.customMapping);
  }
  // ferryman's transform emits 'raw-record' through `this` when the node keeps raw records.
  const host = {
    emit: (event: string, payload: unknown): void => {
      ctx.emit(event, payload).catch((error: unknown) => ctx.logger.warn(`emitting ${event} failed: ${error instanceof Error ? error.message : String(error)}`));
    },
  };
  return ferrymanTransformer().transform.call(host, object, contract, defaultMapping);
}

/** Whether the component's default mapping applies (neither skipTransformation nor a customMapping is set). */
export function usesDefaultMapping(cfg: Config): boolean {
  const custom = cfg[OIH_FIELDS.customMapping];
  return !isChecked(cfg[OIH_FIELDS.skipTransformation]) && !(typeof custom === 'string' && custom.trim() !== '');
}

function checkExpression(expression: string): void {
  if (checkedExpressions.has(expression)) return;
  // The jsonata ferryman itself uses (its dependency), so the check and the evaluation agree.
  jsonata ??= createRequire(require.resolve('@openintegrationhub/ferryman/index.js'))('jsonata') as Jsonata;
  try {
    jsonata(expression);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`Step field "${OIH_FIELDS.customMapping}" is not a valid JSONata expression: ${message}`);
  }
  checkedExpressions.add(expression);
}
