import type { CuratedRun } from '../curated/common';
import { readCredentials } from '../runtime/credentials';
import { InputValidationError } from '../runtime/errors';
import { type Input, validateInput } from '../runtime/input';
import { clientFor } from '../runtime/region';
import type { StepDefinition } from '../operation/componentModule';
import { step, type StepRun } from '../runtime/step';
import { transform, type Mapping, usesDefaultMapping } from './transform';

/**
 * What an OIH action works with: its input through the transformation contract (default mapping, custom
 * mapping, or none) and a client with the component's usual auth, region, retries and error mapping. The
 * mapped result is validated by the Intercom action it feeds, so a Person is never checked against Intercom's rules.
 */
export type OihRun = CuratedRun & { mapped: unknown };

export async function oihRun(stepRun: StepRun, mapping: Mapping): Promise<OihRun> {
  const { key, ctx, cfg } = stepRun;
  // An OIH record is checked against the function's schema (the model's fields); a record for a custom
  // mapping, or Intercom inputs when transformation is skipped, only has to be an object here: the mapped
  // result is checked by the Intercom action it feeds.
  const input = usesDefaultMapping(cfg) ? validateInput(key, stepRun.input) : objectInput(key, stepRun.input);
  const mapped = transform(input, cfg, mapping, ctx);
  const credentials = readCredentials(cfg);
  const client = await clientFor(credentials, ctx.logger);
  return { key, ctx, client, credentials, input, cfg, mapped };
}

function objectInput(key: string, input: unknown): Input {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputValidationError(key, ['the message body must be a JSON object']);
  }
  return input as Input;
}

/** An OIH action: its body, run on the input mapped by `mapping`, made into a step for the key the catalogue gives it. */
export function oihAction(mapping: Mapping, body: (run: OihRun) => Promise<void>): StepDefinition {
  return { process: (key) => step(key, async (stepRun) => body(await oihRun(stepRun, mapping))) };
}

/** The `present` hook of an OIH trigger: each Intercom record through the transformation contract. */
export function presentAs(mapping: Mapping): (record: unknown, cfg: StepRun['cfg'], ctx: StepRun['ctx']) => unknown {
  return (record, cfg, ctx) => transform(record, cfg, mapping, ctx);
}
