/**
 * How many requests made from the component's own metadata Intercom's description accepts: for every generated
 * action, an input sampled from its validation schema (required fields only, or every optional field too) is
 * given to the real action code, which sends its request over loopback to the validating mock.
 *
 *   npm run measure:description     prints both figures and every refusal
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settings } from '../../lib/runtime/settings';
import { FakeStep } from '../helpers/fakeStep';
import { type OptionalFields, sampleInput, type Schema } from '../helpers/sampleInput';
import { DescribedIntercom, type MockedRequest } from './describedIntercom';

const ROOT = join(__dirname, '..', '..');

export interface ActionOutcome {
  key: string;
  accepted: boolean;
  /** Why not: the mock's problems, or the component's own refusal when nothing was sent. */
  problems: string[];
  requests: MockedRequest[];
}

export interface Measurement {
  total: number;
  accepted: number;
  outcomes: ActionOutcome[];
}

interface ActionModule {
  process: (this: FakeStep, msg: unknown, cfg: unknown, snapshot: unknown) => Promise<unknown>;
}

function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as unknown;
}

/** The schema an action's input is checked against, as shipped with the component. */
export function shippedValidationSchema(key: string): Schema {
  const strict = `schemas/${key}.in.strict.json`;
  return readJson(existsSync(join(ROOT, strict)) ? strict : `schemas/${key}.in.json`) as Schema;
}

export async function measure(optional: OptionalFields): Promise<Measurement> {
  const mock = new DescribedIntercom();
  const baseUrl = await mock.start();
  const saved = { maxRetries: settings.maxRetries, maxRateLimitRetries: settings.maxRateLimitRetries };
  settings.maxRetries = 0;
  settings.maxRateLimitRetries = 0;
  const outcomes: ActionOutcome[] = [];
  try {
    const operations = readJson('lib/generated/operations.json') as Record<string, { path: string }>;
    const keys = Object.keys(operations).sort();
    for (const key of keys) {
      const input = sampleInput(shippedValidationSchema(key), optional);
      const first = mock.requests.length;
      const step = new FakeStep();
      const action = require(join(ROOT, 'lib', 'actions', key)) as ActionModule;
      const refusedHere: string[] = [];
      try {
        await action.process.call(step, { id: `m-${key}`, body: input, headers: {}, attachments: {}, metadata: {} }, { accessToken: 'tok_measure_0123456789', baseUrl }, {});
      } catch (error) {
        refusedHere.push(error instanceof Error ? error.message : String(error));
      }
      // GET /me is asked by some actions for the workspace code: it is not their own request.
      const ownPath = operations[key]?.path;
      const requests = mock.requests.slice(first).filter((r) => r.path !== '/me' || ownPath === '/me');
      const problems = requests.length === 0 ? [`not sent: ${refusedHere.join('; ') || 'no request'}`] : requests.flatMap((r) => r.problems);
      outcomes.push({ key, accepted: requests.length > 0 && requests.every((r) => r.accepted), problems, requests });
    }
  } finally {
    Object.assign(settings, saved);
    await mock.stop();
  }
  return { total: outcomes.length, accepted: outcomes.filter((o) => o.accepted).length, outcomes };
}

async function main(): Promise<void> {
  for (const [label, optional] of [['required fields only', 'none'], ['every optional field filled', 'all']] as const) {
    const result = await measure(optional);
    process.stdout.write(`${label}: ${result.accepted}/${result.total} requests accepted by Intercom's 2.16 description\n`);
    for (const outcome of result.outcomes.filter((o) => !o.accepted)) {
      process.stdout.write(`  ${outcome.key}: ${outcome.problems.join('; ').slice(0, 400)}\n`);
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
