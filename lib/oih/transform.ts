import { randomUUID } from 'node:crypto';
import { OIH_FIELDS } from '../catalogue/fields';
import { ConfigurationError } from '../runtime/errors';
import { isChecked } from '../runtime/input';
import type { Config, StepContext } from '../runtime/step';
import { evaluateMapping } from './customMapping';
import { isFields, type Mapping, type OihMessage } from './envelope';

/**
 * OIH's transformation contract as ferryman's `transform` defines it (ferryman lib/transformer.js), on the message
 * envelope `{metadata, data}` as OIH adapters use it, under both runtimes:
 * - `skipTransformation` (ticked): the message unchanged;
 * - the node setting `storeRawRecord`: the record (`data`) goes to OIH's raw data storage first ('raw-record');
 * - `customMapping` (JSONata over the envelope): evaluated here, bounded, and its result checked (customMapping.ts),
 *   where ferryman would pass the message on unmapped when the expression fails;
 * - otherwise the default mapping.
 */
export async function transform(message: OihMessage, cfg: Config, defaultMapping: Mapping, ctx: StepContext): Promise<OihMessage> {
  if (isChecked(cfg[OIH_FIELDS.skipTransformation])) return message;
  const nodeSettings = cfg['nodeSettings'];
  if (isFields(nodeSettings) && nodeSettings['storeRawRecord']) {
    await ctx.emit('raw-record', { rawRecordId: randomUUID(), payload: message.data });
  }
  const expression = customMappingOf(cfg);
  if (expression === undefined) return defaultMapping(message, cfg);
  return envelopeOf(await evaluateMapping(expression, message), message);
}

/** Whether the component's default mapping applies (neither skipTransformation nor a customMapping is set). */
export function usesDefaultMapping(cfg: Config): boolean {
  return !isChecked(cfg[OIH_FIELDS.skipTransformation]) && customMappingOf(cfg) === undefined;
}

function customMappingOf(cfg: Config): string | undefined {
  const raw = cfg[OIH_FIELDS.customMapping];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new ConfigurationError(`Step field "${OIH_FIELDS.customMapping}" must be a JSONata expression (text); got ${Array.isArray(raw) ? 'array' : typeof raw}`);
  return raw.trim() === '' ? undefined : raw;
}

/**
 * A custom mapping gives an envelope: its `data` is the mapped record; its `metadata`, when it gives one, stands
 * for the message's (a mapping that leaves it out keeps the incoming metadata).
 */
function envelopeOf(result: unknown, incoming: OihMessage): OihMessage {
  if (!isFields(result) || result['data'] === undefined) {
    const got = result === undefined ? 'nothing' : isFields(result) ? `an object with ${Object.keys(result).length > 0 ? `only ${Object.keys(result).slice(0, 5).join(', ')}` : 'no fields'}` : Array.isArray(result) ? 'an array' : typeof result;
    throw new ConfigurationError(
      `Step field "${OIH_FIELDS.customMapping}" must give OIH's message envelope {"data": …, "metadata": …} (it is evaluated over {metadata, data}, as in other OIH connectors); it gave ${got}`,
    );
  }
  return { metadata: isFields(result['metadata']) ? result['metadata'] : incoming.metadata, data: result['data'] };
}
