import type { CuratedRun } from '../curated/common';
import { readCredentials } from '../runtime/credentials';
import { InputValidationError } from '../runtime/errors';
import { type Input, validateInput } from '../runtime/input';
import { clientFor } from '../runtime/region';
import type { StepDefinition } from '../operation/componentModule';
import { type Config, incomingRecordUid, oihMetadata, step, type StepContext, type StepRun } from '../runtime/step';
import { isFields, type Mapping, type OihMessage } from './envelope';
import { transform, usesDefaultMapping } from './transform';

/**
 * What an OIH action works with: its message `{metadata, data}` through the transformation contract (default
 * mapping, custom mapping, or none) and a client with the component's usual auth, region, retries and error
 * mapping. The mapped `data` is validated by the Intercom action it feeds, so a Person is never checked against
 * Intercom's rules; the mapped `metadata.recordUid` (under ferryman) names the linked Intercom record, as OIH adapters
 * read it from the transformed message.
 */
export type OihRun = CuratedRun & { mapped: unknown };

export async function oihRun(stepRun: StepRun, mapping: Mapping): Promise<OihRun> {
  const { key, cfg } = stepRun;
  // An OIH record is checked against the function's schema (the model's fields); a record for a custom
  // mapping, or Intercom inputs when transformation is skipped, only has to be an object here: the mapped
  // result is checked by the Intercom action it feeds.
  const input = usesDefaultMapping(cfg) ? validateInput(key, stepRun.input) : objectInput(key, stepRun.input);
  const incoming: OihMessage = { metadata: isFields(stepRun.ctx.incoming.metadata) ? stepRun.ctx.incoming.metadata : {}, data: input };
  const mapped = await transform(incoming, cfg, mapping, stepRun.ctx);
  const ctx: StepContext = { ...stepRun.ctx, recordUid: incomingRecordUid(stepRun.ctx.runtime, { metadata: mapped.metadata }) };
  const credentials = readCredentials(cfg);
  const client = await clientFor(credentials, ctx.logger);
  return { key, ctx, client, credentials, input, cfg, mapped: mapped.data };
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

/**
 * The `present` hook of an OIH trigger: each Intercom record, in the envelope `{metadata: its OIH identity, data}`,
 * through the transformation contract; what is emitted is the mapped `data` (the message's identity stays the
 * Intercom record's, whatever metadata a custom mapping gives).
 */
export function presentAs(mapping: Mapping): (record: unknown, cfg: Config, ctx: StepContext) => Promise<unknown> {
  return async (record, cfg, ctx) => (await transform({ metadata: oihMetadata({}, record, cfg), data: record }, cfg, mapping, ctx)).data;
}
