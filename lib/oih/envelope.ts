import type { Config } from '../runtime/step';

/**
 * OIH's message envelope, `{metadata, data}` (ComponentBestPractices): what OIH adapters hand ferryman's
 * `transform` and read back from it, and what ferryman's own per-node transforms take. Every transformation of the
 * OIH functions (default mapping, customMapping) takes one and gives one, so a customMapping written for another OIH
 * connector (`{"data": …, "metadata": $.metadata}`) works here unchanged.
 */
export interface OihMessage {
  metadata: Record<string, unknown>;
  data: unknown;
}

/** A default mapping, called as ferryman calls one: `(message, cfg)`, giving the mapped message. */
export type Mapping = (message: OihMessage, cfg: Config) => OihMessage;

/** A mapping of the record in `data`; the metadata goes through unchanged. */
export function mapData(record: (data: unknown) => unknown): Mapping {
  return (message) => ({ metadata: message.metadata, data: record(message.data) });
}

export function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
