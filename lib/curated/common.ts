import { convenienceActions } from '../catalogue/convenience';
import type { ProcessFunction } from '../runtime/action';
import { runStep } from '../runtime/action';
import type { ApiResponse, IntercomClient } from '../runtime/client';
import { type Credentials, readCredentials } from '../runtime/credentials';
import { type IncomingMessage, readInput, type StepContext, stepContext } from '../runtime/envelope';
import { InputValidationError } from '../runtime/errors';
import { operation } from '../runtime/operations';
import { clientFor } from '../runtime/region';
import { buildRequest, cloneInput, findForbiddenKeys } from '../runtime/request';
import { compileSchema, describeAjvErrors, type JsonSchema } from '../runtime/schemas';

export type Input = Record<string, unknown>;
export type Config = Record<string, unknown>;

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
  check?: (input: Input, cfg: Config) => string[];
}

/**
 * The `process` of a convenience action: input validated against the action's `in` schema (from
 * lib/catalogue/convenience.ts) and its own checks before anything is sent, then the body runs with a client
 * that has the same auth, region, version header, retries and error mapping as every generated action.
 */
export function curatedAction(key: string, body: (run: CuratedRun) => Promise<void>, options: CuratedOptions = {}): ProcessFunction {
  const decl = convenienceActions[key];
  if (!decl?.in) throw new Error(`No convenience action "${key}" with an input schema in lib/catalogue/convenience.ts`);
  const schema = decl.in;
  // Named processAction, not process: a function named `process` would shadow Node's global inside it.
  return async function processAction(this: unknown, msg: IncomingMessage, cfg: unknown, _snapshot?: unknown, _headers?: unknown, tokenData?: unknown): Promise<void> {
    const ctx = stepContext(this, msg, tokenData);
    await runStep(ctx, key, async () => {
      const credentials = readCredentials(cfg);
      const config = (typeof cfg === 'object' && cfg !== null ? cfg : {}) as Config;
      const input = validateCurated(key, schema, readInput(msg), config, options);
      const client = await clientFor(credentials, ctx.logger);
      await body({ key, ctx, client, credentials, input, cfg: config });
    });
  };
}

/** Schema and semantic problems reported together; empty strings and nulls count as "not given". */
export function validateCurated(key: string, schema: JsonSchema, raw: unknown, cfg: Config, options: CuratedOptions = {}): Input {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputValidationError(key, ['the message body must be a JSON object of the action inputs']);
  }
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length > 0) throw new InputValidationError(key, forbidden.map((path) => `field ${path}: this key name is not allowed`));
  const input: Input = {};
  for (const [name, value] of Object.entries(cloneInput(raw) as Input)) {
    if (value === '' || value === null || value === undefined) continue;
    input[name] = value;
  }
  options.prepare?.(input);
  const validate = compileSchema(`curated:${key}`, schema);
  const problems = validate(input) ? [] : describeAjvErrors(validate.errors);
  problems.push(...(options.check?.(input, cfg) ?? []));
  if (problems.length > 0) throw new InputValidationError(key, [...new Set(problems)]);
  return input;
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
  const request = buildRequest(opKey, operation(opKey), input);
  request.operation = `${run.key} (${opKey})`;
  if (overrides.idempotent !== undefined) request.idempotent = overrides.idempotent;
  return run.client.request<T>(request);
}

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
