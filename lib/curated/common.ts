import type { StepDefinition } from '../operation/componentModule';
import type { ApiResponse, IntercomClient } from '../runtime/client';
import { type Credentials, readCredentials } from '../runtime/credentials';
import { type Input, validateInput } from '../runtime/input';
import { clientFor } from '../runtime/region';
import { operationCall } from '../runtime/operations';
import { type Config, type ProcessFunction, step, type StepContext } from '../runtime/step';

export type { Config } from '../runtime/step';
export type { Input } from '../runtime/input';
export { isChecked } from '../runtime/input';

/** What a convenience action's body works with: validated input, step configuration and a ready client. */
export interface CuratedRun {
  key: string;
  ctx: StepContext;
  client: IntercomClient;
  credentials: Credentials;
  input: Input;
  cfg: Config;
}

export interface CuratedOptions {
  /** Rewrites the raw input before validation (e.g. a comma-separated string into a list). */
  prepare?: (input: Input) => void;
  /** Checks the schema cannot express (one of two fields, a parsable date …); every problem at once. */
  check?: (input: Input, cfg: Config, ctx: StepContext) => string[];
}

/**
 * The `process` of a convenience action: the input is validated like every action's (its schemas/<key>.in.json,
 * generated from lib/catalogue/convenience.ts) plus its own checks before anything is sent; then the body runs
 * with a client that has the same auth, region, version header, retries and error mapping as every other action.
 */
export function curatedAction(key: string, body: (run: CuratedRun) => Promise<void>, options: CuratedOptions = {}): ProcessFunction {
  return step(key, async ({ ctx, input: raw, cfg }) => {
    const credentials = readCredentials(cfg);
    const check = options.check;
    const input = validateInput(key, raw, { ...(options.prepare ? { prepare: options.prepare } : {}), ...(check ? { check: (given: Input) => check(given, cfg, ctx) } : {}) });
    const client = await clientFor(credentials, ctx.logger);
    await body({ key, ctx, client, credentials, input, cfg });
  });
}

/**
 * A convenience action: its body and checks, made into a step for the key the catalogue gives it (its module,
 * lib/actions/<key>.ts, is generated).
 */
export function convenienceAction(body: (run: CuratedRun) => Promise<void>, options: CuratedOptions = {}): StepDefinition {
  return { process: (key) => curatedAction(key, body, options) };
}

/**
 * Calls a catalogue operation with the given flat input, exactly as its generated action would build the
 * request; logs and errors name the convenience action and the operation.
 */
export async function callOperation<T = unknown>(
  run: CuratedRun,
  opKey: string,
  input: Input,
  overrides: { idempotent?: boolean } = {},
): Promise<ApiResponse<T>> {
  const call = operationCall(opKey, input, `${run.key} (${opKey})`);
  if (overrides.idempotent !== undefined) call.idempotent = overrides.idempotent;
  return run.client.request<T>(call);
}

/** A given text: trimmed, or undefined for an empty value (`null`, `''`, blanks) or a non-text value. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The message field wins over the step setting, so one step can serve several admins. */
export function fromInputOrConfig(input: Input, inputName: string, cfg: Config, cfgName: string): string | undefined {
  return text(input[inputName]) ?? text(cfg[cfgName]);
}


export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
